/**
 * Writes or edits a shared-cost pool: which costs it takes, its targets, and how it splits them
 * (evenly, in proportion to the targets' own cost, by fixed percentages that must total 100%, or
 * by a usage metric). The percentages' running total is announced as it changes.
 */
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, IconButton, InputLabel,
  MenuItem, Paper, Radio, RadioGroup, Select, TextField, Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { useMemo, useState, type FormEvent } from 'react';
import type { AttributionConfig, SharedCostPool, SplitMethod } from '../../../../shared/attribution.js';
import { useEngine } from '../../app/engine-context.js';
import { ConditionEditor } from './ConditionEditor.js';
import { NameDimensionFields } from './NameDimensionFields.js';
import { COMMON_COLUMNS, errorText } from './fields.js';
import { percentTotal } from './percent-total.js';
import { METHOD_LABEL, METRIC_LABEL, newPoolForm, poolFromForm, poolToForm, type MetricChoice, type PoolForm, type TargetForm } from './pool-form.js';
import { OPERATORS } from './rule-form.js';

export function PoolEditorDialog({ config, pool, onClose, onSaved }: {
  config: AttributionConfig;
  pool: SharedCostPool | null;
  onClose: () => void;
  onSaved: (pool: SharedCostPool) => void;
}) {
  const { api } = useEngine();
  const [form, setForm] = useState<PoolForm>(() => (pool ? poolToForm(pool) : newPoolForm(config.dimensions[0]?.id ?? 'team')));
  const [error, setError] = useState<string | null>(null);
  const taken = useMemo(() => new Set(config.pools.map((p) => p.id)), [config.pools]);
  const set = <K extends keyof PoolForm>(key: K, value: PoolForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setTarget = (i: number, patch: Partial<TargetForm>) => setForm((f) => ({ ...f, targets: f.targets.map((t, j) => (j === i ? { ...t, ...patch } : t)) }));
  const otherPools = config.pools.filter((p) => p.id !== form.id && p.dimension === form.dimension);
  const total = percentTotal(form.targets.map((t) => t.percent));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = poolFromForm(form, taken);
    if (!checked.ok) {
      setError(checked.problem);
      return;
    }
    try {
      await api.savePool({ pool: checked.value });
      onSaved(checked.value);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="pool-editor-title" slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}>
      <DialogTitle id="pool-editor-title">{pool ? `Edit pool “${pool.name}”` : 'New shared-cost pool'}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
          <NameDimensionFields
            idPrefix="pool" nameLabel="Pool name" dimensions={config.dimensions} name={form.name} dimension={form.dimension} enabled={form.enabled}
            onName={(v) => set('name', v)} onDimension={(v) => set('dimension', v)} onEnabled={(v) => set('enabled', v)}
          />

          <Paper component="fieldset" variant="outlined" sx={{ p: 1.5, m: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
            <FormLabel component="legend" sx={{ px: 0.5 }}>Costs the pool shares out</FormLabel>
            <RadioGroup value={form.sourceKind} onChange={(e) => set('sourceKind', e.target.value as PoolForm['sourceKind'])}>
              <FormControlLabel value="value" control={<Radio />} label="The cost the rules gave one value" />
              <FormControlLabel value="unallocated" control={<Radio />} label="The unallocated cost of this dimension" />
              <FormControlLabel value="condition" control={<Radio />} label="The cost lines that meet conditions" />
            </RadioGroup>
            {form.sourceKind === 'value' && <TextField size="small" label="Value (e.g. shared-platform)" value={form.sourceValue} onChange={(e) => set('sourceValue', e.target.value)} />}
            {form.sourceKind === 'condition' && <ConditionEditor root={form.sourceWhen} onChange={(w) => set('sourceWhen', w)} operators={OPERATORS} fields={{ columns: COMMON_COLUMNS, tagKeys: [], extras: [] }} />}
          </Paper>

          <Paper component="fieldset" variant="outlined" sx={{ p: 1.5, m: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
            <FormLabel component="legend" sx={{ px: 0.5 }}>How to split</FormLabel>
            <RadioGroup value={form.method} onChange={(e) => set('method', e.target.value as SplitMethod['kind'])}>
              {(Object.keys(METHOD_LABEL) as Array<SplitMethod['kind']>).map((m) => <FormControlLabel key={m} value={m} control={<Radio />} label={METHOD_LABEL[m]} />)}
            </RadioGroup>
            {form.method === 'usage' && (
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                <FormControl size="small" sx={{ minWidth: 200 }}>
                  <InputLabel id="pool-metric-label">Usage metric</InputLabel>
                  <Select labelId="pool-metric-label" label="Usage metric" value={form.metric} onChange={(e) => set('metric', e.target.value as MetricChoice)}>
                    {(Object.keys(METRIC_LABEL) as MetricChoice[]).map((m) => <MenuItem key={m} value={m}>{METRIC_LABEL[m]}</MenuItem>)}
                  </Select>
                </FormControl>
                {form.metric === 'imported' && <TextField size="small" label="Imported metric name" value={form.importedMetric} onChange={(e) => set('importedMetric', e.target.value)} />}
              </Box>
            )}
          </Paper>

          <Paper component="fieldset" variant="outlined" sx={{ p: 1.5, m: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
            <FormLabel component="legend" sx={{ px: 0.5 }}>Targets</FormLabel>
            {form.targets.map((t, i) => (
              <Box key={i} role="group" aria-label={`Target ${i + 1}`} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: form.method === 'fixed' ? '160px 1fr 140px auto' : '160px 1fr auto' }, gap: 1 }}>
                <FormControl size="small">
                  <InputLabel id={`target-${i}-kind`}>{`Target ${i + 1}: kind`}</InputLabel>
                  <Select labelId={`target-${i}-kind`} label={`Target ${i + 1}: kind`} value={t.kind} onChange={(e) => setTarget(i, { kind: e.target.value as TargetForm['kind'], name: '' })}>
                    <MenuItem value="value">A value</MenuItem>
                    <MenuItem value="pool" disabled={otherPools.length === 0}>Another pool</MenuItem>
                  </Select>
                </FormControl>
                {t.kind === 'value'
                  ? <TextField size="small" label={`Target ${i + 1}: value`} value={t.name} onChange={(e) => setTarget(i, { name: e.target.value })} />
                  : (
                    <FormControl size="small">
                      <InputLabel id={`target-${i}-pool`}>{`Target ${i + 1}: pool`}</InputLabel>
                      <Select labelId={`target-${i}-pool`} label={`Target ${i + 1}: pool`} value={t.name} onChange={(e) => setTarget(i, { name: String(e.target.value) })}>
                        {otherPools.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
                      </Select>
                    </FormControl>
                  )}
                {form.method === 'fixed' && (
                  <TextField size="small" label={`Target ${i + 1}: percent`} value={t.percent} onChange={(e) => setTarget(i, { percent: e.target.value })}
                    slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: <span aria-hidden>%</span> } }} />
                )}
                <IconButton aria-label={`Remove target ${i + 1}`} onClick={() => set('targets', form.targets.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>
              </Box>
            ))}
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
              <Button size="small" onClick={() => set('targets', [...form.targets, { kind: 'value', name: '', percent: '' }])}>Add target</Button>
              {form.method === 'fixed' && (
                <Typography role="status" data-testid="percent-total" sx={{ fontWeight: 600, color: total.complete ? 'success.main' : 'text.primary' }}>
                  Total {total.total}%{total.complete ? ' — complete' : ` — ${total.problem ? `target ${total.problem.index + 1}: ${total.problem.message}` : 'must reach 100%'}`}
                </Typography>
              )}
            </Box>
          </Paper>
          <TextField size="small" label="Note" value={form.note} onChange={(e) => set('note', e.target.value)} />
          {error && <Alert severity="error" role="alert" onClose={() => setError(null)}>{error}</Alert>}
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained">{pool ? 'Save pool' : 'Add pool'}</Button>
      </DialogActions>
    </Dialog>
  );
}
