/** The anomaly detection settings: dimensions watched, thresholds on impact and percentage, direction, sensitivity. */
import {
  Alert, Box, Button, Checkbox, FormControl, FormControlLabel, FormGroup, FormLabel, Paper, Radio, RadioGroup, TextField, Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AnomalySettings, SliceDimension } from '../../../../shared/forecast.js';
import { useEngine } from '../../app/engine-context.js';
import { settingsForm, settingsOf, type SettingsForm } from './alert-view.js';
import { sliceOptions } from '../forecast/forecast-view.js';

export interface FormMessage {
  severity: 'success' | 'error';
  text: string;
}

/**
 * The form starts from `settings`; the screen remounts it (by key) when the saved settings change,
 * so the message is held by the screen and survives that.
 */
export function AnomalySettingsForm({ settings, tagKeys, allocated, message, setMessage }: {
  settings: AnomalySettings;
  tagKeys: readonly string[];
  allocated: readonly string[];
  message: FormMessage | null;
  setMessage: (message: FormMessage | null) => void;
}) {
  const { api } = useEngine();
  const [form, setForm] = useState<SettingsForm>(() => settingsForm(settings));
  // The same choices as the forecast's slice picker: detection runs on those series.
  const dims = sliceOptions(tagKeys, allocated);
  // Keep dimensions saved earlier that this list does not offer (e.g. an allocated one), so saving does not drop them.
  const extra = form.dimensions.filter((d) => !dims.some((o) => o.by === d)).map((by) => ({ by, label: by }));
  const toggle = (by: SliceDimension, on: boolean) => setForm((f) => ({ ...f, dimensions: on ? [...f.dimensions, by] : f.dimensions.filter((d) => d !== by) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = settingsOf(form);
    if ('errors' in checked) {
      setMessage({ severity: 'error', text: checked.errors.join(' ') });
      return;
    }
    try {
      const saved = await api.saveAnomalySettings(checked.settings);
      setForm(settingsForm(saved));
      setMessage({ severity: 'success', text: 'Settings saved. They apply from the next check for anomalies.' });
    } catch (e) {
      setMessage({ severity: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <Paper component="form" aria-labelledby="settings-title" variant="outlined" onSubmit={(e) => void submit(e)} sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography id="settings-title" variant="h6" component="h2">Detection settings</Typography>
      {message && <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'} onClose={() => setMessage(null)}>{message.text}</Alert>}
      <FormControl component="fieldset">
        <FormLabel component="legend">Watch each value of</FormLabel>
        <FormGroup row>
          {[...dims, ...extra].map((d) => (
            <FormControlLabel key={d.by} control={<Checkbox checked={form.dimensions.includes(d.by)} onChange={(e) => toggle(d.by, e.target.checked)} />} label={d.label} />
          ))}
        </FormGroup>
      </FormControl>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' } }}>
        <TextField size="small" label="Minimum impact" value={form.minImpact} onChange={(e) => setForm((f) => ({ ...f, minImpact: e.target.value }))}
          helperText="Smallest difference from the expected cost worth an alert, in the currency" slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
        <TextField size="small" label="Minimum change (%)" value={form.minPercent} onChange={(e) => setForm((f) => ({ ...f, minPercent: e.target.value }))}
          helperText="Smallest difference as a percentage of the expected cost" slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
        <TextField size="small" label="Sensitivity" value={form.sensitivity} onChange={(e) => setForm((f) => ({ ...f, sensitivity: e.target.value }))}
          helperText="How unusual a day must be (robust z-score); higher raises fewer alerts" slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
      </Box>
      <FormControl component="fieldset">
        <FormLabel component="legend">Direction</FormLabel>
        <RadioGroup row value={form.direction} onChange={(e) => setForm((f) => ({ ...f, direction: e.target.value as AnomalySettings['direction'] }))}>
          <FormControlLabel value="both" control={<Radio />} label="Spikes and drops" />
          <FormControlLabel value="spikes" control={<Radio />} label="Spikes only" />
          <FormControlLabel value="drops" control={<Radio />} label="Drops only" />
        </RadioGroup>
      </FormControl>
      <Box><Button type="submit" variant="outlined">Save settings</Button></Box>
    </Paper>
  );
}
