/**
 * Anomalous days of one series. Each day is compared with the one-step-ahead Holt-Winters
 * forecast made from the days before it only (parameters fitted on the data before the first
 * reported day): no look-ahead. Series whose costs behave multiplicatively are judged on their
 * logarithm (working-scale.ts). Residuals are scaled robustly (median and winsorised spread of the
 * previous eight weeks' residuals of the same day type, working day or weekend: batch jobs and
 * working-day services make weekdays noisier than weekends, and one pooled scale would flag their
 * ordinary weekday swings). A flagged day enters the filter as its expected value, so an incident
 * does not drag the expected values after it; a week of flagged days in the same direction is a
 * level shift, and the filter restarts from that week (its level and weekly pattern). A run of consecutive flagged days is one
 * anomaly, reported on its first day. A monthly charge (or credit) on the 1st is expected once
 * two earlier 1sts showed it. The filter starts from each weekday's median of the first three
 * weeks, so an incident there does not skew its start.
 */
import type { AnomalySettings } from '../../../../shared/forecast.js';
import { isFirstOfMonth, isWeekend } from '../calendar.js';
import { detectMonthlyCharge } from '../monthly-charge.js';
import { HOLT_WINTERS_MIN_DAYS, predict, update } from '../models/holt-winters.js';
import { LEVEL_SHIFT_DAYS, restartFromLastWeek, silentDay } from '../level-shift.js';
import { median } from '../stats.js';
import { robustScale } from './robust-scale.js';
import { MIN_RESIDUALS, minScale, toCost, workingSeries } from './working-scale.js';

export interface SeriesAnomaly {
  index: number;
  actual: number;
  expected: number;
  /** The normal range: a day outside it (and past the thresholds) is flagged. */
  lower: number;
  upper: number;
  /** Robust z of the day's residual, on the scale the series is judged on. */
  score: number;
  direction: 'spike' | 'drop';
  /** Judged on the logarithm of its costs (its range is then lopsided: wider above). */
  log: boolean;
}

/** Residuals the robust scale is computed over. */
const SCALE_WINDOW = 56;

export type Thresholds = Pick<AnomalySettings, 'minImpact' | 'minPercent' | 'direction' | 'sensitivity'>;

/** Whether a deviation passes the user's thresholds (percent passes when the expected value is 0). */
export function passes(impact: number, expected: number, settings: Thresholds): boolean {
  if (Math.abs(impact) < settings.minImpact) return false;
  if (expected !== 0 && (100 * Math.abs(impact)) / Math.abs(expected) < settings.minPercent) return false;
  if (settings.direction === 'spikes' && impact < 0) return false;
  if (settings.direction === 'drops' && impact > 0) return false;
  return true;
}

/** Anomalies among y[from..] (y starts on day number firstDay). */
export function seriesAnomalies(y: readonly number[], firstDay: number, from: number, settings: Thresholds): SeriesAnomaly[] {
  const start = Math.max(from, 3 * 7 + MIN_RESIDUALS);
  if (y.length <= start) return [];
  // A monthly charge on a 1st: from the 1sts before it only (no look-ahead).
  const charges = new Map<number, number>();
  for (let i = 0; i < y.length; i++) {
    if (!isFirstOfMonth(firstDay + i) || i < 35) continue;
    const monthly = detectMonthlyCharge(y.slice(0, i), firstDay);
    if (monthly) charges.set(i, monthly.charge);
  }
  const charge = (i: number): number => charges.get(i) ?? 0;
  const series = workingSeries(y.map((v, i) => v - charge(i)), firstDay, start);
  const { values, params } = series;
  const state = { ...series.init, season: Float64Array.from(series.init.season) };
  const residuals: number[] = [];
  /** Whether each residual's day is a weekend day, parallel to `residuals`. */
  const weekends: boolean[] = [];
  const weekend = (i: number): boolean => isWeekend(firstDay + i);
  const found: SeriesAnomaly[] = [];
  let run = 0;
  let runSign = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const forecast = predict(state, params, 1, i);
    if (i < HOLT_WINTERS_MIN_DAYS || residuals.length < MIN_RESIDUALS) {
      if (i >= HOLT_WINTERS_MIN_DAYS) {
        residuals.push(value - forecast);
        weekends.push(weekend(i));
      }
      update(state, params, i, value);
      continue;
    }
    const recent = sameDayType(residuals, weekends, weekend(i));
    const centre = median(recent);
    const scale = robustScale(recent, centre, minScale(series, forecast));
    const expected = forecast + centre;
    const score = (value - expected) / scale;
    const sign = Math.sign(score);
    if (Math.abs(score) >= settings.sensitivity) {
      run = sign === runSign ? run + 1 : 1;
      runSign = sign;
      const expectedCost = toCost(series, expected) + charge(i);
      if (run === 1 && i >= start && passes((y[i] as number) - expectedCost, expectedCost, settings)) {
        // The band on the working scale, back in cost: a day is flagged exactly when it falls outside.
        const band = settings.sensitivity * scale;
        found.push({
          index: i,
          actual: y[i] as number,
          expected: expectedCost,
          lower: toCost(series, expected - band) + charge(i),
          upper: toCost(series, expected + band) + charge(i),
          score,
          direction: score > 0 ? 'spike' : 'drop',
          log: series.log,
        });
      }
      // The residual enters the scale's window clipped (an incident neither shrinks nor blows up the scale).
      residuals.push(centre + sign * settings.sensitivity * scale);
      weekends.push(weekend(i));
      if (run === LEVEL_SHIFT_DAYS) {
        // A new level: restart from its week, level and weekly pattern both (level-shift.ts). Keeping
        // the old pattern on the new level would expect a stopped service to cost −30 at weekends.
        restartFromLastWeek(state, values, i);
      } else if (run > LEVEL_SHIFT_DAYS) {
        state.level += value - forecast;
        update(state, params, i, value);
      } else {
        update(state, params, i, expected);
      }
    } else {
      // A day silent about the level (about nothing, as expected) neither ends a run nor counts in it.
      // (Only on the cost scale: a series judged on its logarithm has no days about zero.)
      if (series.log || !silentDay(value, expected, state.level, scale)) {
        run = 0;
        runSign = 0;
      }
      residuals.push(value - forecast);
      weekends.push(weekend(i));
      update(state, params, i, value);
    }
  }
  return found;
}

/** The window's residuals of the same day type (weekend or working day); the whole window while fewer than MIN_RESIDUALS. */
function sameDayType(residuals: readonly number[], weekends: readonly boolean[], isWeekend: boolean): number[] {
  const from = Math.max(0, residuals.length - SCALE_WINDOW);
  const same: number[] = [];
  for (let j = from; j < residuals.length; j++) if (weekends[j] === isWeekend) same.push(residuals[j] as number);
  return same.length >= MIN_RESIDUALS ? same : residuals.slice(from);
}
