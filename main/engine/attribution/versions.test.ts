/**
 * Versions, frozen periods, the version diff and the live preview, on the hand-made fixture.
 * The second rule set puts every Bedrock line on research (a rule before the team-tag rule).
 */
import { describe, expect, it } from 'vitest';
import type { AllocationRule } from '../../../shared/attribution.js';
import { costs, engineWithPack } from '../../../test/support/attribution.js';

const BEDROCK_TO_RESEARCH: AllocationRule = {
  id: 'bedrock-to-research',
  name: 'Bedrock is research',
  enabled: true,
  dimension: 'team',
  when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'equals', value: 'Amazon Bedrock' }] },
  value: { kind: 'constant', value: 'research' },
};

// With the first rule set (see allocation.test.ts): search 529.3, research 135.7, helpdesk 20.
// With Bedrock on research, September direct: search 300 + 50 = 350, research 20 + 30 + 5 + 100 − 5 = 150;
// shared platform 90 → 63 / 27; October: research 45 + all of shared platform's 30.
// So search 350 + 63 = 413, research 150 + 27 + 75 = 252, helpdesk 20.
// Only October under the second set: search 385 + 69.3 = 454.3, research 135.7 + 75 = 210.7.

describe('rule-set versions and frozen periods', () => {
  it('allocates each day by the version in force: a version from October changes only October', async () => {
    const engine = await engineWithPack();
    await engine.call('saveRuleVersion', { label: 'Q4', effectiveFrom: '2026-10-01' });
    await engine.call('saveRule', { rule: BEDROCK_TO_RESEARCH, position: 0 });
    const [usd] = await engine.call('allocationSummary', { by: 'team', currency: 'USD' });
    expect(costs(usd)).toEqual({ search: '454.300000', research: '210.700000', helpdesk: '20.000000' });
    const september = await engine.call('explainLine', { sourceId: 1, rowNumber: 2 });
    const october = await engine.call('explainLine', { sourceId: 1, rowNumber: 12 });
    expect([september.version, september.dimensions[0]?.value]).toEqual([1, 'search']);
    expect([october.version, october.dimensions[0]?.value]).toEqual([2, 'research']);
  });

  it('keeps a frozen period as it was when rules change, until it is restated on purpose', async () => {
    const engine = await engineWithPack();
    await engine.call('freezePeriod', { from: '2026-09-01', to: '2026-09-30', label: 'September closed' });
    await engine.call('saveRule', { rule: BEDROCK_TO_RESEARCH, position: 0 });
    let [usd] = await engine.call('allocationSummary', { by: 'team', currency: 'USD' });
    expect(costs(usd)).toEqual({ search: '454.300000', research: '210.700000', helpdesk: '20.000000' });
    const frozenLine = await engine.call('explainLine', { sourceId: 1, rowNumber: 2 });
    expect([frozenLine.frozen, frozenLine.dimensions[0]?.value]).toEqual([1, 'search']);
    await engine.call('restatePeriod', { id: 1 });
    [usd] = await engine.call('allocationSummary', { by: 'team', currency: 'USD' });
    expect(costs(usd)).toEqual({ search: '413.000000', research: '252.000000', helpdesk: '20.000000' });
  });

  it('diffs two versions over the same lines: the money moving from search to research', async () => {
    const engine = await engineWithPack();
    await engine.call('saveRuleVersion', { label: 'Q4', effectiveFrom: '2026-10-01' });
    await engine.call('saveRule', { rule: BEDROCK_TO_RESEARCH, position: 0 });
    const diff = await engine.call('diffVersions', { before: 1, after: 2, dimension: 'team', currency: 'USD' });
    expect(diff.rows).toEqual([
      { value: 'research', before: '135.700000', after: '252.000000', change: '116.300000' },
      { value: 'search', before: '529.300000', after: '413.000000', change: '-116.300000' },
      { value: 'helpdesk', before: '20.000000', after: '20.000000', change: '0.000000' },
    ]);
    // Bedrock lines 30 + 5 + 45 move whole; shared-platform shares move by the change of share:
    // S3 60 × (0.77 − 0.70) = 4.2, CloudWatch 10 × 0.07 = 0.7, support's 20 to the pool × 0.07 = 1.4, October's 30 whole.
    expect(diff.moves).toEqual([{ from: 'search', to: 'research', cost: '116.300000' }]);
    await expect(engine.call('diffVersions', { before: 1, after: 7, dimension: 'team' })).rejects.toThrow(/no rule-set version 7/);
  });
});

