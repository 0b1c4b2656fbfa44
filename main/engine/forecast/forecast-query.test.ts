import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPaths, testEngine, type TestEngine } from '../../../test/support/engine.js';
import { isoOf, writeDailyFocus, type DailyLine } from '../../../test/support/daily-focus.js';

const SEP_1 = 20697; // 2026-09-01
const DAYS = 42;

/** Service A 100 a day, service B 50 a day except day 30 (no line: a gap); B is tagged team=web; A's lines carry model m1. */
function lines(): DailyLine[] {
  const out: DailyLine[] = [];
  for (let i = 0; i < DAYS; i++) {
    const day = isoOf(SEP_1 + i);
    out.push({ day, cost: 100, service: 'A', region: 'eu-west-1', model: 'm1', tokenType: 'input', tokens: 1000 });
    if (i !== 30) out.push({ day, cost: 50, service: 'B', region: 'us-east-1', tags: { team: 'web' } });
  }
  return out;
}

describe('forecast over a workspace', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-query-'));
    writeDailyFocus(join(dir, 'daily.csv'), lines());
    engine = await testEngine();
    const result = await importPaths(engine, [join(dir, 'daily.csv')]);
    expect(result.sources[0]?.status, JSON.stringify(result.sources[0])).toBe('imported');
  });

  it('forecasts the total from the daily rollup', async () => {
    const [total, ...rest] = await engine.call('forecast', { slice: { by: 'total' }, horizon: 7 });
    expect(rest).toEqual([]);
    expect(total?.key).toBe('total=@USD/effective');
    expect(total?.history).toHaveLength(DAYS);
    // 100 + 50 every day but day 30 (100 only).
    expect(total?.history[0]).toEqual({ day: '2026-09-01', value: 150 });
    expect(total?.history[30]).toEqual({ day: '2026-10-01', value: 100 });
    expect(total?.forecast).toHaveLength(7);
    expect(total?.forecast[0]?.day).toBe('2026-10-13');
    expect(total?.status).toBe('ok');
    expect(total?.backtest?.origins).toBeGreaterThan(0);
  });

  it('gives one series per value, largest first, with gaps as zero days', async () => {
    const series = await engine.call('forecast', { slice: { by: 'ServiceName' }, horizon: 7 });
    expect(series.map((s) => s.series.value)).toEqual(['A', 'B']);
    const b = series[1];
    expect(b?.history[30]?.value).toBe(0);
    expect(b?.notes.join(' ')).toMatch(/1 of 42 days has no cost; it counts as a zero-cost day/);
    const only = await engine.call('forecast', { slice: { by: 'ServiceName', value: 'B', cost: 'billed' }, horizon: 3 });
    expect(only.map((s) => s.key)).toEqual(['ServiceName=B@USD/billed']);
  });

  it('reads tags from the rollup and models from the lines', async () => {
    const [web] = await engine.call('forecast', { slice: { by: 'tag:team', value: 'web' }, horizon: 3 });
    expect(web?.history[0]?.value).toBe(50);
    const [model] = await engine.call('forecast', { slice: { by: 'x_Model' }, horizon: 3 });
    expect(model?.series.value).toBe('m1');
    expect(model?.history.every((p) => p.value === 100)).toBe(true);
    // A flat 100 a day forecasts 100.
    expect(model?.forecast[0]?.mean).toBeCloseTo(100, 6);
  });

  it('cuts the history at asOf and says when a value has no cost', async () => {
    const [total] = await engine.call('forecast', { slice: { by: 'total' }, asOf: '2026-09-10', horizon: 2 });
    expect(total?.history).toHaveLength(10);
    expect(total?.status).toBe('short-history');
    // An asOf after the last day with data (12 October) ends the history there: later days are not billed yet, not zero.
    const [late] = await engine.call('forecast', { slice: { by: 'total' }, asOf: '2026-12-31', horizon: 2 });
    expect(late?.history).toHaveLength(DAYS);
    expect(late?.forecast[0]?.day).toBe('2026-10-13');
    const [missing] = await engine.call('forecast', { slice: { by: 'ServiceName', value: 'Nope' } });
    expect(missing?.status).toBe('no-forecast');
  });

  it('counts the whole period so far in the projections, even with a history shorter than the period', async () => {
    const [total] = await engine.call('forecast', { slice: { by: 'total' }, history: 14, horizon: 3 });
    // 14 days of history (29 September – 12 October) feed the models...
    expect(total?.history).toHaveLength(14);
    const spent = Object.fromEntries((total?.projections ?? []).map((p) => [p.period, p.actualToDate]));
    // ...but October so far is 1 October (100: B has no line) + 11 days × 150 = 1,750, and 2026 so far is
    // 30 days of September × 150 + 1,750 = 6,250 (nothing before 1 September).
    expect(spent).toEqual({ month: 1750, quarter: 1750, year: 6250 });
    const [b] = await engine.call('forecast', { slice: { by: 'ServiceName', value: 'B' }, history: 14, horizon: 3 });
    // B: 41 days × 50 (no line on 1 October).
    expect(b?.projections.find((p) => p.period === 'year')?.actualToDate).toBe(2050);
  });

  it('reads allocated dimensions from the attribution (alloc_daily), the unallocated bucket included', async () => {
    // No rule yet: every cost is unallocated.
    const before = await engine.call('forecast', { slice: { by: 'alloc:team' }, horizon: 3 });
    expect(before.map((s) => [s.series.value, s.history[0]?.value])).toEqual([['(unallocated)', 150]]);
    await engine.call('saveRule', {
      rule: { id: 'a-search', name: 'A is search', enabled: true, dimension: 'team', when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'equals', value: 'A' }] }, value: { kind: 'constant', value: 'search' } },
    });
    const series = await engine.call('forecast', { slice: { by: 'alloc:team' }, horizon: 3 });
    // Service A (100 a day) goes to search; B (50 a day) stays unallocated.
    expect(series.map((s) => [s.series.value, s.history[0]?.value])).toEqual([['search', 100], ['(unallocated)', 50]]);
    await engine.call('deleteRule', { id: 'a-search' });
  });

  it('lists what series can be cut by', async () => {
    expect(await engine.call('sliceDimensions', {})).toEqual({
      columns: ['ProviderName', 'ServiceCategory', 'ServiceName', 'SubAccountName', 'RegionId', 'ChargeCategory', 'x_Model'],
      tagKeys: ['team'],
      allocated: [],
    });
    // A dimension is offered once a rule allocates something in it.
    await engine.call('saveRule', {
      rule: { id: 'b-web', name: 'B is web', enabled: true, dimension: 'project', when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'equals', value: 'B' }] }, value: { kind: 'constant', value: 'web' } },
    });
    expect((await engine.call('sliceDimensions', {})).allocated).toEqual(['project']);
    await engine.call('deleteRule', { id: 'b-web' });
  });

  it('refuses bad queries with a clear message', async () => {
    await expect(engine.call('forecast', { slice: { by: 'Colour' as 'total' } })).rejects.toThrow(/"Colour" is not a dimension/);
    await expect(engine.call('forecast', { slice: { by: 'total' }, horizon: 0 })).rejects.toThrow(/horizon must be between 1 and 366/);
    await expect(engine.call('forecast', { slice: { by: 'total', value: 'x' } })).rejects.toThrow(/slice.value must be left out/);
  });
});
