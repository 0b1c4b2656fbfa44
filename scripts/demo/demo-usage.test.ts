import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendar.js';
import { dailyQuantity, growthFactor, type UsageProfile } from './demo-usage.js';
import { createRandom } from './prng.js';

const SATURDAY = dayNumber('2026-09-19');
const MONDAY = dayNumber('2026-09-21');
const FIRST = dayNumber('2026-08-01');
const flat: UsageProfile = { base: 100, weekendFactor: 0.5, monthlyGrowth: 0, noise: 0 };

describe('growthFactor', () => {
  it('compounds the monthly rate', () => {
    expect(growthFactor(0.08, 0)).toBe(1);
    expect(growthFactor(0.08, 30.4375)).toBeCloseTo(1.08, 10);
    expect(growthFactor(0.08, 2 * 30.4375)).toBeCloseTo(1.1664, 10);
  });
});

describe('dailyQuantity', () => {
  it('applies the weekend factor', () => {
    const random = createRandom(1);
    expect(dailyQuantity(flat, MONDAY, MONDAY, random)).toBe(100);
    expect(dailyQuantity(flat, SATURDAY, SATURDAY, random)).toBe(50);
  });

  it('has no line on weekends for weekday-only meters', () => {
    expect(dailyQuantity({ ...flat, weekdaysOnly: true }, SATURDAY, FIRST, createRandom(1))).toBeNull();
  });

  it('rounds to the step (whole tokens for "1000 Tokens")', () => {
    const quantity = dailyQuantity({ ...flat, base: 1.23456789, step: 0.001 }, MONDAY, MONDAY, createRandom(1));
    expect(quantity).toBe(1.235);
  });

  it('applies an incident: scaled and added on its days only', () => {
    const incident = { name: 'x', meterKey: 'm', effects: { '2026-09-19': { scale: 3, add: 7 } } };
    expect(dailyQuantity(flat, SATURDAY, SATURDAY, createRandom(1), incident)).toBe(157);
    expect(dailyQuantity(flat, MONDAY, MONDAY, createRandom(1), incident)).toBe(100);
  });

  it('draws once per call, line or not, so later meters keep their noise', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    dailyQuantity({ ...flat, weekdaysOnly: true }, SATURDAY, FIRST, a);
    dailyQuantity(flat, MONDAY, FIRST, b);
    expect(a.next()).toBe(b.next());
  });
});
