/**
 * Outlier days (incidents, one-off charges) taken out of a series before the models are fitted:
 * a one-step Holt-Winters pass with fixed, moderate parameters flags a day whose residual is
 * more than OUTLIER_Z robust scales (median / MAD of the previous eight weeks' residuals, refreshed every four weeks) from
 * the median, and replaces it by its expected value. It looks only backwards, except that a
 * level shift's days are restored once its week is complete: `shifts` names them, and the backtest
 * leaves out the origins inside them (forecast-series.ts), so it still uses no future data. The
 * intervals are measured against the raw days, so they still include incidents.
 */
import { HOLT_WINTERS_MIN_DAYS, initialState, predict, update, type HoltWintersParams } from './models/holt-winters.js';
import { MAD_TO_SIGMA, mad, median } from './stats.js';
import { LEVEL_SHIFT_DAYS, restartFromLastWeek, silentDay } from './level-shift.js';

const PARAMS: HoltWintersParams = { alpha: 0.2, beta: 0.01, gamma: 0.1, phi: 0.9 };
export const OUTLIER_Z = 5;
const WINDOW = 56;
const MIN_RESIDUALS = 14;
const REFRESH = 28;
/** Days a level shift restored to their raw values: `from` … `to`, recognised on day `to`. */
export interface LevelShift {
  from: number;
  to: number;
}

export function cleanOutliers(y: readonly number[]): { cleaned: number[]; outliers: number; shifts: LevelShift[] } {
  const cleaned = [...y];
  const shifts: LevelShift[] = [];
  if (y.length < HOLT_WINTERS_MIN_DAYS + MIN_RESIDUALS) return { cleaned, outliers: 0, shifts };
  const state = initialState(y);
  const residuals: number[] = [];
  let outliers = 0;
  let centre = 0;
  let scale = 0;
  // The current run of consecutive outliers in one direction.
  let run: number[] = [];
  let runSign = 0;
  for (let i = 0; i < y.length; i++) {
    const value = y[i] as number;
    const forecast = predict(state, PARAMS, 1, i);
    if (i >= HOLT_WINTERS_MIN_DAYS && residuals.length >= MIN_RESIDUALS) {
      // The robust centre and scale, refreshed every four weeks (sorting every day would cost more than the rest).
      if (scale === 0 || i % REFRESH === 0) {
        const recent = residuals.slice(-WINDOW);
        centre = median(recent);
        scale = MAD_TO_SIGMA * mad(recent, centre);
      }
      const residual = value - forecast - centre;
      if (scale > 0 && Math.abs(residual) > OUTLIER_Z * scale) {
        const sign = Math.sign(residual);
        if (sign !== runSign) run = [];
        runSign = sign;
        run.push(i);
        residuals.push(centre + sign * OUTLIER_Z * scale);
        if (run.length >= LEVEL_SHIFT_DAYS) {
          // A week of outliers one way is a new level (a service stopped, a workload started): those
          // days are kept as they were, and the filter restarts from the last week (level-shift.ts):
          // shifting the level alone kept the old weekly swing, which a stopped service or a doubled
          // one does not have, and flagged the next days again.
          for (const j of run) cleaned[j] = y[j] as number;
          outliers -= run.length - 1;
          shifts.push({ from: run[0] as number, to: i });
          restartFromLastWeek(state, y, i);
          run = [];
          runSign = 0;
          continue;
        }
        cleaned[i] = forecast + centre;
        outliers++;
        update(state, PARAMS, i, cleaned[i] as number);
        continue;
      }
      // A day silent about the level (about nothing, as expected) neither ends a run nor counts in it.
      if (!silentDay(value, forecast + centre, state.level, scale)) {
        run = [];
        runSign = 0;
      }
    }
    if (i >= HOLT_WINTERS_MIN_DAYS) residuals.push(value - forecast);
    update(state, PARAMS, i, value);
  }
  return { cleaned, outliers, shifts };
}
