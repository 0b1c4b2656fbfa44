import { describe, expect, it } from 'vitest';
import { syntheticSeries } from '../../../test/support/synthetic-series.js';
import { backtestOrigins, runBacktest, scoreBacktest } from './backtest.js';
import { forecastSeries } from './forecast-series.js';
import { boundsAt, intervalModel } from './intervals.js';
import { detectMonthlyCharge } from './monthly-charge.js';
import { periodEndTotal } from './period-sum.js';
import { seasonalNaive } from './models/seasonal-naive.js';
import type { RollingForecaster } from './models/types.js';

const NOV_1_2026 = 20758; // Date.UTC(2026, 10, 1) / 86,400,000

describe('backtest scores', () => {
  it('computes MAPE, MASE and bias from the errors of each origin', () => {
    const y = Array.from({ length: 20 }, (_, i) => i); // 0 … 19: the weekly naive is off by 7 every day
    const lastValue: RollingForecaster = (series, origins, horizon) => origins.map((o) => new Float64Array(horizon).fill(series[o - 1] as number));
    const origins = [14, 15, 16, 17, 18, 19];
    const score = scoreBacktest(y, runBacktest(y, lastValue, origins, 2), 7);
    // Full-horizon origins 14 … 18; step 1 forecasts o − 1 for actual o (error −1), step 2 for o + 1 (error −2).
    expect(score.origins).toBe(5);
    expect(score.points).toBe(10);
    expect(score.bias).toBeCloseTo(-1.5, 12);
    expect(score.mase).toBeCloseTo(1.5 / 7, 12);
    const ratios = [1 / 14, 2 / 15, 1 / 15, 2 / 16, 1 / 16, 2 / 17, 1 / 17, 2 / 18, 1 / 18, 2 / 19];
    expect(score.mape).toBeCloseTo((100 * ratios.reduce((a, b) => a + b)) / 10, 10);
  });

  it('skips zero actuals in MAPE and has no MASE without a scale', () => {
    const y = new Array<number>(21).fill(0);
    const score = scoreBacktest(y, runBacktest(y, seasonalNaive, backtestOrigins(21, 3, 14), 3), 0);
    expect(score.mape).toBeNull();
    expect(score.mase).toBeNull();
    expect(score.bias).toBe(0);
  });
});

