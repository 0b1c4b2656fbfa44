/**
 * Writes or edits a rule: its dimension, conditions and value, with a live preview (rows matched,
 * cost moved, coverage before → after) that follows the form as it is typed, before saving.
 */
import {
  Alert, Autocomplete, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel,
  InputLabel, MenuItem, Paper, Radio, RadioGroup, Select, TextField, Typography,
} from '@mui/material';
import { useMemo, useState, type FormEvent } from 'react';
import type { AllocationRule, AttributionConfig } from '../../../../shared/attribution.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { formatCount, formatMoney } from '../../format/money.js';
import { formatCoverage } from './attribution-view.js';
import { ConditionEditor } from './ConditionEditor.js';
import { NameDimensionFields } from './NameDimensionFields.js';
import type { FieldKind } from './condition-form.js';
import { COMMON_COLUMNS, errorText } from './fields.js';
import { newRuleForm, OPERATORS, ruleFromForm, ruleToForm, type RuleForm, type ValueForm, type ValueKind } from './rule-form.js';
import { useDebounced } from './use-debounced.js';

const VALUE_KINDS: ReadonlyArray<{ kind: ValueKind; label: string }> = [
  { kind: 'constant', label: 'A fixed value' },
  { kind: 'tag', label: 'The value of a tag' },
  { kind: 'column', label: 'The value of a column' },
  { kind: 'capture', label: 'Part of a column, by regular expression' },
];

export function RuleEditorDialog({ config, rule, tagKeys, currency, onClose, onSaved }: {
  config: AttributionConfig;
  /** The currency of the preview's money figures (the screen's choice; default: the largest spend). */
  currency: string | undefined;
  /** The rule to edit; null writes a new one. */
  rule: AllocationRule | null;
  tagKeys: readonly string[];
  onClose: () => void;
  onSaved: (rule: AllocationRule) => void;
}) {
  const { api } = useEngine();
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleToForm(rule) : newRuleForm(config.dimensions[0]?.id ?? 'team')));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Where a new rule goes: first match wins, so a specific rule usually belongs above general ones.
  const [atTop, setAtTop] = useState(false);
  const position = rule === null && atTop ? 0 : undefined;
  const taken = useMemo(() => new Set(config.rules.map((r) => r.id)), [config.rules]);
  const checked = ruleFromForm(form, taken);
  const fields = { columns: COMMON_COLUMNS, tagKeys, extras: [] };
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setValue = (patch: Partial<ValueForm>) => setForm((f) => ({ ...f, value: { ...f.value, ...patch } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked.ok) {
      setError(checked.problem);
      return;
    }
    setSaving(true);
    try {
      await api.saveRule({ rule: checked.value, ...(position === undefined ? {} : { position }) });
      onSaved(checked.value);
    } catch (e) {
      setError(errorText(e));
      setSaving(false);
    }
  };

  const title = rule ? `Edit rule “${rule.name}”` : 'New rule';
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="rule-editor-title" slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}>
      <DialogTitle id="rule-editor-title">{title}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 300px' }, gap: 3, pt: 1 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
            <NameDimensionFields
              idPrefix="rule" nameLabel="Rule name" dimensions={config.dimensions} name={form.name} dimension={form.dimension} enabled={form.enabled}
              onName={(v) => set('name', v)} onDimension={(v) => set('dimension', v)} onEnabled={(v) => set('enabled', v)}
            />
            <Typography variant="body2">
              The rule gives a cost line a value in the dimension when the line meets the conditions. Rules are tried in list order; for each
              dimension the first rule that matches (and yields a value) decides.
            </Typography>
            <ConditionEditor root={form.when} onChange={(when) => set('when', when)} operators={OPERATORS} fields={fields} />
            <ValueEditor value={form.value} onChange={setValue} tagKeys={tagKeys} />
            {rule === null && config.rules.length > 0 && (
              <FormControl size="small" sx={{ maxWidth: 360 }}>
                <InputLabel id="rule-position-label">Place the new rule</InputLabel>
                <Select labelId="rule-position-label" label="Place the new rule" value={atTop ? 'top' : 'end'} onChange={(e) => setAtTop(e.target.value === 'top')}>
                  <MenuItem value="end">At the end of the list (tried last)</MenuItem>
                  <MenuItem value="top">At the top of the list (tried first)</MenuItem>
                </Select>
              </FormControl>
            )}
            <TextField size="small" label="Note (why this rule exists)" value={form.note} onChange={(e) => set('note', e.target.value)} multiline minRows={1} />
            {error && <Alert severity="error" role="alert" onClose={() => setError(null)}>{error}</Alert>}
          </Box>
          <RulePreviewPanel rule={checked.ok ? checked.value : null} position={position} currency={currency} problem={checked.ok ? null : checked.problem} dimensionName={config.dimensions.find((d) => d.id === form.dimension)?.name ?? form.dimension} />
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={saving}>{rule ? 'Save rule' : 'Add rule'}</Button>
      </DialogActions>
    </Dialog>
  );
}

