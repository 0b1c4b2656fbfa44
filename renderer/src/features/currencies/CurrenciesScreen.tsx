/** Exchange rates: the table, one rate at a time, or a CSV of rates; used for the display currency. */
import { Alert, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { parseFxCsv } from './fx-csv.js';

const today = () => new Date().toISOString().slice(0, 10);

export function CurrenciesScreen() {
  const { api } = useEngine();
  const { data: rates } = useEngineQuery('fxRates', {});
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [form, setForm] = useState({ date: today(), from: '', to: 'USD', rate: '', source: '' });
  const input = useRef<HTMLInputElement>(null);

  const save = async (rates: Parameters<typeof api.setFxRates>[0]['rates'], done: string) => {
    try {
      await api.setFxRates({ rates });
      setMessage({ severity: 'success', text: done });
    } catch (error) {
      setMessage({ severity: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void save([{ ...form, rate: Number(form.rate) }], `Added ${form.from.toUpperCase()}→${form.to.toUpperCase()} from ${form.date}.`);
  };
  const importCsv = async (file: File) => {
    const parsed = parseFxCsv(await file.text(), file.name);
    if (!parsed.ok) setMessage({ severity: 'error', text: parsed.message });
    else await save(parsed.rates, `Imported ${parsed.rates.length} rates from ${file.name}.`);
  };
  const field = (name: keyof typeof form, label: string, props: Record<string, unknown> = {}) => (
    <TextField size="small" label={label} value={form[name]} required={name !== 'source'} onChange={(e) => setForm({ ...form, [name]: e.target.value })} {...props} />
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        Costs stay in the currency they were billed in. To see every currency together, the overview converts them into a display
        currency at these rates: for each day, the latest rate on or before that day. Amounts without a rate are never converted at 1:
        they are left out and listed.
      </Typography>
      {message && <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'} onClose={() => setMessage(null)}>{message.text}</Alert>}
      <Paper component="form" variant="outlined" aria-labelledby="add-rate-title" onSubmit={add} sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Typography id="add-rate-title" variant="h6" component="h2" sx={{ width: '100%' }}>Add a rate</Typography>
        {field('date', 'From date', { type: 'date', slotProps: { inputLabel: { shrink: true } } })}
        {field('from', 'From currency', { placeholder: 'EUR', slotProps: { htmlInput: { maxLength: 3 } } })}
        {field('to', 'To currency', { slotProps: { htmlInput: { maxLength: 3 } } })}
        {field('rate', 'Rate (1 from = rate to)', { type: 'number', slotProps: { htmlInput: { step: 'any', min: 0 } } })}
        {field('source', 'Source', { placeholder: 'ECB reference rate' })}
        <Button type="submit" variant="contained">Add rate</Button>
        <Button variant="outlined" onClick={() => input.current?.click()}>Import rates from CSV…</Button>
        <input ref={input} type="file" hidden accept=".csv,text/csv" aria-label="CSV file of exchange rates" data-testid="fx-file-input"
          onChange={(e) => { const file = e.target.files?.[0]; if (file) void importCsv(file); e.target.value = ''; }} />
      </Paper>
      <Paper component="section" aria-labelledby="rates-title" variant="outlined" sx={{ p: 2 }}>
        <Typography id="rates-title" variant="h6" component="h2" gutterBottom>Exchange rates</Typography>
        {rates && rates.length > 0 ? (
          <DataTable
            caption="Exchange rates in this workspace"
            rowKey={(r) => `${r.from}-${r.to}-${r.date}`}
            rows={rates}
            columns={[
              { header: 'From', cell: (r) => r.from },
              { header: 'To', cell: (r) => r.to },
              { header: 'From date', cell: (r) => r.date },
              { header: 'Rate', numeric: true, cell: (r) => r.rate.toString() },
              { header: 'Source', cell: (r) => r.source },
            ]}
          />
        ) : (
          <Typography>No exchange rates yet.</Typography>
        )}
      </Paper>
    </Box>
  );
}
