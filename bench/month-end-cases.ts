/**
 * Month-end cases for the calibration benches (budget-bench.ts, forecast-bench.ts): for each whole
 * month of a series, forecasts made on given days of the month (their last day of history), each
 * with the month's real total, the forecast days to the month's end and the forecast's own month
 * projection. Shared so both benches judge month-end ranges on the same kind of cases.
 */
import { forecastSeries } from '../main/engine/forecast/forecast-series.js';
import { denseSeries, readSeries } from '../main/engine/forecast/series-source.js';
import type { Store } from '../main/engine/db/store.js';
import type { SliceDimension } from '../shared/forecast.js';

/** Days of the month the forecast is made on (its last day of history). */
export const ORIGIN_DAYS = [3, 7, 10, 14, 18, 21, 25];
/** The budget of a case: this × the previous month's total. */
export const BUDGET_FACTOR = 1.05;

export interface MonthEndCase {
  /** The month's real total. */
  truth: number;
  /** The budget: 1.05 × the previous month's total (null: no previous month). */
  amount: number | null;
  actualToDate: number;
  points: Array<{ mean: number; lo80: number; hi80: number; lo95: number; hi95: number }>;
  /** The forecast's own month projection interval. */
  projection: { lo80: number; hi80: number; lo95: number; hi95: number } | null;
}

function monthStartIndexes(firstDay: number, length: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < length; i++) if (new Date((firstDay + i) * 86_400_000).getUTCDate() === 1) starts.push(i);
  return starts;
}

/** Cases of one series: each whole month starting at or after index `minHistory`, at each origin day. */
export function monthEndCases(values: readonly number[], firstDay: number, minHistory: number, originDays: readonly number[] = ORIGIN_DAYS): MonthEndCase[] {
  const cases: MonthEndCase[] = [];
  const starts = monthStartIndexes(firstDay, values.length + 1);
  for (let m = 0; m + 1 < starts.length; m++) {
    const start = starts[m] as number;
    // The month's last day; the series may end on it.
    const end = (starts[m + 1] as number) - 1;
    if (start < minHistory) continue;
    const previous = m > 0 ? values.slice(starts[m - 1] as number, start).reduce((a, b) => a + b, 0) : null;
    const truth = values.slice(start, end + 1).reduce((a, b) => a + b, 0);
    for (const originDay of originDays) {
      const origin = start + originDay - 1;
      if (origin >= end) continue;
      const result = forecastSeries(values.slice(0, origin + 1), firstDay, end - origin);
      if (result.status === 'no-forecast' || result.forecast.length < end - origin) continue;
      const projection = result.projections.find((p) => p.period === 'month') ?? null;
      cases.push({
        truth,
        amount: previous === null ? null : previous * BUDGET_FACTOR,
        actualToDate: values.slice(start, origin + 1).reduce((a, b) => a + b, 0),
        points: result.forecast,
        projection,
      });
    }
  }
  return cases;
}

/** The demo's cases: every USD series of `dimensions` with 8 weeks of costs, each whole month after them. */
export function demoMonthEndCases(store: Store, dimensions: readonly SliceDimension[]): MonthEndCase[] {
  const span = store.all<{ first: number; last: number }>('SELECT MIN(day) AS first, MAX(day) AS last FROM daily_dim')[0] as { first: number; last: number };
  const cases: MonthEndCase[] = [];
  for (const by of dimensions) {
    for (const days of readSeries(store, by, { currency: 'USD', cost: 'effective', fromDay: span.first, toDay: span.last }).values()) {
      const dense = denseSeries(days, span.last);
      if (dense.values.filter((v) => v !== 0).length < 56) continue;
      cases.push(...monthEndCases(dense.values, dense.firstDay, 56));
    }
  }
  return cases;
}

/**
 * Slack when comparing a total with a bound: the truth here is a plain sum, the projection a
 * compensated one, so a flat service forecast exactly (an interval of zero width) can differ from
 * its truth in the last bit; a millionth of a unit is far below a cent.
 */
const SLACK = 1e-6;

/** How often the forecast's own month projection intervals held the month's real total. */
export function projectionCoverage(cases: readonly MonthEndCase[]): { cases: number; in80: number; in95: number } {
  const withProjection = cases.filter((c) => c.projection !== null);
  const inside = (truth: number, lo: number, hi: number): boolean => truth >= lo - SLACK && truth <= hi + SLACK;
  const in80 = withProjection.filter((c) => inside(c.truth, c.projection?.lo80 ?? 0, c.projection?.hi80 ?? 0)).length;
  const in95 = withProjection.filter((c) => inside(c.truth, c.projection?.lo95 ?? 0, c.projection?.hi95 ?? 0)).length;
  return { cases: withProjection.length, in80: in80 / withProjection.length, in95: in95 / withProjection.length };
}
