import { describe, expect, it } from 'vitest';
import { bandPath, chartSeries, yExtent, type ForecastChartDay } from './forecast-chart-view.js';

const none = { actual: null, forecast: null, lo80: null, hi80: null, lo95: null, hi95: null };
const days: ForecastChartDay[] = [
  { ...none, day: '2026-10-01', actual: 10 },
  { ...none, day: '2026-10-02', actual: 12 },
  { ...none, day: '2026-10-03', forecast: 11, lo80: 9, hi80: 13, lo95: 8, hi95: 20 },
  { ...none, day: '2026-10-04', forecast: 11, lo80: 8, hi80: 14, lo95: -2, hi95: 16 },
];

describe('forecast chart data', () => {
  it('gives both series every day, null where a series has no value', () => {
    const [actual, forecast] = chartSeries(days);
    expect(actual?.data.map((p) => p.y)).toEqual([10, 12, null, null]);
    expect(forecast?.data.map((p) => p.x)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(forecast?.data.map((p) => p.y)).toEqual([null, null, 11, 11]);
  });

  it('spans every bound with 5% headroom, and goes below zero only for a negative bound', () => {
    // Values run from -2 to 20: a range of 22, so 1.1 of padding on each side that needs it.
    expect(yExtent(days)).toEqual({ min: -3.1, max: 21.1 });
    // Without the negative bound: 0 to 20, padded above by 1.
    expect(yExtent(days.slice(0, 3))).toEqual({ min: 0, max: 21 });
    expect(yExtent([])).toEqual({ min: 0, max: 1 });
  });

  it('draws a band along the upper bound and back along the lower one', () => {
    // x: day index × 10; y: the value itself (identity), so the path can be read off the table above.
    const x = (day: string) => days.findIndex((d) => d.day === day) * 10;
    expect(bandPath(days, 'lo80', 'hi80', x, (v) => v)).toBe('M20,13L30,14L30,8L20,9Z');
    expect(bandPath(days.slice(0, 2), 'lo95', 'hi95', x, (v) => v)).toBeNull();
  });
});
