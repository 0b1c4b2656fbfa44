/** The chosen model, why, and its track record on the series' own past, in plain words. */
import { Box, Paper, Typography } from '@mui/material';
import type { SeriesForecast } from '../../../../shared/forecast.js';
import { DataTable } from '../../components/DataTable.js';
import { formatMoney } from '../../format/money.js';
import { backtestBasis, MODEL_NAMES, noTrackRecord, shortHistoryNote, trackRecord } from './forecast-view.js';

export function TrackRecord({ series }: { series: SeriesForecast }) {
  return (
    <Paper component="section" aria-labelledby="track-record-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography id="track-record-title" variant="h6" component="h2">Model and track record</Typography>
      <Typography>
        <strong>Model:</strong> {series.model ? MODEL_NAMES[series.model] : 'none'}
      </Typography>
      <Typography variant="body2"><strong>Why:</strong> {series.reason}</Typography>
      {series.status === 'short-history' && (
        <Typography variant="body2" role="note">{shortHistoryNote(series)}</Typography>
      )}
      {series.notes.length > 0 && (
        <Box component="ul" aria-label="How the data was read" sx={{ m: 0, pl: 2.5 }}>
          {series.notes.map((n) => <Typography component="li" variant="body2" key={n}>{n}</Typography>)}
        </Box>
      )}
      {series.backtest ? (
        <>
          <Box component="dl" aria-label="Track record" sx={{ m: 0, display: 'flex', flexDirection: 'column', gap: 0.25 }}>
            {trackRecord(series.backtest, series.currency).map((line) => (
              <Box key={line.label} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" sx={{ fontWeight: 600, mt: 0.75 }}>{line.label}</Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                  <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{line.value}</Box>: {line.meaning}
                </Typography>
              </Box>
            ))}
          </Box>
          <Typography variant="body2" color="text.secondary">{backtestBasis(series.backtest)}</Typography>
        </>
      ) : (
        <Typography variant="body2">{noTrackRecord(series)}</Typography>
      )}
    </Paper>
  );
}

/** Every candidate model's backtest, in the engine's order. */
export function CandidateTable({ series }: { series: SeriesForecast }) {
  const cur = series.currency;
  if (series.candidates.length === 0) return null;
  return (
    <Paper component="section" aria-labelledby="candidates-title" variant="outlined" sx={{ p: 2 }}>
      <Typography id="candidates-title" variant="h6" component="h2" gutterBottom>Every model tried</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>Each candidate was tested the same way on this series&apos; past; why the chosen one won is said under Model and track record.</Typography>
      <DataTable
        caption="Every model tried, with its backtest on this series"
        rowKey={(c) => c.model}
        rows={series.candidates}
        columns={[
          { header: 'Model', cell: (c) => `${MODEL_NAMES[c.model]}${c.model === series.model ? ' (chosen)' : ''}` },
          { header: 'MAPE', numeric: true, cell: (c) => (c.backtest.mape === null ? '—' : `${c.backtest.mape.toFixed(1)}%`) },
          { header: 'MASE', numeric: true, cell: (c) => (c.backtest.mase === null ? '—' : c.backtest.mase.toFixed(2)) },
          { header: 'Bias a day', numeric: true, cell: (c) => formatMoney(c.backtest.bias, cur) },
          { header: '80% hit rate', numeric: true, cell: (c) => (c.backtest.coverage80 === null ? '—' : `${Math.round(c.backtest.coverage80 * 100)}%`) },
        ]}
      />
    </Paper>
  );
}
