import { describe, expect, it } from 'vitest';
import { normal, random, syntheticSeries } from '../../../../test/support/synthetic-series.js';
import { seriesAnomalies, type Thresholds } from './series-anomalies.js';

const SETTINGS: Thresholds = { minImpact: 0, minPercent: 10, direction: 'both', sensitivity: 4 };
const AUG_1_2026 = 20666;
const PATTERN = [0, 10, 12, 11, 9, 8, -50];

/** Whether index i (from 2026-08-01, a Saturday) is a weekend day. */
const weekendAt = (i: number): boolean => i % 7 < 2;

/**
 * 210 days of a multiplicative series, like a GPU training job: 400 on working days, 120 at
 * weekends, growing 0.2% a day, times log-normal noise exp(0.35 z) (the demo's SageMaker job).
 * Also returns the noise draws z and the noise-free values.
 */
function logNormalSeries(seed: number): { y: number[]; z: number[]; typical: (i: number) => number } {
  const rand = random(seed);
  const typical = (i: number): number => (weekendAt(i) ? 120 : 400) * 1.002 ** i;
  const z = Array.from({ length: 210 }, () => normal(rand));
  return { y: z.map((d, i) => typical(i) * Math.exp(0.35 * d)), z, typical };
}

/** 210 days of an additive series: a level growing from 300 by 1.5 a day, weekends 25% lower, plus normal noise of sd 30. */
function additiveSeries(seed: number): { y: number[]; z: number[]; typical: (i: number) => number } {
  const rand = random(seed);
  const typical = (i: number): number => (weekendAt(i) ? 0.75 : 1) * (300 + 1.5 * i);
  const z = Array.from({ length: 210 }, () => normal(rand));
  return { y: z.map((d, i) => typical(i) + 30 * d), z, typical };
}

/** Reported days: the last 8 weeks (154…209); 177 is a Monday, 192 a Tuesday. */
const REPORT_FROM = 154;
const largest = (z: readonly number[]): number => Math.max(...z.slice(REPORT_FROM).map(Math.abs));

/** 100 + a weekly pattern, no noise, 70 days from 2026-08-01. */
function weekly(): number[] {
  return Array.from({ length: 70 }, (_, i) => 100 + (PATTERN[i % 7] as number));
}

