/** Calendar facts of day numbers (days since 1970-01-01, UTC). */
import type { ProjectionPeriod } from '../../../shared/forecast.js';

const DAY_MS = 86_400_000;

export function dateOf(day: number): Date {
  return new Date(day * DAY_MS);
}

export function dayOfDate(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month, date) / DAY_MS);
}

export function isFirstOfMonth(day: number): boolean {
  return dateOf(day).getUTCDate() === 1;
}

/** Saturday or Sunday (UTC). */
export function isWeekend(day: number): boolean {
  const weekday = dateOf(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The calendar period holding `day`: first and last day numbers and a label. */
export function periodOf(period: ProjectionPeriod, day: number): { start: number; end: number; label: string } {
  const date = dateOf(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (period === 'month') {
    return { start: dayOfDate(year, month, 1), end: dayOfDate(year, month + 1, 1) - 1, label: `${year}-${String(month + 1).padStart(2, '0')}` };
  }
  if (period === 'quarter') {
    const q = Math.floor(month / 3);
    return { start: dayOfDate(year, q * 3, 1), end: dayOfDate(year, q * 3 + 3, 1) - 1, label: `${year}-Q${q + 1}` };
  }
  return { start: dayOfDate(year, 0, 1), end: dayOfDate(year + 1, 0, 1) - 1, label: String(year) };
}
