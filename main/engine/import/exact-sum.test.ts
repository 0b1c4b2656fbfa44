import { describe, expect, it } from 'vitest';
import { ExactSum, decimalFromNumber } from './exact-sum.js';

const sum = (...values: string[]) => {
  const total = new ExactSum();
  for (const v of values) expect(total.add(v)).toBe(true);
  return total.toDecimal();
};

describe('ExactSum', () => {
  it('adds decimal text exactly where floats drift', () => {
    expect(sum('0.1', '0.2')).toBe('0.300000');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum('1.005', '-0.005')).toBe('1.000000');
  });
  it('keeps tiny amounts that rounding each line to micro-units would lose', () => {
    const total = new ExactSum();
    for (let i = 0; i < 1_000_000; i++) total.add('0.00000034');
    expect(total.toDecimal()).toBe('0.340000');
  });
  it('reads scientific notation and long fractions, rounding beyond 12 places', () => {
    expect(sum('1.5E+2', '3.4e-7')).toBe('150.00000034');
    expect(sum('0.123456789012345678901234')).toBe('0.123456789012');
    expect(sum('0.0000000000005')).toBe('0.000000000001');
  });
  it('handles negatives, credits that cancel, and large amounts without losing cents', () => {
    expect(sum('-25.50', '100.00', '-0.01')).toBe('74.490000');
    expect(sum('-1', '0.5')).toBe('-0.500000');
    expect(sum('9007199254740993.01', '1')).toBe('9007199254740994.010000');
    expect(sum('123456789012345.67', '123456789012345.67')).toBe('246913578024691.340000');
  });
  it('refuses text that is not a decimal, adding nothing', () => {
    const total = new ExactSum();
    expect(total.add('abc')).toBe(false);
    expect(total.add('')).toBe(false);
    expect(total.add('1.2.3')).toBe(false);
    expect(total.toDecimal()).toBe('0.000000');
  });
  it('formats float sums with six decimals and no negative zero', () => {
    expect(decimalFromNumber(1.5)).toBe('1.500000');
    expect(decimalFromNumber(-0.0000001)).toBe('0.000000');
  });
});

describe('ExactSum parts', () => {
  it('adding (sign, whole, fraction) parts is adding the decimal text', () => {
    const texts = ['12.5', '-3.25', '0.000000341234', '999999999999999.999999999999', '-0', '7', '5.', '-123456789012345.000000000001'];
    const byText = new ExactSum();
    const byParts = new ExactSum();
    for (const text of texts) {
      byText.add(text);
      const [whole = '', fraction = ''] = text.replace('-', '').split('.');
      byParts.addParts(text.startsWith('-'), Number(whole), Number(fraction.padEnd(12, '0')));
    }
    expect(byParts.total()).toBe(byText.total());
  });

  it('sums kept apart (a worker\'s part of a file) merge exactly, big values and scientific notation included', () => {
    const whole = new ExactSum();
    const parts = [new ExactSum(), new ExactSum(), new ExactSum()];
    ['1e20', '3.4e-7', '-12.5', '900000000000000', '900000000000000', '0.1'].forEach((text, i) => {
      whole.add(text);
      parts[i % 3]?.add(text);
    });
    const merged = new ExactSum();
    for (const part of parts) merged.merge(part.parts());
    expect(merged.total()).toBe(whole.total());
    expect(merged.toDecimal()).toBe(whole.toDecimal());
  });
});
