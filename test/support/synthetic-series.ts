/**
 * Daily cost series with known structure, seeded: a level, a trend, a weekly pattern, noise,
 * sometimes a level shift, a monthly charge on the 1st, and (when asked) injected one-day spikes
 * and drops whose positions are returned, for the forecast and anomaly tests and the bench.
 */

/** mulberry32: a small seeded generator, the same numbers on every run (the test files' own). */
export { seeded as random } from './focus-file.js';
import { seeded as random } from './focus-file.js';

/** A standard normal draw (Box–Muller). */
export function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export interface SyntheticOptions {
  /** Days of the series. */
  length: number;
  /** The first day number (days since 1970-01-01). Default 2025-01-01. */
  firstDay?: number;
  /** Inject this many one-day anomalies into the last `anomalyWindow` days. Default 0. */
  anomalies?: number;
  anomalyWindow?: number;
  /** Days at the end kept free of level shifts (e.g. the held-out days of a forecast test). Default 0. */
  quietEnd?: number;
}

export interface SyntheticSeries {
  values: number[];
  firstDay: number;
  /** The structure drawn, for reading failures. */
  level: number;
  noise: number;
  /** Indexes of the injected anomalies, and their sign. */
  anomalies: Array<{ index: number; direction: 'spike' | 'drop'; size: number }>;
}

export const JAN_1_2025 = 20089;

export function syntheticSeries(seed: number, options: SyntheticOptions): SyntheticSeries {
  const rand = random(seed);
  const { length } = options;
  const firstDay = options.firstDay ?? JAN_1_2025;
  const level = 50 * Math.pow(100, rand()); // 50 … 5,000 a day
  const yearlyGrowth = -0.3 + 1.3 * rand(); // −30% … +100% a year
  const slope = (level * yearlyGrowth) / 365;
  const weekendDip = rand() < 0.7 ? 0.1 + 0.4 * rand() : 0; // working-week services cost less at weekends
  const weekly = Array.from({ length: 7 }, () => 0.05 * normal(rand));
  const noise = 0.03 + 0.12 * rand(); // 3% … 15% of the level
  const shiftAt = rand() < 0.5 ? Math.floor(length * (0.2 + 0.6 * rand())) : -1;
  const shift = (rand() < 0.5 ? -1 : 1) * (0.1 + 0.3 * rand());
  const quietEnd = options.quietEnd ?? 0;
  const monthly = rand() < 0.25 ? level * (2 + 8 * rand()) : 0;
  const values: number[] = [];
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    const weekday = (day + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    const base = level + slope * i + (shiftAt >= 0 && i >= shiftAt && shiftAt < length - quietEnd ? shift * level : 0);
    const seasonal = base * ((weekday === 0 || weekday === 6 ? -weekendDip : 0) + (weekly[weekday] as number));
    let value = base + seasonal + noise * level * normal(rand);
    if (monthly > 0 && new Date(day * 86_400_000).getUTCDate() === 1) value += monthly;
    values.push(Math.max(0, value));
  }
  const anomalies: SyntheticSeries['anomalies'] = [];
  const count = options.anomalies ?? 0;
  const window = Math.min(options.anomalyWindow ?? 60, length);
  for (let tries = 0; anomalies.length < count && tries < 100; tries++) {
    const index = length - window + Math.floor(rand() * window);
    // Apart from each other and from the 1st of a month (a monthly charge is not an anomaly).
    if (anomalies.some((a) => Math.abs(a.index - index) < 3) || new Date((firstDay + index) * 86_400_000).getUTCDate() === 1) continue;
    const direction = rand() < 0.6 ? 'spike' : 'drop';
    // 6 … 12 noise scales, and at least 40% of the day: clearly anomalous by construction.
    const size = Math.max(noise * level * (6 + 6 * rand()), 0.4 * (values[index] as number));
    const value = values[index] as number;
    values[index] = direction === 'spike' ? value + size : Math.max(0, value - Math.min(size, 0.9 * value));
    anomalies.push({ index, direction, size: Math.abs((values[index] as number) - value) });
  }
  anomalies.sort((a, b) => a.index - b.index);
  return { values, firstDay, level, noise, anomalies };
}
