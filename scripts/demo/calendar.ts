/**
 * Days as integers (days since 1970-01-01, UTC), so the generators do date arithmetic with
 * plain numbers and never depend on the machine's time zone.
 */
const MS_PER_DAY = 86_400_000;

/** YYYY-MM-DD → day number. */
export function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/** Day number → YYYY-MM-DD. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number → FOCUS date-time text at midnight UTC, e.g. 2026-08-01T00:00:00Z. */
export function isoTimestamp(day: number): string {
  return `${isoDate(day)}T00:00:00Z`;
}

/** True on Saturday and Sunday (UTC). 1970-01-01 was a Thursday. */
export function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** YYYY-MM of a day. */
export function monthOf(day: number): string {
  return isoDate(day).slice(0, 7);
}

/** First day of the day's month. */
export function monthStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}

/** First day of the following month (FOCUS billing periods end exclusively there). */
export function nextMonthStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / MS_PER_DAY;
}

/** Every day from first to last, both inclusive. */
export function daysFrom(first: number, last: number): number[] {
  const days: number[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  return days;
}
