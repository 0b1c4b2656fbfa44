/**
 * The edit dialog of one price-book entry, and the "Add a model price" form (the same fields).
 * Editing either changes the entry itself or adds a new price from a later day on, so that usage
 * before that day keeps the earlier price.
 */
import {
  Alert, Autocomplete, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl, FormControlLabel,
  FormLabel, Radio, RadioGroup, TextField, Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { EffectivePriceBook, PriceBookEdit, PriceBookEntry } from '../../../../shared/model.js';
import { entryLabel, fieldsOf, formOf, PRICE_FIELDS, type PriceForm } from './price-view.js';

export type PriceDialogTarget = { kind: 'add' } | { kind: 'edit'; entry: PriceBookEntry };

type ApplyMode = 'change' | 'from';

const today = () => new Date().toISOString().slice(0, 10);

export function PriceDialog({ target, providers, onSave, onClose }: {
  target: PriceDialogTarget;
  providers: readonly string[];
  /** Saves the edits; resolves to the message to show, or rejects with the engine's reason. */
  onSave: (edits: PriceBookEdit[], done: string) => Promise<EffectivePriceBook>;
  onClose: () => void;
}) {
  const entry = target.kind === 'edit' ? target.entry : null;
  const [form, setForm] = useState<PriceForm>(() => formOf(entry, today()));
  const [mode, setMode] = useState<ApplyMode>('change');
  const [fromDate, setFromDate] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const title = entry ? `Edit ${entryLabel(entry)}` : 'Add a model price';

  const save = async (edits: PriceBookEdit[], done: string) => {
    try {
      await onSave(edits, done);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!entry) {
      const price = fieldsOf(form);
      void save([{ action: 'add', price }], `Added ${entryLabel(price)}.`);
    } else if (mode === 'from') {
      const price = fieldsOf(form, fromDate);
      void save([{ action: 'add', price }], `Added a new price: ${entryLabel(price)}; ${entryLabel(entry)} still prices earlier usage.`);
    } else {
      const price = fieldsOf(form);
      void save([{ action: 'set', id: entry.id, price }], `Saved ${entryLabel(price)}.`);
    }
  };
  const set = <K extends keyof PriceForm>(key: K, value: PriceForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setPrice = (kind: keyof PriceForm['prices'], value: string) => setForm((f) => ({ ...f, prices: { ...f.prices, [kind]: value } }));
  const dateField = entry && mode === 'from'
    ? <TextField size="small" type="date" label="New prices from" required value={fromDate} onChange={(e) => setFromDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
    : <TextField size="small" type="date" label="Effective from" required value={form.effectiveFrom} onChange={(e) => set('effectiveFrom', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />;

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="price-dialog-title" slotProps={{ paper: { component: 'form', onSubmit: submit } as object }}>
      <DialogTitle id="price-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Prices are per 1,000,000 tokens, as decimal numbers without a currency sign. Leave a price empty when the model has none of that kind.
        </DialogContentText>
        {error && <Alert severity="error" role="alert" sx={{ mb: 2 }} onClose={() => setError(null)}>{error}</Alert>}
        {entry && (
          <FormControl component="fieldset" sx={{ mb: 2 }}>
            <FormLabel component="legend">Apply the new prices</FormLabel>
            <RadioGroup value={mode} onChange={(e) => setMode(e.target.value as ApplyMode)}>
              <FormControlLabel value="change" control={<Radio />} label={`To this entry: all usage from ${entry.effectiveFrom} (corrects the price)`} />
              <FormControlLabel value="from" control={<Radio />} label="From a later date on: this entry still prices usage before that day (a price change)" />
            </RadioGroup>
          </FormControl>
        )}
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' }, gap: 2, pt: 1 }}>
          <Autocomplete
            freeSolo
            options={[...providers]}
            inputValue={form.provider}
            onInputChange={(_e, value) => set('provider', value)}
            renderInput={(params) => <TextField {...params} size="small" label="Provider" required helperText="openai and anthropic prices price those providers' usage exports" />}
          />
          <TextField size="small" label="Model names" required value={form.models} onChange={(e) => set('models', e.target.value)} sx={{ gridColumn: { sm: 'span 2' } }}
            helperText="Separated by commas, as usage exports write them (gpt-4o, claude-sonnet-4-5); a dated snapshot uses its family's price" />
          {dateField}
          <TextField size="small" label="Currency" required value={form.currency} onChange={(e) => set('currency', e.target.value)} slotProps={{ htmlInput: { maxLength: 3 } }} />
          <TextField size="small" label="Batch multiplier" value={form.batchMultiplier} onChange={(e) => set('batchMultiplier', e.target.value)}
            helperText="0.5: Batch API usage at half price; empty: no batch discount" slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
        </Box>
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 1 }}>Prices per 1M tokens</Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' }, gap: 2 }}>
          {PRICE_FIELDS.map(({ kind, label }) => (
            <TextField key={kind} size="small" label={label} value={form.prices[kind]} onChange={(e) => setPrice(kind, e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          ))}
        </Box>
        <TextField size="small" label="Source" required fullWidth value={form.source} onChange={(e) => set('source', e.target.value)} sx={{ mt: 2 }}
          helperText="Where the price comes from (a pricing page, a contract, a quote)" />
        {entry?.shipped && (
          <Typography variant="body2" sx={{ mt: 2 }}>
            Shipped prices: {PRICE_FIELDS.filter(({ kind }) => entry.shipped?.perMillion[kind] !== undefined).map(({ kind, label }) => `${label.toLowerCase()} ${entry.shipped?.perMillion[kind]}`).join(', ')} {entry.shipped.currency}.
          </Typography>
        )}
        {confirmRemove && entry && (
          <Alert severity="warning" sx={{ mt: 2 }} action={
            <>
              <Button color="inherit" onClick={() => setConfirmRemove(false)}>Keep it</Button>
              <Button color="inherit" variant="outlined" onClick={() => void save([{ action: 'remove', id: entry.id }], `Removed ${entryLabel(entry)}.`)}>Remove</Button>
            </>
          }>
            Remove {entryLabel(entry)}? Usage on its days is then priced by an earlier entry of the model, or imported at cost 0.
            {entry.status === 'added' ? ' An added price cannot be restored.' : ' A shipped price can be restored later.'}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {entry && <Button color="error" onClick={() => setConfirmRemove(true)} sx={{ mr: 'auto' }}>Remove entry</Button>}
        {entry?.status === 'edited' && (
          <Button onClick={() => void save([{ action: 'restore', id: entry.id }], `Restored the shipped prices of ${entryLabel(entry)}.`)}>Restore shipped prices</Button>
        )}
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained">{entry ? 'Save' : 'Add price'}</Button>
      </DialogActions>
    </Dialog>
  );
}
