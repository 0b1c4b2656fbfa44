/** The overview: where the money went, in one currency at a time, every chart with summary and table. */
import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Paper, Select, Skeleton, Typography } from '@mui/material';
import { useState } from 'react';
import type { Breakdown, Overview } from '../../../../shared/model.js';
import { ChartCard } from '../../components/ChartCard.js';
import { AllocatedBreakdownCard } from '../attribution/AllocatedBreakdownCard.js';
import { AllocatedFilter, type AllocatedFilterValue } from '../attribution/AllocatedFilter.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatCount, formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { useEngineQuery } from '../../app/engine-context.js';
import { BreakdownChart } from './BreakdownChart.js';
import { SpendByDayChart } from './SpendByDayChart.js';
import { breakdownSummary, dailySummary } from './overview-view.js';
import { SourceLinesDialog, type LinesFilter } from './SourceLinesDialog.js';
import { BudgetSummaryCard } from '../budgets/BudgetSummaryCard.js';

export function OverviewScreen({ mode, onImport }: { mode: ThemeMode; onImport: () => void }) {
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const [display, setDisplay] = useState<string | undefined>(undefined);
  const [lines, setLines] = useState<LinesFilter | null>(null);
  const [allocated, setAllocated] = useState<AllocatedFilterValue | null>(null);
  const query = display ? { displayCurrency: display } : { ...(currency ? { currency } : {}), ...(allocated ? { allocated } : {}) };
  const { data, error, loading } = useEngineQuery('overview', query);

  if (error) return <Alert severity="error">The overview could not be computed: {error.message}</Alert>;
  if (!data) return <OverviewSkeleton busy={loading} />;
  if (!data.currency) {
    return (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
        <Typography variant="h6" component="h2" gutterBottom>This workspace has no costs yet</Typography>
        <Typography sx={{ mb: 2 }}>Import a billing export (FOCUS CSV) to see where the money went.</Typography>
        <Button variant="contained" onClick={onImport}>Import billing files</Button>
      </Paper>
    );
  }
  const cur = data.currency;
  // Source lines are listed in their billing currency, so drilling in is offered only unconverted.
  const drill = (column: string) => (data.conversion ? undefined : column);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Totals data={data} display={display} onCurrency={setCurrency} onDisplay={setDisplay} onShowLines={() => setLines({ title: `All cost lines in ${cur}`, currency: cur })} />
      {data.conversion && <ConversionNotice conversion={data.conversion} />}
      {!data.conversion && <AllocatedFilter currency={cur} filter={allocated} onChange={setAllocated} />}
      <BudgetSummaryCard />
      <ChartCard
        title="Spend by day"
        summary={dailySummary(data.byDay, cur)}
        height={300}
        chart={(ids) => <SpendByDayChart days={data.byDay} currency={cur} mode={mode} {...ids} />}
        table={
          <DataTable
            caption={`Effective and billed cost by day, ${cur}`}
            rowKey={(r) => r.day}
            rows={data.byDay}
            columns={[
              { header: 'Day', cell: (r) => r.day },
              { header: 'Effective cost', numeric: true, cell: (r) => formatMoney(r.effectiveCost, cur) },
              { header: 'Billed cost', numeric: true, cell: (r) => formatMoney(r.billedCost, cur) },
            ]}
          />
        }
      />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <BreakdownCard title="By provider" what="provider" column={drill('ProviderName')} rows={data.byProvider} currency={cur} mode={mode} onShowLines={setLines} />
        <BreakdownCard title="By service category" what="service category" column={drill('ServiceCategory')} rows={data.byServiceCategory} currency={cur} mode={mode} onShowLines={setLines} />
        <BreakdownCard title="By service" what="service" column={drill('ServiceName')} rows={data.byService} currency={cur} mode={mode} onShowLines={setLines} />
        <BreakdownCard title="By sub-account" what="sub-account" rows={data.bySubAccount} currency={cur} mode={mode} onShowLines={setLines} />
        <BreakdownCard title="By region" what="region" rows={data.byRegion} currency={cur} mode={mode} onShowLines={setLines} />
        <TagCard tagKeys={data.tagKeys} currency={cur} mode={mode} />
        {!data.conversion && <AllocatedBreakdownCard currency={cur} mode={mode} />}
      </Box>
      <Paper component="section" aria-labelledby="top-resources-title" variant="outlined" sx={{ p: 2 }}>
        <Typography id="top-resources-title" variant="h6" component="h2" gutterBottom>Top resources</Typography>
        <DataTable
          caption={`The ${data.topResources.length} resources with the highest effective cost, ${cur}`}
          rowKey={(r) => r.resourceId}
          rows={data.topResources}
          columns={[
            { header: 'Resource', cell: (r) => <span style={{ wordBreak: 'break-all' }}>{r.resourceName || r.resourceId}</span> },
            { header: 'Service', cell: (r) => r.serviceName },
            { header: 'Effective cost', numeric: true, cell: (r) => formatMoney(r.effectiveCost, cur) },
            { header: 'Billed cost', numeric: true, cell: (r) => formatMoney(r.billedCost, cur) },
          ]}
        />
      </Paper>
      {lines && <SourceLinesDialog filter={lines} onClose={() => setLines(null)} />}
    </Box>
  );
}

