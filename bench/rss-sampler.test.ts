import { describe, expect, it } from 'vitest';
import { startRssSampler } from './rss-sampler.js';

describe('startRssSampler', () => {
  it('reports a peak at least as high as the RSS now, and keeps it after stop', () => {
    const sampler = startRssSampler(1);
    const now = process.memoryUsage().rss;
    const peak = sampler.stop();
    expect(peak).toBeGreaterThanOrEqual(now * 0.9);
    expect(sampler.peak()).toBeGreaterThanOrEqual(peak);
  });
});