describe('anomalies of one series', () => {
  it('finds a spike and a drop against the expected weekly value, and nothing else', () => {
    const y = weekly();
    y[60] = (y[60] as number) + 300;
    y[65] = (y[65] as number) - 60;
    const found = seriesAnomalies(y, AUG_1_2026, 40, SETTINGS);
    expect(found.map((a) => [a.index, a.direction])).toEqual([[60, 'spike'], [65, 'drop']]);
    // A noiseless series is forecast exactly: the expected value is the pattern's.
    expect(found[0]?.expected).toBeCloseTo(100 + (PATTERN[60 % 7] as number), 6);
    expect(found[0]?.actual).toBe(y[60]);
    expect(found[0]?.lower).toBeLessThan(found[0]?.expected as number);
    expect(found[0]?.upper).toBeGreaterThan(found[0]?.expected as number);
  });

  it('applies the direction and the thresholds', () => {
    const y = weekly();
    y[60] = (y[60] as number) + 300;
    y[65] = (y[65] as number) - 60;
    expect(seriesAnomalies(y, AUG_1_2026, 40, { ...SETTINGS, direction: 'spikes' }).map((a) => a.index)).toEqual([60]);
    expect(seriesAnomalies(y, AUG_1_2026, 40, { ...SETTINGS, direction: 'drops' }).map((a) => a.index)).toEqual([65]);
    // The drop is 60 on about 111: 54%; the spike 300.
    expect(seriesAnomalies(y, AUG_1_2026, 40, { ...SETTINGS, minImpact: 100 }).map((a) => a.index)).toEqual([60]);
    expect(seriesAnomalies(y, AUG_1_2026, 40, { ...SETTINGS, minPercent: 60 }).map((a) => a.index)).toEqual([60]);
  });

  it('reports a level shift once, on its first day', () => {
    const y = weekly().map((v, i) => (i >= 55 ? v + 80 : v));
    expect(seriesAnomalies(y, AUG_1_2026, 40, SETTINGS).map((a) => a.index)).toEqual([55]);
  });

  it('takes the weekly pattern of a new level too: a service that stops, or doubles, is one anomaly', () => {
    // 100 a working day and 70 at weekends (2026-08-01 is a Saturday), with a small wobble; 16 weeks.
    const base = Array.from({ length: 112 }, (_, i) => (weekendAt(i) ? 70 : 100) + [1, -1, 2, 0, -2, 1, -1][i % 7]!);
    // Stopped from day 66: every day after is 0. The old level's weekly swing kept would expect about
    // −30 at weekends (and flag the 0 there as a spike) and +30 on working days a week later.
    const stopped = base.map((v, i) => (i >= 66 ? 0 : v));
    expect(seriesAnomalies(stopped, AUG_1_2026, 40, SETTINGS).map((a) => [a.index, a.direction])).toEqual([[66, 'drop']]);
    // Doubled from day 66: the new weekly swing is twice the old one (60, not 30).
    const doubled = base.map((v, i) => (i >= 66 ? 2 * v : v));
    expect(seriesAnomalies(doubled, AUG_1_2026, 40, SETTINGS).map((a) => [a.index, a.direction])).toEqual([[66, 'spike']]);
  });

  it('recognises a stopped working-day service although its weekends cost nothing: one anomaly, never a negative expected cost', () => {
    // 100 a working day (± a wobble), nothing at weekends (2026-08-01, index 0, is a Saturday); stopped from
    // Monday 121 of 260. The weekends, nothing expected and nothing spent, neither count nor break the week of drops.
    const y = Array.from({ length: 260 }, (_, i) => (weekendAt(i) || i >= 121 ? 0 : 100 + [3, -2, 4, -4, 1][i % 5]!));
    const found = seriesAnomalies(y, AUG_1_2026, 100, SETTINGS);
    expect(found.map((a) => [a.index, a.direction])).toEqual([[121, 'drop']]);
    expect(found.every((a) => a.expected >= 0)).toBe(true);
  });

  it('expects a monthly charge on the 1st once it has seen it twice', () => {
    // 2026-08-01 (index 0) and 2026-09-01 (31) carry 500 more; 2026-10-01 (61) too: not an anomaly.
    const y = weekly().map((v, i) => ([0, 31, 61].includes(i) ? v + 500 : v));
    expect(seriesAnomalies(y, AUG_1_2026, 50, SETTINGS)).toEqual([]);
    // Without the earlier charges, the 1st of October is a spike.
    const once = weekly().map((v, i) => (i === 61 ? v + 500 : v));
    expect(seriesAnomalies(once, AUG_1_2026, 50, SETTINGS).map((a) => a.index)).toEqual([61]);
  });

  it('is not thrown by a charge on the first day of the series', () => {
    // Nothing but 1,000 on each 1st (2026-08-01 is day 0, a Saturday): no weekly "drops" after it.
    const y = Array.from({ length: 92 }, (_, i) => ([0, 31, 61].includes(i) ? 1000 : 0));
    expect(seriesAnomalies(y, AUG_1_2026, 35, SETTINGS)).toEqual([]);
  });

  it('scales working days and weekends apart: a weekday swing is the weekdays\' noise, a weekend jump is not', () => {
    // 2026-08-01 (index 0) is a Saturday. Weekdays: 100 with 15% log-normal noise (σ ≈ 15, so 4σ ≈ 60);
    // weekends: 30 flat, like a batch job that runs on working days only. A pooled scale mixes the
    // quiet weekends into the weekdays' noise (too narrow for weekdays, far too wide for weekends).
    let state = 12345;
    const rand = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const y = Array.from({ length: 84 }, (_, i) => (i % 7 < 2 ? 30 : 100 * Math.exp(0.15 * normal())));
    y[72] = (y[72] as number) + 55; // a Monday: 55 above, inside 4 weekday σ
    y[77] = (y[77] as number) + 20; // a Saturday: 30 → 50, on days that never move
    expect(seriesAnomalies(y, AUG_1_2026, 56, SETTINGS).map((a) => [a.index, a.direction])).toEqual([[77, 'spike']]);
  });

  it('does not flag the ordinary upward swings of right-skewed noise, yet flags a real spike and a drop on its narrower side', () => {
    // Log-normal noise with σ = 0.35: one day in 12 is 63% or more above typical (z ≥ 1.4, e^0.49),
    // one in 100 is 126% above (z ≥ 2.33, e^0.82), while only one in 100 is 56% or more below. A
    // symmetric scale in cost (the previous detector) flagged such good days in 7 of these 12 series
    // and flagged none of the drops (its lower bound was below zero).
    for (let seed = 700; seed < 712; seed++) {
      const { y, z, typical } = logNormalSeries(seed);
      // No noise draw in the reported days is beyond 3.2σ (the largest is 3.11): every flag would be false.
      expect(largest(z)).toBeLessThan(3.2);
      expect(seriesAnomalies(y, AUG_1_2026, REPORT_FROM, SETTINGS)).toEqual([]);
      // 8 times a typical Monday (log 8 = 2.08, 5.9σ) and a tenth of a typical Tuesday (log 0.1 = −2.30, 6.6σ).
      y[177] = 8 * typical(177);
      y[192] = 0.1 * typical(192);
      const found = seriesAnomalies(y, AUG_1_2026, REPORT_FROM, SETTINGS);
      expect(found.map((a) => [a.index, a.direction]), `seed ${seed}`).toEqual([[177, 'spike'], [192, 'drop']]);
      for (const a of found) {
        expect(a.log).toBe(true);
        // The range is symmetric on the log scale: upper ÷ expected = expected ÷ lower; so in cost it is
        // lopsided, far wider above the expected value than below it.
        expect(a.upper / a.expected).toBeCloseTo(a.expected / a.lower, 9);
        expect(a.upper - a.expected).toBeGreaterThan(2 * (a.expected - a.lower));
        expect(a.lower).toBeGreaterThan(0);
        // score = log(actual / expected) / scale, and the range is expected × exp(∓ sensitivity × scale).
        const scale = Math.log(a.upper / a.expected) / SETTINGS.sensitivity;
        expect(a.score).toBeCloseTo(Math.log(a.actual / a.expected) / scale, 9);
      }
      expect(found[0]?.actual).toBeGreaterThan(found[0]?.upper as number);
      expect(found[1]?.actual).toBeLessThan(found[1]?.lower as number);
    }
  });

  it('keeps additive noise on a symmetric range in cost', () => {
    for (let seed = 720; seed < 732; seed++) {
      const { y, z, typical } = additiveSeries(seed);
      expect(largest(z)).toBeLessThan(3.2);
      expect(seriesAnomalies(y, AUG_1_2026, REPORT_FROM, SETTINGS)).toEqual([]);
      // ±240: 8 noise sds.
      y[177] = typical(177) + 240;
      y[192] = typical(192) - 240;
      const found = seriesAnomalies(y, AUG_1_2026, REPORT_FROM, SETTINGS);
      expect(found.map((a) => [a.index, a.direction]), `seed ${seed}`).toEqual([[177, 'spike'], [192, 'drop']]);
      for (const a of found) {
        expect(a.log).toBe(false);
        expect(a.upper - a.expected).toBeCloseTo(a.expected - a.lower, 9);
        expect(a.score).toBeCloseTo((a.actual - a.expected) / ((a.upper - a.expected) / SETTINGS.sensitivity), 9);
      }
    }
  });

  it('flags a day that falls to zero in a series judged on the log scale', () => {
    const { y } = logNormalSeries(700);
    y[192] = 0;
    const found = seriesAnomalies(y, AUG_1_2026, REPORT_FROM, SETTINGS);
    expect(found.map((a) => [a.index, a.direction, a.log])).toEqual([[192, 'drop', true]]);
    expect(Number.isFinite(found[0]?.score)).toBe(true);
    expect(found[0]?.lower).toBeGreaterThan(0);
    expect(found[0]?.actual).toBe(0);
  });

  it('does not look ahead: what comes after a day does not change its verdict', () => {
    const y = weekly();
    y[60] = (y[60] as number) + 300;
    const cut = seriesAnomalies(y.slice(0, 61), AUG_1_2026, 40, SETTINGS);
    expect(cut.map((a) => [a.index, a.expected])).toEqual(seriesAnomalies(y, AUG_1_2026, 40, SETTINGS).map((a) => [a.index, a.expected]));
  });

  it('finds injected anomalies in noisy synthetic series with high precision and recall', () => {
    // 80 seeded series (seeds 500…579; the bench uses others), 3 one-day anomalies each in the last 60 days.
    let truePositives = 0;
    let falsePositives = 0;
    let injected = 0;
    for (let seed = 500; seed < 580; seed++) {
      const series = syntheticSeries(seed, { length: 365, anomalies: 3, anomalyWindow: 60, quietEnd: 60 });
      const truth = new Set(series.anomalies.map((a) => a.index));
      injected += truth.size;
      for (const a of seriesAnomalies(series.values, series.firstDay, 305, SETTINGS)) {
        if (truth.has(a.index)) truePositives++;
        else falsePositives++;
      }
    }
    expect(truePositives / (truePositives + falsePositives)).toBeGreaterThan(0.9);
    expect(truePositives / injected).toBeGreaterThan(0.9);
  });
});