function ConversionNotice({ conversion }: { conversion: NonNullable<Overview['conversion']> }) {
  return (
    <Alert severity={conversion.missing.length > 0 ? 'warning' : 'info'} role="status">
      Converted figures: every amount is shown in {conversion.to}, converted at the daily exchange rates of this workspace
      {conversion.sources.length > 0 ? ` (${conversion.sources.join(', ')})` : ''}.
      {conversion.missing.length > 0 && (
        <> Not converted, for lack of a rate, and left out: {conversion.missing.map((m) => `${formatMoney(m.effectiveCost, m.currency)} (${m.firstDay} to ${m.lastDay})`).join('; ')}. Add rates on the Currencies screen.</>
      )}
    </Alert>
  );
}

function Totals({ data, display, onCurrency, onDisplay, onShowLines }: {
  data: Overview;
  display: string | undefined;
  onCurrency: (c: string) => void;
  onDisplay: (c: string | undefined) => void;
  onShowLines: () => void;
}) {
  const cur = data.currency ?? 'USD';
  const current = data.currencies.find((c) => c.currency === cur);
  const converted = data.conversion !== null;
  return (
    <Paper component="section" aria-labelledby="totals-title" variant="outlined" sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
      <VisuallyHidden id="totals-title">Totals</VisuallyHidden>
      <Figure label={converted ? `Total effective cost, converted to ${cur}` : 'Total effective cost'} value={formatMoney(data.total.effectiveCost, cur)} testId="total-effective" large />
      <Figure label={converted ? 'Billed cost, converted' : 'Billed cost'} value={formatMoney(data.total.billedCost, cur)} testId="total-billed" />
      {!converted && <Figure label="Cost lines" value={formatCount(current?.rows ?? 0)} />}
      <Figure label="Period" value={data.period ? `${data.period.start} to ${data.period.end}` : '—'} />
      <Box sx={{ flexGrow: 1 }} />
      {!converted && <Button variant="text" onClick={onShowLines}>Show source lines</Button>}
      {data.currencies.length > 1 && (
        <FormControl size="small" sx={{ minWidth: 200 }}>
          <InputLabel id="display-label">Show amounts</InputLabel>
          <Select labelId="display-label" label="Show amounts" value={display ?? ''} onChange={(e) => onDisplay(e.target.value === '' ? undefined : String(e.target.value))}>
            <MenuItem value="">In each billing currency</MenuItem>
            {data.currencies.map((c) => <MenuItem key={c.currency} value={c.currency}>All converted to {c.currency}</MenuItem>)}
          </Select>
        </FormControl>
      )}
      {data.currencies.length > 1 && !converted && (
        <FormControl size="small" sx={{ minWidth: 160 }}>
          <InputLabel id="currency-label">Currency</InputLabel>
          <Select labelId="currency-label" label="Currency" value={cur} onChange={(e) => onCurrency(String(e.target.value))}>
            {data.currencies.map((c) => (
              <MenuItem key={c.currency} value={c.currency}>{c.currency} — {formatMoney(c.effectiveCost, c.currency)}</MenuItem>
            ))}
          </Select>
        </FormControl>
      )}
      {data.currencies.length > 1 && !converted && (
        <Typography variant="body2" sx={{ width: '100%' }}>
          This workspace has costs in {data.currencies.length} currencies; figures are shown per currency and never added together,
          unless you choose to convert them.
        </Typography>
      )}
    </Paper>
  );
}

