/** Unit economics: cost per 1K tokens, request, GPU hour, training run or imported metric, over time. */
import {
  Alert, Box, Button, FormControl, InputLabel, List, ListItem, MenuItem, Paper, Select, Skeleton, TextField, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { UnitEconomics, UnitGrain, UnitSeries } from '../../../../shared/unit-economics.js';
import { ChartCard } from '../../components/ChartCard.js';
import { DataTable } from '../../components/DataTable.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { MetricImport } from './MetricImport.js';
import { UnitChart } from './UnitChart.js';
import { currenciesOf, formatQuantity, formatUnitCost, periodRows, queryOf, unitChoices, unitSummary } from './unit-view.js';

const GRAINS: ReadonlyArray<{ grain: UnitGrain; label: string }> = [
  { grain: 'day', label: 'Day' },
  { grain: 'week', label: 'Week' },
  { grain: 'month', label: 'Month' },
];

export function UnitEconomicsScreen({ mode }: { mode: ThemeMode }) {
  const { data: metrics } = useEngineQuery('listMetrics', {});
  const choices = unitChoices(metrics ?? []);
  const [choiceId, setChoiceId] = useState('tokens');
  const [grain, setGrain] = useState<UnitGrain>('day');
  const [cost, setCost] = useState<'effective' | 'billed'>('effective');
  const [currency, setCurrency] = useState<string | null>(null);
  const [range, setRange] = useState({ from: '', to: '' });
  const choice = choices.find((c) => c.id === choiceId) ?? choices[0];
  // A half-typed date is not sent: the browser's date field gives '' until the date is whole.
  const { data, error, loading } = useEngineQuery('unitEconomics', choice ? { ...queryOf(choice, grain), cost, ...rangeOf(range) } : null);

  const currencies = data ? currenciesOf(data) : [];
  const shown = currency !== null && currencies.includes(currency) ? currency : (currencies[0] ?? null);
  const series = data && shown ? data.series.filter((s) => s.currency === shown) : [];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        What a unit of AI work costs, over time: each period’s cost divided by what it bought. Periods where nothing was counted are
        left as gaps. Each currency is shown on its own.
      </Typography>
      <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <FormControl size="small" sx={{ minWidth: 320 }}>
          <InputLabel id="unit-choice-label">Unit</InputLabel>
          <Select labelId="unit-choice-label" label="Unit" value={choice?.id ?? ''} onChange={(e) => setChoiceId(e.target.value)}>
            {choices.map((c) => <MenuItem key={c.id} value={c.id}>{c.label}</MenuItem>)}
          </Select>
        </FormControl>
        <ToggleButtonGroup size="small" exclusive value={grain} aria-label="Period" onChange={(_e, next: UnitGrain | null) => next && setGrain(next)}>
          {GRAINS.map((g) => <ToggleButton key={g.grain} value={g.grain}>{g.label}</ToggleButton>)}
        </ToggleButtonGroup>
        <FormControl size="small" sx={{ minWidth: 150 }}>
          <InputLabel id="unit-cost-label">Cost</InputLabel>
          <Select labelId="unit-cost-label" label="Cost" value={cost} onChange={(e) => setCost(e.target.value as 'effective' | 'billed')}>
            <MenuItem value="effective">Effective cost</MenuItem>
            <MenuItem value="billed">Billed cost</MenuItem>
          </Select>
        </FormControl>
        <TextField size="small" type="date" label="From" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" type="date" label="To" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }} />
        {currencies.length > 1 && shown && (
          <FormControl size="small" sx={{ minWidth: 120 }}>
            <InputLabel id="unit-currency-label">Currency</InputLabel>
            <Select labelId="unit-currency-label" label="Currency" value={shown} onChange={(e) => setCurrency(e.target.value)}>
              {currencies.map((c) => <MenuItem key={c} value={c}>{c}</MenuItem>)}
            </Select>
          </FormControl>
        )}
      </Paper>
      {error && <Alert severity="error" role="alert">Unit economics could not be computed: {error.message}</Alert>}
      {!data && loading && <Skeleton variant="rounded" height={360} aria-label="Loading unit economics" />}
      {data && choice && <Results data={data} series={series} currency={shown} title={choice.label} mode={mode} />}
      <MetricImport onImported={(name) => setChoiceId(`imported:${name}`)} />
      <ImportedMetrics />
    </Box>
  );
}