function ValueEditor({ value, onChange, tagKeys }: { value: ValueForm; onChange: (patch: Partial<ValueForm>) => void; tagKeys: readonly string[] }) {
  return (
    <Paper component="fieldset" variant="outlined" sx={{ p: 1.5, m: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <FormLabel component="legend" sx={{ px: 0.5 }}>Value to set</FormLabel>
      <RadioGroup row value={value.kind} onChange={(e) => onChange({ kind: e.target.value as ValueKind, name: '' })}>
        {VALUE_KINDS.map((k) => <FormControlLabel key={k.kind} value={k.kind} control={<Radio />} label={k.label} />)}
      </RadioGroup>
      {value.kind === 'constant' && <TextField size="small" label="Value" value={value.constant} onChange={(e) => onChange({ constant: e.target.value })} />}
      {value.kind === 'tag' && (
        <Autocomplete freeSolo size="small" options={[...tagKeys]} inputValue={value.name} onInputChange={(_e, v) => onChange({ name: v })}
          renderInput={(params) => <TextField {...params} label="Tag key" helperText="Lines without this tag are left to the next rule" />} />
      )}
      {value.kind === 'column' && (
        <Autocomplete freeSolo size="small" options={[...COMMON_COLUMNS]} inputValue={value.name} onInputChange={(_e, v) => onChange({ name: v })}
          renderInput={(params) => <TextField {...params} label="Column" helperText="A FOCUS column, or extra:<name> for a column kept from the source file" />} />
      )}
      {value.kind === 'capture' && (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '140px 1fr 2fr 100px' }, gap: 1 }}>
          <FormControl size="small">
            <InputLabel id="capture-field-label">Read from</InputLabel>
            <Select labelId="capture-field-label" label="Read from" value={value.captureField} onChange={(e) => onChange({ captureField: e.target.value as FieldKind, name: '' })}>
              <MenuItem value="column">Column</MenuItem>
              <MenuItem value="tag">Tag</MenuItem>
              <MenuItem value="extra">Extra column</MenuItem>
            </Select>
          </FormControl>
          <Autocomplete freeSolo size="small" options={value.captureField === 'tag' ? [...tagKeys] : value.captureField === 'column' ? [...COMMON_COLUMNS] : []}
            inputValue={value.name} onInputChange={(_e, v) => onChange({ name: v })}
            renderInput={(params) => <TextField {...params} label={value.captureField === 'tag' ? 'Tag key' : 'Column name'} />} />
          <TextField size="small" label="Regular expression" value={value.pattern} onChange={(e) => onChange({ pattern: e.target.value })}
            helperText="e.g. model/([\w.-]+) takes the model name out of a usage type" />
          <TextField size="small" label="Capture group" value={value.group} onChange={(e) => onChange({ group: e.target.value })} helperText="Number or name" />
        </Box>
      )}
    </Paper>
  );
}

/** The live preview: asks the engine what saving the rule would do, once typing pauses. */
function RulePreviewPanel({ rule, position, currency, problem, dimensionName }: {
  rule: AllocationRule | null;
  position: number | undefined;
  currency: string | undefined;
  problem: string | null;
  dimensionName: string;
}) {
  const wanted = rule ? JSON.stringify({ rule, ...(position === undefined ? {} : { position }), ...(currency ? { currency } : {}) }) : null;
  const request = useDebounced(wanted, 300);
  const { data, error, loading } = useEngineQuery('previewRule', request ? (JSON.parse(request) as { rule: AllocationRule; position?: number; currency?: string }) : null);
  const stale = loading || request !== wanted;
  return (
    <Paper component="section" aria-labelledby="preview-title" variant="outlined" sx={{ p: 2, alignSelf: 'start', position: { md: 'sticky' }, top: 0 }}>
      <Typography id="preview-title" variant="h6" component="h3" gutterBottom>Preview</Typography>
      <Box role="status" aria-live="polite" aria-busy={stale} data-testid="rule-preview">
        {!rule && <Typography variant="body2">Complete the rule to see what it would do. {problem}</Typography>}
        {rule && error && <Typography variant="body2" color="error">The preview failed: {error.message}</Typography>}
        {rule && !error && data && (
          <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 1, '& dd': { m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: 600 } }}>
            <dt>Rows matched</dt>
            <dd data-testid="preview-rows">{formatCount(data.rowsMatched)}</dd>
            <dt>Cost moved</dt>
            <dd data-testid="preview-moved">{data.currency ? formatMoney(data.costMoved, data.currency) : '—'}</dd>
            <dt>{dimensionName} coverage</dt>
            <dd data-testid="preview-coverage">{formatCoverage(data.coverageBefore)} → {formatCoverage(data.coverageAfter)}</dd>
          </Box>
        )}
        {rule && !error && !data && <Typography variant="body2">Computing…</Typography>}
        {rule && data && stale && <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>Updating…</Typography>}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Nothing is saved until you save the rule. Cost moved is the cost whose {dimensionName.toLowerCase()} would change, after shared-cost pools.
      </Typography>
    </Paper>
  );
}
