import { describe, expect, it } from 'vitest';
import { addDecimals, multiplyDecimals, negateDecimal, shiftDecimal } from './decimal-text.js';

describe('decimal text arithmetic', () => {
  it('adds exactly, skipping empty cells', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('10.25', '-0.2500', '', 'NULL')).toBe('10.0000');
    expect(addDecimals('1e-7', '3.4E-7')).toBe('0.00000044');
    expect(addDecimals()).toBe('0');
  });
  it('negates, shifts and multiplies exactly', () => {
    expect(negateDecimal('12.50')).toBe('-12.50');
    expect(negateDecimal('-0.1')).toBe('0.1');
    expect(shiftDecimal('1234', -2)).toBe('12.34');
    expect(shiftDecimal('5', -3)).toBe('0.005');
    expect(shiftDecimal('1.5', 3)).toBe('1500.0');
    expect(multiplyDecimals('1000000', '0.0000025')).toBe('2.5000000');
    expect(multiplyDecimals('-3', '0.1')).toBe('-0.3');
  });
  it('refuses text that is not a decimal', () => {
    expect(() => addDecimals('abc')).toThrow('"abc" is not a decimal');
  });
});
