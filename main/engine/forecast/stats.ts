/** Small statistics over plain arrays: compensated sums, quantiles, median and MAD. */

/** Neumaier-compensated sum: totals of many daily figures without drift. */
export function sum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let total = 0;
  let compensation = 0;
  for (let i = from; i < to; i++) {
    const value = values[i] as number;
    const next = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + compensation;
}

export function mean(values: ArrayLike<number>, from = 0, to = values.length): number {
  return to > from ? sum(values, from, to) / (to - from) : 0;
}

/** The q-quantile (0–1) of sorted values, interpolated between neighbours (R's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  const weight = position - below;
  return (sorted[below] as number) * (1 - weight) + (sorted[above] as number) * weight;
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedCopy(values), 0.5);
}

/** Median absolute deviation from the median (unscaled). */
export function mad(values: ArrayLike<number>, centre = median(values)): number {
  const deviations = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs((values[i] as number) - centre);
  return median(deviations);
}

/** MAD × 1.4826 estimates a normal standard deviation. */
export const MAD_TO_SIGMA = 1.4826;
