import { describe, expect, it } from 'vitest';
import type { ExpectedPattern } from '../../../shared/alerts.js';
import { anomaly } from '../../../test/support/anomalies.js';
import { defaultRecurrence, matchesPattern, matchingPattern, patternFrom, seriesKeyOf, type PatternRecurrence } from './expected-patterns.js';

function taught(day: string, impact: number, recurrence: PatternRecurrence, id = 1): ExpectedPattern {
  return { ...patternFrom('k', anomaly({ day, impact }), recurrence, null), id, createdAt: '2026-10-01T00:00:00.000Z' };
}

describe('seriesKeyOf', () => {
  it('is the anomaly key without its day', () => {
    expect(seriesKeyOf(anomaly({ day: '2026-10-05', impact: 10 }))).toBe('ServiceName=Amazon EC2@USD/effective');
    expect(seriesKeyOf(anomaly({ day: '2026-10-05', impact: 10, dimension: 'total' }))).toBe('total=@USD/effective');
  });
});

describe('defaultRecurrence', () => {
  it('remembers the 1st of a month by day of month (monthly charges) and other days by weekday', () => {
    expect(defaultRecurrence(anomaly({ day: '2026-10-01', impact: 10 }))).toBe('day-of-month');
    expect(defaultRecurrence(anomaly({ day: '2026-10-02', impact: 10 }))).toBe('weekday');
  });
});

describe('patternFrom', () => {
  it('keeps the series, direction, calendar key and 1.5 × |impact|', () => {
    // 2026-10-05 is a Monday (ISO weekday 1).
    const pattern = patternFrom('a1', anomaly({ day: '2026-10-05', impact: -80 }), 'weekday', 'batch job');
    expect(pattern).toEqual({
      seriesKey: 'ServiceName=Amazon EC2@USD/effective',
      series: { dimension: 'ServiceName', value: 'Amazon EC2' },
      currency: 'USD',
      direction: 'drop',
      recurrence: 'weekday',
      weekday: 1,
      dayOfMonth: null,
      maxImpact: 120,
      fromAlert: 'a1',
      comment: 'batch job',
    });
  });
});

describe('matchesPattern', () => {
  it('weekday: the same weekday in later weeks, not other weekdays', () => {
    const pattern = taught('2026-10-05', 200, 'weekday'); // Monday
    expect(matchesPattern(pattern, anomaly({ day: '2026-10-12', impact: 250 }))).toBe(true); // Monday
    expect(matchesPattern(pattern, anomaly({ day: '2026-11-30', impact: 100 }))).toBe(true); // Monday
    expect(matchesPattern(pattern, anomaly({ day: '2026-10-13', impact: 200 }))).toBe(false); // Tuesday
  });

  it('day-of-month: the same day of later months; day 31 also covers the last day of shorter months', () => {
    const first = taught('2026-10-01', 500, 'day-of-month');
    expect(matchesPattern(first, anomaly({ day: '2026-11-01', impact: 500 }))).toBe(true);
    expect(matchesPattern(first, anomaly({ day: '2026-11-02', impact: 500 }))).toBe(false);
    const last = taught('2026-10-31', 500, 'day-of-month');
    expect(matchesPattern(last, anomaly({ day: '2026-11-30', impact: 500 }))).toBe(true);
    expect(matchesPattern(last, anomaly({ day: '2027-02-28', impact: 500 }))).toBe(true);
    expect(matchesPattern(last, anomaly({ day: '2026-11-29', impact: 500 }))).toBe(false);
    expect(matchesPattern(taught('2026-10-30', 500, 'day-of-month'), anomaly({ day: '2026-12-31', impact: 500 }))).toBe(false);
  });

  it('covers |impact| up to 1.5 × the taught one: a far larger deviation is news', () => {
    const pattern = taught('2026-10-05', 200, 'any-day');
    expect(matchesPattern(pattern, anomaly({ day: '2026-10-20', impact: 300 }))).toBe(true);
    expect(matchesPattern(pattern, anomaly({ day: '2026-10-20', impact: 300.01 }))).toBe(false);
  });

  it('never matches another series, currency or direction', () => {
    const pattern = taught('2026-10-05', 200, 'any-day');
    expect(matchesPattern(pattern, anomaly({ day: '2026-10-20', impact: 200, value: 'Amazon S3' }))).toBe(false);
    expect(matchesPattern(pattern, anomaly({ day: '2026-10-20', impact: 200, currency: 'EUR' }))).toBe(false);
    expect(matchesPattern(pattern, anomaly({ day: '2026-10-20', impact: -200 }))).toBe(false);
    expect(matchesPattern(pattern, anomaly({ day: '2026-10-20', impact: 200, dimension: 'total' }))).toBe(false);
  });

  it('matchingPattern picks the oldest match', () => {
    const patterns = [taught('2026-10-06', 100, 'weekday', 1), taught('2026-10-05', 400, 'any-day', 2), taught('2026-10-05', 400, 'weekday', 3)];
    expect(matchingPattern(patterns, anomaly({ day: '2026-10-12', impact: 300 }))?.id).toBe(2);
    expect(matchingPattern(patterns, anomaly({ day: '2026-10-12', impact: 700 }))).toBeUndefined();
  });
});
