import { describe, expect, it } from 'vitest';
import { categoryAxisWidth, dayTickFormat, periodTicks, truncateLabel } from './chart-props.js';

describe('truncateLabel', () => {
  it('keeps a label that fits and cuts a longer one to max characters, the last an ellipsis', () => {
    expect(truncateLabel('abcde', 5)).toBe('abcde');
    expect(truncateLabel('abcdef', 5)).toBe('abcd…');
    expect(truncateLabel('abcdef', 5)).toHaveLength(5);
  });
});

describe('periodTicks', () => {
  it('keeps every period when there are at most eight', () => {
    expect(periodTicks(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });
  it('keeps every ceil(n/8)th period from the first', () => {
    // 20 periods: ceil(20/8) = 3, so indexes 0, 3, 6, ..., 18 (7 ticks).
    const days = Array.from({ length: 20 }, (_, i) => i);
    expect(periodTicks(days)).toEqual([0, 3, 6, 9, 12, 15, 18]);
  });
  it('honours another tick count', () => {
    // 10 periods, at most 4 ticks: every ceil(10/4) = 3rd.
    expect(periodTicks([...'abcdefghij'], 4)).toEqual(['a', 'd', 'g', 'j']);
  });
});

describe('dayTickFormat', () => {
  it('shows MM-DD up to a year of days and YYYY-MM beyond', () => {
    expect(dayTickFormat(366)('2026-03-14')).toBe('03-14');
    expect(dayTickFormat(367)('2026-03-14')).toBe('2026-03');
  });
});

describe('categoryAxisWidth', () => {
  it('gives at least room for 8 characters at 7px each plus 16px', () => {
    expect(categoryAxisWidth(['ab'], 28, 220)).toBe(8 * 7 + 16);
    expect(categoryAxisWidth([], 28, 220)).toBe(8 * 7 + 16);
  });
  it('grows with the longest label, counting at most cap characters, and stops at most', () => {
    expect(categoryAxisWidth(['x'.repeat(20), 'y'], 28, 220)).toBe(20 * 7 + 16); // 156
    expect(categoryAxisWidth(['x'.repeat(40)], 28, 300)).toBe(28 * 7 + 16); // 212: the cap
    expect(categoryAxisWidth(['x'.repeat(40)], 28, 200)).toBe(200); // the most
  });
});
