/**
 * The spread of a window of residuals, robust to the odd incident but not wasteful of the data:
 * a winsorised standard deviation (deviations from the median clipped at 3 MAD-based sigmas).
 *
 * Why not the MAD alone: its efficiency at normal noise is 37%, so from the 16–40 residuals of one
 * day type it wobbles a lot (relative standard deviation 0.29 from 16 normal residuals, 0.18 from
 * 40), and a scale that happens to come out narrow turns an ordinary 3σ day into a "4σ" anomaly.
 * The winsorised one wobbles almost as little as the plain standard deviation (0.19 and 0.115, the
 * standard deviation 0.185 and 0.113; 20,000 simulated windows each) while one incident still
 * moves it by at most 3σ/√n.
 */
import { MAD_TO_SIGMA, mad, median } from '../stats.js';

/** Deviations beyond this many MAD-based sigmas count as this many. */
export const WINSOR_CUT = 3;
/**
 * E[min(Z², c²)] for a standard normal Z and c = 3: 1 − 2cφ(c) + 2(c² − 1)(1 − Φ(c))
 * = 1 − 6 × 0.00443185 + 16 × 0.00134990 = 0.995007; dividing by it makes the estimate a normal σ.
 */
export const WINSOR_CONSISTENCY = 0.995007;

/** Winsorised standard deviation of `values` around `centre` (default their median), at least `floor`. */
export function robustScale(values: readonly number[], centre = median(values), floor = 0): number {
  if (values.length === 0) return floor;
  const cut = WINSOR_CUT * MAD_TO_SIGMA * mad(values, centre);
  let squares = 0;
  for (const v of values) squares += Math.min((v - centre) ** 2, cut * cut);
  return Math.max(Math.sqrt(squares / values.length / WINSOR_CONSISTENCY), floor);
}
