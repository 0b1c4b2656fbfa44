/**
 * Unit economics against hand-computed figures. The fixture (test/fixtures/focus/unit-economics/
 * ai-units.csv) has, per line: day (October 2026), currency, effective cost, tokens / GPU hours /
 * requests; every expected figure below is worked out from those lines in its comment.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UnitEconomics, UnitSeries } from '../../../shared/unit-economics.js';
import { fixture, importPaths, testEngine, type TestEngine } from '../../../test/support/engine.js';
import { unitEconomics } from './unit-economics.js';

const AI_UNITS = fixture('focus/unit-economics/ai-units.csv');

async function engineWithUnits(): Promise<TestEngine> {
  const engine = await testEngine();
  const report = await importPaths(engine, [AI_UNITS]);
  expect(report.committed).toBe(true);
  return engine;
}

function series(result: UnitEconomics, label: string, currency = 'USD'): UnitSeries {
  const found = result.series.find((s) => s.label === label && s.currency === currency);
  if (!found) throw new Error(`no series ${label} ${currency} in ${result.series.map((s) => `${s.label} ${s.currency}`).join('; ')}`);
  return found;
}

/** The ratios of a series by period, rounded to 10 significant digits (null stays null). */
function ratios(s: UnitSeries): Record<string, number | null> {
  return Object.fromEntries(s.points.map((p) => [p.period, p.ratio === null ? null : Number(p.ratio.toPrecision(10))]));
}

const r = (x: number) => Number(x.toPrecision(10));

describe('cost per 1K tokens', () => {
  it('by token type, per day, with gaps where no tokens were counted', async () => {
    const result = await (await engineWithUnits()).call('unitEconomics', { metric: 'tokens', grain: 'day' });
    expect(result).toMatchObject({ unit: '1K tokens', per: 1000, quantityUnit: 'tokens' });
    expect(result.periods).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05']);
    // input: 1 Oct 4.00 / 2,000K; 2 Oct 2.50 / 1,000K; no input afterwards.
    expect(ratios(series(result, 'input'))).toEqual({ '2026-10-01': 0.002, '2026-10-02': 0.0025, '2026-10-03': null, '2026-10-04': null, '2026-10-05': null });
    // output: 1 Oct 5.00 / 500K = 0.01; 5 Oct costs 0.30 for 0 tokens: a gap, not Infinity.
    const output = series(result, 'output');
    expect(ratios(output)['2026-10-01']).toBe(0.01);
    expect(output.points[4]).toEqual({ period: '2026-10-05', cost: 0.3, quantity: 0, ratio: null });
    expect(output.total.ratio).toBe(r(5.3 / 500)); // 5.30 over 500K tokens
    // cached-read: 0.40 / 4,000K.
    expect(series(result, 'cached-read').total.ratio).toBe(0.0001);
    // All USD tokens: 1 Oct 9.00 / 2,500K; 2 Oct 2.90 / 5,000K; 5 Oct 0.30 / 0 (gap); overall 12.20 / 7,500K.
    const all = series(result, 'All tokens');
    expect(ratios(all)).toMatchObject({ '2026-10-01': 0.0036, '2026-10-02': r(2.9 / 5000), '2026-10-05': null });
    expect(r(all.total.ratio ?? NaN)).toBe(r(12.2 / 7500));
    expect(all.total.quantity).toBe(7_500_000);
    // EUR is a series of its own: 1.20 / 1,000K.
    expect(series(result, 'input', 'EUR').total.ratio).toBe(0.0012);
    expect(result.series[0]?.label).toBe('All tokens');
  });

  it('per ISO week (Monday first) and per month, from summed cost and tokens, not averaged ratios', async () => {
    const engine = await engineWithUnits();
    const weekly = await engine.call('unitEconomics', { metric: 'tokens', grain: 'week' });
    // 1–2 Oct 2026 (Thu, Fri) are in the week of Monday 28 Sep; 5 Oct starts the next week.
    expect(weekly.periods).toEqual(['2026-09-28', '2026-10-05']);
    // Week 1: (9.00 + 2.90) / 7,500K tokens; week 2: 0.30 over 0 tokens.
    expect(ratios(series(weekly, 'All tokens'))).toEqual({ '2026-09-28': r(11.9 / 7500), '2026-10-05': null });
    const monthly = await engine.call('unitEconomics', { metric: 'tokens', grain: 'month' });
    expect(monthly.periods).toEqual(['2026-10-01']);
    expect(ratios(series(monthly, 'input'))).toEqual({ '2026-10-01': r(6.5 / 3000) });
  });

  it('per model', async () => {
    const result = await (await engineWithUnits()).call('unitEconomics', { metric: 'model', grain: 'month' });
    // m-a: (4.00 + 5.00 + 2.50) / (2,000K + 500K + 1,000K); m-b: (0.40 + 0.30) / 4,000K.
    expect(r(series(result, 'm-a').total.ratio ?? NaN)).toBe(r(11.5 / 3500));
    expect(series(result, 'm-b').total.ratio).toBe(0.000175);
    expect(series(result, 'm-c', 'EUR').total.ratio).toBe(0.0012);
  });

  it('honours the range and the currency', async () => {
    const result = await (await engineWithUnits()).call('unitEconomics', { metric: 'tokens', from: '2026-10-02', to: '2026-10-02', currency: 'usd' });
    expect(result.periods).toEqual(['2026-10-02']);
    expect(result.series.every((s) => s.currency === 'USD')).toBe(true);
    expect(series(result, 'All tokens').total).toEqual({ cost: 2.9, quantity: 5_000_000, ratio: r(2.9 / 5000) });
  });

  it('leaves out token lines the price book cannot price (their cost is unknown, not zero)', async () => {
    const engine = await testEngine();
    await importPaths(engine, [fixture('openai/usage_completions_by_model.json')]);
    const result = await engine.call('unitEconomics', { metric: 'model' });
    // The fixture's audio model and fine-tuned model have no list price.
    expect(result.notes.join(' ')).toMatch(/\d+ usage lines without a price \(not in the price book\) are left out/);
    expect(result.series.every((s) => s.total.cost > 0)).toBe(true);
  });

  it('says so when no tokens are imported', async () => {
    const result = await (await testEngine()).call('unitEconomics', { metric: 'tokens' });
    expect(result.series).toEqual([]);
    expect(result.notes[0]).toMatch(/No token usage is imported/);
  });
});

