/** Weekly seasonal mean: each day is the mean of the same weekday over the last four observed weeks (a steadier seasonal naive). */
import { WEEK, type RollingForecaster } from './types.js';

export const SEASONAL_MEAN_WEEKS = 4;

export const seasonalMean: RollingForecaster = (y, origins, horizon) =>
  origins.map((origin) => {
    const weekday = new Float64Array(WEEK);
    for (let d = 0; d < WEEK; d++) {
      // The same weekday as index origin + d, one to four weeks before it.
      let total = 0;
      let count = 0;
      for (let w = 1; w <= SEASONAL_MEAN_WEEKS; w++) {
        const i = origin + d - WEEK * w;
        if (i >= 0 && i < origin) {
          total += y[i] as number;
          count++;
        }
      }
      weekday[d] = count === 0 ? (origin > 0 ? (y[origin - 1] as number) : 0) : total / count;
    }
    return Float64Array.from({ length: horizon }, (_, k) => weekday[k % WEEK] as number);
  });
