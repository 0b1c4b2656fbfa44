/**
 * Prediction intervals from a model's own backtest errors: a scale per horizon step (the RMS of
 * that step's errors, smoothed and never shrinking with the step) and quantiles of the errors
 * divided by that scale, pooled over steps (so the quantiles rest on hundreds of points, not the
 * few each step has). Empirical, so skewed errors give skewed intervals.
 */
import { MAD_TO_SIGMA, mad, median, quantileSorted } from './stats.js';

export interface IntervalModel {
  /** Error scale per step (index k − 1), extended past the backtested steps. */
  scale: Float64Array;
  lo95: number;
  lo80: number;
  hi80: number;
  hi95: number;
}

/** Steps with fewer errors than this borrow their scale from the steps before them. */
const MIN_PER_STEP = 4;
/** Fewer pooled errors than this: normal quantiles instead of empirical ones. */
const MIN_POOLED = 30;
const NORMAL = { lo95: -1.959964, lo80: -1.281552, hi80: 1.281552, hi95: 1.959964 };

/**
 * errorsByStep[k − 1]: actual − forecast for step k. `horizon`: steps wanted; `growth`: how the
 * scale grows past the last measured step (0.5: like a random walk, 1: like fully correlated sums).
 */
export function intervalModel(rawErrorsByStep: readonly (readonly number[])[], horizon: number, growth = 0.5): IntervalModel | null {
  const errorsByStep = rawErrorsByStep.map(winsorised);
  const measured: number[] = [];
  for (const errors of errorsByStep) {
    if (errors.length < MIN_PER_STEP) break;
    let squares = 0;
    for (const e of errors) squares += e * e;
    measured.push(Math.sqrt(squares / errors.length));
  }
  if (measured.length === 0) return null;
  // Smooth over neighbouring steps, then never let the scale shrink as the step grows.
  const smooth = measured.map((_, k) => {
    const from = Math.max(0, k - 2);
    const to = Math.min(measured.length, k + 3);
    let total = 0;
    for (let j = from; j < to; j++) total += measured[j] as number;
    return total / (to - from);
  });
  const scale = new Float64Array(Math.max(horizon, 1));
  let running = 0;
  for (let k = 0; k < scale.length; k++) {
    if (k < smooth.length) running = Math.max(running, smooth[k] as number);
    else running = (smooth[smooth.length - 1] as number) * Math.pow((k + 1) / smooth.length, growth);
    scale[k] = Math.max(running, (scale[k - 1] as number | undefined) ?? 0);
  }
  const pooled: number[] = [];
  for (let k = 0; k < measured.length; k++) {
    const s = scale[k] as number;
    if (s > 0) for (const e of errorsByStep[k] as readonly number[]) pooled.push(e / s);
  }
  if (pooled.length < MIN_POOLED) return { scale, ...NORMAL };
  const sorted = Float64Array.from(pooled).sort();
  // An interval holds its own forecast: when every error has one sign (a model lagging a slow
  // trend), the empirical quantiles alone would put the whole band on one side of it.
  return {
    scale,
    lo95: Math.min(0, quantileSorted(sorted, 0.025)),
    lo80: Math.min(0, quantileSorted(sorted, 0.1)),
    hi80: Math.max(0, quantileSorted(sorted, 0.9)),
    hi95: Math.max(0, quantileSorted(sorted, 0.975)),
  };
}

const WINSOR_Z = 5;
/**
 * A step's errors with those more than WINSOR_Z robust scales (1.4826 × MAD) from their median
 * pulled in to that distance. One incident day is in every step's errors (each origin before it
 * forecasts it once), so unbounded it set the RMS scale of every step and then the pooled 97.5%
 * quantile: one spike in a quiet history widened the 95% band to several times the forecast for
 * the whole horizon. Bounded, it still widens the tails, by at most WINSOR_Z scales.
 */
function winsorised(errors: readonly number[]): readonly number[] {
  if (errors.length < MIN_PER_STEP) return errors;
  const centre = median(errors);
  const reach = WINSOR_Z * MAD_TO_SIGMA * mad(errors, centre);
  if (reach === 0) return errors;
  return errors.map((e) => Math.min(centre + reach, Math.max(centre - reach, e)));
}

/** Bounds of a forecast `mean` at step k (1-based). */
export function boundsAt(model: IntervalModel, k: number, mean: number): { lo95: number; lo80: number; hi80: number; hi95: number } {
  const s = model.scale[Math.min(k, model.scale.length) - 1] as number;
  return { lo95: mean + s * model.lo95, lo80: mean + s * model.lo80, hi80: mean + s * model.hi80, hi95: mean + s * model.hi95 };
}