describe('cost per GPU hour', () => {
  it('overall and by service, effective and billed', async () => {
    const engine = await engineWithUnits();
    const result = await engine.call('unitEconomics', { metric: 'gpu-hour' });
    // GPU lines: 1 Oct EC2 32.00 / 8 h and SageMaker 40 / 8 h; 2 Oct EC2 56 / 16 h, Kubernetes 5 / 2 h, SageMaker 40 / 8 h.
    expect(ratios(series(result, 'All GPU hours'))).toEqual({ '2026-10-01': 4.5, '2026-10-02': r(101 / 26) });
    expect(series(result, 'All GPU hours').total).toMatchObject({ cost: 173, quantity: 42 });
    expect(r(series(result, 'Amazon EC2').total.ratio ?? NaN)).toBe(r(88 / 24));
    expect(series(result, 'Kubernetes').total.ratio).toBe(2.5);
    expect(series(result, 'Amazon SageMaker').total.ratio).toBe(5);
    // Billed: the 1 Oct EC2 line is billed 40.00 (effective 32.00): (40 + 40) / 16 h.
    const billed = await engine.call('unitEconomics', { metric: 'gpu-hour', cost: 'billed' });
    expect(ratios(series(billed, 'All GPU hours'))['2026-10-01']).toBe(5);
  });
});

describe('cost per training run', () => {
  it('training cost of a period over the runs in it; runs named by tag run, else ResourceId', async () => {
    const result = await (await engineWithUnits()).call('unitEconomics', { metric: 'training-run' });
    // job-1 (ResourceId): 40 on 1 Oct, 40 on 2 Oct. exp-7 (tag run, two jobs): 30 on 2 Oct, 10 on 5 Oct.
    // 1 Oct: 40 / 1 run; 2 Oct: 70 / 2 runs; 5 Oct: 10 / 1 run; whole range: 120 / 2 runs.
    const s = series(result, 'Cost per training run');
    expect(ratios(s)).toEqual({ '2026-10-01': 40, '2026-10-02': 35, '2026-10-03': null, '2026-10-04': null, '2026-10-05': 10 });
    expect(s.total).toEqual({ cost: 120, quantity: 2, ratio: 60 });
    expect(result.runs).toEqual([
      { run: 'job-1', idFrom: 'ResourceId', currency: 'USD', cost: 80, gpuHours: 16, from: '2026-10-01', to: '2026-10-02' },
      { run: 'exp-7', idFrom: 'tag:run', currency: 'USD', cost: 40, gpuHours: 0, from: '2026-10-02', to: '2026-10-05' },
    ]);
    const weekly = await (await engineWithUnits()).call('unitEconomics', { metric: 'training-run', grain: 'week' });
    // Week of 28 Sep: (40 + 40 + 30) / 2 runs; week of 5 Oct: 10 / 1 run.
    expect(ratios(series(weekly, 'Cost per training run'))).toEqual({ '2026-09-28': 55, '2026-10-05': 10 });
  });
});

