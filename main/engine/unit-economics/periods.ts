/** Days (since 1970-01-01, UTC) grouped into periods: days, ISO weeks (Monday first), calendar months. */
import type { UnitGrain } from '../../../shared/unit-economics.js';

const MS_PER_DAY = 86_400_000;

/** The first day of the period that holds `day`. Day 0 (1970-01-01) was a Thursday. */
export function periodStart(day: number, grain: UnitGrain): number {
  if (grain === 'day') return day;
  if (grain === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}

/** The first day of the period after the one starting at `start`. */
export function nextPeriod(start: number, grain: UnitGrain): number {
  if (grain === 'day') return start + 1;
  if (grain === 'week') return start + 7;
  const date = new Date(start * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / MS_PER_DAY;
}

/** Every period start from the one holding `first` to the one holding `last` (empty when first > last). */
export function periodAxis(first: number, last: number, grain: UnitGrain): number[] {
  const axis: number[] = [];
  if (first > last) return axis;
  const end = periodStart(last, grain);
  for (let p = periodStart(first, grain); p <= end; p = nextPeriod(p, grain)) axis.push(p);
  return axis;
}
