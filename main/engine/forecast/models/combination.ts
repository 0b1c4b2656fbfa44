/**
 * An equal-weight combination: the mean of several models' forecasts from each origin. Averaging
 * models whose errors differ cancels part of each one's error, so on short, noisy histories the
 * combination is steadier than the single model a backtest would pick.
 */
import type { RollingForecaster } from './types.js';

export function combination(models: readonly RollingForecaster[]): RollingForecaster {
  return (y, origins, horizon) => meanOfRuns(models.map((model) => model(y, origins, horizon)));
}

/** The mean, origin by origin and step by step, of runs over the same origins and horizon. */
export function meanOfRuns(runs: readonly (readonly Float64Array[])[]): Float64Array[] {
  const first = runs[0] ?? [];
  return first.map((row, i) => {
    const mean = new Float64Array(row.length);
    for (const run of runs) {
      const forecast = run[i] as Float64Array;
      for (let k = 0; k < mean.length; k++) mean[k] = (mean[k] as number) + (forecast[k] as number) / runs.length;
    }
    return mean;
  });
}
