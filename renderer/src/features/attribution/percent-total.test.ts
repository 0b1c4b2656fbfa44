import { describe, expect, it } from 'vitest';
import { percentTotal } from './percent-total.js';

describe('the running total of fixed percentages', () => {
  it('adds exactly: 0.1 + 64.1 + 35.8 make 100, which floats would not', () => {
    // 0.1 + 64.1 + 35.8 = 100 exactly; in floating point this is 99.99999999999999.
    expect(0.1 + 64.1 + 35.8).not.toBe(100);
    expect(percentTotal(['0.1', '64.1', '35.8'])).toEqual({ total: '100', complete: true, problem: null });
    expect(percentTotal(['33.33', '33.33', '33.34'])).toMatchObject({ total: '100', complete: true });
  });
  it('is incomplete under or over 100', () => {
    expect(percentTotal(['50', '49.5'])).toMatchObject({ total: '99.5', complete: false });
    expect(percentTotal(['60', '40.000001'])).toMatchObject({ total: '100.000001', complete: false });
    expect(percentTotal([])).toMatchObject({ total: '0', complete: false });
  });
  it('names the first share that is not a percentage and leaves it out of the total', () => {
    expect(percentTotal(['50', 'abc', '', '50'])).toEqual({
      total: '100', complete: false, problem: { index: 1, message: '"abc" is not a percentage from 0 to 100 (at most 6 decimals)' },
    });
    expect(percentTotal(['', '100']).problem).toEqual({ index: 0, message: 'a percentage is needed' });
    expect(percentTotal(['101']).problem?.index).toBe(0);
    expect(percentTotal(['-5', '105']).problem?.index).toBe(0);
    expect(percentTotal(['1.1234567']).problem?.index).toBe(0);
  });
});
