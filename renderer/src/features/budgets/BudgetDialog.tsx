/** Create or edit a budget: the node it watches, the period, a fixed or planned amount, thresholds. */
import {
  Alert, Autocomplete, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl, FormControlLabel, FormLabel,
  InputLabel, MenuItem, Radio, RadioGroup, Select, TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { Budget, BudgetPeriod } from '../../../../shared/budgets.js';
import type { SliceDimension } from '../../../../shared/forecast.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { sliceOptions } from '../forecast/forecast-view.js';
import { budgetForm, budgetInputOf, PERIOD_LABEL, type BudgetForm } from './budget-view.js';

const BREAKDOWN_OF: Partial<Record<SliceDimension, 'byProvider' | 'byServiceCategory' | 'byService' | 'bySubAccount' | 'byRegion'>> = {
  ProviderName: 'byProvider', ServiceCategory: 'byServiceCategory', ServiceName: 'byService', SubAccountName: 'bySubAccount', RegionId: 'byRegion',
};

export function BudgetDialog({ budget, onClose, onSaved }: { budget: Budget | null; onClose: () => void; onSaved: (message: string) => void }) {
  const { api } = useEngine();
  const { data: overview } = useEngineQuery('overview', {});
  const { data: dimensions } = useEngineQuery('sliceDimensions', {});
  const [form, setForm] = useState<BudgetForm>(() => budgetForm(budget, overview?.currency ?? 'USD'));
  const [errors, setErrors] = useState<string[]>([]);
  const tagKey = form.by.startsWith('tag:') ? form.by.slice(4) : null;
  const { data: tagRows } = useEngineQuery('tagBreakdown', tagKey ? { key: tagKey } : null);
  const breakdown = BREAKDOWN_OF[form.by];
  const values = (tagKey ? tagRows?.rows ?? [] : breakdown && overview ? overview[breakdown] : []).map((r) => r.key).filter((k) => k !== 'Other');
  const set = <K extends keyof BudgetForm>(key: K, value: BudgetForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const title = budget ? `Edit budget ${budget.name}` : 'Add a budget';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = budgetInputOf(form, budget?.id);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    try {
      const saved = await api.saveBudget(checked.input);
      onSaved(budget ? `Saved budget ${saved.name}.` : `Added budget ${saved.name}.`);
      onClose();
    } catch (e) {
      setErrors([e instanceof Error ? e.message : String(e)]);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="budget-dialog-title" slotProps={{ paper: { component: 'form', onSubmit: (e: FormEvent) => void submit(e) } as object }}>
      <DialogTitle id="budget-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <DialogContentText>
          A budget watches the effective cost of one node (the total, or one value of a dimension) in one currency, per month, quarter or year.
        </DialogContentText>
        {errors.length > 0 && (
          <Alert severity="error" role="alert">
            {errors.length === 1 ? errors[0] : <Box component="ul" sx={{ m: 0, pl: 2 }}>{errors.map((e) => <li key={e}>{e}</li>)}</Box>}
          </Alert>
        )}
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, pt: 1 }}>
          <TextField size="small" label="Name" required value={form.name} onChange={(e) => set('name', e.target.value)} sx={{ gridColumn: { sm: 'span 2' } }} />
          <FormControl size="small">
            <InputLabel id="budget-by-label">Watches</InputLabel>
            <Select labelId="budget-by-label" label="Watches" value={form.by} onChange={(e) => { set('by', e.target.value as SliceDimension); set('value', ''); }}>
              {sliceOptions(dimensions?.tagKeys ?? [], dimensions?.allocated ?? []).map((o) => <MenuItem key={o.by} value={o.by}>{o.label}</MenuItem>)}
            </Select>
          </FormControl>
          {form.by !== 'total' ? (
            <Autocomplete
              freeSolo
              options={values}
              inputValue={form.value}
              onInputChange={(_e, v) => set('value', v)}
              renderInput={(params) => <TextField {...params} size="small" label="Value" required helperText="e.g. a service name; (not set) for lines without one" />}
            />
          ) : <Box />}
          <FormControl size="small">
            <InputLabel id="budget-period-label">Period</InputLabel>
            <Select labelId="budget-period-label" label="Period" value={form.period} onChange={(e) => set('period', e.target.value as BudgetPeriod)}>
              {(Object.keys(PERIOD_LABEL) as BudgetPeriod[]).map((p) => <MenuItem key={p} value={p}>{PERIOD_LABEL[p]}</MenuItem>)}
            </Select>
          </FormControl>
          <TextField size="small" label="Currency" required value={form.currency} onChange={(e) => set('currency', e.target.value.toUpperCase())} slotProps={{ htmlInput: { maxLength: 3 } }}
            helperText="Costs billed in this currency count" />
        </Box>
        <FormControl component="fieldset">
          <FormLabel component="legend">Amount</FormLabel>
          <RadioGroup row value={form.kind} onChange={(e) => set('kind', e.target.value as BudgetForm['kind'])}>
            <FormControlLabel value="fixed" control={<Radio />} label="The same every period" />
            <FormControlLabel value="planned" control={<Radio />} label="Planned per period" />
          </RadioGroup>
        </FormControl>
        {form.kind === 'fixed'
          ? <TextField size="small" label="Amount per period" required value={form.amount} onChange={(e) => set('amount', e.target.value)} sx={{ maxWidth: 260 }} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          : (
            <TextField size="small" label="Planned amounts" required multiline minRows={3} value={form.planned} onChange={(e) => set('planned', e.target.value)}
              helperText={`One period a line, its label then the amount, e.g. ${form.period === 'month' ? '2026-11 3000' : form.period === 'quarter' ? '2026-Q4 9000' : '2026 36000'}`} />
          )}
        <TextField size="small" label="Thresholds (%)" value={form.thresholds} onChange={(e) => set('thresholds', e.target.value)} sx={{ maxWidth: 360 }}
          helperText="Percentages of the amount that raise a flag, on actual spend and on the forecast" />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained">{budget ? 'Save budget' : 'Add budget'}</Button>
      </DialogActions>
    </Dialog>
  );
}
