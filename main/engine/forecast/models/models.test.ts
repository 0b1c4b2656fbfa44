import { describe, expect, it } from 'vitest';
import { fitLine, linearTrendWith } from './linear-trend.js';
import { fitHoltWinters, holtWinters, holtWintersForecastsWith, initialState, predict, REFIT_BELOW_DAYS, REFIT_EVERY, robustInitialState, update } from './holt-winters.js';
import { combination } from './combination.js';
import { recentMean } from './recent-mean.js';
import { seasonalNaive, seasonalNaiveScale } from './seasonal-naive.js';
import { seasonalMean } from './seasonal-mean.js';

describe('weekly seasonal naive', () => {
  it('repeats the last observed week, week after week', () => {
    const y = Array.from({ length: 14 }, (_, i) => i + 1); // 1 … 14
    // Step k forecasts index 13 + k from ceil(k/7) weeks back: k = 1 → y[7] = 8, …, k = 7 → y[13] = 14, k = 8 → y[7] = 8 again.
    expect([...(seasonalNaive(y, [14], 9)[0] as Float64Array)]).toEqual([8, 9, 10, 11, 12, 13, 14, 8, 9]);
    // From origin 10 (y[0..10) seen): k = 1 → y[3] = 4; k = 4 → index 13 − 7 = 6 → 7; k = 5 → index 14 − 7 = 7 → y[7] = 8 (seen).
    expect([...(seasonalNaive(y, [10], 5)[0] as Float64Array)]).toEqual([4, 5, 6, 7, 8]);
  });

  it('scales MASE by its in-sample error', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 2, 2, 2, 2, 2, 2, 2];
    // |2−1| + |2−2| + |2−3| + |2−4| + |2−5| + |2−6| + |2−7| = 16, over 7 days.
    expect(seasonalNaiveScale(y)).toBeCloseTo(16 / 7, 12);
    expect(seasonalNaiveScale([5, 5, 5])).toBe(0);
  });
});

describe('weekly seasonal mean', () => {
  it('averages the same weekday over the last four weeks', () => {
    // Five weeks; weekday 0 holds 1, 2, 3, 4, 5 in weeks 1–5, the other weekdays 10 × their week.
    const y = Array.from({ length: 35 }, (_, i) => (i % 7 === 0 ? Math.floor(i / 7) + 1 : 10 * (Math.floor(i / 7) + 1)));
    const forecast = [...(seasonalMean(y, [35], 8)[0] as Float64Array)];
    // Weekday 0: (2 + 3 + 4 + 5) / 4 = 3.5; others (20 + 30 + 40 + 50) / 4 = 35; day 8 is weekday 0 again.
    expect(forecast).toEqual([3.5, 35, 35, 35, 35, 35, 35, 3.5]);
    // With two weeks seen, the mean of what there is: weekday 0 (1 + 2) / 2.
    expect((seasonalMean(y, [14], 1)[0] as Float64Array)[0]).toBe(1.5);
  });
});

describe('linear trend', () => {
  it('extends an exact line', () => {
    const y = Array.from({ length: 14 }, (_, i) => 10 + 2 * i);
    // 10 + 2 × 14 = 38, then 40, 42.
    const forecast = linearTrendWith(56)(y, [14], 3)[0] as Float64Array;
    expect([...forecast].map((v) => Number(v.toFixed(9)))).toEqual([38, 40, 42]);
  });

  it('fits slope and intercept by least squares and keeps the weekday residuals', () => {
    // y = 3, 5, 4, 6 at i = 0..3: mean i 1.5, mean y 4.5; Σ(i−1.5)(y−4.5) = (−1.5)(−1.5) + (−0.5)(0.5) + (0.5)(−0.5) + (1.5)(1.5) = 4; Σ(i−1.5)² = 5.
    const fit = fitLine([3, 5, 4, 6], 0, 4);
    expect(fit.slope).toBeCloseTo(4 / 5, 12);
    expect(fit.intercept).toBeCloseTo(4.5 - 0.8 * 1.5, 12);
    // Residual at i = 1: 5 − (3.3 + 0.8) = 0.9 (one day of that weekday in the window).
    expect(fit.weekday[1]).toBeCloseTo(0.9, 12);
  });
});

describe('recent mean', () => {
  it('is the mean of the last seven days, flat', () => {
    const y = [100, 1, 2, 3, 4, 5, 6, 7];
    // (1 + … + 7) / 7 = 4; the 100 is eight days back.
    expect([...(recentMean(y, [8], 3)[0] as Float64Array)]).toEqual([4, 4, 4]);
    expect([...(recentMean(y, [2], 1)[0] as Float64Array)]).toEqual([50.5]);
  });
});

