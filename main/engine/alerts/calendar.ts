/** Calendar facts of ISO days (YYYY-MM-DD, UTC) that expected patterns and budget periods use. */

const MS_PER_DAY = 86_400_000;

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = utc(day).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function dayOfMonth(day: string): number {
  return utc(day).getUTCDate();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for the last day of its month. */
export function isLastDayOfMonth(day: string): boolean {
  const date = utc(day);
  return date.getUTCDate() === daysInMonth(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** `day` moved by `count` days. */
export function addDays(day: string, count: number): string {
  return new Date(utc(day).getTime() + count * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / MS_PER_DAY);
}
