import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPaths, testEngine, type TestEngine } from '../../../../test/support/engine.js';
import { isoOf, writeDailyFocus, type DailyLine } from '../../../../test/support/daily-focus.js';

const AUG_1 = 20666; // 2026-08-01
const SPIKE = 50; // 2026-09-20

/**
 * Service A (eu-west-1, resource r-a, model m1) 100 a day, service B (us-east-1, r-b, tag team=web)
 * 50 a day; on day 50, A costs 500 and B 150: the total is 650 instead of 150.
 */
function lines(): DailyLine[] {
  const out: DailyLine[] = [];
  for (let i = 0; i < 56; i++) {
    const day = isoOf(AUG_1 + i);
    out.push({ day, cost: i === SPIKE ? 500 : 100, service: 'A', region: 'eu-west-1', resource: 'r-a', model: 'm1' });
    out.push({ day, cost: i === SPIKE ? 150 : 50, service: 'B', region: 'us-east-1', resource: 'r-b', tags: { team: 'web' } });
  }
  return out;
}

describe('detectAnomalies', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-anomalies-'));
    writeDailyFocus(join(dir, 'daily.csv'), lines());
    engine = await testEngine();
    await importPaths(engine, [join(dir, 'daily.csv')]);
  });

  it('finds the spike on the total with its root causes ranked by amount', async () => {
    const anomalies = await engine.call('detectAnomalies', { settings: { dimensions: ['total'] } });
    expect(anomalies).toHaveLength(1);
    const [total] = anomalies;
    expect(total).toMatchObject({ key: 'total=@USD/effective@2026-09-20', day: '2026-09-20', actual: 650, direction: 'spike', currency: 'USD' });
    expect(total?.expected).toBeCloseTo(150, 6);
    expect(total?.impact).toBeCloseTo(500, 6);
    expect(total?.percent).toBeCloseTo((100 * 500) / 150, 6);
    // Each child's actual minus the median of its same weekday over four weeks: A and everything
    // only A has +400, B's +100, the provider and sub-account (both services) +500; ties by dimension name.
    expect(total?.rootCauses.map((c) => [c.dimension, c.value, Math.round(c.impact)])).toEqual([
      ['ProviderName', 'AWS', 500],
      ['SubAccountName', 'acct-a', 500],
      ['RegionId', 'eu-west-1', 400],
      ['ResourceId', 'r-a', 400],
      ['ServiceName', 'A', 400],
      ['x_Model', 'm1', 400],
      ['RegionId', 'us-east-1', 100],
      ['ResourceId', 'r-b', 100],
      ['ServiceName', 'B', 100],
      ['tag:team', 'web', 100],
    ]);
    expect(total?.rootCauses[4]?.share).toBeCloseTo(0.8, 6);
  });

  it('scans each value of a dimension and leaves its own dimension out of the causes', async () => {
    const anomalies = await engine.call('detectAnomalies', { settings: { dimensions: ['ServiceName'] }, from: '2026-09-01' });
    expect(anomalies.map((a) => [a.series.value, Math.round(a.impact)])).toEqual([['A', 400], ['B', 100]]);
    expect(anomalies[0]?.rootCauses.some((c) => c.dimension === 'ServiceName')).toBe(false);
    // B's tag is a cause of B's spike.
    expect(anomalies[1]?.rootCauses.find((c) => c.dimension === 'tag:team')?.impact).toBeCloseTo(100, 6);
  });

  it('honours the thresholds and the report window', async () => {
    // B's spike is 100: under a 200 minimum impact.
    const big = await engine.call('detectAnomalies', { settings: { dimensions: ['ServiceName'], minImpact: 200 } });
    expect(big.map((a) => a.series.value)).toEqual(['A']);
    expect(await engine.call('detectAnomalies', { to: '2026-09-19' })).toEqual([]);
  });

  it('reports no day after the last day with data, whatever `to` says (those days are not billed yet, not zero)', async () => {
    // The data ends on 25 September: a report to the end of the year is the report to 25 September.
    const anomalies = await engine.call('detectAnomalies', { settings: { dimensions: ['total', 'ServiceName'] }, from: '2026-09-01', to: '2026-12-31' });
    expect(anomalies.map((a) => [a.series.value, a.day])).toEqual([[null, '2026-09-20'], ['A', '2026-09-20'], ['B', '2026-09-20']]);
  });

  it('refuses bad settings with a clear message and changes nothing', async () => {
    await expect(engine.call('detectAnomalies', { settings: { direction: 'up' as 'spikes' } })).rejects.toThrow(/direction must be "spikes", "drops" or "both"/);
    await expect(engine.call('detectAnomalies', { settings: { minImpact: -1 } })).rejects.toThrow(/minImpact must be a number from 0/);
    await expect(engine.call('detectAnomalies', { from: '2026-10-01', to: '2026-09-01' })).rejects.toThrow(/is after/);
  });
});
