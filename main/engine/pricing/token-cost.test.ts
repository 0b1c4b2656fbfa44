import { describe, expect, it } from 'vitest';
import { millions, tokenCost } from './token-cost.js';

describe('tokenCost', () => {
  it('is tokens × price per 1M ÷ 1,000,000, exactly', () => {
    expect(tokenCost('1000', '2.50')).toBe('0.00250000');
    expect(tokenCost('1', '0.075')).toBe('0.000000075');
    expect(tokenCost('123456789', '0.15')).toBe('18.51851835');
    expect(tokenCost('0', '15')).toBe('0.000000');
  });
  it('keeps costs far below a cent (no float drift, no rounding)', () => {
    // 3 tokens at $0.005 per 1M: 1.5e-8, which float arithmetic prints as 1.4999999999999999e-8.
    expect(tokenCost('3', '0.005')).toBe('0.000000015');
  });
  it('gives the pricing quantity in millions of tokens', () => {
    expect(millions('2500000')).toBe('2.500000');
  });
});
