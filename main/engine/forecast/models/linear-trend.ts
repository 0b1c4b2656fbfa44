/**
 * Linear trend: a least-squares line through the last `window` days before the origin, plus each
 * weekday's mean residual from that line (so a weekly pattern is kept), extended over the horizon.
 */
import { WEEK, type RollingForecaster } from './types.js';

export const LINEAR_TREND_WINDOW = 56;

export interface LineFit {
  intercept: number;
  slope: number;
  /** Mean residual by (index mod 7). */
  weekday: Float64Array;
}

/** The line y ≈ intercept + slope × i over i in [from, to), and the weekday residuals. */
export function fitLine(y: readonly number[], from: number, to: number): LineFit {
  const n = to - from;
  let sx = 0;
  let sy = 0;
  for (let i = from; i < to; i++) {
    sx += i;
    sy += y[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = from; i < to; i++) {
    sxy += (i - mx) * ((y[i] as number) - my);
    sxx += (i - mx) * (i - mx);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const weekday = new Float64Array(WEEK);
  const counts = new Float64Array(WEEK);
  for (let i = from; i < to; i++) {
    weekday[i % WEEK] = (weekday[i % WEEK] as number) + (y[i] as number) - intercept - slope * i;
    counts[i % WEEK] = (counts[i % WEEK] as number) + 1;
  }
  for (let d = 0; d < WEEK; d++) weekday[d] = (counts[d] as number) > 0 ? (weekday[d] as number) / (counts[d] as number) : 0;
  return { intercept, slope, weekday };
}

export function linearTrendWith(window: number): RollingForecaster {
  return (y, origins, horizon) =>
    origins.map((origin) => {
      const out = new Float64Array(horizon);
      if (origin === 0) return out;
      const fit = fitLine(y, Math.max(0, origin - window), origin);
      for (let k = 0; k < horizon; k++) {
        const i = origin + k;
        out[k] = fit.intercept + fit.slope * i + (fit.weekday[i % WEEK] as number);
      }
      return out;
    });
}

export const linearTrend: RollingForecaster = linearTrendWith(LINEAR_TREND_WINDOW);
