import { describe, expect, it } from 'vitest';
import { forecastSeries } from './forecast-series.js';
import { cleanOutliers } from './outliers.js';

/** A weekly pattern around 100 with a small fixed wobble: quiet enough for a jump to stand out. */
const day = (i: number): number => [100, 104, 98, 102, 101, 70, 68][i % 7]! + ((i * 7) % 5) - 2;

describe('outlier cleaning', () => {
  it('replaces a one-day incident by its expected value', () => {
    const y = Array.from({ length: 70 }, (_, i) => day(i));
    y[60] = 1000;
    const { cleaned, outliers } = cleanOutliers(y);
    expect(outliers).toBe(1);
    // Near what that weekday usually costs (101 ± the wobble), not 1,000.
    expect(Math.abs((cleaned[60] as number) - 101)).toBeLessThan(10);
    expect(cleaned.filter((v, i) => v !== y[i])).toHaveLength(1);
  });

  it('keeps a level shift that lasts a week: a service that stopped costs nothing', () => {
    // 70 days of cost, then 15 days of none (the service was shut down).
    const y = [...Array.from({ length: 70 }, (_, i) => day(i)), ...new Array<number>(15).fill(0)];
    const { cleaned, outliers } = cleanOutliers(y);
    expect(cleaned).toEqual(y);
    expect(outliers).toBe(0);
    // So its forecast is about zero, not the old ~95 a day.
    const result = forecastSeries(y, 0, 7);
    expect(Math.max(...result.forecast.map((f) => f.mean))).toBeLessThan(10);
  });

  it('keeps a step up that lasts a week: a new workload doubles the cost', () => {
    const y = Array.from({ length: 90 }, (_, i) => (i < 70 ? 1 : 2) * day(i));
    const { cleaned } = cleanOutliers(y);
    expect(cleaned.slice(70)).toEqual(y.slice(70));
    const result = forecastSeries(y, 0, 7);
    // The forecast week is about twice the old one (2 × ~92 a day on average), not the old level.
    const week = result.forecast.reduce((s, f) => s + f.mean, 0);
    expect(week).toBeGreaterThan(1.7 * 7 * 92);
  });

  it('recognises a working-day service that stops, though its weekends cost nothing before and after', () => {
    // 100 a working day (days 5 and 6 of each week cost 0), stopped from day 84; 18 weeks.
    const y = Array.from({ length: 126 }, (_, i) => (i % 7 >= 5 || i >= 84 ? 0 : 100 + ((i * 7) % 5) - 2));
    const { cleaned, outliers, shifts } = cleanOutliers(y);
    // Seven zero working days (84–88, 91–92) make the new level on day 92; the weekends between are
    // silent (nothing cost, nothing expected): they neither count nor break the run.
    expect(shifts).toEqual([{ from: 84, to: 92 }]);
    expect(outliers).toBe(0);
    expect(cleaned).toEqual(y);
    // Forecast at about nothing, never below zero: no old weekly swing on the new level.
    const result = forecastSeries(y, 0, 14);
    expect(Math.max(...result.forecast.map((f) => Math.abs(f.mean)))).toBeLessThan(5);
  });

  it('leaves out the backtest origins inside the week of a level shift: they would see days restored later', () => {
    // Triples from day 100 (130 days): the shift is recognised on day 106, its seventh day.
    const y = Array.from({ length: 130 }, (_, i) => (i < 100 ? 1 : 3) * day(i));
    expect(cleanOutliers(y).shifts).toEqual([{ from: 100, to: 106 }]);
    // Horizon 7: origins 74 … 129 (the last 56 days), scored where the whole week is seen (74 … 123):
    // 50, less the six inside the shift (101 … 106) = 44.
    expect(forecastSeries(y, 0, 7).backtest?.origins).toBe(44);
  });
});