describe('Holt-Winters', () => {
  const twoWeeks = [10, 12, 14, 10, 8, 6, 10, 17, 19, 21, 17, 15, 13, 17];

  it('starts from the first two weeks', () => {
    const state = initialState(twoWeeks);
    // Week means 10 and 17: level 10, trend (17 − 10) / 7 = 1; season = each day minus its week's mean.
    expect(state.level).toBe(10);
    expect(state.trend).toBe(1);
    expect([...state.season]).toEqual([0, 2, 4, 0, -2, -4, 0]);
  });

  it('updates level, trend and season by the smoothing equations', () => {
    const state = initialState(twoWeeks);
    const params = { alpha: 0.5, beta: 0.5, gamma: 0.5, phi: 1 };
    update(state, params, 0, 12);
    // level = 0.5 (12 − 0) + 0.5 (10 + 1) = 11.5; trend = 0.5 (11.5 − 10) + 0.5 · 1 = 1.25; season₀ = 0.5 (12 − 11.5) + 0.5 · 0 = 0.25.
    expect(state.level).toBeCloseTo(11.5, 12);
    expect(state.trend).toBeCloseTo(1.25, 12);
    expect(state.season[0]).toBeCloseTo(0.25, 12);
    // Two steps ahead to index 2: 11.5 + 2 · 1.25 + season₂ (4) = 18.
    expect(predict(state, params, 2, 2)).toBeCloseTo(18, 12);
    // Damped (φ = 0.5): 11.5 + (0.5 + 0.25) · 1.25 + 4 = 16.4375.
    expect(predict(state, { ...params, phi: 0.5 }, 2, 2)).toBeCloseTo(16.4375, 12);
  });

  it('starts robustly from weekday medians of three weeks, whatever one odd day says', () => {
    const pattern = [10, 20, 30, 40, 50, 60, 70];
    const y = [...pattern, ...pattern, ...pattern];
    y[2] = 1030; // a spike on the third day
    const state = robustInitialState(y);
    // Weekday medians are the pattern (mean 40); weeks 1 and 3 have the same median: no trend.
    expect(state.level).toBe(40);
    expect(state.trend).toBe(0);
    expect([...state.season]).toEqual([-30, -20, -10, 0, 10, 20, 30]);
  });

  it('forecasts a noiseless trend with a weekly pattern almost exactly once fitted', () => {
    const pattern = [5, -3, 0, 2, -4, 1, -1];
    const y = Array.from({ length: 140 }, (_, i) => 100 + 2 * i + (pattern[i % 7] as number));
    const params = fitHoltWinters(y, false);
    const forecast = holtWintersForecastsWith(y, params, [140], 14)[0] as Float64Array;
    forecast.forEach((value, k) => expect(value).toBeCloseTo(100 + 2 * (140 + k) + (pattern[(140 + k) % 7] as number), 1));
  });

  describe('rolling forecasts for the backtest', () => {
    // A noisy weekly series whose level steps up on day 40: parameters fitted on 28 days differ from those fitted on 42.
    const y = Array.from({ length: 90 }, (_, i) => (i < 40 ? 100 : 160) + [0, 5, -3, 8, -6, 2, -1][i % 7]! + 7 * Math.sin(i * 1.7));

    it('refits every two weeks of origins while the fit rests on fewer than eight weeks', () => {
      expect(REFIT_BELOW_DAYS).toBe(56);
      expect(REFIT_EVERY).toBe(14);
      const origins = [28, 35, 42, 49, 56, 70];
      const rows = holtWinters(false)(y, origins, 3);
      // Blocks: 28–41 fitted on y[0..28), 42–55 on y[0..42), 56 and later (past eight weeks) on y[0..56), one fit.
      const expected = [
        ...holtWintersForecastsWith(y, fitHoltWinters(y, false, 28), [28, 35], 3),
        ...holtWintersForecastsWith(y, fitHoltWinters(y, false, 42), [42, 49], 3),
        ...holtWintersForecastsWith(y, fitHoltWinters(y, false, 56), [56, 70], 3),
      ];
      expect(rows.map((r) => [...r])).toEqual(expected.map((r) => [...r]));
      // The refit matters: the first block's parameters would forecast origin 42 differently.
      expect([...(holtWintersForecastsWith(y, fitHoltWinters(y, false, 28), [42], 3)[0] as Float64Array)]).not.toEqual([...(expected[2] as Float64Array)]);
    });

    it('fits once on the days before the first origin when that is eight weeks or more (no look-ahead)', () => {
      const rows = holtWinters(true)(y, [60, 61, 80], 2);
      const expected = holtWintersForecastsWith(y, fitHoltWinters(y, true, 60), [60, 61, 80], 2);
      expect(rows.map((r) => [...r])).toEqual(expected.map((r) => [...r]));
    });
  });
});

describe('combination', () => {
  it('is the mean of its models, origin by origin and step by step', () => {
    const y = [4, 8, 6, 10, 12, 8, 14, 10, 12, 16];
    // Seasonal naive from origin 10, 2 steps: y[3], y[4] = 10, 12; recent mean: (y[3..10)) = (10+12+8+14+10+12+16)/7 = 82/7.
    const rows = combination([seasonalNaive, recentMean])(y, [10], 2)[0] as Float64Array;
    expect(rows[0]).toBeCloseTo((10 + 82 / 7) / 2, 12);
    expect(rows[1]).toBeCloseTo((12 + 82 / 7) / 2, 12);
  });
});