describe('intervals from backtest errors', () => {
  it('scales by step, smooths, never shrinks, and grows past the measured steps', () => {
    const model = intervalModel([[-1, 1, -1, 1], [-2, 2, -2, 2]], 3) as NonNullable<ReturnType<typeof intervalModel>>;
    // RMS per step 1 and 2; each smoothed over its neighbours: (1 + 2) / 2 = 1.5 both; step 3: 1.5 × √(3/2).
    expect(model.scale[0]).toBeCloseTo(1.5, 12);
    expect(model.scale[1]).toBeCloseTo(1.5, 12);
    expect(model.scale[2]).toBeCloseTo(1.5 * Math.sqrt(1.5), 12);
    // Eight errors are too few for empirical quantiles: the normal's.
    expect(model.hi80).toBeCloseTo(1.2816, 4);
    expect(intervalModel([[1, 2]], 3)).toBeNull();
  });

  it('always holds the forecast itself, even when every backtest error has one sign', () => {
    // 40 errors, all under-forecasts of 1 … 2 (a model lagging a slow trend): the empirical 2.5% and 10%
    // quantiles are above zero, which put both intervals above the forecast. They reach down to it instead.
    const errors = Array.from({ length: 40 }, (_, i) => 1 + i / 39);
    const model = intervalModel([errors], 1) as NonNullable<ReturnType<typeof intervalModel>>;
    expect(model.lo95).toBe(0);
    expect(model.lo80).toBe(0);
    expect(model.hi80).toBeGreaterThan(0);
    const bounds = boundsAt(model, 1, 10);
    expect(bounds.lo80).toBe(10);
    expect(bounds.hi95).toBeGreaterThan(bounds.hi80);
  });

  it('bounds the error of one incident at five robust scales from the median of its step', () => {
    // Errors −1, 1, −1, 1, 100: median 1, deviations 2, 0, 2, 0, 99 → MAD 2; reach 5 × 1.4826 × 2 = 14.826,
    // so 100 counts as 1 + 14.826 = 15.826. RMS √((4 × 1 + 15.826²) / 5) = 7.134 (unbounded: √(10,004 / 5) = 44.7).
    const model = intervalModel([[-1, 1, -1, 1, 100]], 1) as NonNullable<ReturnType<typeof intervalModel>>;
    expect(model.scale[0]).toBeCloseTo(Math.sqrt((4 + 15.826 ** 2) / 5), 9);
  });

  it('keeps the 95% band of a quiet series near the forecast after one spike, and still wider than the 80% band', () => {
    // Nine weeks of a weekly pattern (weekdays 200, weekends 145, ±2 of a fixed wobble), one day of 800 in week 7.
    const y = Array.from({ length: 63 }, (_, i) => (i % 7 >= 5 ? 145 : 200) + [1, -2, 0, 2, -1, 1, -1][i % 7]! + ((i * 5) % 3) - 1);
    y[46] = 800;
    const result = forecastSeries(y, 0, 30);
    for (const day of result.forecast) {
      // Unbounded, the spike set every step's RMS scale and the 97.5% quantile: hi95 reached 4–8 × the mean.
      expect(day.hi95).toBeLessThan(day.mean * 1.5);
      expect(day.hi95).toBeGreaterThanOrEqual(day.hi80);
    }
    expect(result.forecast.some((day) => day.hi95 - day.mean > 1.5 * (day.hi80 - day.mean))).toBe(true);
  });
});

describe('monthly charges on the 1st', () => {
  it('takes them out of the daily series and adds them back on forecast 1sts', () => {
    // 2026-08-01 … 2026-10-31 (92 days): 100 a day, plus 500 on each 1st.
    const aug1 = NOV_1_2026 - 92;
    const y = Array.from({ length: 92 }, (_, i) => 100 + ([0, 31, 61].includes(i) ? 500 : 0));
    const found = detectMonthlyCharge(y, aug1);
    expect(found?.charge).toBe(500);
    expect(found?.adjusted.every((v) => v === 100)).toBe(true);
    const result = forecastSeries(y, aug1, 3);
    expect(result.monthlyCharge).toBe(500);
    // The next day is 2026-11-01: 100 + the charge; then 100.
    expect(result.forecast.map((f) => Math.round(f.mean))).toEqual([600, 100, 100]);
    expect(result.notes.join(' ')).toMatch(/monthly charge on the 1st/);
  });

  it('does not see one spike on a 1st as a monthly charge', () => {
    const y = Array.from({ length: 92 }, (_, i) => 100 + (i === 31 ? 500 : 0));
    expect(detectMonthlyCharge(y, NOV_1_2026 - 92)).toBeNull();
  });
});

