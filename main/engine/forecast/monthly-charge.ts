/**
 * Monthly charges on the first of the month (support plans, commitments, seat licences; or
 * monthly credits) are a spike no weekly model can learn. When at least two first-of-month days
 * each stand well above (or below) the same weekday a week before and after, the excess is taken out of the daily series before
 * modelling and the recent typical excess is added back on each forecast first of the month.
 */
import { isFirstOfMonth } from './calendar.js';
import { MAD_TO_SIGMA, mad, median } from './stats.js';
import { WEEK } from './models/types.js';

export interface MonthlyCharge {
  /** The charge added back on each forecast first of the month (median of the last three). */
  charge: number;
  /** The series with each first-of-month excess removed. */
  adjusted: number[];
  /** Indexes of the first-of-month days found. */
  days: number[];
}

/** A first-of-month excess must exceed this many noise scales, on (nearly) every such day. */
const SPIKE_SCALES = 4;

export function detectMonthlyCharge(y: readonly number[], firstDay: number): MonthlyCharge | null {
  const firsts: number[] = [];
  for (let i = 0; i < y.length; i++) if (isFirstOfMonth(firstDay + i)) firsts.push(i);
  if (firsts.length < 2) return null;
  // Noise: the spread of week-on-week changes (÷ √2: a difference of two noisy days).
  const changes: number[] = [];
  for (let i = WEEK; i < y.length; i++) changes.push((y[i] as number) - (y[i - WEEK] as number));
  const noise = (MAD_TO_SIGMA * mad(changes)) / Math.SQRT2;
  const excesses = firsts.map((i) => {
    const around = [i - 2 * WEEK, i - WEEK, i + WEEK, i + 2 * WEEK].filter((j) => j >= 0 && j < y.length).map((j) => y[j] as number);
    return (y[i] as number) - median(around);
  });
  const level = Math.abs(median(y));
  const threshold = Math.max(SPIKE_SCALES * noise, 0.05 * level, 1e-9);
  // Charges (positive) or credits (negative), the same way on (nearly) every 1st.
  const sign = Math.sign(median(excesses));
  const large = excesses.filter((e) => sign * e > threshold).length;
  if (sign === 0 || large < 2 || large < excesses.length - 1) return null;
  const adjusted = [...y];
  firsts.forEach((i, n) => {
    adjusted[i] = (y[i] as number) - (excesses[n] as number);
  });
  return { charge: median(excesses.slice(-3)), adjusted, days: firsts };
}
