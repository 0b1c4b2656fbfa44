/**
 * When a run of one-way deviations is a new level (a service stopped, a workload started) rather
 * than an incident, for the outlier cleaning and the anomaly detector alike: a week of such days
 * (LEVEL_SHIFT_DAYS). A day that costs about nothing and was expected to cost about nothing (a
 * weekend of a working-day service) says nothing about the level: it neither counts nor breaks the
 * run, so a working-day service that stops is still recognised after seven flagged working days.
 * The filter then restarts from the last week: its mean and each day's deviation from it.
 */
import type { HoltWintersState } from './models/holt-winters.js';
import { WEEK } from './models/types.js';

export const LEVEL_SHIFT_DAYS = WEEK;

/** "About nothing": within 1% of the series' level, or its noise scale when that is wider. */
const SILENT_SHARE_OF_LEVEL = 0.01;

/**
 * Whether a day is silent about the level: it and its expected value are both about nothing
 * (`level`: the filter's level before the day; `scale`: the day's noise scale).
 */
export function silentDay(value: number, expected: number, level: number, scale: number): boolean {
  const nothing = Math.max(scale, SILENT_SHARE_OF_LEVEL * Math.abs(level));
  return Math.abs(value) <= nothing && Math.abs(expected) <= nothing;
}

/** The filter's state after index i, from the week y[i−6..i] alone: its mean, no trend, each day's deviation. */
export function restartFromLastWeek(state: HoltWintersState, y: readonly number[], i: number): void {
  let total = 0;
  for (let j = i - WEEK + 1; j <= i; j++) total += y[j] as number;
  state.level = total / WEEK;
  state.trend = 0;
  for (let j = i - WEEK + 1; j <= i; j++) state.season[j % WEEK] = (y[j] as number) - state.level;
}
