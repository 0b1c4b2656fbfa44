/**
 * Allocation of the hand-made fixture test/fixtures/attribution/ai-spend.csv with the rule pack
 * rules.json. Every expected figure is worked out by hand from the 14 lines (see comments).
 */
import { describe, expect, it } from 'vitest';
import type { SharedCostPool, SplitMethod } from '../../../shared/attribution.js';
import { AI_RULES, costs, engineWithPack } from '../../../test/support/attribution.js';

const PACK = AI_RULES;

describe('allocation by rules and pools', () => {
  it('splits teams by the rules, the support pool into the shared-platform pool, and shared platform proportionally', async () => {
    const engine = await engineWithPack();
    const [usd, eur] = await engine.call('allocationSummary', { by: 'team' });
    // USD lines total 685.00. Direct (rules) in September: search 30 + 300 + 50 (OpenAI rule) + 5 = 385,
    // research 20 + 100 − 5 = 115; shared-platform 60 (09-03) + 10 (09-04); AWS Support 40 (09-03, no tag).
    // Support pool: 50% → shared-platform pool (20 on 09-03), 50% → helpdesk (20).
    // Shared platform splits by September direct cost 385 : 115 (77% : 23%):
    //   09-03: 80 → 61.6 / 18.4; 09-04: 10 → 7.7 / 2.3. October: search 45, research 0 → 30 all to search.
    // search = 385 + 61.6 + 7.7 + 45 + 30 = 529.3; research = 115 + 18.4 + 2.3 = 135.7; helpdesk 20.
    expect(usd?.currency).toBe('USD');
    expect(usd?.total).toBe('685.000000');
    expect(usd?.coverage).toBe(1);
    expect(costs(usd)).toEqual({ search: '529.300000', research: '135.700000', helpdesk: '20.000000' });
    // EUR: helpdesk 12.34 direct; shared-platform 7.66 with no direct search/research cost in EUR → even 3.83 / 3.83.
    expect(eur?.total).toBe('20.000000');
    expect(costs(eur)).toEqual({ helpdesk: '12.340000', search: '3.830000', research: '3.830000' });
  });

  it('takes the model from the SKU first (regex capture), from x_Model otherwise, and leaves the rest unallocated', async () => {
    const engine = await engineWithPack();
    const [usd] = await engine.call('allocationSummary', { by: 'model', currency: 'USD' });
    // Bedrock SKUs …-anthropic.claude-sonnet-4-input-tokens (30 + 45) and …-meta.llama3-70b-output-tokens (20) are
    // captured even though x_Model says claude-sonnet-4 / llama-3-70b: the SKU rule comes first. The provisioned
    // throughput SKU does not match the pattern, so the next rule gives x_Model titan-embed (5); OpenAI gpt-4o (50).
    expect(costs(usd)).toEqual({
      '(unallocated)': '535.000000',
      'anthropic.claude-sonnet-4': '75.000000',
      'gpt-4o': '50.000000',
      'meta.llama3-70b': '20.000000',
      'titan-embed': '5.000000',
    });
    expect(usd?.coverage).toBeCloseTo(150 / 685, 12);
  });

  it('gives the first matching rule the line: reordering the rules changes the models', async () => {
    const engine = await engineWithPack();
    const ids = PACK.rules.map((r) => r.id);
    await engine.call('reorderRules', { ids: [...ids.filter((id) => id !== 'model-from-bedrock-sku'), 'model-from-bedrock-sku'] });
    const [usd] = await engine.call('allocationSummary', { by: 'model', currency: 'USD' });
    // Now x_Model decides every line that has one: claude-sonnet-4 75, llama-3-70b 20, titan-embed 5, gpt-4o 50.
    expect(costs(usd)).toEqual({
      '(unallocated)': '535.000000',
      'claude-sonnet-4': '75.000000',
      'gpt-4o': '50.000000',
      'llama-3-70b': '20.000000',
      'titan-embed': '5.000000',
    });
  });

  it.each<[string, SplitMethod, Record<string, string>]>([
    // Shared platform without the support pool: September USD 70 (60 + 10), October 30, EUR 7.66.
    // Even: 35 / 35 in September, 15 / 15 in October → search 385 + 35 + 45 + 15 = 480, research 115 + 35 + 15 = 165.
    ['even', { kind: 'even' }, { search: '480.000000', research: '165.000000' }],
    // Fixed 70 / 30: September 49 / 21, October 21 / 9 → search 385 + 49 + 45 + 21 = 500, research 115 + 21 + 9 = 145.
    ['fixed', { kind: 'fixed', percentages: [70, 30] }, { search: '500.000000', research: '145.000000' }],
    // GPU hours in September: search 24, research 8 → 52.5 / 17.5; October has none → even 15 / 15.
    // search 385 + 52.5 + 45 + 15 = 497.5, research 115 + 17.5 + 15 = 147.5.
    ['usage gpuHours', { kind: 'usage', metric: 'gpuHours' }, { search: '497.500000', research: '147.500000' }],
    // Tokens in September: search 1,000,000 + 2,000,000 (OpenAI) = 3M, research 0.5M → 60 / 10; October: search only → 30.
    // search 385 + 60 + 45 + 30 = 520, research 115 + 10 = 125.
    ['usage tokens', { kind: 'usage', metric: 'tokens' }, { search: '520.000000', research: '125.000000' }],
    // Proportional to direct cost: September 385 : 115 → 53.9 / 16.1; October 45 : 0 → 30 / 0.
    // search 385 + 53.9 + 45 + 30 = 513.9, research 115 + 16.1 = 131.1.
    ['proportional', { kind: 'proportional' }, { search: '513.900000', research: '131.100000' }],
  ])('splits a pool %s as computed by hand', async (_name, method, expected) => {
    const pools = PACK.pools.filter((p) => p.id === 'shared-platform').map((p): SharedCostPool => ({ ...p, method }));
    const engine = await engineWithPack({ ...PACK, pools });
    const [usd] = await engine.call('allocationSummary', { by: 'team', currency: 'USD' });
    // The support line (40) has no team tag and no pool now: unallocated.
    expect(costs(usd)).toEqual({ ...expected, '(unallocated)': '40.000000' });
  });

  it('splits by an imported usage metric per value and month', async () => {
    const pools = PACK.pools.filter((p) => p.id === 'shared-platform').map((p): SharedCostPool => ({ ...p, method: { kind: 'usage', metric: { imported: 'searches' } } }));
    const engine = await engineWithPack({ ...PACK, pools });
    // The metrics table as unit economics stores it (created here when this branch runs alone).
    engine.store().exec(`CREATE TABLE IF NOT EXISTS metrics (name TEXT NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL, day INTEGER NOT NULL,
      amount REAL NOT NULL, source TEXT NOT NULL, PRIMARY KEY (name, dimension, value, day)) WITHOUT ROWID`);
    // September: search 300 + 100 = 400 searches, research 100 → 80% / 20% of 70 = 56 / 14. October: none → even 15 / 15.
    const sept = 20697; // 2026-09-01
    engine.store().run("INSERT INTO metrics VALUES ('searches', 'team', 'search', ?, 300, 'm.csv'), ('searches', 'team', 'search', ?, 100, 'm.csv'), ('searches', 'team', 'research', ?, 100, 'm.csv')", [sept, sept + 3, sept + 10]);
    const [usd] = await engine.call('allocationSummary', { by: 'team', currency: 'USD' });
    // search 385 + 56 + 45 + 15 = 501, research 115 + 14 + 15 = 144.
    expect(costs(usd)).toEqual({ search: '501.000000', research: '144.000000', '(unallocated)': '40.000000' });
  });

  it('answers by a FOCUS column or a tag too, with unallocated as not set', async () => {
    const engine = await engineWithPack();
    const [usd] = await engine.call('allocationSummary', { by: 'tag:project', currency: 'USD' });
    // ranker: 30 + 300 + 45 = 375; pretraining 100; the rest (685 − 475 = 210) has no project tag.
    expect(costs(usd)).toEqual({ ranker: '375.000000', pretraining: '100.000000', '(unallocated)': '210.000000' });
    const byProvider = await engine.call('allocationSummary', { by: 'ProviderName', cost: 'billed' });
    expect(byProvider.map((s) => [s.currency, costs(s)])).toEqual([
      ['USD', { AWS: '635.000000', OpenAI: '50.000000' }],
      ['EUR', { Microsoft: '20.000000' }],
    ]);
    const bySku = await engine.call('allocationSummary', { by: 'SkuId', currency: 'EUR' });
    expect(costs(bySku[0])).toEqual({ 'gpt-4o-mini-global': '12.340000', 'Hot-LRS': '7.660000' });
    await expect(engine.call('allocationSummary', { by: 'nonsense' })).rejects.toThrow(/not an allocated dimension/);
  });

  it('shows coverage over time and the hierarchy tree with totals and coverage', async () => {
    const engine = await engineWithPack();
    const series = await engine.call('coverageOverTime', { dimension: 'model', granularity: 'month' });
    // September USD: 610 in all; models 30 + 20 + 50 + 5 = 105. October: 75, model 45.
    expect(series.currency).toBe('USD');
    expect(series.points.map((p) => [p.period, p.total, p.allocated])).toEqual([
      ['2026-09', '610.000000', '105.000000'],
      ['2026-10', '75.000000', '45.000000'],
    ]);
    const tree = await engine.call('allocationTree', { currency: 'USD' });
    expect(tree.root.cost).toBe('685.000000');
    expect(tree.root.coverage).toBe(1);
    const search = tree.root.children.find((c) => c.value === 'search');
    expect(search?.cost).toBe('529.300000');
    // Search's direct project cost: ranker 375; the rest of its 529.3 (OpenAI 50, titan 5, pool shares 99.3) has no project.
    const ranker = search?.children.find((c) => c.value === 'ranker');
    expect(ranker?.cost).toBe('375.000000');
    expect(search?.coverage).toBeCloseTo(375 / 529.3, 12);
    // Ranker's models: claude 75 (30 + 45); the EC2 line (300) has no model.
    expect(ranker?.children.map((c) => [c.value, c.cost])).toEqual([
      [null, '300.000000'],
      ['anthropic.claude-sonnet-4', '75.000000'],
    ]);
  });
});
