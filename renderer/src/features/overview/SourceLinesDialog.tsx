/** "Explain this number": the source lines behind a figure, with file and row of each. */
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable.js';
import { formatCount, formatMoney } from '../../format/money.js';
import { useEngineQuery } from '../../app/engine-context.js';

export interface LinesFilter {
  title: string;
  currency: string;
  where?: Record<string, string>;
}

const PAGE = 50;

export function SourceLinesDialog({ filter, onClose }: { filter: LinesFilter; onClose: () => void }) {
  const [page, setPage] = useState(0);
  const { data, error } = useEngineQuery('costLines', { currency: filter.currency, ...(filter.where ? { where: filter.where } : {}), limit: PAGE, offset: page * PAGE });
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="lines-title">
      <DialogTitle id="lines-title">{filter.title}</DialogTitle>
      {/* Focusable, so the keyboard can scroll a long page of lines. */}
      <DialogContent tabIndex={0} aria-labelledby="lines-title">
        {error && <Typography color="error">{error.message}</Typography>}
        {data && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {data.lines.some((l) => l.lines > 1)
                ? `${formatCount(data.total)} rows, largest first. A file too large to keep line by line was rolled up by day: each of its rows is a daily group, named by the file and the row of its first line (the header is row 1), with its count of lines.`
                : `${formatCount(data.total)} lines, largest first. Each line names the file it came from and its row in that file (the header is row 1).`}
            </Typography>
            <DataTable
              caption={`${filter.title}, page ${page + 1} of ${pages}`}
              captionVisible
              rowKey={(l) => `${l.sourceFile}:${l.row}`}
              rows={data.lines}
              columns={[
                // A file too large for its line level was stored as daily groups: the row is the group's first line's.
                { header: 'File and row', cell: (l) => (l.lines > 1 ? `${l.sourceFile} : ${l.row} (daily group of ${formatCount(l.lines)} lines, from this row on)` : `${l.sourceFile} : ${l.row}`) },
                { header: 'Charge period start', cell: (l) => l.chargePeriodStart },
                { header: 'Provider', cell: (l) => l.providerName },
                { header: 'Service', cell: (l) => l.serviceName },
                { header: 'Resource', cell: (l) => <span style={{ wordBreak: 'break-all' }}>{l.resourceId}</span> },
                { header: 'Effective cost', numeric: true, cell: (l) => formatMoney(l.effectiveCost, l.billingCurrency) },
                { header: 'Billed cost', numeric: true, cell: (l) => formatMoney(l.billedCost, l.billingCurrency) },
              ]}
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button disabled={page === 0} onClick={() => setPage((p) => p - 1)}>Previous page</Button>
        <Button disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>Next page</Button>
        <Button variant="contained" onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
