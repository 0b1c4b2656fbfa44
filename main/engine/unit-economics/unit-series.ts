/**
 * Daily figures (cost and quantity per group, currency and day) → series of ratios per period.
 * Sums are compensated (as SQLite's TOTAL), and each ratio is the period's summed cost over its
 * summed quantity — never a mean of daily ratios. A period whose quantity is not above zero is a
 * gap (null), never Infinity.
 */
import type { UnitGrain, UnitPoint, UnitSeries } from '../../../shared/unit-economics.js';
import { addCompensated, compensatedTotal } from '../db/tuple-table.js';
import { isoDay } from '../import/values.js';
import { periodAxis, periodStart } from './periods.js';

export interface DailyFigure {
  group: string;
  currency: string;
  day: number;
  cost: number;
  /** The quantity (ignored when the plan counts distinct items). */
  quantity: number;
  /** What is counted when the plan counts distinct items per period (a training run's id). */
  item?: string;
  /** Left out of the plan's overall series (a different kind of unit). */
  outsideOverall?: boolean;
}

export interface SeriesPlan {
  grain: UnitGrain;
  /** Quantity per unit: 1000 for "per 1K tokens". */
  per: number;
  label(group: string): string;
  /** Adds a series of all groups together (per currency). */
  overall?: string;
  /** The quantity of a period is the number of distinct items in it. */
  distinct?: boolean;
  /** At most this many series besides the overall ones (the largest by cost). */
  maxSeries?: number;
}

export interface BuiltSeries {
  periods: string[];
  series: UnitSeries[];
  /** Groups left out by maxSeries. */
  dropped: number;
}

const OVERALL = '\u0000overall';

export function ratioOf(cost: number, quantity: number, per: number): number | null {
  return quantity > 0 ? cost / (quantity / per) : null;
}

interface Accumulator {
  group: string;
  currency: string;
  /** Per period: cost sum, cost error, quantity sum, quantity error. */
  sums: Float64Array;
  total: Float64Array;
  items: Array<Set<string>>;
  allItems: Set<string>;
}

export function buildSeries(figures: readonly DailyFigure[], plan: SeriesPlan): BuiltSeries {
  if (figures.length === 0) return { periods: [], series: [], dropped: 0 };
  let first = Infinity;
  let last = -Infinity;
  for (const f of figures) {
    if (f.day < first) first = f.day;
    if (f.day > last) last = f.day;
  }
  const axis = periodAxis(first, last, plan.grain);
  const index = new Map(axis.map((p, i) => [p, i]));
  const accumulators = new Map<string, Accumulator>();
  const accumulator = (group: string, currency: string): Accumulator => {
    const key = `${group}\u0001${currency}`;
    let found = accumulators.get(key);
    if (!found) {
      found = { group, currency, sums: new Float64Array(axis.length * 4), total: new Float64Array(4), items: axis.map(() => new Set()), allItems: new Set() };
      accumulators.set(key, found);
    }
    return found;
  };
  for (const f of figures) {
    const at = index.get(periodStart(f.day, plan.grain)) ?? 0;
    const targets = plan.overall === undefined || f.outsideOverall ? [accumulator(f.group, f.currency)] : [accumulator(f.group, f.currency), accumulator(OVERALL, f.currency)];
    for (const a of targets) {
      addCompensated(a.sums, at * 4, f.cost);
      addCompensated(a.total, 0, f.cost);
      if (plan.distinct) {
        if (f.item !== undefined) {
          a.items[at]?.add(f.item);
          a.allItems.add(f.item);
        }
      } else {
        addCompensated(a.sums, at * 4 + 2, f.quantity);
        addCompensated(a.total, 2, f.quantity);
      }
    }
  }
  const periods = axis.map(isoDay);
  const series = [...accumulators.values()].map((a): UnitSeries & { overall: boolean } => {
    const points = periods.map((period, i): UnitPoint => {
      const cost = compensatedTotal(a.sums, i * 4);
      const quantity = plan.distinct ? (a.items[i]?.size ?? 0) : compensatedTotal(a.sums, i * 4 + 2);
      return { period, cost, quantity, ratio: ratioOf(cost, quantity, plan.per) };
    });
    const cost = compensatedTotal(a.total, 0);
    const quantity = plan.distinct ? a.allItems.size : compensatedTotal(a.total, 2);
    const overall = a.group === OVERALL;
    return {
      id: `${overall ? 'overall' : a.group}|${a.currency}`,
      label: overall ? (plan.overall ?? '') : plan.label(a.group),
      currency: a.currency,
      points,
      total: { cost, quantity, ratio: ratioOf(cost, quantity, plan.per) },
      overall,
    };
  });
  const bySize = (x: UnitSeries, y: UnitSeries) => Math.abs(y.total.cost) - Math.abs(x.total.cost) || x.label.localeCompare(y.label) || x.currency.localeCompare(y.currency);
  const overall = series.filter((s) => s.overall).sort(bySize);
  const groups = series.filter((s) => !s.overall).sort(bySize);
  const kept = plan.maxSeries === undefined ? groups : groups.slice(0, plan.maxSeries);
  return {
    periods,
    series: [...overall, ...kept].map(({ overall: _overall, ...s }) => s),
    dropped: groups.length - kept.length,
  };
}
