import { describe, expect, it } from 'vitest';
import { measureLatency, percentile } from './latency.js';

describe('percentile (nearest rank)', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => i + 1);

  it('gives the median and the 95th percentile of 20 values', () => {
    expect(percentile(twenty, 50)).toBe(10);
    expect(percentile(twenty, 95)).toBe(19);
    expect(percentile(twenty, 100)).toBe(20);
    expect(percentile(twenty, 0)).toBe(1);
  });

  it('is the only value of a one-value list and NaN for an empty one', () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('measureLatency', () => {
  it('calls once to warm up, then times the asked runs', async () => {
    let calls = 0;
    const latency = await measureLatency(async () => {
      calls++;
    }, 5);
    expect(calls).toBe(6);
    expect(latency.runs).toBe(5);
    expect(latency.p50).toBeGreaterThanOrEqual(0);
    expect(latency.p95).toBeGreaterThanOrEqual(latency.p50);
  });
});