describe('forecastSeries', () => {
  it('says no forecast under two days with a cost', () => {
    const result = forecastSeries([0, 0, 12, 0], NOV_1_2026, 7);
    expect(result.status).toBe('no-forecast');
    expect(result.reason).toMatch(/fewer than 2 days with a cost/);
    expect(result.forecast).toEqual([]);
  });

  it('uses the recent mean under 14 days, says so, and projects the month and quarter', () => {
    // 2026-11-01 … 2026-11-10 at 100 a day: no spread, so the intervals collapse on the mean.
    const result = forecastSeries(new Array(10).fill(100), NOV_1_2026, 5);
    expect(result.status).toBe('short-history');
    expect(result.model).toBe('recent-mean');
    expect(result.reason).toMatch(/^short history: fewer than 14 days \(10\), so the mean of the last 7 days/);
    expect(result.backtest).toBeNull();
    expect(result.forecast).toHaveLength(5);
    expect(result.forecast[0]).toMatchObject({ mean: 100, lo80: 100, hi95: 100 });
    const month = result.projections.find((p) => p.period === 'month');
    // November: 1,000 so far + 20 days × 100.
    expect(month).toMatchObject({ label: '2026-11', actualToDate: 1000, forecastRest: 2000, mean: 3000, withinHorizon: false });
    // Q4 (Oct 1 – Dec 31): 1,000 so far + (20 + 31) days × 100.
    expect(result.projections.find((p) => p.period === 'quarter')).toMatchObject({ label: '2026-Q4', mean: 6100 });
  });

  it('says the mean of the days there are when fewer than 7', () => {
    // Three days, 90, 100, 110: the flat forecast is their mean, 100, and the reason says three days, not seven.
    const result = forecastSeries([90, 100, 110], NOV_1_2026, 2);
    expect(result.forecast[0]?.mean).toBeCloseTo(100, 9);
    expect(result.reason).toMatch(/^short history: fewer than 14 days \(3\), so the mean of the last 3 days, flat/);
  });

  it('uses the seasonal naive on exactly two weeks, with no backtest to show, and says so', () => {
    const y = Array.from({ length: 14 }, (_, i) => 100 + 10 * (i % 7));
    const result = forecastSeries(y, NOV_1_2026, 8);
    expect(result).toMatchObject({ status: 'short-history', model: 'seasonal-naive', backtest: null, candidates: [] });
    expect(result.reason).toMatch(/^short history: 14 days leave no day for a backtest/);
    // Last week repeated: 100, 110, …, 160, then 100 again.
    expect(result.forecast.map((f) => f.mean)).toEqual([100, 110, 120, 130, 140, 150, 160, 100]);
  });

  it('prefers a trend model over the seasonal naive on a trending series and says why', () => {
    const y = Array.from({ length: 120 }, (_, i) => 1000 + 10 * i + (i % 7 === 5 ? -200 : 0));
    const result = forecastSeries(y, NOV_1_2026 - 120, 14);
    expect(result.status).toBe('ok');
    expect(result.model).not.toBe('seasonal-naive');
    expect(result.backtest?.mase).toBeLessThan(0.2);
    const naive = result.candidates.find((c) => c.model === 'seasonal-naive');
    expect(naive?.backtest.mase).toBeGreaterThan(0.9);
    expect(result.candidates).toHaveLength(6);
    expect(result.reason).toMatch(/lowest backtest error of 6 candidates/);
  });

  it('reports gaps and credit days', () => {
    const y = Array.from({ length: 28 }, (_, i) => (i === 10 ? 0 : i === 20 ? -30 : 50));
    const notes = forecastSeries(y, NOV_1_2026, 7).notes.join(' ');
    expect(notes).toMatch(/1 of 28 days has no cost/);
    expect(notes).toMatch(/1 day is a net credit \(negative cost\); it is kept as it is/);
  });

  it('keeps forecasts of a never-negative series at or above zero', () => {
    const y = Array.from({ length: 60 }, (_, i) => Math.max(0, 300 - 6 * i));
    const result = forecastSeries(y, NOV_1_2026, 30);
    expect(result.forecast.every((f) => f.mean >= 0 && f.lo95 >= 0)).toBe(true);
  });

  it('gives 80% intervals that hold roughly 80% of held-out actuals on synthetic series', () => {
    // 60 seeded series (seeds 900…959, not the bench's), 365 days of history, 28 held out.
    let inside = 0;
    let inside95 = 0;
    let count = 0;
    for (let seed = 900; seed < 960; seed++) {
      const series = syntheticSeries(seed, { length: 365 + 28, quietEnd: 28 });
      const result = forecastSeries(series.values.slice(0, 365), series.firstDay, 28);
      result.forecast.forEach((f, k) => {
        const actual = series.values[365 + k] as number;
        if (actual >= f.lo80 && actual <= f.hi80) inside++;
        if (actual >= f.lo95 && actual <= f.hi95) inside95++;
        count++;
      });
    }
    // Loose bounds: 1,680 correlated points; the bench measures the 75–85% target on 1,000 series.
    expect(inside / count).toBeGreaterThan(0.7);
    expect(inside / count).toBeLessThan(0.9);
    expect(inside95 / count).toBeGreaterThan(0.88);
  });
});

