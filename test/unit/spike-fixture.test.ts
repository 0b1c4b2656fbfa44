import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPIKE_DAY, SPIKE_EXTRA, SPIKE_SERVICE, spikeFocusCsv } from '../support/spike-file.js';

const committed = readFileSync('test/fixtures/focus/e2e/spike-60-days.csv', 'utf8');

describe('the spike fixture', () => {
  it('is the generator output (regenerate the CSV after changing the generator)', () => {
    expect(committed).toBe(spikeFocusCsv());
  });

  it('has 60 days of three services, and one day of one service far above its usual cost', () => {
    const rows = committed.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(180);
    const costOf = (service: string, day: string) => Number(rows.find((r) => r[20] === service && r[8] === `${day}T00:00:00Z`)?.[11]);
    // Bedrock costs about 50 on weekdays (±3% noise), so the spike day is 50 + 600 give or take 1.5.
    expect(costOf(SPIKE_SERVICE, SPIKE_DAY)).toBeGreaterThan(50 * 0.97 + SPIKE_EXTRA);
    expect(costOf(SPIKE_SERVICE, '2026-10-19')).toBeLessThan(52);
    expect(costOf('Amazon EC2', SPIKE_DAY)).toBeLessThan(124);
  });
});
