import { describe, expect, it } from 'vitest';
import { periodOf, periodStartOfLabel } from './periods.js';

describe('periodOf', () => {
  it('months, including February of a common and of a leap year', () => {
    expect(periodOf('month', '2026-02-15')).toEqual({ label: '2026-02', start: '2026-02-01', end: '2026-02-28', days: 28, daysElapsed: 15 });
    expect(periodOf('month', '2028-02-29')).toMatchObject({ label: '2028-02', end: '2028-02-29', days: 29, daysElapsed: 29 });
    expect(periodOf('month', '2026-12-31')).toMatchObject({ label: '2026-12', start: '2026-12-01', end: '2026-12-31', days: 31 });
  });

  it('quarters at their boundaries: Q1 has 90 days in 2026, Q2 91, Q3 and Q4 92', () => {
    expect(periodOf('quarter', '2026-01-01')).toMatchObject({ label: '2026-Q1', start: '2026-01-01', end: '2026-03-31', days: 90, daysElapsed: 1 });
    expect(periodOf('quarter', '2026-03-31')).toMatchObject({ label: '2026-Q1', end: '2026-03-31', daysElapsed: 90 });
    expect(periodOf('quarter', '2026-04-01')).toMatchObject({ label: '2026-Q2', start: '2026-04-01', end: '2026-06-30', days: 91 });
    expect(periodOf('quarter', '2026-09-30')).toMatchObject({ label: '2026-Q3', start: '2026-07-01', end: '2026-09-30', days: 92 });
    expect(periodOf('quarter', '2026-12-31')).toMatchObject({ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31', days: 92 });
  });

  it('years: 365 days, 366 in a leap year', () => {
    expect(periodOf('year', '2026-07-01')).toMatchObject({ label: '2026', start: '2026-01-01', end: '2026-12-31', days: 365, daysElapsed: 182 });
    expect(periodOf('year', '2028-12-31')).toMatchObject({ label: '2028', days: 366, daysElapsed: 366 });
  });

  it('counts elapsed days up to the as-of day: none before the period, all after it', () => {
    expect(periodOf('month', '2026-11-10', '2026-10-31').daysElapsed).toBe(0);
    expect(periodOf('month', '2026-09-10', '2026-10-31').daysElapsed).toBe(30);
    expect(periodOf('month', '2026-10-10', '2026-10-28').daysElapsed).toBe(28);
    expect(periodOf('month', '2026-10-10', null).daysElapsed).toBe(0);
  });
});

describe('periodStartOfLabel', () => {
  it('reads the labels of each period kind', () => {
    expect(periodStartOfLabel('month', '2026-03')).toEqual({ start: '2026-03-01' });
    expect(periodStartOfLabel('quarter', '2026-Q4')).toEqual({ start: '2026-10-01' });
    expect(periodStartOfLabel('year', '2027')).toEqual({ start: '2027-01-01' });
  });

  it('says what a wrong label should look like', () => {
    expect(periodStartOfLabel('month', '2026-13')).toEqual({ problem: '"2026-13" is not a month (write it like 2026-03).' });
    expect(periodStartOfLabel('quarter', '2026-Q5')).toEqual({ problem: '"2026-Q5" is not a quarter (write it like 2026-Q1).' });
    expect(periodStartOfLabel('year', '2026-01')).toEqual({ problem: '"2026-01" is not a year (write it like 2026).' });
  });
});
