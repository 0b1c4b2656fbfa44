import { describe, expect, it } from 'vitest';
import { dayNumber, daysFrom, isoDate, isoTimestamp, isWeekend, monthOf, monthStart, nextMonthStart } from './calendar.js';

describe('calendar', () => {
  it('converts dates to day numbers and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDate(dayNumber('2026-08-01'))).toBe('2026-08-01');
    expect(isoTimestamp(dayNumber('2026-10-31'))).toBe('2026-10-31T00:00:00Z');
    expect(() => dayNumber('2026-8-1')).toThrow();
  });

  it('knows weekends (2026-09-19 is a Saturday, 2026-09-21 a Monday)', () => {
    expect(isWeekend(dayNumber('2026-09-19'))).toBe(true);
    expect(isWeekend(dayNumber('2026-09-20'))).toBe(true);
    expect(isWeekend(dayNumber('2026-09-21'))).toBe(false);
    expect(isWeekend(dayNumber('1969-12-28'))).toBe(true); // a Sunday before day 0
  });

  it('finds month boundaries, across a year end too', () => {
    expect(isoDate(monthStart(dayNumber('2026-08-17')))).toBe('2026-08-01');
    expect(isoDate(nextMonthStart(dayNumber('2026-08-31')))).toBe('2026-09-01');
    expect(isoDate(nextMonthStart(dayNumber('2026-12-05')))).toBe('2027-01-01');
    expect(monthOf(dayNumber('2026-10-31'))).toBe('2026-10');
  });

  it('lists days inclusively', () => {
    const days = daysFrom(dayNumber('2026-08-01'), dayNumber('2026-10-31'));
    expect(days).toHaveLength(92);
    expect(daysFrom(5, 4)).toEqual([]);
  });
});