describe('the live preview of a rule', () => {
  it('counts the lines a new rule would decide, the cost it moves and the coverage before and after, saving nothing', async () => {
    const engine = await engineWithPack();
    const rule: AllocationRule = {
      id: 'gpu-training',
      name: 'p4d instances are training',
      enabled: true,
      dimension: 'model',
      when: { match: 'all', conditions: [{ column: 'SkuId', op: 'startsWith', value: 'BoxUsage:p4d' }] },
      value: { kind: 'constant', value: 'gpu-training' },
    };
    const preview = await engine.call('previewRule', { rule });
    // EC2 p4d lines: 100, 300 and the −5 credit; models covered 150 of 685 before, 545 after.
    expect(preview).toEqual({
      dimension: 'model',
      currency: 'USD',
      rowsMatched: 3,
      costMoved: '395.000000',
      coverageBefore: expect.closeTo(150 / 685, 12) as number,
      coverageAfter: expect.closeTo(545 / 685, 12) as number,
    });
    expect((await engine.call('attributionConfig', {})).rules.map((r) => r.id)).not.toContain('gpu-training');
  });

  it('previews disabling an existing rule: its lines fall through', async () => {
    const engine = await engineWithPack();
    const config = await engine.call('attributionConfig', {});
    const fromColumn = config.rules.find((r) => r.id === 'model-from-column');
    if (!fromColumn) throw new Error('fixture rule missing');
    const preview = await engine.call('previewRule', { rule: { ...fromColumn, enabled: false } });
    // x_Model alone decided titan-embed (5) and gpt-4o (50).
    expect([preview.rowsMatched, preview.costMoved]).toEqual([0, '55.000000']);
    expect(preview.coverageAfter).toBeCloseTo(95 / 685, 12);
  });
});

describe('a dimension only some rule sets have', () => {
  // The fixture: USD 610 in September (30 + 20 + 100 + 300 + 60 + 40 + 10 + 50 − 5 + 5) and 75 in
  // October (45 + 30), 685 in all; EUR 20.00 (12.34 + 7.66), all in September. The new dimension
  // "env" puts Bedrock on prod; only October's Bedrock line (45) falls under a rule set that has it.
  const BEDROCK_IS_PROD: AllocationRule = {
    id: 'bedrock-is-prod',
    name: 'Bedrock is prod',
    enabled: true,
    dimension: 'env',
    when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'equals', value: 'Amazon Bedrock' }] },
    value: { kind: 'constant', value: 'prod' },
  };
  const addEnv = async (engine: Awaited<ReturnType<typeof engineWithPack>>): Promise<void> => {
    const config = await engine.call('attributionConfig', {});
    await engine.call('saveAttributionConfig', { config: { ...config, dimensions: [...config.dimensions, { id: 'env', name: 'Environment' }], rules: [...config.rules, BEDROCK_IS_PROD] } });
  };
  const expectFullTotals = async (engine: Awaited<ReturnType<typeof engineWithPack>>): Promise<void> => {
    const summaries = await engine.call('allocationSummary', { by: 'env' });
    expect(summaries.map((s) => [s.currency, s.total, costs(s)])).toEqual([
      ['USD', '685.000000', { prod: '45.000000', '(unallocated)': '640.000000' }],
      ['EUR', '20.000000', { '(unallocated)': '20.000000' }],
    ]);
    // Every dimension shows the same total.
    for (const by of ['team', 'project', 'model']) {
      expect((await engine.call('allocationSummary', { by })).map((s) => [s.currency, s.total])).toEqual([['USD', '685.000000'], ['EUR', '20.000000']]);
    }
    const months = await engine.call('coverageOverTime', { dimension: 'env', granularity: 'month', currency: 'USD' });
    expect(months.points.map((p) => [p.period, p.total, p.allocated])).toEqual([['2026-09', '610.000000', '0.000000'], ['2026-10', '75.000000', '45.000000']]);
  };

  it('added by a later version: the days of earlier versions count as unallocated, so its total is the source total', async () => {
    const engine = await engineWithPack();
    await engine.call('saveRuleVersion', { label: 'Q4', effectiveFrom: '2026-10-01' });
    await addEnv(engine);
    await expectFullTotals(engine);
    // The explanation of its unallocated 640: no rule, the 10 September USD lines and October's S3
    // line (30), from both versions.
    const why = await engine.call('explainAllocation', { dimension: 'env', value: null, currency: 'USD' });
    expect([why.figure, why.direct, why.rowCount, why.versions]).toEqual(['640.000000', [{ ruleId: null, ruleName: null, cost: '640.000000', lines: 11 }], 11, [1, 2]]);
  });

  it('added after a period was frozen: the frozen days count as unallocated for it', async () => {
    const engine = await engineWithPack();
    await engine.call('freezePeriod', { from: '2026-09-01', to: '2026-09-30' });
    await addEnv(engine);
    await expectFullTotals(engine);
  });
});
