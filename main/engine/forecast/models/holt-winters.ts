/**
 * Holt-Winters additive smoothing with a weekly season and an optionally damped trend (ETS(A,A,A)
 * and ETS(A,Ad,A) point forecasts). Parameters are fitted by coordinate descent over small grids,
 * minimising the one-step squared error: a few dozen passes over the series, fast enough for
 * thousands of series.
 */
import { mean, median } from '../stats.js';
import { WEEK, type RollingForecaster } from './types.js';

export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  /** Trend damping: 1 = not damped. */
  phi: number;
}

export interface HoltWintersState {
  level: number;
  trend: number;
  /** Seasonal effect by (index mod 7). */
  season: Float64Array;
}

/** Days needed to start: two weeks (level, trend and season from them). */
export const HOLT_WINTERS_MIN_DAYS = 2 * WEEK;

/** Start values from the first two weeks: level = week 1's mean, trend = weekly change ÷ 7, season = mean deviation from each week's mean. */
export function initialState(y: readonly number[]): HoltWintersState {
  const week1 = mean(y, 0, WEEK);
  const week2 = mean(y, WEEK, 2 * WEEK);
  const season = new Float64Array(WEEK);
  for (let i = 0; i < 2 * WEEK; i++) season[i % WEEK] = (season[i % WEEK] as number) + ((y[i] as number) - (i < WEEK ? week1 : week2)) / 2;
  return { level: week1, trend: (week2 - week1) / WEEK, season };
}

/** Forecast of index `i` from the state after index `i − steps` (steps ≥ 1). */
export function predict(state: HoltWintersState, params: HoltWintersParams, steps: number, i: number): number {
  let damping = 0;
  let power = 1;
  for (let k = 0; k < steps; k++) {
    power *= params.phi;
    damping += power;
  }
  return state.level + damping * state.trend + (state.season[i % WEEK] as number);
}

/** Takes in the observation y at index i (the state moves from i − 1 to i). */
export function update(state: HoltWintersState, params: HoltWintersParams, i: number, y: number): void {
  const s = state.season[i % WEEK] as number;
  const previous = state.level;
  const dampedTrend = params.phi * state.trend;
  state.level = params.alpha * (y - s) + (1 - params.alpha) * (previous + dampedTrend);
  state.trend = params.beta * (state.level - previous) + (1 - params.beta) * dampedTrend;
  state.season[i % WEEK] = params.gamma * (y - state.level) + (1 - params.gamma) * s;
}

/**
 * Start values robust to one odd day: each weekday's median over the first three weeks (a spike
 * in the first two weeks would otherwise stay in a season that barely learns). Needs 21 days.
 */
export function robustInitialState(y: readonly number[]): HoltWintersState {
  const weekdays = Array.from({ length: WEEK }, (_, w) => median([y[w] as number, y[w + WEEK] as number, y[w + 2 * WEEK] as number]));
  const level = mean(weekdays);
  const season = Float64Array.from(weekdays, (m) => m - level);
  // The median change of a weekday from week 1 to week 3, per day; the level moved back from the middle week.
  const trend = median(Array.from({ length: WEEK }, (_, w) => (y[w + 2 * WEEK] as number) - (y[w] as number))) / (2 * WEEK);
  return { level: level - WEEK * trend, trend, season };
}

/** One-step squared error over y[2 weeks..end) for the given parameters (the filter inlined: the fit's hot loop). */
export function oneStepSse(y: readonly number[], params: HoltWintersParams, end = y.length, init: HoltWintersState = initialState(y)): number {
  const { season: startSeason, ...start } = init;
  const season = Float64Array.from(startSeason);
  const { alpha, beta, gamma, phi } = params;
  let level = start.level;
  let trend = start.trend;
  let sse = 0;
  for (let i = 0; i < end; i++) {
    const value = y[i] as number;
    const w = i % WEEK;
    const s = season[w] as number;
    const dampedTrend = phi * trend;
    if (i >= HOLT_WINTERS_MIN_DAYS) {
      const error = value - (level + dampedTrend + s);
      sse += error * error;
    }
    const previous = level;
    level = alpha * (value - s) + (1 - alpha) * (previous + dampedTrend);
    trend = beta * (level - previous) + (1 - beta) * dampedTrend;
    season[w] = gamma * (value - level) + (1 - gamma) * s;
  }
  return sse;
}

