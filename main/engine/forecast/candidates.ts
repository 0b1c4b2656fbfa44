/** The candidate models by name, simplest first (the order breaks ties), and their combination. */
import type { ForecastModel } from '../../../shared/forecast.js';
import { holtWinters } from './models/holt-winters.js';
import { linearTrend } from './models/linear-trend.js';
import { recentMean } from './models/recent-mean.js';
import { seasonalNaive } from './models/seasonal-naive.js';
import { seasonalMean } from './models/seasonal-mean.js';
import type { RollingForecaster } from './models/types.js';
import { combination } from './models/combination.js';

export const CANDIDATES: ReadonlyArray<[ForecastModel, RollingForecaster]> = [
  ['seasonal-naive', seasonalNaive],
  ['seasonal-mean', seasonalMean],
  ['linear-trend', linearTrend],
  ['holt-winters', holtWinters(false)],
  ['holt-winters-damped', holtWinters(true)],
];

/**
 * The combination candidate: the mean of these candidates' forecasts. Its backtest is the mean of
 * their backtest runs (forecast-series.ts), so it costs no extra fit.
 */
export const COMBINED: readonly ForecastModel[] = ['holt-winters', 'holt-winters-damped', 'linear-trend'];

export const MODEL_NAMES: Record<ForecastModel, string> = {
  'seasonal-naive': 'weekly seasonal naive',
  'seasonal-mean': 'weekly seasonal mean of the last 4 weeks',
  'linear-trend': 'linear trend with weekday effects',
  'holt-winters': 'Holt-Winters (weekly season)',
  'holt-winters-damped': 'Holt-Winters with damped trend (weekly season)',
  combination: 'the mean of Holt-Winters, damped Holt-Winters and linear trend',
  'recent-mean': 'the mean of the last 7 days',
};

export const FORECASTERS: Record<ForecastModel, RollingForecaster> = {
  ...(Object.fromEntries(CANDIDATES) as Record<Exclude<ForecastModel, 'recent-mean' | 'combination'>, RollingForecaster>),
  combination: combination(COMBINED.map((name) => CANDIDATES.find(([candidate]) => candidate === name)?.[1] as RollingForecaster)),
  'recent-mean': recentMean,
};

/** Every model the backtest ranks, simplest first: the candidates, then their combination. */
export const RANKED_MODELS: readonly ForecastModel[] = [...CANDIDATES.map(([name]) => name), 'combination'];
