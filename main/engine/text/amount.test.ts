import { describe, expect, it } from 'vitest';
import { amount, signedAmount } from './amount.js';

describe('amounts in text', () => {
  it('group digits and keep the decimals asked for', () => {
    expect(amount(1944.414)).toBe('1,944.41');
    expect(amount(1_099_855.8)).toBe('1,099,855.80');
    expect(amount(-42)).toBe('-42.00');
    expect(amount(1213.6, 0)).toBe('1,214');
  });

  it('sign with + or a true minus', () => {
    expect(signedAmount(1628.41)).toBe('+1,628.41');
    expect(signedAmount(-90)).toBe('−90.00');
    expect(signedAmount(0)).toBe('+0.00');
  });
});
