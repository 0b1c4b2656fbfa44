import { describe, expect, it } from 'vitest';
import { normal, random } from '../../../../test/support/synthetic-series.js';
import { huberRho, workingSeries } from './working-scale.js';

const AUG_1_2026 = 20666; // a Saturday
const weekendAt = (i: number): boolean => i % 7 < 2;
const START = 154;

/** 210 days: 400 on working days, 120 at weekends, +0.2% a day, times exp(0.35 z). */
function multiplicative(seed: number): number[] {
  const rand = random(seed);
  return Array.from({ length: 210 }, (_, i) => (weekendAt(i) ? 120 : 400) * 1.002 ** i * Math.exp(0.35 * normal(rand)));
}

/** 210 days: 300 + 1.5 a day, weekends 25% lower, + normal noise of sd 30. */
function additive(seed: number): number[] {
  const rand = random(seed);
  return Array.from({ length: 210 }, (_, i) => (weekendAt(i) ? 0.75 : 1) * (300 + 1.5 * i) + 30 * normal(rand));
}

describe('the scale a series is judged on', () => {
  it('takes the log of multiplicative (log-normal) noise and keeps additive noise as it is', () => {
    for (let seed = 700; seed < 712; seed++) expect(workingSeries(multiplicative(seed), AUG_1_2026, START).log, `seed ${seed}`).toBe(true);
    for (let seed = 720; seed < 732; seed++) expect(workingSeries(additive(seed), AUG_1_2026, START).log, `seed ${seed}`).toBe(false);
  });

  it('keeps a noiseless series as it is (both scales fit it: no evidence for the log)', () => {
    const pattern = [0, 10, 12, 11, 9, 8, -50];
    const y = Array.from({ length: 70 }, (_, i) => 100 + (pattern[i % 7] as number));
    expect(workingSeries(y, AUG_1_2026, 40).log).toBe(false);
  });

  it('takes the log only when every training day is above zero, judging from the training days alone', () => {
    const y = multiplicative(700);
    const series = workingSeries(y, AUG_1_2026, START);
    expect(series.log).toBe(true);
    expect(series.values[10]).toBeCloseTo(Math.log(y[10] as number), 12);
    // A day at zero before the first reported day: the log is out.
    const early = [...y];
    early[50] = 0;
    expect(workingSeries(early, AUG_1_2026, START).log).toBe(false);
    // After it: the choice stands (no look-ahead), and the day counts as 0.1% of the training median.
    const late = [...y];
    late[180] = 0;
    const kept = workingSeries(late, AUG_1_2026, START);
    expect(kept.log).toBe(true);
    const sorted = y.slice(0, START).sort((a, b) => a - b);
    const trainingMedian = ((sorted[76] as number) + (sorted[77] as number)) / 2;
    expect(kept.values[180]).toBeCloseTo(Math.log(0.001 * trainingMedian), 12);
  });

  it('weighs residuals with Huber\'s ρ: squares within 3σ, linear beyond', () => {
    expect(huberRho(0)).toBe(0);
    expect(huberRho(2)).toBe(2); // 2² / 2
    expect(huberRho(3)).toBe(4.5); // 3² / 2 = 3 × 3 − 9 / 2
    expect(huberRho(5)).toBe(10.5); // 3 × 5 − 4.5
  });
});