function Figure({ label, value, large = false, testId }: { label: string; value: string; large?: boolean; testId?: string }) {
  return (
    <div>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography variant={large ? 'h4' : 'h6'} component="p" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
    </div>
  );
}

function BreakdownCard({ title, what, rows, currency, mode, column, onShowLines }: {
  title: string;
  what: string;
  rows: Breakdown[];
  currency: string;
  mode: ThemeMode;
  /** The FOCUS column behind the keys, when source lines can be listed for a key. */
  column?: string;
  onShowLines: (filter: LinesFilter) => void;
}) {
  return (
    <ChartCard
      title={title}
      summary={breakdownSummary(what, rows, currency)}
      height={Math.max(160, rows.length * 28 + 40)}
      chart={(ids) => <BreakdownChart rows={rows} currency={currency} mode={mode} {...ids} />}
      table={
        <DataTable
          caption={`Effective and billed cost ${title.toLowerCase()}, ${currency}`}
          rowKey={(r) => r.key}
          rows={rows}
          columns={[
            { header: what[0]?.toUpperCase() + what.slice(1), cell: (r) => r.key },
            { header: 'Effective cost', numeric: true, cell: (r) => formatMoney(r.effectiveCost, currency) },
            { header: 'Billed cost', numeric: true, cell: (r) => formatMoney(r.billedCost, currency) },
            ...(column
              ? [{
                  header: 'Source',
                  cell: (r: Breakdown) =>
                    r.key === 'Other' || r.key === '(not set)' ? '' : (
                      <Button size="small" onClick={() => onShowLines({ title: `Cost lines of ${r.key}`, currency, where: { [column]: r.key } })}>
                        Lines<VisuallyHidden> of {r.key}</VisuallyHidden>
                      </Button>
                    ),
                }]
              : []),
          ]}
        />
      }
    />
  );
}

function TagCard({ tagKeys, currency, mode }: { tagKeys: string[]; currency: string; mode: ThemeMode }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen ?? (tagKeys.includes('team') ? 'team' : tagKeys[0] ?? null);
  const { data } = useEngineQuery('tagBreakdown', key ? { key, currency } : null);
  if (!key) {
    return (
      <Paper component="section" variant="outlined" sx={{ p: 2 }} aria-label="By tag">
        <Typography variant="h6" component="h2">By tag</Typography>
        <Typography variant="body2">The cost lines of this currency have no tags.</Typography>
      </Paper>
    );
  }
  const rows = data?.rows ?? [];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <FormControl size="small" sx={{ maxWidth: 240 }}>
        <InputLabel id="tag-key-label">Tag key</InputLabel>
        <Select labelId="tag-key-label" label="Tag key" value={key} onChange={(e) => setChosen(String(e.target.value))}>
          {tagKeys.map((k) => <MenuItem key={k} value={k}>{k}</MenuItem>)}
        </Select>
      </FormControl>
      <ChartCard
        title={`By tag: ${key}`}
        summary={breakdownSummary(`tag "${key}"`, rows, currency)}
        height={Math.max(160, rows.length * 28 + 40)}
        chart={(ids) => <BreakdownChart rows={rows} currency={currency} mode={mode} {...ids} />}
        table={
          <DataTable
            caption={`Effective and billed cost by the value of tag ${key}, ${currency}`}
            rowKey={(r) => r.key}
            rows={rows}
            columns={[
              { header: `Value of ${key}`, cell: (r) => r.key },
              { header: 'Effective cost', numeric: true, cell: (r) => formatMoney(r.effectiveCost, currency) },
              { header: 'Billed cost', numeric: true, cell: (r) => formatMoney(r.billedCost, currency) },
            ]}
          />
        }
      />
    </Box>
  );
}

function OverviewSkeleton({ busy }: { busy: boolean }) {
  return (
    <Box aria-busy={busy} aria-live="polite" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="body2">Loading the overview…</Typography>
      <Skeleton variant="rounded" height={90} />
      <Skeleton variant="rounded" height={300} />
    </Box>
  );
}
