/** Short histories: the mean of the last (up to) seven days, flat over the horizon. */
import { mean } from '../stats.js';
import { WEEK, type RollingForecaster } from './types.js';

export const recentMean: RollingForecaster = (y, origins, horizon) =>
  origins.map((origin) => new Float64Array(horizon).fill(mean(y, Math.max(0, origin - WEEK), origin)));
