/**
 * The explain chain on the hand-made fixture (ai-spend.csv, rules.json). Row numbers count the
 * header as row 1, so the n-th data line of the file is row n + 1.
 */
import { describe, expect, it } from 'vitest';
import type { AllocationExplanation } from '../../../shared/attribution.js';
import { engineWithPack } from '../../../test/support/attribution.js';

function cents(text: string): number {
  return Math.round(Number(text) * 100);
}

/** figure = Σ direct − Σ given to pools + Σ received from pools, in cents. */
function chainBalances(e: AllocationExplanation): boolean {
  const sum = (items: Array<{ cost: string }>): number => items.reduce((s, i) => s + Number(i.cost), 0);
  return Math.round((sum(e.direct) - sum(e.givenToPools) + sum(e.receivedFromPools)) * 100) === cents(e.figure);
}

describe('explaining an allocated figure', () => {
  it('takes search back to its rules, its source rows and its share of the shared-platform pool', async () => {
    const engine = await engineWithPack();
    const e = await engine.call('explainAllocation', { dimension: 'team', value: 'search', currency: 'USD' });
    expect(e.figure).toBe('529.300000');
    // Rules: the team tag gave 30 + 300 + 5 + 45 = 380 (4 lines); the OpenAI rule 50 (1 line).
    expect(e.direct).toEqual([
      { ruleId: 'team-from-tag', ruleName: 'Team from the team tag', cost: '380.000000', lines: 4 },
      { ruleId: 'openai-is-search', ruleName: 'OpenAI API belongs to search', cost: '50.000000', lines: 1 },
    ]);
    expect(e.givenToPools).toEqual([]);
    // Shared platform split 90 in September (search 69.3) and 30 in October (all search): 99.3 of 120.
    // Its inputs: 60 + 10 + 30 tagged shared-platform, and 20 from the support pool.
    expect(e.receivedFromPools).toEqual([
      {
        poolId: 'shared-platform',
        poolName: 'Shared platform',
        method: 'proportional',
        share: expect.closeTo(99.3 / 120, 12) as number,
        cost: '99.300000',
        poolInputs: [
          { from: 'shared-platform', cost: '100.000000' },
          { from: 'pool:support', cost: '20.000000' },
        ],
      },
    ]);
    expect(chainBalances(e)).toBe(true);
    // The source rows of the direct cost, largest first: 300 (line 4), 50 (line 8), 45 (line 11), 30 (line 1), 5 (line 10).
    expect(e.rowCount).toBe(5);
    expect(e.rows.map((r) => [r.rowNumber, r.cost, r.file])).toEqual([
      [5, '300.000000', 'ai-spend.csv'],
      [9, '50.000000', 'ai-spend.csv'],
      [12, '45.000000', 'ai-spend.csv'],
      [2, '30.000000', 'ai-spend.csv'],
      [11, '5.000000', 'ai-spend.csv'],
    ]);
    expect(e.rows.reduce((s, r) => s + cents(r.cost), 0)).toBe(cents(e.direct[0]?.cost ?? '0') + cents(e.direct[1]?.cost ?? '0'));
    expect(e.versions).toEqual([1]);
  });

  it('shows unallocated cost given to a pool, and the value that pool paid', async () => {
    const engine = await engineWithPack();
    // The AWS Support line (40, no team tag) matched no rule; the support pool took all of it.
    const unallocated = await engine.call('explainAllocation', { dimension: 'team', value: null, currency: 'USD' });
    expect(unallocated.figure).toBe('0.000000');
    expect(unallocated.direct).toEqual([{ ruleId: null, ruleName: null, cost: '40.000000', lines: 1 }]);
    expect(unallocated.givenToPools).toEqual([{ poolId: 'support', poolName: 'AWS Support', cost: '40.000000' }]);
    expect(unallocated.rows.map((r) => r.rowNumber)).toEqual([7]);
    const helpdesk = await engine.call('explainAllocation', { dimension: 'team', value: 'helpdesk', currency: 'USD' });
    expect(helpdesk.receivedFromPools.map((p) => [p.poolId, p.method, p.share, p.cost, p.poolInputs])).toEqual([
      ['support', 'fixed', 0.5, '20.000000', [{ from: null, cost: '40.000000' }]],
    ]);
  });

  it('balances every figure of every dimension and currency', async () => {
    const engine = await engineWithPack();
    for (const dimension of ['team', 'project', 'model']) {
      for (const summary of await engine.call('allocationSummary', { by: dimension })) {
        for (const row of summary.rows) {
          const e = await engine.call('explainAllocation', { dimension, value: row.value, currency: summary.currency });
          expect(e.figure).toBe(row.cost);
          expect(chainBalances(e), `${dimension}=${row.value} ${summary.currency}`).toBe(true);
        }
      }
    }
  });
});

describe('explaining a source row', () => {
  it('names the rules that gave a line its values', async () => {
    const engine = await engineWithPack();
    const line = await engine.call('explainLine', { sourceId: 1, rowNumber: 2 });
    expect(line).toMatchObject({ day: '2026-09-01', currency: 'USD', effectiveCost: '30.000000', version: 1, frozen: null });
    expect(line.dimensions).toEqual([
      { dimension: 'team', value: 'search', rule: { id: 'team-from-tag', name: 'Team from the team tag' }, pool: null },
      { dimension: 'project', value: 'ranker', rule: { id: 'project-from-tag', name: 'Project from the project tag' }, pool: null },
      { dimension: 'model', value: 'anthropic.claude-sonnet-4', rule: { id: 'model-from-bedrock-sku', name: 'Model from the Bedrock SKU' }, pool: null },
    ]);
  });

  it('follows a pooled line through the pool it feeds: where its 40 went', async () => {
    const engine = await engineWithPack();
    const line = await engine.call('explainLine', { sourceId: 1, rowNumber: 7 });
    const team = line.dimensions.find((d) => d.dimension === 'team');
    // Support: 50% helpdesk (20); 50% to shared platform, split 77% / 23% on 2026-09-03 → search 15.4, research 4.6.
    expect(team?.value).toBeNull();
    expect(team?.pool?.id).toBe('support');
    expect(team?.pool?.shares.map((s) => [s.value, s.cost])).toEqual([
      ['helpdesk', '20.000000'],
      ['search', '15.400000'],
      ['research', '4.600000'],
    ]);
    await expect(engine.call('explainLine', { sourceId: 1, rowNumber: 99 })).rejects.toThrow(/no row 99/);
  });
});
