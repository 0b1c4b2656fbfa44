/** Unit-economics results → what the screen shows: choices, chart series, summaries, table rows. */
import type { MetricSummary } from '../../../../shared/metrics.js';
import type { UnitEconomics, UnitEconomicsQuery, UnitMetric, UnitSeries } from '../../../../shared/unit-economics.js';
import { formatCount, LOCALE } from '../../format/money.js';

export interface UnitChoice {
  /** The select's value: the metric, or `imported:<name>`. */
  id: string;
  label: string;
  metric: UnitMetric;
  name?: string;
}

export const BUILT_IN_CHOICES: readonly UnitChoice[] = [
  { id: 'tokens', label: 'Cost per 1K tokens, by token type', metric: 'tokens' },
  { id: 'model', label: 'Cost per 1K tokens, per model', metric: 'model' },
  { id: 'request', label: 'Cost per request', metric: 'request' },
  { id: 'gpu-hour', label: 'Cost per GPU hour', metric: 'gpu-hour' },
  { id: 'training-run', label: 'Cost per training run', metric: 'training-run' },
];

export function unitChoices(metrics: readonly MetricSummary[]): UnitChoice[] {
  return [
    ...BUILT_IN_CHOICES,
    ...metrics.map((m) => ({ id: `imported:${m.name}`, label: `Cost per ${m.name} (imported, per ${m.dimension})`, metric: 'imported' as const, name: m.name })),
  ];
}

export function queryOf(choice: UnitChoice, grain: UnitEconomicsQuery['grain']): UnitEconomicsQuery {
  return choice.name === undefined ? { metric: choice.metric, grain } : { metric: choice.metric, grain, name: choice.name };
}

/** The currencies of a result's series, the largest spend first. */
export function currenciesOf(result: UnitEconomics): string[] {
  const cost = new Map<string, number>();
  for (const s of result.series) cost.set(s.currency, (cost.get(s.currency) ?? 0) + Math.abs(s.total.cost));
  return [...cost.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A cost per unit: cents from 1 up; below 1, four significant digits (cost per 1K tokens is
 * often a fraction of a cent: "$0.0002774").
 */
export function formatUnitCost(value: number, currency: string): string {
  const small = value !== 0 && Math.abs(value) < 1;
  const key = `${currency}:${small}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, small
      ? { style: 'currency', currency, maximumSignificantDigits: 4 }
      : { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(key, format);
  }
  return format.format(value);
}

/** "1,234.5" with at most two decimals (token counts, GPU hours, metric units). */
export function formatQuantity(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 }).format(value);
}

export interface ChartSeries {
  id: string;
  data: Array<{ x: string; y: number | null }>;
}

/** One nivo line per series; a null point is drawn as a gap. */
export function chartSeries(series: readonly UnitSeries[]): ChartSeries[] {
  return series.map((s) => ({ id: s.label, data: s.points.map((p) => ({ x: p.period, y: p.ratio })) }));
}

const GRAIN_WORD = { day: 'day', week: 'week (from Monday)', month: 'month' } as const;

/** The chart's text summary: what is shown, the overall figure, the highest and lowest series, the gaps. */
export function unitSummary(result: UnitEconomics, series: readonly UnitSeries[], currency: string): string {
  if (series.length === 0) return `No cost per ${result.unit} to show.`;
  const first = result.periods[0] ?? '';
  const last = result.periods[result.periods.length - 1] ?? '';
  const parts = [`Cost per ${result.unit} in ${currency}, by ${GRAIN_WORD[result.grain]}, from ${first} to ${last}.`];
  const lead = series[0];
  if (lead?.total.ratio != null) {
    parts.push(`${lead.label}: ${formatUnitCost(lead.total.ratio, currency)} per ${result.unit} over the whole range (${formatUnitCost(lead.total.cost, currency)} for ${formatQuantity(lead.total.quantity)} ${result.quantityUnit}).`);
  }
  const ranked = series.slice(1).filter((s) => s.total.ratio !== null).sort((a, b) => (b.total.ratio ?? 0) - (a.total.ratio ?? 0));
  const top = ranked[0];
  const bottom = ranked[ranked.length - 1];
  if (top && bottom && ranked.length > 1) {
    parts.push(`Highest: ${top.label} at ${formatUnitCost(top.total.ratio ?? 0, currency)}; lowest: ${bottom.label} at ${formatUnitCost(bottom.total.ratio ?? 0, currency)}.`);
  }
  const gaps = lead ? lead.points.filter((p) => p.ratio === null).length : 0;
  if (gaps > 0) parts.push(`${gaps} of ${result.periods.length} periods of ${lead?.label} have no ${result.quantityUnit} and are left as gaps.`);
  return parts.join(' ');
}

/** Table rows: one per period, a cell per series (null: no quantity in that period). */
export function periodRows(result: UnitEconomics, series: readonly UnitSeries[]): Array<{ period: string; ratios: Array<number | null> }> {
  return result.periods.map((period, i) => ({ period, ratios: series.map((s) => s.points[i]?.ratio ?? null) }));
}
