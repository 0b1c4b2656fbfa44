import { describe, expect, it } from 'vitest';
import { robustScale, WINSOR_CONSISTENCY } from './robust-scale.js';

describe('robust scale', () => {
  it('is the standard deviation around the median when nothing is beyond 3 MAD-based sigmas', () => {
    // Median 0, MAD 1 (deviations 2, 1, 0, 1, 2), cut 3 × 1.4826 = 4.45: nothing clipped.
    // √((4 + 1 + 0 + 1 + 4) / 5 / 0.995007) = √2.01004 = 1.41776.
    expect(robustScale([-2, -1, 0, 1, 2])).toBeCloseTo(1.41776, 5);
  });

  it('counts an outlier as 3 MAD-based sigmas', () => {
    // Median 0, MAD 1, so 100 counts as 4.4478: √((4 + 1 + 0 + 1 + 19.7829) / 5 / 0.995007) = 2.27650
    // (the plain standard deviation would be about 44).
    expect(robustScale([-2, -1, 0, 1, 100])).toBeCloseTo(2.2765, 5);
  });

  it('keeps to its floor, and uses the centre it is given', () => {
    expect(robustScale([5, 5, 5, 5], 5, 0.25)).toBe(0.25);
    expect(robustScale([], undefined, 0.5)).toBe(0.5);
    // Around 1 instead of the median 0: deviations −3, −2, −1, 0, 1; MAD 1, cut 4.45; √(15 / 5 / 0.995007).
    expect(robustScale([-2, -1, 0, 1, 2], 1)).toBeCloseTo(Math.sqrt(3 / WINSOR_CONSISTENCY), 9);
  });

  it('makes the consistency constant E[min(Z², 9)] of a standard normal', () => {
    // 1 − 6φ(3) + 16(1 − Φ(3)), φ(3) = 0.0044318484, 1 − Φ(3) = 0.0013498980.
    expect(WINSOR_CONSISTENCY).toBeCloseTo(1 - 6 * 0.0044318484 + 16 * 0.001349898, 6);
  });
});
