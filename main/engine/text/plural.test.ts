import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it('puts the noun in the singular for one only', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(3, 'origin')).toBe('3 origins');
    expect(plural(2, 'day is a net credit', 'days are net credits')).toBe('2 days are net credits');
    expect(plural(1, 'day is a net credit', 'days are net credits')).toBe('1 day is a net credit');
  });
});
