/** The ordered rule list: enable or disable, reorder (drag, or Move up / Move down), edit, delete, add. */
import { Alert, Box, Button, Chip, FormControlLabel, Switch, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { AllocationRule, AttributionConfig } from '../../../../shared/attribution.js';
import { useEngine } from '../../app/engine-context.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { dimensionName } from './attribution-view.js';
import { errorText } from './fields.js';
import { ReorderList } from './ReorderList.js';
import { RuleEditorDialog } from './RuleEditorDialog.js';
import { describeRule } from './rule-form.js';

export function RulesPanel({ config, tagKeys, currency, onMessage }: {
  config: AttributionConfig;
  currency: string | undefined;
  tagKeys: readonly string[];
  onMessage: (message: { severity: 'success' | 'error'; text: string }) => void;
}) {
  const { api } = useEngine();
  const [editing, setEditing] = useState<AllocationRule | 'new' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<AllocationRule | null>(null);
  // The order shown while a reorder is being saved (so the list does not jump back).
  const [pending, setPending] = useState<AllocationRule[] | null>(null);
  const rules = pending ?? config.rules;

  const call = (job: Promise<unknown>, done: string) =>
    job.then(() => onMessage({ severity: 'success', text: done }), (e: unknown) => onMessage({ severity: 'error', text: errorText(e) }));

  const reorder = (next: AllocationRule[]) => {
    setPending(next);
    void api.reorderRules({ ids: next.map((r) => r.id) }).catch((e: unknown) => {
      setPending(null);
      onMessage({ severity: 'error', text: `The new order was not saved: ${errorText(e)}` });
    });
  };
  // Show the saved order once the engine's rule set has it (clearing earlier would flash the old order and lose focus).
  const savedOrder = config.rules.map((r) => r.id).join('\n');
  useEffect(() => {
    setPending((p) => (p && p.map((r) => r.id).join('\n') === savedOrder ? null : p));
  }, [savedOrder]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ flex: '1 1 400px' }}>
          Rules give each cost line a value in a dimension (its team, project, model…). They are tried from the top; for each dimension the
          first enabled rule that matches decides. Drag a rule, or use its Move up and Move down buttons, to change the order.
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')}>New rule</Button>
      </Box>
      {rules.length === 0
        ? <Typography>There are no rules yet: every cost is unallocated. Start with a rule such as “Team from the team tag”.</Typography>
        : (
          <ReorderList
            label="Rules, in the order they are tried"
            items={rules}
            itemKey={(r) => r.id}
            itemName={(r) => `rule “${r.name}”`}
            onReorder={reorder}
            render={(rule, index) => (
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
                <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
                  <Typography component="p" sx={{ fontWeight: 600 }}>
                    <VisuallyHidden>{index + 1}. </VisuallyHidden>{rule.name}
                    <Chip size="small" label={dimensionName(config.dimensions, rule.dimension)} sx={{ ml: 1 }} />
                    {!rule.enabled && <Chip size="small" variant="outlined" label="Disabled" sx={{ ml: 1 }} />}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>{describeRule(rule, dimensionName(config.dimensions, rule.dimension))}</Typography>
                </Box>
                <FormControlLabel
                  control={<Switch checked={rule.enabled} onChange={(e) => void call(api.saveRule({ rule: { ...rule, enabled: e.target.checked } }), `${e.target.checked ? 'Enabled' : 'Disabled'} rule “${rule.name}”.`)} slotProps={{ input: { 'aria-label': `Enabled: rule “${rule.name}”` } }} />}
                  label="Enabled"
                />
                <Button size="small" onClick={() => setEditing(rule)}>Edit<VisuallyHidden> rule “{rule.name}”</VisuallyHidden></Button>
                <Button size="small" color="error" onClick={() => setConfirmDelete(rule)}>Delete<VisuallyHidden> rule “{rule.name}”</VisuallyHidden></Button>
              </Box>
            )}
          />
        )}
      {confirmDelete && (
        <Alert severity="warning" action={
          <>
            <Button color="inherit" onClick={() => setConfirmDelete(null)}>Keep it</Button>
            <Button color="inherit" variant="outlined" onClick={() => { const r = confirmDelete; setConfirmDelete(null); void call(api.deleteRule({ id: r.id }), `Deleted rule “${r.name}”.`); }}>Delete</Button>
          </>
        }>
          Delete rule “{confirmDelete.name}”? The costs it allocated go to the next matching rule, or to unallocated.
        </Alert>
      )}
      {editing && (
        <RuleEditorDialog
          config={config}
          rule={editing === 'new' ? null : editing}
          tagKeys={tagKeys}
          currency={currency}
          onClose={() => setEditing(null)}
          onSaved={(rule) => {
            setEditing(null);
            onMessage({ severity: 'success', text: `Saved rule “${rule.name}”.` });
          }}
        />
      )}
    </Box>
  );
}
