/** Engine rows → chart series and plain-language summaries (pure, tested beside). */
import type { Breakdown, DailyCost } from '../../../../shared/model.js';
import { formatMoney, formatPercent } from '../../format/money.js';

export interface LinePoint {
  x: string;
  y: number;
}

export function dailySeries(days: readonly DailyCost[]): Array<{ id: string; data: LinePoint[] }> {
  return [{ id: 'Effective cost', data: withEveryDay(days).map((d) => ({ x: d.day, y: round2(d.effectiveCost) })) }];
}

/** Longest span (days) filled in with zero days; beyond it the chart shows only days with costs. */
const MAX_FILLED_DAYS = 3 * 366;

/**
 * The days from the first to the last, with zero for days without costs, so that the chart's
 * x axis is proportional to time and a gap reads as a gap.
 */
export function withEveryDay(days: readonly DailyCost[]): DailyCost[] {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  const start = Date.parse(`${first.day}T00:00:00Z`);
  const span = Math.round((Date.parse(`${last.day}T00:00:00Z`) - start) / 86_400_000) + 1;
  if (span > MAX_FILLED_DAYS || span === days.length) return [...days];
  const byDay = new Map(days.map((d) => [d.day, d]));
  return Array.from({ length: span }, (_, i) => {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, effectiveCost: 0, billedCost: 0 };
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Neumaier-compensated sum, so summaries agree with the engine's totals to the cent. */
export function preciseSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/** "From 1 Aug to 31 Oct 2026 spend was $X: $Y a day on average; the highest day was ...". */
export function dailySummary(withCosts: readonly DailyCost[], currency: string): string {
  if (withCosts.length === 0) return 'No spend in this period.';
  const days = withEveryDay(withCosts);
  const total = preciseSum(days.map((d) => d.effectiveCost));
  const first = days[0] as DailyCost;
  const last = days[days.length - 1] as DailyCost;
  const peak = days.reduce((best, d) => (d.effectiveCost > best.effectiveCost ? d : best), first);
  const parts = [
    `From ${first.day} to ${last.day}, spend was ${formatMoney(total, currency)} over ${days.length} days, ${formatMoney(total / days.length, currency)} a day on average.`,
    `The highest day was ${peak.day} at ${formatMoney(peak.effectiveCost, currency)}.`,
  ];
  if (days.length >= 14) {
    const recent = preciseSum(days.slice(-7).map((d) => d.effectiveCost));
    const before = preciseSum(days.slice(-14, -7).map((d) => d.effectiveCost));
    if (before !== 0) parts.push(`The last 7 days cost ${formatMoney(recent, currency)}, ${formatPercent((recent - before) / Math.abs(before))} against the 7 days before.`);
  }
  return parts.join(' ');
}

/** "Amazon Web Services is the largest at $X (62% of $T), then ...; 5 in all." */
export function breakdownSummary(what: string, rows: readonly Breakdown[], currency: string): string {
  if (rows.length === 0) return `No spend by ${what} in this period.`;
  const total = preciseSum(rows.map((r) => r.effectiveCost));
  const share = (r: Breakdown) => (total === 0 ? '' : ` (${Math.round((100 * r.effectiveCost) / total)}%)`);
  const [top, ...rest] = rows;
  const next = rest.slice(0, 2).map((r) => `${r.key} ${formatMoney(r.effectiveCost, currency)}${share(r)}`);
  const count = rows.some((r) => r.key === 'Other') ? `the ${rows.length - 1} largest and Other are shown` : `${rows.length} in all`;
  return `By ${what}: ${top?.key} is the largest at ${formatMoney(top?.effectiveCost ?? 0, currency)}${top ? share(top) : ''}${next.length ? `, then ${next.join(', ')}` : ''}; ${count}, totalling ${formatMoney(total, currency)}.`;
}

/** Bars from largest to smallest, top to bottom (nivo draws horizontal bars bottom-up). */
export function barData(rows: readonly Breakdown[]): Array<{ key: string; cost: number }> {
  return rows.map((r) => ({ key: r.key, cost: round2(r.effectiveCost) })).reverse();
}