describe('projection intervals', () => {
  it('are those of the sum of the remaining days, correlated with ρ = 0.15 (hand-computed)', () => {
    // 2026-11-20 … 2026-11-27: 91.25 and 108.75 in turn (8 days, sum 800). Under 14 days: the mean of
    // the last 7 days, 4 × 108.75 + 3 × 91.25 = 708.75 / 7 = 101.25, flat; each day's sd from the
    // days' spread: sample variance 8 × 8.75² / 7 = 87.5, × (1 + 1/7) = 100, so sd = 10.
    const y = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? 91.25 : 108.75));
    const result = forecastSeries(y, NOV_1_2026 + 19, 3);
    expect(result.forecast.map((f) => f.mean)).toEqual([101.25, 101.25, 101.25]);
    expect(result.forecast[0]?.hi80).toBeCloseTo(101.25 + 1.28155 * 10, 3);
    // November: 800 spent + 3 days left (28, 29, 30) = 1,103.75. Var = 0.85 × 3 × 10² + 0.15 × (3 × 10)²
    // = 255 + 135 = 390, sd = 19.7484; 80%: ± 1.28155 × 19.7484 = ± 25.3086; 95%: ± 1.95996 × 19.7484 = ± 38.7062.
    const month = result.projections.find((p) => p.period === 'month');
    expect(month).toMatchObject({ label: '2026-11', actualToDate: 800, mean: 1103.75 });
    expect(month?.lo80).toBeCloseTo(1078.4414, 2);
    expect(month?.hi80).toBeCloseTo(1129.0586, 2);
    expect(month?.lo95).toBeCloseTo(1065.0438, 2);
    expect(month?.hi95).toBeCloseTo(1142.4562, 2);
    // Q4: 34 days left (28 Nov – 31 Dec): mean 800 + 34 × 101.25 = 4,242.5; Var = 0.85 × 3,400 + 0.15 × 340²
    // = 2,890 + 17,340 = 20,230, sd = 142.2322; 80% low: 4,242.5 − 1.28155 × 142.2322 = 4,060.22.
    const quarter = result.projections.find((p) => p.period === 'quarter');
    expect(quarter?.mean).toBeCloseTo(4242.5, 9);
    expect(quarter?.lo80).toBeCloseTo(4060.222, 2);
    // The horizon total: the same three days without the actual: 303.75 ± 25.3086.
    expect(result.horizonTotal?.mean).toBeCloseTo(303.75, 9);
    expect(result.horizonTotal?.hi80).toBeCloseTo(329.0586, 2);
  });

  it('give a month-end range equal to the budgets\' period-end distribution of the same forecast days', () => {
    // Seeds 960…964 (not the bench's): 200 days of history, a forecast to the month's end.
    for (let seed = 960; seed < 965; seed++) {
      const series = syntheticSeries(seed, { length: 200 });
      const start = series.firstDay + 200;
      const result = forecastSeries(series.values, series.firstDay, 31);
      const month = result.projections.find((p) => p.period === 'month');
      if (!month) throw new Error('no month projection');
      const monthOf = (day: number): number => new Date(day * 86_400_000).getUTCMonth();
      const rest = result.forecast.filter((f) => monthOf(f.day) === monthOf(start));
      const budget = periodEndTotal(month.actualToDate, rest);
      expect(month.mean).toBeCloseTo(budget.mean, 6);
      expect(month.hi95 - month.mean).toBeCloseTo(1.959964 * budget.sd, 2);
      expect(month.mean - month.lo80).toBeCloseTo(1.281552 * budget.sd, 2);
    }
  });
});
