/**
 * The total of a run of forecast days (plus what is already spent) as one normal distribution:
 * the budgets' period-end total and breach probability (budgets/breach.ts) and the forecast's own
 * month-, quarter- and year-end projections and horizon total (forecast-series.ts) all use it, so
 * a budget and the forecast screen give the same range for the same period (docs/forecasting.md,
 * docs/alerts-and-budgets.md, "Breach probability"):
 *
 * - each forecast day d is Normal(mean_d, sd_d), with sd_d the mean of the standard deviations
 *   implied by its 80% and 95% intervals: (hi80 − lo80) / (2 × 1.2816) and (hi95 − lo95) / (2 × 1.96);
 * - the days' errors are correlated with one coefficient ρ (CORRELATION = 0.15): forecast errors
 *   of cost are neither independent day to day (a level that is off stays off, which ρ = 0
 *   would ignore and so claim too much certainty) nor one shared error (ρ = 1, which ignores
 *   the day-to-day noise that cancels out). Var(Σ) = (1 − ρ) Σ sd_d² + ρ (Σ sd_d)². 0.15 is the
 *   value whose month-end 80% / 95% intervals held 84% / 95% of real totals on tuning series
 *   (`npm run bench -- --budgets --seed 7`; the default seed reports on other series);
 * - the actual to date is known: total = actual + Σ mean_d, sd = √Var(Σ).
 */

export const CORRELATION = 0.15;
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** One forecast day: its mean and its 80% and 95% bounds. */
export interface DayBounds {
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface TotalDistribution {
  mean: number;
  sd: number;
}

/** The standard deviation a day's intervals imply (0 for a day without width). */
export function daySd(point: DayBounds): number {
  const from80 = Math.max(0, point.hi80 - point.lo80) / (2 * Z80);
  const from95 = Math.max(0, point.hi95 - point.lo95) / (2 * Z95);
  return (from80 + from95) / 2;
}

/** Actual to date plus the forecast days, with correlation `rho` between the days' errors. */
export function periodEndTotal(actual: number, days: readonly DayBounds[], rho = CORRELATION): TotalDistribution {
  let mean = actual;
  let sumSd = 0;
  let sumVar = 0;
  for (const point of days) {
    const sd = daySd(point);
    mean += point.mean;
    sumSd += sd;
    sumVar += sd * sd;
  }
  return { mean, sd: Math.sqrt((1 - rho) * sumVar + rho * sumSd * sumSd) };
}

/** The central interval of the total at z (Z80 or Z95). */
export function interval(total: TotalDistribution, z: number): [number, number] {
  return [total.mean - z * total.sd, total.mean + z * total.sd];
}
