/** Engine forecasts → chart rows, table rows and plain-language sentences (pure, tested beside). */
import {
  SLICE_COLUMN_LABELS, type BacktestScore, type DriverForecast, type ForecastModel, type PeriodProjection, type SeriesForecast, type SliceColumn, type SliceDimension,
} from '../../../../shared/forecast.js';
import { formatMoney } from '../../format/money.js';
import { preciseSum } from '../overview/overview-view.js';
import type { ForecastChartDay } from './forecast-chart-view.js';

export interface SliceOption {
  by: SliceDimension;
  label: string;
}

/** The slice picker's choices: the total, each FOCUS column, each tag key, each allocated dimension. */
export function sliceOptions(tagKeys: readonly string[], allocated: readonly string[] = []): SliceOption[] {
  return [
    { by: 'total', label: 'Total' },
    ...(Object.entries(SLICE_COLUMN_LABELS) as Array<[SliceColumn, string]>).map(([by, label]) => ({ by, label })),
    ...tagKeys.map((k): SliceOption => ({ by: `tag:${k}`, label: `Tag: ${k}` })),
    ...allocated.map((d): SliceOption => ({ by: `alloc:${d}`, label: `Allocated: ${d}` })),
  ];
}

/** Other columns root causes name, beside the slice columns. */
const MORE_LABELS: Record<string, string> = { ResourceId: 'Resource', ResourceName: 'Resource', SubAccountId: 'Sub-account', AvailabilityZone: 'Availability zone', SkuId: 'SKU' };

/** "Service", "Tag team", "project" (an allocated dimension), or the column's own name. */
export function dimensionLabel(dimension: string): string {
  if (dimension === 'total') return 'Total';
  if (dimension.startsWith('tag:')) return `Tag ${dimension.slice(4)}`;
  // An allocated dimension is named by the council (team, project): capitalised like the FOCUS labels.
  if (dimension.startsWith('alloc:')) return dimension.charAt(6).toUpperCase() + dimension.slice(7);
  return SLICE_COLUMN_LABELS[dimension as SliceColumn] ?? MORE_LABELS[dimension] ?? dimension;
}

/** "Total", "Service: Amazon EC2", "Tag team: search", "Team: search" (allocated). */
export function seriesLabel(series: SeriesForecast['series']): string {
  if (series.dimension === 'total') return 'Total';
  return `${dimensionLabel(series.dimension)}: ${series.value ?? '(not set)'}`;
}

export const MODEL_NAMES: Record<ForecastModel, string> = {
  'seasonal-naive': 'Seasonal naive (same weekday last week)',
  'seasonal-mean': 'Seasonal mean (same weekday, last four weeks)',
  'holt-winters': 'Holt-Winters (level, trend and weekly cycle)',
  'holt-winters-damped': 'Holt-Winters with a damped trend',
  'linear-trend': 'Linear trend with weekday effects',
  combination: 'Combination (mean of Holt-Winters, damped Holt-Winters and linear trend)',
  'recent-mean': 'Mean of the last 7 days',
};

/** Days of history the chart and its table show before the forecast: enough to see the weekly cycle. */
export function historyShown(horizon: number): number {
  return Math.min(90, Math.max(28, 2 * horizon));
}

