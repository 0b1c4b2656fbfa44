/**
 * The price book: AI model list prices per 1M tokens (shipped, edited or added in this workspace),
 * used to estimate the cost of usage-only exports. Filter, edit an entry, add a price, reset.
 */
import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl, InputLabel, MenuItem, Paper,
  Select, TextField, Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import type { EffectivePriceBook, PriceBookEdit, PriceBookEntry, TokenPriceKind } from '../../../../shared/model.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { PriceDialog, type PriceDialogTarget } from './PriceDialog.js';
import { editSummary, entryLabel, filterEntries, providersOf, STATUS_LABEL } from './price-view.js';

/** The provider filter's "all" value (provider ids are lower-case, so it cannot clash). */
const ALL = '*';

function price(entry: PriceBookEntry, kind: TokenPriceKind): ReactNode {
  const value = entry.perMillion[kind];
  return value ?? <><span aria-hidden>—</span><VisuallyHidden>none</VisuallyHidden></>;
}

export function PriceBookScreen() {
  const { api } = useEngine();
  const { data: book, error } = useEngineQuery('priceBook', {});
  const [provider, setProvider] = useState('');
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<PriceDialogTarget | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  const save = async (edits: PriceBookEdit[], done: string): Promise<EffectivePriceBook> => {
    const result = await api.savePriceBook({ edits });
    setMessage({ severity: 'success', text: done });
    return result;
  };
  const reset = async () => {
    setConfirmReset(false);
    try {
      await api.resetPriceBook({});
      setMessage({ severity: 'success', text: 'The price book is back to the shipped prices.' });
    } catch (e) {
      setMessage({ severity: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  if (error) return <Alert severity="error" role="alert">{error.message}</Alert>;
  if (!book) return <Typography>Loading the price book…</Typography>;
  const providers = providersOf(book);
  const shown = filterEntries(book.entries, provider, text);
  const columns: ReadonlyArray<Column<PriceBookEntry>> = [
    { header: 'Model', cell: (e) => <Box component="span" sx={{ display: 'block', whiteSpace: 'nowrap' }}>{e.models.map((m, i) => <Box component="span" key={m} sx={{ display: 'block' }}>{m}{i < e.models.length - 1 ? ',' : ''}</Box>)}</Box> },
    { header: 'Provider', cell: (e) => e.provider },
    { header: 'Input', numeric: true, cell: (e) => price(e, 'input') },
    { header: 'Cached input', numeric: true, cell: (e) => price(e, 'cachedInput') },
    {
      header: 'Cache write', numeric: true,
      cell: (e) => (
        <Box component="span" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
          {price(e, 'cacheWrite')}
          {e.perMillion.cacheWrite1h !== undefined && <Box component="span" sx={{ display: 'block' }}>1 hour: {e.perMillion.cacheWrite1h}</Box>}
        </Box>
      ),
    },
    { header: 'Output', numeric: true, cell: (e) => price(e, 'output') },
    { header: 'Effective from', cell: (e) => <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{e.effectiveFrom}</Box> },
    { header: 'Currency', cell: (e) => e.currency },
    { header: 'Source', cell: (e) => <Typography variant="body2" sx={{ width: 200, overflowWrap: 'anywhere' }}>{e.source}</Typography> },
    { header: 'Status', cell: (e) => <Chip size="small" label={STATUS_LABEL[e.status]} variant={e.status === 'shipped' ? 'outlined' : 'filled'} /> },
    { header: 'Actions', cell: (e) => <Button size="small" onClick={() => setDialog({ kind: 'edit', entry: e })}>Edit<VisuallyHidden> {entryLabel(e)}</VisuallyHidden></Button> },
  ];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        List prices of AI models per 1M tokens. Usage-only exports (OpenAI and Anthropic usage files count tokens, not money) are priced
        from this book: each line at the entry in force on its day for its model and provider. <strong>Estimated costs are marked as
        estimated wherever they appear</strong>: the line&apos;s description ends in &ldquo;(estimated from list prices)&rdquo;, and the
        import report says how many lines were estimated and from which price book.
      </Typography>
      <Typography>
        Shipped prices as of {book.asOf}.{' '}
        {book.edited
          ? `This workspace has its own edits (${editSummary(book)}); imports name it the “edited price book”.`
          : 'This workspace has no edits.'}{' '}
        Edits price the files you import afterwards; files already imported keep their costs (remove a file and import it again to re-price it).
      </Typography>
      {book.problem && <Alert severity="warning">{book.problem}</Alert>}
      {message && <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'} onClose={() => setMessage(null)}>{message.text}</Alert>}
      <Paper component="section" aria-labelledby="prices-title" variant="outlined" sx={{ p: 2 }}>
        <Typography id="prices-title" variant="h6" component="h2" gutterBottom>Prices per 1M tokens</Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
          <FormControl size="small" sx={{ minWidth: 180 }}>
            <InputLabel id="price-provider-label">Provider</InputLabel>
            <Select labelId="price-provider-label" label="Provider" value={provider || ALL} onChange={(e) => setProvider(e.target.value === ALL ? '' : e.target.value)}>
              <MenuItem value={ALL}>All providers</MenuItem>
              {providers.map((p) => <MenuItem key={p} value={p}>{p}</MenuItem>)}
            </Select>
          </FormControl>
          <TextField size="small" type="search" label="Find a model" value={text} onChange={(e) => setText(e.target.value)} />
          <Typography role="status" variant="body2">{`Showing ${shown.length} of ${book.entries.length} prices`}</Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Button variant="contained" onClick={() => setDialog({ kind: 'add' })}>Add a model price</Button>
          <Button variant="outlined" color="error" disabled={!book.edited} onClick={() => setConfirmReset(true)}>Reset to shipped prices</Button>
        </Box>
        {shown.length > 0
          ? (
            <Box sx={{ '& .MuiTableCell-root': { px: 1 } }}>
              <DataTable caption="AI model prices per 1M tokens in this workspace" rowKey={(e) => e.id} rows={shown} columns={columns} />
            </Box>
          )
          : <Typography>No price matches this filter.</Typography>}
      </Paper>
      {book.removed.length > 0 && (
        <Paper component="section" aria-labelledby="removed-title" variant="outlined" sx={{ p: 2 }}>
          <Typography id="removed-title" variant="h6" component="h2" gutterBottom>Removed shipped prices</Typography>
          <DataTable
            caption="Shipped prices removed in this workspace"
            rowKey={(e) => e.id}
            rows={book.removed}
            columns={[
              { header: 'Model', cell: (e) => e.models.join(', ') },
              { header: 'Provider', cell: (e) => e.provider },
              { header: 'Effective from', cell: (e) => e.effectiveFrom },
              {
                header: 'Actions',
                cell: (e) => (
                  <Button size="small" onClick={() => void save([{ action: 'restore', id: e.id }], `Restored ${entryLabel(e)}.`).catch((x: unknown) => setMessage({ severity: 'error', text: x instanceof Error ? x.message : String(x) }))}>
                    Restore<VisuallyHidden> {entryLabel(e)}</VisuallyHidden>
                  </Button>
                ),
              },
            ]}
          />
        </Paper>
      )}
      {dialog && <PriceDialog target={dialog} providers={providers} onSave={save} onClose={() => setDialog(null)} />}
      <Dialog open={confirmReset} onClose={() => setConfirmReset(false)} aria-labelledby="reset-prices-title">
        <DialogTitle id="reset-prices-title">Reset to shipped prices?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            This drops every edit of this workspace&apos;s price book ({editSummary(book)}): imports then use the prices shipped as of {book.asOf}.
            Files already imported keep their costs.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmReset(false)}>Cancel</Button>
          <Button color="error" variant="contained" onClick={() => void reset()}>Reset</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
