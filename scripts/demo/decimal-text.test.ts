import { describe, expect, it } from 'vitest';
import { costUnits, formatCost, formatPrice, formatQuantity, formatUnits, toUnits } from './decimal-text.js';

describe('formatUnits', () => {
  it('writes plain decimals with trailing zeros trimmed', () => {
    expect(formatUnits(125000, 4)).toBe('12.5');
    expect(formatUnits(30000, 4)).toBe('3');
    expect(formatUnits(7, 4)).toBe('0.0007');
    expect(formatUnits(0, 10)).toBe('0');
  });

  it('writes negatives with a minus sign and never "-0"', () => {
    expect(formatUnits(-15, 2)).toBe('-0.15');
    expect(formatUnits(-0, 2)).toBe('0');
  });

  it('writes large values without an exponent', () => {
    expect(formatUnits(123456789012345678901234567890n, 10)).toBe('12345678901234567890.123456789');
    expect(formatUnits(2 ** 53 - 1, 10)).toBe('900719.9254740991');
  });
});

describe('toUnits', () => {
  it('rounds to the nearest unit', () => {
    expect(toUnits(0.00015, 6)).toBe(150);
    expect(toUnits(55.04, 6)).toBe(55_040_000);
    expect(toUnits(1.23456, 4)).toBe(12346);
  });

  it('refuses values that do not fit a safe integer', () => {
    expect(() => toUnits(1e12, 6)).toThrow(RangeError);
  });
});

describe('costUnits', () => {
  it('is the exact product of quantity and unit price', () => {
    // 1.0001 × 3.000003 = 3.000003 + 0.0003000003, exactly, in 10 decimals.
    expect(formatCost(costUnits(toUnits(1.0001, 4), toUnits(3.000003, 6)))).toBe('3.0003030003');
  });

  it('falls back to BigInt when the product is not a safe integer', () => {
    const units = costUnits(toUnits(500_000_000, 4), toUnits(98.32, 6));
    expect(typeof units).toBe('bigint');
    expect(formatCost(units)).toBe('49160000000');
  });

  it('formats quantities with 4 decimals and prices with 6', () => {
    expect(formatQuantity(toUnits(2.5, 4))).toBe('2.5');
    expect(formatPrice(toUnits(0.000075, 6))).toBe('0.000075');
  });
});
