/** What an import did, file by file: rows read, imported, rejected (with row and reason), totals. */
import { Alert, AlertTitle, Box, Button, List, ListItem, Paper, Typography } from '@mui/material';
import type { ImportResult, SourceReport } from '../../../../shared/model.js';
import { DataTable } from '../../components/DataTable.js';
import { formatCount, formatMoney } from '../../format/money.js';
import { UnrecognisedFile } from './mapping/UnrecognisedFile.js';
import { dailyGrainNotice, grainText } from './import-view.js';

const STATUS_TEXT: Record<SourceReport['status'], string> = {
  imported: 'Imported',
  rejected: 'Has rejected rows',
  duplicate: 'Already in the workspace',
  failed: 'Refused',
  cancelled: 'Cancelled',
  'not-imported': 'Not imported',
};

const SHOWN_ERRORS = 20;

export function ValidationReport({ result, acceptedPartial, onAcceptPartial, onOverlapping, onDiscard, onOverview, onMapColumns }: {
  result: ImportResult;
  acceptedPartial: boolean;
  onAcceptPartial: () => void;
  onOverlapping: (choice: 'replace' | 'keep-both') => void;
  onDiscard: () => void;
  onOverview: () => void;
  /** Opens the column-mapping dialog for a file no known format reads. */
  onMapColumns?: (report: SourceReport) => void;
}) {
  const imported = result.sources.filter((s) => s.status === 'imported' || (acceptedPartial && s.status === 'rejected'));
  const rows = imported.reduce((n, s) => n + s.rowsImported, 0);
  const failed = result.sources.filter((s) => s.status === 'failed');
  const rejected = result.sources.filter((s) => s.status === 'rejected');
  const canAcceptPartial = !result.committed && failed.length === 0 && rejected.length > 0;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {result.needsDecision === 'overlapping' ? (
        <Alert severity="warning" role="alert">
          <AlertTitle>Already in the workspace?</AlertTitle>
          {result.sources.filter((s) => s.overlaps).map((s) => (
            <Typography key={s.file} variant="body2">
              {s.file} covers the same account and period as {s.overlaps?.map((o) => `${o.file} (${o.period.start.slice(0, 10)} to ${o.period.end.slice(0, 10)})`).join(', ')}: it looks like a newer export of the same costs.
            </Typography>
          ))}
          <Typography variant="body2">Nothing was imported yet. Importing both would count those costs twice.</Typography>
          <Box sx={{ mt: 1, display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="contained" color="inherit" sx={{ color: 'text.primary' }} onClick={() => onOverlapping('replace')}>Replace the older file</Button>
            <Button variant="outlined" color="inherit" onClick={() => onOverlapping('keep-both')}>Keep both</Button>
            <Button variant="outlined" color="inherit" onClick={onDiscard}>Import nothing</Button>
          </Box>
        </Alert>
      ) : result.committed ? (
        <Alert severity="success" role="status" action={<Button color="inherit" onClick={onOverview}>View overview</Button>}>
          <AlertTitle>Import complete</AlertTitle>
          {imported.length > 0 ? `Imported ${formatCount(rows)} rows from ${imported.length} file${imported.length === 1 ? '' : 's'}.` : 'Nothing new was imported.'}
        </Alert>
      ) : (
        <Alert severity="error" role="alert">
          <AlertTitle>Nothing was imported</AlertTitle>
          {failed.length > 0
            ? `${failed.map((f) => f.file).join(', ')} could not be imported, so the whole import was undone. The workspace is unchanged.`
            : `${rejected.map((f) => `${f.file} has ${formatCount(f.rowsRejected)} row${f.rowsRejected === 1 ? '' : 's'} that cannot be read`).join('; ')}. Import the readable rows, or nothing.`}
          {canAcceptPartial && (
            <Box sx={{ mt: 1, display: 'flex', gap: 1 }}>
              <Button variant="contained" color="inherit" onClick={onAcceptPartial} sx={{ color: 'text.primary' }}>Import the readable rows</Button>
              <Button variant="outlined" color="inherit" onClick={onDiscard}>Import nothing</Button>
            </Box>
          )}
        </Alert>
      )}
      {result.committed && dailyGrainNotice(result.sources) && (
        <Alert severity="info">
          <AlertTitle>Rolled up to a daily grain</AlertTitle>
          {dailyGrainNotice(result.sources)}
        </Alert>
      )}
      <DataTable
        caption="Validation report"
        captionVisible
        rowKey={(s, i) => `${s.file}-${i}`}
        rows={result.sources}
        columns={[
          { header: 'File', cell: (s) => s.file },
          { header: 'Format', cell: (s) => s.format ?? 'not recognised' },
          { header: 'Result', cell: (s) => STATUS_TEXT[s.status] },
          { header: 'Rows read', numeric: true, cell: (s) => formatCount(s.rowsRead) },
          { header: result.committed ? 'Imported' : 'Readable', numeric: true, cell: (s) => formatCount(result.committed ? s.rowsImported : s.rowsRead - s.rowsRejected) },
          { header: 'Rejected', numeric: true, cell: (s) => formatCount(s.rowsRejected) },
          { header: 'Stored as', cell: (s) => (s.status === 'imported' || s.status === 'rejected' ? grainText(s) : '') },
          { header: 'Total (effective)', numeric: true, cell: (s) => Object.entries(s.totals).map(([c, t]) => formatMoney(t.effectiveCost, c)).join(' · ') },
          { header: 'Period', cell: (s) => (s.period ? `${s.period.start.slice(0, 10)} to ${s.period.end.slice(0, 10)}` : '') },
        ]}
      />
      {result.sources.filter((s) => s.message || s.errors.length > 0 || s.warnings.length > 0).map((s, i) => (
        <Paper key={`${s.file}-${i}`} variant="outlined" sx={{ p: 2 }} component="section" aria-label={`Details for ${s.file}`}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>{s.file}</Typography>
          {s.message && <Typography>{s.message}</Typography>}
          {s.missingColumns && <Typography>Missing columns: {s.missingColumns.join(', ')}</Typography>}
          {s.header && <UnrecognisedFile report={s} onMapColumns={onMapColumns} />}
          {s.warnings.length > 0 && (
            <List dense aria-label={`Notes on ${s.file}`}>
              {s.warnings.map((w) => <ListItem key={w} disableGutters>{w}</ListItem>)}
            </List>
          )}
          {s.errors.length > 0 && (
            <List dense aria-label={`Rejected rows of ${s.file}`}>
              {s.errors.slice(0, SHOWN_ERRORS).map((e) => <ListItem key={e.row} disableGutters>{e.message}</ListItem>)}
              {s.rowsRejected > SHOWN_ERRORS && <ListItem disableGutters>… and {formatCount(s.rowsRejected - SHOWN_ERRORS)} more rejected rows.</ListItem>}
            </List>
          )}
        </Paper>
      ))}
    </Box>
  );
}
