/** The driver-based AI forecast (tokens × price book price × traffic growth) beside the time-series one. */
import { Alert, Box, InputAdornment, Paper, TextField, Typography } from '@mui/material';
import { patternLinesDef } from '@nivo/core';
import { useTheme } from '@mui/material/styles';
import { useState } from 'react';
import type { DriverForecast } from '../../../../shared/forecast.js';
import { useEngineQuery } from '../../app/engine-context.js';
import { HorizontalBars } from '../../charts/HorizontalBars.js';
import { categoryAxisWidth, truncateLabel } from '../../charts/chart-props.js';
import { ChartCard } from '../../components/ChartCard.js';
import { DataTable } from '../../components/DataTable.js';
import { formatCount, formatMoney, formatMoneyCompact } from '../../format/money.js';
import { CHART_COLOURS, type ThemeMode } from '../../theme/themes.js';
import { driverRows, driverSummary, parseGrowth, type DriverRow } from './forecast-view.js';

export function DriverForecastCard({ horizon, currency, mode }: { horizon: number; currency: string | undefined; mode: ThemeMode }) {
  const [growthText, setGrowthText] = useState('0');
  const growth = parseGrowth(growthText);
  // The last valid growth stays in force while the field holds something else.
  const [applied, setApplied] = useState(0);
  const onGrowth = (text: string) => {
    setGrowthText(text);
    const next = parseGrowth(text);
    if (next !== null) setApplied(next);
  };
  const { data, error } = useEngineQuery('driverForecast', { horizon, growth: applied, ...(currency ? { currency } : {}) });
  return (
    <Paper component="section" aria-labelledby="driver-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography id="driver-title" variant="h6" component="h2">AI spend from its drivers</Typography>
      <Typography variant="body2">
        Tokens a day per model (averaged over the last 28 days) × the price book&apos;s price × traffic growth, beside each model&apos;s own time-series forecast
        over the same {horizon} days.
      </Typography>
      <TextField
        size="small" label="Traffic growth a month" value={growthText} onChange={(e) => onGrowth(e.target.value)} sx={{ maxWidth: 220 }}
        error={growth === null} helperText={growth === null ? 'A percentage from −90 to 1000' : 'Compounded daily; negative for a decline'}
        slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: <InputAdornment position="end">%</InputAdornment> } }}
      />
      {error && <Alert severity="error">The driver-based forecast could not be computed: {error.message}</Alert>}
      {data && <DriverResult data={data} mode={mode} />}
    </Paper>
  );
}

function DriverResult({ data, mode }: { data: DriverForecast; mode: ThemeMode }) {
  const cur = data.currency ?? 'USD';
  const rows = driverRows(data);
  const summary = driverSummary(data);
  if (rows.length === 0) return <Typography>{summary}</Typography>;
  return (
    <>
      {data.notes.length > 0 && (
        <Box component="ul" aria-label="Notes on the driver-based forecast" sx={{ m: 0, pl: 2.5 }}>
          {data.notes.map((n) => <Typography component="li" variant="body2" key={n}>{n}</Typography>)}
        </Box>
      )}
      <ChartCard
        title="Driver-based and time-series forecast by model"
        summary={summary}
        height={Math.max(140, rows.length * 56 + 60)}
        chart={(ids) => <DriverChart rows={rows} currency={cur} mode={mode} {...ids} />}
        table={
          <DataTable
            caption={`Driver-based and time-series forecast over ${data.horizon} days by model, ${cur}`}
            rowKey={(r) => r.model}
            rows={rows}
            columns={[
              { header: 'Model', cell: (r: DriverRow) => r.model },
              { header: 'Provider', cell: (r) => r.provider },
              { header: 'Tokens a day', numeric: true, cell: (r) => formatCount(r.tokensPerDay) },
              { header: 'Driver cost a day', numeric: true, cell: (r) => (r.costPerDay === null ? 'no price' : formatMoney(r.costPerDay, cur)) },
              { header: 'Actual a day', numeric: true, cell: (r) => formatMoney(r.actualPerDay, cur) },
              { header: `Driver-based, ${data.horizon} days`, numeric: true, cell: (r) => (r.driverCost === null ? 'no price' : formatMoney(r.driverCost, cur)) },
              { header: `Time series, ${data.horizon} days`, numeric: true, cell: (r) => (r.timeSeriesCost === null ? '—' : formatMoney(r.timeSeriesCost, cur)) },
              { header: 'Time series 80%', numeric: true, cell: (r) => r.timeSeriesRange },
            ]}
          />
        }
      />
    </>
  );
}

/** Two bars per model, the time-series one hatched, each labelled with its amount. */
function DriverChart({ rows, currency, mode, titleId, summaryId }: { rows: DriverRow[]; currency: string; mode: ThemeMode; titleId: string; summaryId: string }) {
  const theme = useTheme();
  const [a = '#0072B2', b = '#D55E00'] = CHART_COLOURS[mode];
  const data = [...rows].reverse().map((r) => ({ model: r.model, 'Driver-based': r.driverCost ?? 0, 'Time series': r.timeSeriesCost ?? 0 }));
  const byModel = new Map(rows.map((r) => [r.model, r]));
  // A model without a price (or without a time series) has no bar: say so instead of drawing "$0".
  const label = (key: string, model: string, value: number) => {
    const row = byModel.get(model);
    const missing = key === 'Driver-based' ? row?.driverCost === null : row?.timeSeriesCost === null;
    return `${key}: ${missing ? (key === 'Driver-based' ? 'no price' : 'none') : formatMoneyCompact(value, currency)}`;
  };
  return (
    <HorizontalBars
      titleId={titleId}
      summaryId={summaryId}
      currency={currency}
      data={data}
      keys={['Driver-based', 'Time series']}
      indexBy="model"
      groupMode="grouped"
      colors={[a, b]}
      defs={[patternLinesDef('hatch', { spacing: 6, rotation: -45, lineWidth: 2, background: theme.palette.background.paper, color: b })]}
      fill={[{ match: { id: 'Time series' }, id: 'hatch' }]}
      borderColor={b}
      borderWidth={1}
      margin={{ top: 5, right: 180, bottom: 30, left: categoryAxisWidth(rows.map((r) => r.model), 30, 230) }}
      axisLeft={{ format: (v: string) => truncateLabel(v, 30) }}
      padding={0.25}
      innerPadding={3}
      labelSize={11}
      barLabel={(d) => label(String(d.id), String(d.indexValue), Number(d.value))}
      tooltipName={({ id, indexValue }) => `${String(indexValue)}, ${String(id)}`}
    />
  );
}
