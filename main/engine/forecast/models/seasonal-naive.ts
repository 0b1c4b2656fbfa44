/** Weekly seasonal naive: each day repeats the same weekday of the last observed week. */
import { WEEK, type RollingForecaster } from './types.js';

export const seasonalNaive: RollingForecaster = (y, origins, horizon) =>
  origins.map((origin) => {
    const out = new Float64Array(horizon);
    if (origin < WEEK) return out.fill(origin > 0 ? (y[origin - 1] as number) : 0);
    // Step k (1-based) forecasts index origin+k-1 from the same weekday ceil(k/7) weeks earlier.
    for (let k = 1; k <= horizon; k++) out[k - 1] = y[origin + k - 1 - WEEK * Math.ceil(k / WEEK)] as number;
    return out;
  });

/** In-sample MAE of the one-week-back forecast over y[0..end): the MASE scale (0 when undefined). */
export function seasonalNaiveScale(y: readonly number[], end = y.length): number {
  let total = 0;
  let count = 0;
  for (let i = WEEK; i < end; i++) {
    total += Math.abs((y[i] as number) - (y[i - WEEK] as number));
    count++;
  }
  return count === 0 ? 0 : total / count;
}
