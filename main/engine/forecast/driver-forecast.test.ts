import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPaths, testEngine, type TestEngine } from '../../../test/support/engine.js';
import { isoOf, writeDailyFocus, type DailyLine } from '../../../test/support/daily-focus.js';
import { priceKindOf } from './driver-forecast.js';

const SEP_1 = 20697;

/** 28 days of gpt-4o: 1M input and 200k output tokens a day; and an unknown model with 5M tokens a day. */
function lines(): DailyLine[] {
  const out: DailyLine[] = [];
  for (let i = 0; i < 28; i++) {
    const day = isoOf(SEP_1 + i);
    out.push({ day, cost: 2.5, provider: 'OpenAI', service: 'OpenAI API', model: 'gpt-4o', tokenType: 'input', tokens: 1_000_000 });
    out.push({ day, cost: 2, provider: 'OpenAI', service: 'OpenAI API', model: 'gpt-4o', tokenType: 'output', tokens: 200_000 });
    out.push({ day, cost: 1, provider: 'Acme AI', service: 'Acme', model: 'acme-large', tokenType: 'input', tokens: 5_000_000 });
  }
  return out;
}

describe('driver-based AI forecast', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-driver-'));
    writeDailyFocus(join(dir, 'ai.csv'), lines());
    engine = await testEngine();
    await importPaths(engine, [join(dir, 'ai.csv')]);
  });

  it('multiplies tokens by the price book price, without growth', async () => {
    const result = await engine.call('driverForecast', { horizon: 10 });
    expect(result).toMatchObject({ currency: 'USD', basisFrom: '2026-09-01', basisTo: '2026-09-28', growth: 0 });
    const gpt = result.models.find((m) => m.model === 'gpt-4o');
    // The shipped book: gpt-4o input 2.50 and output 10.00 per million: 1M × 2.5 + 0.2M × 10 = 4.50 a day.
    expect(gpt?.drivers).toEqual([
      { tokenType: 'input', tokensPerDay: 1_000_000, pricePerMillion: 2.5 },
      { tokenType: 'output', tokensPerDay: 200_000, pricePerMillion: 10 },
    ]);
    expect(gpt?.costPerDay).toBeCloseTo(4.5, 9);
    expect(gpt?.horizonCost).toBeCloseTo(45, 9);
    expect(gpt?.actualPerDay).toBeCloseTo(4.5, 9);
    // Beside it, the time series of the model's cost: flat 4.50 a day.
    expect(gpt?.timeSeries?.horizonCost).toBeCloseTo(45, 6);
    expect(result.total[0]).toEqual({ day: '2026-09-29', value: expect.closeTo(4.5, 9) as number });
  });

  it('compounds traffic growth daily', async () => {
    const result = await engine.call('driverForecast', { horizon: 10, growth: 0.1 });
    // +10% per 30 days: day k costs 4.5 × 1.1^(k/30).
    let expected = 0;
    for (let k = 1; k <= 10; k++) expected += 4.5 * Math.pow(1.1, k / 30);
    expect(result.models.find((m) => m.model === 'gpt-4o')?.horizonCost).toBeCloseTo(expected, 9);
  });

  it('says which models it cannot price', async () => {
    const result = await engine.call('driverForecast', {});
    const acme = result.models.find((m) => m.model === 'acme-large');
    expect(acme).toMatchObject({ priceId: null, costPerDay: 0, provider: 'Acme AI' });
    expect(result.notes).toContain('acme-large: not in the price book; no driver cost.');
    await expect(engine.call('driverForecast', { growth: 20 })).rejects.toThrow(/growth must be a number between -0.9 and 10/);
  });

  it('maps importers’ token types to price kinds', () => {
    expect(['input', 'output', 'cached-read', 'cache-write', 'reasoning', 'cache_creation_1h', 'audio'].map(priceKindOf)).toEqual([
      'input', 'output', 'cachedInput', 'cacheWrite', 'output', 'cacheWrite1h', null,
    ]);
  });
});

describe('driver-based AI forecast of a model that started inside the basis', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    // gpt-4o-mini starts on day 21 of 28 (2M input tokens, 0.30 a day); o3 ran on day 2 and again on day 25 only.
    const out: DailyLine[] = [];
    for (let i = 21; i < 28; i++) out.push({ day: isoOf(SEP_1 + i), cost: 0.3, provider: 'OpenAI', service: 'OpenAI API', model: 'gpt-4o-mini', tokenType: 'input', tokens: 2_000_000 });
    for (const i of [2, 25]) out.push({ day: isoOf(SEP_1 + i), cost: 7, provider: 'OpenAI', service: 'OpenAI API', model: 'o3', tokenType: 'input', tokens: 3_500_000 });
    const dir = mkdtempSync(join(tmpdir(), 'fc-driver-new-'));
    writeDailyFocus(join(dir, 'ai.csv'), out);
    engine = await testEngine();
    await importPaths(engine, [join(dir, 'ai.csv')]);
  });

  it('averages a new model over the days since it started, an old one over the whole basis', async () => {
    const result = await engine.call('driverForecast', { horizon: 10, basis: 14 });
    expect(result).toMatchObject({ basisFrom: '2026-09-15', basisTo: '2026-09-28' });
    const mini = result.models.find((m) => m.model === 'gpt-4o-mini');
    // 7 days of 2M tokens (0.30 each) since it started: 2M and 0.30 a day, not 14M ÷ 14 = 1M and 0.15.
    expect(mini?.drivers[0]?.tokensPerDay).toBe(2_000_000);
    expect(mini?.actualPerDay).toBeCloseTo(0.3, 9);
    const o3 = result.models.find((m) => m.model === 'o3');
    // o3 ran before the basis: its one day inside it (3.5M tokens, 7.00) spreads over all 14 days.
    expect(o3?.drivers[0]?.tokensPerDay).toBe(250_000);
    expect(o3?.actualPerDay).toBeCloseTo(0.5, 9);
  });
});
