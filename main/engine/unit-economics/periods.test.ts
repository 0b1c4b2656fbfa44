import { describe, expect, it } from 'vitest';
import { nextPeriod, periodAxis, periodStart } from './periods.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('periods', () => {
  it('weeks start on Monday: 2026-01-01 (a Thursday) is in the week of Monday 2025-12-29', () => {
    expect(periodStart(day('2026-01-01'), 'week')).toBe(day('2025-12-29'));
    expect(periodStart(day('2026-01-04'), 'week')).toBe(day('2025-12-29')); // Sunday
    expect(periodStart(day('2026-01-05'), 'week')).toBe(day('2026-01-05')); // Monday
    expect(periodStart(day('1969-12-31'), 'week')).toBe(day('1969-12-29')); // before day 0
  });

  it('months start on the 1st, February of a leap year included', () => {
    expect(periodStart(day('2024-02-29'), 'month')).toBe(day('2024-02-01'));
    expect(nextPeriod(day('2024-02-01'), 'month')).toBe(day('2024-03-01'));
    expect(nextPeriod(day('2025-12-01'), 'month')).toBe(day('2026-01-01'));
  });

  it('the axis covers every period between the first and the last day, empty ones included', () => {
    expect(periodAxis(day('2026-01-30'), day('2026-03-02'), 'month')).toEqual([day('2026-01-01'), day('2026-02-01'), day('2026-03-01')]);
    expect(periodAxis(day('2026-01-01'), day('2026-01-03'), 'day')).toEqual([day('2026-01-01'), day('2026-01-02'), day('2026-01-03')]);
    expect(periodAxis(5, 4, 'day')).toEqual([]);
  });
});