describe('cost per request', () => {
  it('FOCUS lines: a num_model_requests column, and charges priced per request', async () => {
    const result = await (await engineWithUnits()).call('unitEconomics', { metric: 'request' });
    // The m-a input line of 1 Oct counts 100 requests and costs 4.00.
    expect(series(result, 'm-a').total).toEqual({ cost: 4, quantity: 100, ratio: 0.04 });
    expect(series(result, 'All model requests').total.ratio).toBe(0.04);
    // Web search calls: 10.00 for 1,000 requests, outside the model requests.
    expect(series(result, 'web-search (charged per request)').total.ratio).toBe(0.01);
    expect(result.series).toHaveLength(3);
    // The other five USD and one EUR token lines have no count: named, not guessed.
    expect(result.notes.join(' ')).toMatch(/Token lines without a request count \(5 from focus-1.0\)/);
  });

  it('OpenAI usage: a record\'s requests counted once, its cost summed over its token lines; Anthropic has no counts', async () => {
    const engine = await testEngine();
    await importPaths(engine, [fixture('openai/dashboard_usage_export.tsv'), fixture('anthropic/console_usage_export.csv')]);
    const result = await engine.call('unitEconomics', { metric: 'request', grain: 'month' });
    // List prices per 1M tokens: gpt-4o-mini input 0.15, cached 0.075, output 0.60; gpt-4.1-nano input 0.10, output 0.40.
    // gpt-4o-mini: 3M uncached × 0.15 + 1M cached × 0.075 + 1M output × 0.60 = 1.125 for 420 requests.
    expect(r(series(result, 'gpt-4o-mini-2024-07-18').total.ratio ?? NaN)).toBe(r(1.125 / 420));
    // gpt-4.1-nano: 10M × 0.10 + 2M × 0.40 = 1.80 for 77 requests.
    expect(r(series(result, 'gpt-4.1-nano').total.ratio ?? NaN)).toBe(r(1.8 / 77));
    expect(series(result, 'All model requests').total.quantity).toBe(497);
    expect(result.notes.join(' ')).toMatch(/Token lines without a request count \(8 from anthropic-console-usage-csv\)/);
  });

  it('storage requests (S3 GETs) are not AI requests', async () => {
    const engine = await testEngine();
    const header = 'BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,ContractedCost,EffectiveCost,BilledCost,InvoiceIssuerName,ListCost,PricingQuantity,PricingUnit,ProviderName,PublisherName,ServiceCategory,ServiceName,SkuId,ConsumedQuantity,ConsumedUnit';
    const line = (category: string, sku: string) =>
      `a,A,USD,2026-10-01T00:00:00Z,2026-11-01T00:00:00Z,Usage,,x,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,4,4,4,P,4,1000,Requests,P,P,${category},S,${sku},1000,Requests`;
    const dir = mkdtempSync(join(tmpdir(), 'requests-'));
    const path = join(dir, 'requests.csv');
    writeFileSync(path, [header, line('Storage', 's3-get'), line('AI and Machine Learning', 'model-api-call')].join('\n'));
    await importPaths(engine, [path]);
    const result = await engine.call('unitEconomics', { metric: 'request' });
    // Only the AI line: 4.00 for 1,000 requests.
    expect(result.series.map((s) => [s.label, s.total.ratio])).toEqual([['model-api-call (charged per request)', 0.004]]);
  });

  it('says that no request count is imported rather than inventing one', async () => {
    const engine = await testEngine();
    await importPaths(engine, [fixture('anthropic/console_usage_export.csv')]);
    const result = await engine.call('unitEconomics', { metric: 'request' });
    // Its only requests are 2 web-search calls, which the price book does not price: unknown cost, left out.
    expect(result.series).toEqual([]);
    expect(result.notes[0]).toMatch(/^No model request counts are imported/);
    // 2 + 4 + 2 token lines from the three rows.
    expect(result.notes[1]).toMatch(/Token lines without a request count \(8 from anthropic-console-usage-csv\)/);
    expect(result.notes[2]).toBe('1 usage line without a price (not in the price book) is left out: its cost is unknown, not zero.');
  });
});

