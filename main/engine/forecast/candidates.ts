/** The candidate models by name, simplest first (the order breaks ties). */
import type { ForecastModel } from '../../../shared/forecast.js';
import { holtWinters } from './models/holt-winters.js';
import { linearTrend } from './models/linear-trend.js';
import { recentMean } from './models/recent-mean.js';
import { seasonalNaive } from './models/seasonal-naive.js';
import { seasonalMean } from './models/seasonal-mean.js';
import type { RollingForecaster } from './models/types.js';

export const CANDIDATES: ReadonlyArray<[ForecastModel, RollingForecaster]> = [
  ['seasonal-naive', seasonalNaive],
  ['seasonal-mean', seasonalMean],
  ['linear-trend', linearTrend],
  ['holt-winters', holtWinters(false)],
  ['holt-winters-damped', holtWinters(true)],
];

export const MODEL_NAMES: Record<ForecastModel, string> = {
  'seasonal-naive': 'weekly seasonal naive',
  'seasonal-mean': 'weekly seasonal mean of the last 4 weeks',
  'linear-trend': 'linear trend with weekday effects',
  'holt-winters': 'Holt-Winters (weekly season)',
  'holt-winters-damped': 'Holt-Winters with damped trend (weekly season)',
  'recent-mean': 'the mean of the last 7 days',
};

export const FORECASTERS: Record<ForecastModel, RollingForecaster> = {
  ...(Object.fromEntries(CANDIDATES) as Record<Exclude<ForecastModel, 'recent-mean'>, RollingForecaster>),
  'recent-mean': recentMean,
};