const GRID: Record<keyof HoltWintersParams, readonly number[]> = {
  alpha: [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9],
  beta: [0, 0.005, 0.02, 0.05, 0.1, 0.2],
  gamma: [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5],
  phi: [0.8, 0.88, 0.94, 0.98],
};

/**
 * Parameters minimising the one-step SSE over y[0..end): coordinate descent over GRID, one
 * parameter at a time, the filter starting from `init`.
 */
export function fitHoltWinters(y: readonly number[], damped: boolean, end = y.length, init: HoltWintersState = initialState(y), sweeps = 2): HoltWintersParams {
  const best: HoltWintersParams = { alpha: 0.2, beta: 0.02, gamma: 0.1, phi: damped ? 0.94 : 1 };
  let bestSse = oneStepSse(y, best, end, init);
  const names: Array<keyof HoltWintersParams> = damped ? ['phi', 'beta', 'alpha', 'gamma'] : ['alpha', 'gamma', 'beta'];
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let moved = false;
    for (const name of names) {
      for (const value of GRID[name]) {
        if (value === best[name]) continue;
        const trial = { ...best, [name]: value };
        const sse = oneStepSse(y, trial, end, init);
        if (sse < bestSse) {
          bestSse = sse;
          best[name] = value;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return best;
}

/** Forecasts from each origin with fixed parameters: one pass of the filter through the series. */
export function holtWintersForecastsWith(y: readonly number[], params: HoltWintersParams, origins: readonly number[], horizon: number): Float64Array[] {
  const state = initialState(y);
  const out: Float64Array[] = [];
  let next = 0;
  const last = origins.length === 0 ? 0 : (origins[origins.length - 1] as number);
  for (let i = 0; i <= last; i++) {
    while (next < origins.length && origins[next] === i) {
      const row = new Float64Array(horizon);
      // Damping φ + φ² + … + φ^k, accumulated step by step.
      let damping = 0;
      let power = 1;
      for (let k = 1; k <= horizon; k++) {
        power *= params.phi;
        damping += power;
        row[k - 1] = state.level + damping * state.trend + (state.season[(i + k - 1) % WEEK] as number);
      }
      out.push(row);
      next++;
    }
    if (i < y.length && i < last) update(state, params, i, y[i] as number);
  }
  return out;
}

/** Fits below this many days are refitted as the origins move on (short histories fit poorly at first). */
export const REFIT_BELOW_DAYS = 8 * WEEK;
/** How often (in origins) such a fit is redone. */
export const REFIT_EVERY = 2 * WEEK;

/**
 * Fits on the data before the first origin (no look-ahead), then forecasts from every origin.
 * While that fit rests on fewer than REFIT_BELOW_DAYS days, the parameters are fitted again every
 * REFIT_EVERY origins on the days before them: the final forecast is fitted on the whole history,
 * and a backtest of parameters fitted on three or four weeks would judge a worse model than that.
 * Long histories (every origin past eight weeks) keep one fit: their backtest stays one pass.
 */
export function holtWinters(damped: boolean): RollingForecaster {
  return (y, origins, horizon) => {
    if (origins.length === 0) return [];
    const out: Float64Array[] = [];
    let i = 0;
    while (i < origins.length) {
      const first = origins[i] as number;
      let j = i + 1;
      if (first < REFIT_BELOW_DAYS) while (j < origins.length && (origins[j] as number) < first + REFIT_EVERY) j++;
      else j = origins.length;
      out.push(...holtWintersForecastsWith(y, fitHoltWinters(y, damped, first), origins.slice(i, j), horizon));
      i = j;
    }
    return out;
  };
}