describe('cost per unit of an imported metric', () => {
  const SEARCHES = 'date,team,searches\n2026-10-01,search,1000\n2026-10-02,search,2000\n2026-10-05,search,500\n2026-10-01,ads,100\n2026-10-02,ads,400\n';

  it('per tag value: the tag team\'s cost per day over the searches of that team', async () => {
    const engine = await engineWithUnits();
    expect((await engine.call('importMetrics', { text: SEARCHES })).imported).toBe(true);
    const result = await engine.call('unitEconomics', { metric: 'imported', name: 'searches' });
    expect(result.unit).toBe('searches');
    // team=search, USD: 1 Oct 4 + 5 + 32 = 41 for 1,000; 2 Oct 2.50 + 10 = 12.50 for 2,000; 5 Oct 0 for 500.
    expect(ratios(series(result, 'search'))).toEqual({ '2026-10-01': 0.041, '2026-10-02': 0.00625, '2026-10-03': null, '2026-10-04': null, '2026-10-05': 0 });
    expect(r(series(result, 'search').total.ratio ?? NaN)).toBe(r(53.5 / 3500));
    // team=ads: 1 Oct 0 for 100; 2 Oct 0.40 + 56 = 56.40 for 400; 5 Oct 0.30 with no searches: a gap.
    expect(ratios(series(result, 'ads'))).toMatchObject({ '2026-10-01': 0, '2026-10-02': 0.141, '2026-10-05': null });
    // Both teams: 110.20 (USD) over 4,000 searches; EUR only search has cost: 1.20 over 3,500.
    expect(r(series(result, 'All team values').total.ratio ?? NaN)).toBe(r(110.2 / 4000));
    expect(r(series(result, 'All team values', 'EUR').total.ratio ?? NaN)).toBe(r(1.2 / 3500));
    expect(result.series.some((s) => s.label === 'ads' && s.currency === 'EUR')).toBe(false);
    expect(result.notes).toContain('Cost per team value from the tag "team".');
    expect(result.notes.join(' ')).toMatch(/values the metric does not count \(infra\)/);
  });

  it('per FOCUS column (x_Model)', async () => {
    const engine = await engineWithUnits();
    await engine.call('importMetrics', { text: 'date,x_Model,conversations\n2026-10-01,m-a,90\n2026-10-02,m-a,0\n' });
    const result = await engine.call('unitEconomics', { metric: 'imported', name: 'conversations' });
    // m-a: 1 Oct 9.00 for 90; 2 Oct 2.50 for 0 conversations: a gap.
    expect(ratios(series(result, 'm-a'))).toEqual({ '2026-10-01': 0.1, '2026-10-02': null });
    expect(result.notes[0]).toBe('Cost per x_Model value from the column x_Model.');
  });

  it('per allocated dimension: the attribution\'s alloc_daily, not the tag of the same name', async () => {
    const engine = await engineWithUnits();
    // Rules: ads' lines are moved to search (first match wins), then the rest take their team tag.
    await engine.call('saveRule', {
      rule: { id: 'ads-to-search', name: 'ads is search', enabled: true, dimension: 'team', when: { match: 'all', conditions: [{ column: 'tag:team', op: 'equals', value: 'ads' }] }, value: { kind: 'constant', value: 'search' } },
    });
    await engine.call('saveRule', { rule: { id: 'team-tag', name: 'team tag', enabled: true, dimension: 'team', when: { match: 'all', conditions: [{ column: 'tag:team', op: 'exists' }] }, value: { kind: 'column', column: 'tag:team' } } });
    await engine.call('importMetrics', { text: SEARCHES });
    const result = await engine.call('unitEconomics', { metric: 'imported', name: 'searches' });
    // The attribution's lazy recomputation is asked for first (here: a hook that records the call).
    const prepared: string[] = [];
    unitEconomics(engine.store(), { metric: 'imported', name: 'searches' }, () => prepared.push('alloc_daily'));
    expect(prepared).toEqual(['alloc_daily']);
    // search now holds search's and ads' cost (see the tag test's figures): 1 Oct 41 + 0 for 1,000;
    // 2 Oct 12.50 + 56.40 = 68.90 for 2,000; 5 Oct 0 + 0.30 for 500.
    expect(ratios(series(result, 'search'))).toMatchObject({ '2026-10-01': 0.041, '2026-10-02': 0.03445, '2026-10-05': 0.0006 });
    expect(result.notes[0]).toMatch(/allocated dimension "team"/);
  });

  it('an unknown metric or dimension is named', async () => {
    const engine = await engineWithUnits();
    await expect(engine.call('unitEconomics', { metric: 'imported', name: 'nope' })).rejects.toThrow(/no imported metric named "nope"/);
    await expect(engine.call('unitEconomics', { metric: 'imported' })).rejects.toThrow(/name \(the imported metric\) is required/);
    await engine.call('importMetrics', { text: 'date,planet,visits\n2026-10-01,mars,3\n' });
    const result = await engine.call('unitEconomics', { metric: 'imported', name: 'visits' });
    expect(result.series).toEqual([]);
    expect(result.notes[0]).toMatch(/"planet" is not an allocated dimension, a tag key or a FOCUS column/);
  });
});

describe('query checks', () => {
  it('refuses unknown metrics, grains and dates', async () => {
    const engine = await testEngine();
    await expect(engine.call('unitEconomics', { metric: 'per-banana' as 'tokens' })).rejects.toThrow(/metric must be one of/);
    await expect(engine.call('unitEconomics', { metric: 'tokens', grain: 'year' as 'day' })).rejects.toThrow(/grain must be/);
    await expect(engine.call('unitEconomics', { metric: 'tokens', from: 'soon' })).rejects.toThrow(/from "soon" is not a date/);
  });
});
