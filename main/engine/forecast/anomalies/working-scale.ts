/**
 * Whether a series is judged on its logarithm or as it is. Cloud and AI costs are often
 * multiplicative: usage × price, weekends a fixed fraction of weekdays, compounding growth, and
 * day-to-day noise proportional to the day (log-normal). Judged as they are, such a series' noise
 * is right-skewed (an ordinary good day of a noisy batch job looks like a spike) and its weekday-to-
 * weekend gap grows with the level, which an additive weekly season follows only late (quiet
 * weekends look like drops after a busy week). On the log scale both become additive and
 * symmetric. A steady base with additive noise is judged better as it is: on the log scale its
 * spikes shrink (+90% is only log 1.9 = 0.64) while its drops grow.
 *
 * The choice is Box and Cox's between λ = 1 (as it is) and λ = 0 (the log), by likelihood over the
 * days before the first reported day only (no look-ahead): the one-step residuals of a damped
 * Holt-Winters filter fitted on each scale, with a robust scale per day type (working day,
 * weekend) and Huber's robust density; the log scale's likelihood carries the Jacobian, Σ log y,
 * and must win by a likelihood-ratio test. Only a series whose training days are all above zero
 * can be logged.
 */
import { isWeekend } from '../calendar.js';
import { fitHoltWinters, HOLT_WINTERS_MIN_DAYS, predict, robustInitialState, update, type HoltWintersParams, type HoltWintersState } from '../models/holt-winters.js';
import { median } from '../stats.js';
import { robustScale, WINSOR_CUT } from './robust-scale.js';

/** The narrowest scale, relative to the day (linear: 0.1% of the forecast; log: 0.001). */
export const MIN_RELATIVE_SCALE = 0.001;
/** Fewest residuals of a day type before that type gets its own scale (otherwise all are pooled). */
export const MIN_RESIDUALS = 14;
/**
 * On the log scale, a later day below this share of the training days' median (zero: a service
 * that stopped) counts as that share, so it is a finite, very large drop.
 */
const LOG_FLOOR = 0.001;
/**
 * The log scale must fit clearly better: its log likelihood higher by more than χ²₁(0.95) / 2 =
 * 3.841 / 2, the likelihood-ratio test of "as it is" (λ = 1) at 5%. Judging as it is stays the
 * default (a noiseless series fits both scales about equally well).
 */
const LOG_EVIDENCE = 1.9207;

export interface WorkingSeries {
  /** Judged on the natural logarithm of the costs. */
  log: boolean;
  /** The series on that scale. */
  values: number[];
  init: HoltWintersState;
  params: HoltWintersParams;
}

/** Back from the working scale to cost. */
export function toCost(series: Pick<WorkingSeries, 'log'>, w: number): number {
  return series.log ? Math.exp(w) : w;
}

/** The narrowest robust scale around a forecast `w` on the working scale. */
export function minScale(series: Pick<WorkingSeries, 'log'>, w: number): number {
  return series.log ? MIN_RELATIVE_SCALE : Math.max(1e-9, MIN_RELATIVE_SCALE * Math.abs(w));
}

/** `z` (costs without expected monthly charges) on the scale that fits its days before `start` best, with the filter fitted there. */
export function workingSeries(z: readonly number[], firstDay: number, start: number): WorkingSeries {
  const linear = fitted(Array.from(z), false, start);
  const training = z.slice(0, start);
  if (!training.every((v) => v > 0)) return linear;
  const floor = LOG_FLOOR * median(training);
  const logged = fitted(z.map((v) => Math.log(Math.max(v, floor))), true, start);
  let jacobian = 0;
  for (let i = HOLT_WINTERS_MIN_DAYS; i < start; i++) jacobian += Math.log(training[i] as number);
  const gain = negativeLogLikelihood(linear, firstDay, start) - negativeLogLikelihood(logged, firstDay, start) - jacobian;
  return gain > LOG_EVIDENCE ? logged : linear;
}

function fitted(values: number[], log: boolean, start: number): WorkingSeries {
  const init = robustInitialState(values);
  return { log, values, init, params: fitHoltWinters(values, true, start, init) };
}

/**
 * −log likelihood (up to a constant shared by both scales) of the one-step residuals r of days
 * [2 weeks, start) under Huber's least favourable distribution: normal within 3σ, exponential
 * tails beyond (so one incident costs little, yet a lopsided tail of ordinary days, the mark of
 * multiplicative noise on the wrong scale, does count): Σ log σ + ρ((r − median) / σ), σ the
 * robust scale of the day's type.
 */
function negativeLogLikelihood(series: WorkingSeries, firstDay: number, start: number): number {
  const state = { ...series.init, season: Float64Array.from(series.init.season) };
  const byType: [number[], number[]] = [[], []];
  let level = 0;
  for (let i = 0; i < start; i++) {
    const value = series.values[i] as number;
    const forecast = predict(state, series.params, 1, i);
    if (i >= HOLT_WINTERS_MIN_DAYS) {
      byType[isWeekend(firstDay + i) ? 1 : 0].push(value - forecast);
      level += Math.abs(forecast);
    }
    update(state, series.params, i, value);
  }
  const floor = minScale(series, level / Math.max(1, start - HOLT_WINTERS_MIN_DAYS));
  const groups = byType.every((g) => g.length >= MIN_RESIDUALS) ? byType : [byType.flat()];
  let total = 0;
  for (const residuals of groups) {
    if (residuals.length === 0) continue;
    const centre = median(residuals);
    const sigma = robustScale(residuals, centre, floor);
    total += residuals.length * Math.log(sigma);
    for (const r of residuals) total += huberRho(Math.abs(r - centre) / sigma);
  }
  return total;
}

/** Huber's ρ with k = WINSOR_CUT: u²/2 within k, k·u − k²/2 beyond. */
export function huberRho(u: number): number {
  return u <= WINSOR_CUT ? (u * u) / 2 : WINSOR_CUT * u - (WINSOR_CUT * WINSOR_CUT) / 2;
}
