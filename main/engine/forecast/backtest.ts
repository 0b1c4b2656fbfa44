/**
 * Rolling-origin backtest: the model forecasts from every day of the last weeks of the history
 * (each time from the data before that day only) and is scored on what happened next.
 */
import type { BacktestScore } from '../../../shared/forecast.js';
import { boundsAt, intervalModel } from './intervals.js';
import type { RollingForecaster } from './models/types.js';

export interface BacktestRun {
  origins: number[];
  forecasts: Float64Array[];
  horizon: number;
}

/** Days of origins: enough for the requested horizon plus four weeks of full-horizon origins. */
export function backtestOrigins(n: number, horizon: number, minTrain: number): number[] {
  const window = Math.max(56, horizon + 28);
  const first = Math.max(minTrain, n - window);
  const origins: number[] = [];
  for (let origin = first; origin < n; origin++) origins.push(origin);
  return origins;
}

export function runBacktest(y: readonly number[], model: RollingForecaster, origins: number[], horizon: number): BacktestRun {
  return { origins, forecasts: origins.length === 0 ? [] : model(y, origins, horizon), horizon };
}

/** actual − forecast by step, from the origins passing `keep` (and only days already observed before `before`). */
export function errorsByStep(y: readonly number[], run: BacktestRun, before = y.length, keep: (origin: number) => boolean = () => true): number[][] {
  const steps: number[][] = Array.from({ length: run.horizon }, () => []);
  run.origins.forEach((origin, i) => {
    if (!keep(origin)) return;
    const row = run.forecasts[i] as Float64Array;
    for (let k = 0; k < run.horizon && origin + k < before; k++) (steps[k] as number[]).push((y[origin + k] as number) - (row[k] as number));
  });
  return steps;
}

/**
 * MAPE, MASE, bias over the origins whose whole horizon is observed (all origins when none is),
 * and the 80% coverage of the origins in the window's later half, with intervals built only from
 * errors already observed at the window's midpoint.
 */
export function scoreBacktest(y: readonly number[], run: BacktestRun, scale: number): BacktestScore {
  const n = y.length;
  const full = run.origins.filter((origin) => origin + run.horizon <= n);
  const scored = new Set(full.length > 0 ? full : run.origins);
  let absolute = 0;
  let signed = 0;
  let points = 0;
  let percent = 0;
  let percentPoints = 0;
  run.origins.forEach((origin, i) => {
    if (!scored.has(origin)) return;
    const row = run.forecasts[i] as Float64Array;
    for (let k = 0; k < run.horizon && origin + k < n; k++) {
      const actual = y[origin + k] as number;
      const error = (row[k] as number) - actual;
      absolute += Math.abs(error);
      signed += error;
      points++;
      if (actual !== 0) {
        percent += Math.abs(error / actual);
        percentPoints++;
      }
    }
  });
  const mae = points === 0 ? 0 : absolute / points;
  return {
    mape: percentPoints === 0 ? null : (100 * percent) / percentPoints,
    mase: scale > 0 ? mae / scale : null,
    bias: points === 0 ? 0 : signed / points,
    coverage80: coverage80(y, run),
    origins: scored.size,
    points,
  };
}

function coverage80(y: readonly number[], run: BacktestRun): number | null {
  const n = y.length;
  const first = run.origins[0];
  if (first === undefined) return null;
  // Intervals from the errors observed before the window's midpoint, tested on the origins after it.
  const half = first + Math.floor((n - first) / 2);
  const model = intervalModel(errorsByStep(y, run, half, (o) => o < half), run.horizon);
  if (!model) return null;
  let inside = 0;
  let count = 0;
  run.origins.forEach((origin, i) => {
    if (origin < half) return;
    const row = run.forecasts[i] as Float64Array;
    for (let k = 0; k < run.horizon && origin + k < n; k++) {
      const bounds = boundsAt(model, k + 1, row[k] as number);
      const actual = y[origin + k] as number;
      if (actual >= bounds.lo80 && actual <= bounds.hi80) inside++;
      count++;
    }
  });
  return count === 0 ? null : inside / count;
}