/** The last `historyShown` days of history, then the forecast days. */
export function chartDays(series: SeriesForecast, shown = historyShown(series.forecast.length)): ForecastChartDay[] {
  const none = { forecast: null, lo80: null, hi80: null, lo95: null, hi95: null };
  return [
    ...series.history.slice(-shown).map((d) => ({ ...none, day: d.day, actual: round2(d.value) })),
    ...series.forecast.map((f) => ({ day: f.day, actual: null, forecast: round2(f.mean), lo80: round2(f.lo80), hi80: round2(f.hi80), lo95: round2(f.lo95), hi95: round2(f.hi95) })),
  ];
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

const PERIOD_WORD: Record<PeriodProjection['period'], string> = { month: 'month-end', quarter: 'quarter-end', year: 'year-end' };

/** "Projected month-end spend $X (80%: $A–$B)". */
export function projectionHeadline(p: PeriodProjection, currency: string): string {
  return `Projected ${PERIOD_WORD[p.period]} spend ${formatMoney(p.mean, currency)} (80%: ${formatMoney(p.lo80, currency)}–${formatMoney(p.hi80, currency)})`;
}

/** The headline with the period, the 95% interval, and how much is already spent. */
export function projectionSentence(p: PeriodProjection, currency: string): string {
  const beyond = p.withinHorizon ? '' : ' The forecast was extended past the chosen horizon to close the period.';
  return `${projectionHeadline(p, currency)} for ${p.label} (${p.start} to ${p.end}); 95%: ${formatMoney(p.lo95, currency)}–${formatMoney(p.hi95, currency)}. `
    + `${formatMoney(p.actualToDate, currency)} is spent so far and ${formatMoney(p.forecastRest, currency)} is forecast for the rest.${beyond}`;
}

/** The chart's text summary. */
export function forecastSummary(series: SeriesForecast): string {
  const cur = series.currency;
  // The engine's reason starts "no forecast: …" itself; said once.
  if (series.status === 'no-forecast' || series.forecast.length === 0) return `No forecast for ${seriesLabel(series.series)}: ${series.reason.replace(/^no forecast:\s*/i, '')}`;
  const first = series.forecast[0];
  const last = series.forecast[series.forecast.length - 1];
  const month = series.projections.find((p) => p.period === 'month');
  const model = series.model ? MODEL_NAMES[series.model] : 'no model';
  const span = `${seriesLabel(series.series)}: from ${first?.day} to ${last?.day} (${series.forecast.length} days)`;
  const h = series.horizonTotal;
  const parts = [
    h
      ? `${span} spend is forecast at ${formatMoney(h.mean, cur)} (80%: ${formatMoney(h.lo80, cur)}–${formatMoney(h.hi80, cur)}; 95%: ${formatMoney(h.lo95, cur)}–${formatMoney(h.hi95, cur)}), by ${model}.`
      : `${span} spend is forecast at ${formatMoney(preciseSum(series.forecast.map((f) => f.mean)), cur)}, by ${model}.`,
  ];
  if (month) parts.push(`${projectionHeadline(month, cur)}.`);
  return parts.join(' ');
}

export interface TrackRecordLine {
  label: string;
  value: string;
  meaning: string;
}

function percent(v: number, digits = 1): string {
  return `${v.toFixed(digits)}%`;
}

/** The backtest in plain words: one line per measure with its figure and what it means. */
export function trackRecord(b: BacktestScore, currency: string): TrackRecordLine[] {
  const lines: TrackRecordLine[] = [];
  lines.push({
    label: 'Typical error (MAPE)',
    value: b.mape === null ? 'not measurable' : percent(b.mape),
    meaning: b.mape === null ? 'every backtest day had zero spend, so a percentage error means nothing' : `on a typical day the forecast was off by ${percent(b.mape)} of the actual`,
  });
  lines.push({
    label: 'Against repeating last week (MASE)',
    value: b.mase === null ? 'not measurable' : b.mase.toFixed(2),
    meaning: b.mase === null ? 'last week repeated perfectly, so there is nothing to compare against'
      : b.mase < 1 ? `errors ${Math.round((1 - b.mase) * 100)}% smaller than the seasonal naive forecast (below 1 is better)`
        : b.mase === 1 ? 'as good as the seasonal naive forecast, no better'
          : `errors ${Math.round((b.mase - 1) * 100)}% larger than the seasonal naive forecast (above 1 is worse)`,
  });
  const absBias = Math.abs(b.bias);
  lines.push({
    label: 'Bias',
    value: `${b.bias < 0 ? '−' : b.bias > 0 ? '+' : ''}${formatMoney(absBias, currency)} a day`,
    meaning: absBias < 0.005 ? 'no lean either way' : b.bias > 0 ? 'on average it forecast too high' : 'on average it forecast too low',
  });
  lines.push({
    label: '80% interval hit rate',
    value: b.coverage80 === null ? 'not measurable' : percent(b.coverage80 * 100, 0),
    meaning: b.coverage80 === null ? 'no intervals to test'
      : `actuals fell inside the 80% interval on ${percent(b.coverage80 * 100, 0)} of backtest days (a well-calibrated interval holds about 80%)`,
  });
  return lines;
}

/** Why the slice has no series: none of its values has costs in the currency shown (another currency may have them). */
export function noSeriesText(sliceLabel: string, currency: string | null, currencies: number): string {
  const slice = sliceLabel === 'Total' ? 'No series' : `No ${sliceLabel} series`;
  const other = currencies > 1 ? ' Choose another currency to see its series.' : '';
  return `${slice} has costs${currency ? ` in ${currency}` : ''}.${other}`;
}

/** What the track record says without a backtest: no forecast at all, or a history too short to test one. */
export function noTrackRecord(series: SeriesForecast): string {
  if (series.status === 'no-forecast') return 'No track record: there is no forecast to test.';
  return 'No track record: the history is too short to test the model on its own past.';
}

/** The short-history note with the series' own number of days (14 days is short too: no day is left to test on). */
export function shortHistoryNote(series: SeriesForecast): string {
  return `Short history: ${series.history.length} ${series.history.length === 1 ? 'day' : 'days'} of data, so a simpler model is used and its accuracy cannot be tested fully.`;
}

/** "Tested on 84 forecast days from 12 starting points in this series' own past." */
export function backtestBasis(b: BacktestScore): string {
  return `Tested on ${b.points} forecast days from ${b.origins} starting points in this series' own past (rolling-origin backtest).`;
}

export interface DriverRow {
  model: string;
  provider: string;
  tokensPerDay: number;
  /** Null when the price book has no price for the model. */
  costPerDay: number | null;
  driverCost: number | null;
  timeSeriesCost: number | null;
  timeSeriesRange: string;
  actualPerDay: number;
}

export function driverRows(d: DriverForecast): DriverRow[] {
  const cur = d.currency ?? 'USD';
  return d.models.map((m) => {
    // Priced only when some of its tokens have a price: a price book entry alone prices nothing.
    const priced = m.priceId !== null && m.drivers.some((t) => t.pricePerMillion !== null);
    return {
      model: m.model,
      provider: m.provider ?? '—',
      tokensPerDay: Math.round(preciseSum(m.drivers.map((t) => t.tokensPerDay))),
      costPerDay: priced ? m.costPerDay : null,
      driverCost: priced ? m.horizonCost : null,
      timeSeriesCost: m.timeSeries?.horizonCost ?? null,
      timeSeriesRange: m.timeSeries ? `${formatMoney(m.timeSeries.lo80, cur)}–${formatMoney(m.timeSeries.hi80, cur)}` : '—',
      actualPerDay: m.actualPerDay,
    };
  });
}

/** "+10% a month" / "no growth" / "−5% a month". */
export function growthWords(growth: number): string {
  if (growth === 0) return 'no traffic growth';
  const pct = Math.round(growth * 1000) / 10;
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct)}% traffic a month`;
}

/** The driver-based forecast in one or two sentences, beside the time series. */
export function driverSummary(d: DriverForecast): string {
  if (!d.currency || d.models.length === 0) {
    // The engine reads one currency: usage may exist in another one, so name it rather than ask for an import.
    return `No token usage${d.currency ? ` in ${d.currency}` : ''} to forecast from: import AI usage with model and token counts (x_Model, x_Tokens)${d.currency ? ', or choose the currency it is billed in' : ''}.`;
  }
  const cur = d.currency;
  const rows = driverRows(d);
  const priced = rows.filter((r) => r.driverCost !== null);
  const driverTotal = preciseSum(priced.map((r) => r.driverCost ?? 0));
  const withSeries = rows.filter((r) => r.timeSeriesCost !== null);
  const seriesTotal = preciseSum(withSeries.map((r) => r.timeSeriesCost ?? 0));
  const parts = [
    `With ${growthWords(d.growth)}, the token usage of ${d.basisFrom} to ${d.basisTo} priced from the price book comes to ${formatMoney(driverTotal, cur)} over the next ${d.horizon} days (${priced.length} of ${rows.length} models priced).`,
  ];
  if (withSeries.length > 0) parts.push(`The time-series forecasts of the same ${withSeries.length === 1 ? 'model' : `${withSeries.length} models`} say ${formatMoney(seriesTotal, cur)}.`);
  return parts.join(' ');
}

/** The growth field's text (a percentage a month) → a fraction, or null outside the engine's range (−90% to +1000%). */
export function parseGrowth(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, '').replace('−', '-');
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(n) || n < -90 || n > 1000) return null;
  return n / 100;
}