function rangeOf(range: { from: string; to: string }): { from?: string; to?: string } {
  return { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
}

function Results({ data, series, currency, title, mode }: { data: UnitEconomics; series: UnitSeries[]; currency: string | null; title: string; mode: ThemeMode }) {
  return (
    <>
      {data.notes.length > 0 && (
        <Alert severity="info" role="note" aria-label="Notes on these figures">
          <List dense sx={{ listStyle: 'disc', pl: 2, py: 0 }}>
            {data.notes.map((n) => <ListItem key={n} sx={{ display: 'list-item', py: 0 }}>{n}</ListItem>)}
          </List>
        </Alert>
      )}
      {currency && series.length > 0 && (
        <>
          <ChartCard
            title={`${title}, ${currency}`}
            summary={unitSummary(data, series, currency)}
            height={340}
            chart={(ids) => <UnitChart series={series} periods={data.periods} currency={currency} unit={data.unit} mode={mode} {...ids} />}
            table={
              <DataTable
                caption={`${title} by ${data.grain}, ${currency}; a dash: nothing counted`}
                rowKey={(r) => r.period}
                rows={periodRows(data, series)}
                columns={[
                  { header: data.grain === 'day' ? 'Day' : data.grain === 'week' ? 'Week from' : 'Month', cell: (r) => <span style={{ whiteSpace: 'nowrap' }}>{r.period}</span> },
                  ...series.map((s, i) => ({ header: s.label, numeric: true, cell: (r: { ratios: Array<number | null> }) => {
                    const ratio = r.ratios[i];
                    return ratio == null ? '—' : formatUnitCost(ratio, currency);
                  } })),
                ]}
              />
            }
          />
          <Paper component="section" aria-labelledby="unit-totals-title" variant="outlined" sx={{ p: 2 }}>
            <Typography id="unit-totals-title" variant="h6" component="h2" gutterBottom>Whole range</Typography>
            <DataTable
              caption={`Cost, ${data.quantityUnit} and cost per ${data.unit} over the whole range, ${currency}`}
              rowKey={(s) => s.id}
              rows={series}
              columns={[
                { header: 'Series', cell: (s) => s.label },
                // Costs below 1 keep four significant digits: 0.075 + 0.15 is 0.22499999… in floating point.
                { header: 'Cost', numeric: true, cell: (s) => formatUnitCost(s.total.cost, currency) },
                { header: `Quantity (${data.quantityUnit})`, numeric: true, cell: (s) => formatQuantity(s.total.quantity) },
                { header: `Cost per ${data.unit}`, numeric: true, cell: (s) => (s.total.ratio === null ? '—' : formatUnitCost(s.total.ratio, currency)) },
              ]}
            />
          </Paper>
        </>
      )}
      {data.runs && data.runs.length > 0 && (
        <Paper component="section" aria-labelledby="runs-title" variant="outlined" sx={{ p: 2 }}>
          <Typography id="runs-title" variant="h6" component="h2" gutterBottom>Training runs</Typography>
          <DataTable
            caption="Training runs, largest first"
            rowKey={(r) => `${r.idFrom}|${r.run}|${r.currency}`}
            rows={data.runs}
            columns={[
              { header: 'Run', cell: (r) => <span style={{ wordBreak: 'break-all' }}>{r.run}</span> },
              { header: 'Named by', cell: (r) => r.idFrom },
              { header: 'Cost', numeric: true, cell: (r) => formatMoney(r.cost, r.currency) },
              { header: 'GPU hours', numeric: true, cell: (r) => formatQuantity(r.gpuHours) },
              { header: 'First day', cell: (r) => r.from },
              { header: 'Last day', cell: (r) => r.to },
            ]}
          />
        </Paper>
      )}
    </>
  );
}

function ImportedMetrics() {
  const { api } = useEngine();
  const { data: metrics } = useEngineQuery('listMetrics', {});
  const [error, setError] = useState<string | null>(null);
  if (!metrics || metrics.length === 0) return null;
  const remove = (name: string) => api.deleteMetric({ name }).then(() => setError(null), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  return (
    <Paper component="section" aria-labelledby="metrics-title" variant="outlined" sx={{ p: 2 }}>
      <Typography id="metrics-title" variant="h6" component="h2" gutterBottom>Imported metrics</Typography>
      {error && <Alert severity="error" role="alert">{error}</Alert>}
      <DataTable
        caption="Business metrics imported into this workspace"
        rowKey={(m) => m.name}
        rows={metrics}
        columns={[
          { header: 'Metric', cell: (m) => m.name },
          { header: 'Per', cell: (m) => m.dimension },
          { header: 'Values', numeric: true, cell: (m) => formatQuantity(m.values) },
          { header: 'From', cell: (m) => m.from },
          { header: 'To', cell: (m) => m.to },
          { header: 'Total', numeric: true, cell: (m) => formatQuantity(m.total) },
          { header: 'Files', cell: (m) => m.sources.join(', ') },
          { header: 'Actions', cell: (m) => <Button size="small" color="error" onClick={() => void remove(m.name)}>Delete {m.name}</Button> },
        ]}
      />
    </Paper>
  );
}
