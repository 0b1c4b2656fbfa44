/**
 * How much of a meter is used on a day: a base volume shaped by the weekly pattern, steady
 * growth and noise, plus the scripted incidents. Kept apart from the catalog so the shapes can
 * be tested (and reused by the benchmark files) without the demo's accounts.
 */
import { isWeekend, isoDate } from './calendar.js';
import type { Random } from './prng.js';

export interface UsageProfile {
  /** Quantity a weekday, in pricing units, at the start of the period. */
  base: number;
  /** Weekend quantity relative to a weekday (1 for always-on resources). */
  weekendFactor: number;
  /** Compound growth a month, e.g. 0.08 for +8 %. */
  monthlyGrowth: number;
  /** Sigma of the log-normal day-to-day noise (0 for fixed quantities such as 24 instance-hours). */
  noise: number;
  /** Quantities are multiples of this (0.001 for "1000 Tokens": whole tokens). Default 0.0001. */
  step?: number;
  /** No line at all on weekends (batch jobs that only run on working days). */
  weekdaysOnly?: boolean;
}

/** A change to one meter's usage on given days (YYYY-MM-DD): scaled, and/or an extra quantity. */
export interface Incident {
  name: string;
  meterKey: string;
  effects: Readonly<Record<string, { scale?: number; add?: number }>>;
}

const DAYS_PER_MONTH = 30.4375;
const DEFAULT_STEP = 0.0001;

/** Growth factor `days` after the start: (1 + monthly)^(days / 30.4375). */
export function growthFactor(monthlyGrowth: number, daysSinceStart: number): number {
  return (1 + monthlyGrowth) ** (daysSinceStart / DAYS_PER_MONTH);
}

/**
 * The quantity of a meter on a day, or null when the meter has no line that day. Draws from
 * `random` exactly once per call, used or not, so a change to one meter's profile does not
 * shift every later meter's noise.
 */
export function dailyQuantity(
  profile: UsageProfile,
  day: number,
  firstDay: number,
  random: Random,
  incident?: Incident,
): number | null {
  const noise = random.jitter(profile.noise);
  const weekend = isWeekend(day);
  if (profile.weekdaysOnly && weekend) return null;
  let quantity = profile.base * growthFactor(profile.monthlyGrowth, day - firstDay) * (weekend ? profile.weekendFactor : 1) * noise;
  const effect = incident?.effects[isoDate(day)];
  if (effect) quantity = quantity * (effect.scale ?? 1) + (effect.add ?? 0);
  const step = profile.step ?? DEFAULT_STEP;
  const rounded = Math.round(quantity / step) * step;
  return rounded > 0 ? Number(rounded.toFixed(4)) : null;
}
