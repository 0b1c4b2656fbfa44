import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyCompact, formatPercent } from './money.js';

describe('formatMoney', () => {
  it('formats decimal strings to the cent without a float, rounding half away from zero', () => {
    expect(formatMoney('1234.565000', 'USD')).toBe('$1,234.57');
    expect(formatMoney('-74.494999', 'USD')).toBe('-$74.49');
    expect(formatMoney('9007199254740993.01', 'USD')).toBe('$9,007,199,254,740,993.01');
    expect(formatMoney('0.004', 'EUR')).toBe('€0.00');
    expect(formatMoney('-0.004', 'EUR')).toBe('€0.00');
  });
  it('formats numbers and compact axis labels', () => {
    expect(formatMoney(1500.5, 'USD')).toBe('$1,500.50');
    expect(formatMoneyCompact(1500, 'USD')).toBe('$1.5K');
    expect(formatPercent(0.123)).toBe('+12.3%');
  });
});
