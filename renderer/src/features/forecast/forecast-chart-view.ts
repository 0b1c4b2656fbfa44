/** The forecast chart's data: one row per day with the actual cost, the forecast and its intervals (pure). */

export interface ForecastChartDay {
  day: string;
  actual: number | null;
  forecast: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
}

/** Two nivo series over the same days (null where a series has no value), so both share the x axis. */
export function chartSeries(days: readonly ForecastChartDay[]): Array<{ id: 'Actual' | 'Forecast'; data: Array<{ x: string; y: number | null }> }> {
  return [
    { id: 'Actual', data: days.map((d) => ({ x: d.day, y: d.actual })) },
    { id: 'Forecast', data: days.map((d) => ({ x: d.day, y: d.forecast })) },
  ];
}

/** The y range that holds every value and both intervals, from 0 unless some value is negative. */
export function yExtent(days: readonly ForecastChartDay[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const d of days) {
    for (const v of [d.actual, d.forecast, d.lo80, d.hi80, d.lo95, d.hi95]) {
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  // A little headroom above, so the top of the band is not drawn on the frame.
  const pad = (max - min) * 0.05 || 1;
  return { min: min < 0 ? min - pad : 0, max: max + pad };
}

/**
 * An SVG path around a band: along the upper bound left to right, back along the lower bound.
 * Null when fewer than one day has both bounds.
 */
export function bandPath(
  days: readonly ForecastChartDay[],
  low: 'lo80' | 'lo95',
  high: 'hi80' | 'hi95',
  x: (day: string) => number,
  y: (value: number) => number,
): string | null {
  const points = days.flatMap((d) => {
    const lo = d[low];
    const hi = d[high];
    return lo === null || hi === null ? [] : [{ x: x(d.day), lo: y(lo), hi: y(hi) }];
  });
  if (points.length === 0) return null;
  const round = (v: number) => Math.round(v * 10) / 10;
  const upper = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.hi)}`);
  const lower = [...points].reverse().map((p) => `L${round(p.x)},${round(p.lo)}`);
  return `${upper.join('')}${lower.join('')}Z`;
}
