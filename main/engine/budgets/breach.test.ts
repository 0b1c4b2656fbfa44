/**
 * The breach probability against figures computed by hand with a printed standard normal table
 * (Φ(2.04) = 0.97932, Φ(2.05) = 0.97982, Φ(2.88) = 0.99801, Φ(2.89) = 0.99807, Φ(1.66) = 0.95154,
 * Φ(1.67) = 0.95254; values between are interpolated linearly).
 */
import { describe, expect, it } from 'vitest';
import { breachProbability, daySd, erfc, interval, normalCdf, periodEndTotal, Z80, Z95, type DayForecast } from './breach.js';

/** A day with mean m whose intervals are exactly those of Normal(m, sd). */
function normalDay(mean: number, sd: number): DayForecast {
  return { mean, lo80: mean - Z80 * sd, hi80: mean + Z80 * sd, lo95: mean - Z95 * sd, hi95: mean + Z95 * sd };
}

describe('normalCdf', () => {
  it('matches the table', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.281552)).toBeCloseTo(0.1, 6);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(-1) + erfc(1)).toBeCloseTo(2, 7);
  });
});

describe('daySd', () => {
  it('is the mean of the sd the 80% and the 95% intervals imply', () => {
    expect(daySd(normalDay(100, 10))).toBeCloseTo(10, 9);
    // Skewed: 80% 90–120 (width 30 → 30 / 2.5631 = 11.7046), 95% 80–140 (60 / 3.91993 = 15.3064): mean 13.5055.
    expect(daySd({ mean: 100, lo80: 90, hi80: 120, lo95: 80, hi95: 140 })).toBeCloseTo(13.5055, 3);
    expect(daySd({ mean: 5, lo80: 5, hi80: 5, lo95: 5, hi95: 5 })).toBe(0);
  });
});

describe('periodEndTotal and breachProbability', () => {
  // 600 spent so far, three days left, each Normal(100, 10).
  const days = [normalDay(100, 10), normalDay(100, 10), normalDay(100, 10)];

  it('with ρ = 0.5: Var = 0.5 × 300 + 0.5 × 30² = 600, sd = 24.495; P(total > 950) = 1 − Φ(2.0412) = 0.0206', () => {
    const total = periodEndTotal(600, days, 0.5);
    expect(total.mean).toBe(900);
    expect(total.sd).toBeCloseTo(Math.sqrt(600), 9);
    expect(breachProbability(total, 950)).toBeCloseTo(0.0206, 4);
  });

  it('with the engine’s ρ = 0.15: Var = 0.85 × 300 + 0.15 × 30² = 390, sd = 19.748; P(total > 950) = 1 − Φ(2.5319) = 0.0057', () => {
    // Φ(2.53) = 0.99430, Φ(2.54) = 0.99446: Φ(2.5319) = 0.99433.
    const total = periodEndTotal(600, days);
    expect(total.sd).toBeCloseTo(Math.sqrt(390), 9);
    expect(breachProbability(total, 950)).toBeCloseTo(0.0057, 4);
  });

  it('independent days (ρ = 0): sd = √300 = 17.32, P = 1 − Φ(2.8868) = 0.0019; one shared error (ρ = 1): sd = 30, P = 1 − Φ(1.6667) = 0.0478', () => {
    expect(breachProbability(periodEndTotal(600, days, 0), 950)).toBeCloseTo(0.0019, 4);
    expect(breachProbability(periodEndTotal(600, days, 1), 950)).toBeCloseTo(0.0478, 3);
  });

  it('is one half at the expected total and symmetric around it', () => {
    const total = periodEndTotal(600, days);
    expect(breachProbability(total, 900)).toBeCloseTo(0.5, 7);
    expect(breachProbability(total, 870) + breachProbability(total, 930)).toBeCloseTo(1, 7);
  });

  it('without spread (the period is over, or flat intervals) is 1 above the amount, else 0', () => {
    expect(breachProbability({ mean: 1000, sd: 0 }, 999.99)).toBe(1);
    expect(breachProbability({ mean: 1000, sd: 0 }, 1000)).toBe(0);
  });

  it('gives central intervals of the total', () => {
    const [lo, hi] = interval({ mean: 3100, sd: Math.sqrt(600) }, Z80);
    // 1.28155 × 24.4949 = 31.391
    expect(lo).toBeCloseTo(3068.609, 2);
    expect(hi).toBeCloseTo(3131.391, 2);
  });
});
