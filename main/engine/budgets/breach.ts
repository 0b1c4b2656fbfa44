/**
 * The breach probability of a budget from its period-end total's distribution. The distribution
 * itself (days from the forecast, correlated with ρ = 0.15) is shared with the forecast's own
 * projections: forecast/period-sum.ts (see docs/alerts-and-budgets.md, "Breach probability");
 * its names are re-exported here for the budgets' callers.
 *
 * - P(breach) = P(total > amount) = 1 − Φ((amount − total) / sd).
 */
import type { TotalDistribution } from '../forecast/period-sum.js';

export { CORRELATION, daySd, interval, periodEndTotal, Z80, Z95, type DayBounds as DayForecast, type TotalDistribution } from '../forecast/period-sum.js';

/**
 * The complementary error function (Numerical Recipes' erfcc, Chebyshev fit, fractional error
 * below 1.2e-7 everywhere).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** The standard normal distribution function Φ. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** P(total > amount). With no spread, 1 when the expected total is over the amount, else 0. */
export function breachProbability(total: TotalDistribution, amount: number): number {
  if (!(total.sd > 0)) return total.mean > amount ? 1 : 0;
  return 1 - normalCdf((amount - total.mean) / total.sd);
}
