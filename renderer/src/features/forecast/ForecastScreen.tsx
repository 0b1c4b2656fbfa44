/**
 * The forecast screen: pick a slice and a horizon; see history and forecast with their intervals,
 * the chosen model and its track record, month/quarter/year-end projections, and the
 * driver-based AI forecast beside the time-series one.
 */
import { Alert, Box, FormControl, InputLabel, MenuItem, Paper, Select, Skeleton, Typography } from '@mui/material';
import { useState } from 'react';
import type { SeriesForecast, SliceDimension } from '../../../../shared/forecast.js';
import { useEngineQuery } from '../../app/engine-context.js';
import { ChartCard } from '../../components/ChartCard.js';
import { DataTable } from '../../components/DataTable.js';
import { formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { DriverForecastCard } from './DriverForecastCard.js';
import { ForecastChart } from './ForecastChart.js';
import { CandidateTable, TrackRecord } from './TrackRecord.js';
import { chartDays, forecastSummary, historyShown, noSeriesText, projectionHeadline, projectionSentence, seriesLabel, sliceOptions } from './forecast-view.js';

const HORIZONS = [7, 14, 30, 60, 90, 180, 365];
/** Series per dimension the picker offers (the largest by spend). */
const SERIES_LIMIT = 20;

export function ForecastScreen({ mode }: { mode: ThemeMode }) {
  const [by, setBy] = useState<SliceDimension>('total');
  const [chosen, setChosen] = useState<string | null>(null);
  const [horizon, setHorizon] = useState(30);
  // Unset: the engine forecasts the currency with the largest spend. Currencies are never mixed.
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const { data: overview } = useEngineQuery('overview', {});
  const { data: dimensions } = useEngineQuery('sliceDimensions', {});
  const { data, error, loading } = useEngineQuery('forecast', { slice: { by, ...(currency ? { currency } : {}) }, horizon, limit: SERIES_LIMIT });
  const options = sliceOptions(dimensions?.tagKeys ?? [], dimensions?.allocated ?? []);
  const series = data?.find((s) => s.key === chosen) ?? data?.[0];

  if (overview && !overview.currency) {
    return (
      <Paper variant="outlined" sx={{ p: 4 }}>
        <Typography>This workspace has no costs yet: import billing data to forecast it.</Typography>
      </Paper>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Paper component="section" aria-label="What to forecast" variant="outlined" sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <FormControl size="small" sx={{ minWidth: 200 }}>
          <InputLabel id="slice-label">Cut by</InputLabel>
          <Select labelId="slice-label" label="Cut by" value={by} onChange={(e) => { setBy(e.target.value as SliceDimension); setChosen(null); }}>
            {options.map((o) => <MenuItem key={o.by} value={o.by}>{o.label}</MenuItem>)}
          </Select>
        </FormControl>
        {by !== 'total' && data && data.length > 0 && (
          <FormControl size="small" sx={{ minWidth: 260 }}>
            <InputLabel id="series-label">Series</InputLabel>
            <Select labelId="series-label" label="Series" value={series?.key ?? ''} onChange={(e) => setChosen(String(e.target.value))}>
              {data.map((s) => <MenuItem key={s.key} value={s.key}>{s.series.value ?? '(not set)'}</MenuItem>)}
            </Select>
          </FormControl>
        )}
        <FormControl size="small" sx={{ minWidth: 140 }}>
          <InputLabel id="horizon-label">Horizon</InputLabel>
          <Select labelId="horizon-label" label="Horizon" value={horizon} onChange={(e) => setHorizon(Number(e.target.value))}>
            {HORIZONS.map((h) => <MenuItem key={h} value={h}>{h} days</MenuItem>)}
          </Select>
        </FormControl>
        {overview && overview.currencies.length > 1 && (
          <FormControl size="small" sx={{ minWidth: 140 }}>
            <InputLabel id="forecast-currency-label">Currency</InputLabel>
            <Select labelId="forecast-currency-label" label="Currency" value={currency ?? overview.currency ?? ''} onChange={(e) => { setCurrency(String(e.target.value)); setChosen(null); }}>
              {overview.currencies.map((c) => <MenuItem key={c.currency} value={c.currency}>{c.currency}</MenuItem>)}
            </Select>
          </FormControl>
        )}
        <Typography role="status" variant="body2" aria-live="polite">{loading ? 'Forecasting…' : ''}</Typography>
      </Paper>
      {error && <Alert severity="error" role="alert">The forecast could not be computed: {error.message}</Alert>}
      {/* Loading only while there is no answer yet: an empty answer is said, not left as a placeholder. */}
      {!data && !error && <Skeleton variant="rounded" height={360} />}
      {series && <SeriesView series={series} mode={mode} />}
      {data && data.length === 0 && <Typography>{noSeriesText(options.find((o) => o.by === by)?.label ?? by, currency ?? overview?.currency ?? null, overview?.currencies.length ?? 0)}</Typography>}
      <DriverForecastCard horizon={horizon} currency={currency} mode={mode} />
    </Box>
  );
}

function SeriesView({ series, mode }: { series: SeriesForecast; mode: ThemeMode }) {
  const cur = series.currency;
  const days = chartDays(series);
  const shown = Math.min(series.history.length, historyShown(series.forecast.length));
  const label = seriesLabel(series.series);
  return (
    <>
      {series.projections.length > 0 && (
        <Paper component="section" aria-labelledby="projections-title" variant="outlined" sx={{ p: 2 }}>
          <Typography id="projections-title" variant="h6" component="h2" gutterBottom>Projections: {label}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
            {series.projections.map((p) => (
              <Typography component="li" key={p.period}><strong>{projectionHeadline(p, cur)}</strong>{projectionSentence(p, cur).slice(projectionHeadline(p, cur).length)}</Typography>
            ))}
          </Box>
        </Paper>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'start' }}>
        <ChartCard
          title={`History and forecast: ${label}`}
          summary={forecastSummary(series)}
          height={380}
          chart={(ids) => <ForecastChart days={days} currency={cur} mode={mode} {...ids} />}
          table={
            <DataTable
              caption={`${label}: the last ${shown} days of actual cost and the ${series.forecast.length}-day forecast with its 80% and 95% intervals, ${cur}`}
              rowKey={(d) => d.day}
              rows={days}
              columns={[
                { header: 'Day', cell: (d) => d.day },
                { header: 'Actual', numeric: true, cell: (d) => (d.actual === null ? '' : formatMoney(d.actual, cur)) },
                { header: 'Forecast', numeric: true, cell: (d) => (d.forecast === null ? '' : formatMoney(d.forecast, cur)) },
                { header: '80% low', numeric: true, cell: (d) => (d.lo80 === null ? '' : formatMoney(d.lo80, cur)) },
                { header: '80% high', numeric: true, cell: (d) => (d.hi80 === null ? '' : formatMoney(d.hi80, cur)) },
                { header: '95% low', numeric: true, cell: (d) => (d.lo95 === null ? '' : formatMoney(d.lo95, cur)) },
                { header: '95% high', numeric: true, cell: (d) => (d.hi95 === null ? '' : formatMoney(d.hi95, cur)) },
              ]}
            />
          }
        />
        <TrackRecord series={series} />
      </Box>
      <CandidateTable series={series} />
    </>
  );
}
