import { describe, expect, it } from 'vitest';
import { engineWithPack } from '../../../test/support/attribution.js';

describe('allocated dimensions in the overview', () => {
  it('breaks the overview down by an allocated dimension, unallocated included', async () => {
    const engine = await engineWithPack();
    const overview = await engine.call('overview', { currency: 'USD', allocatedBy: 'model' });
    // Hand-computed in allocation.test.ts: claude 75, gpt-4o 50, llama 20, titan 5, 535 without a model.
    expect(overview.byAllocated?.rows.map((r) => [r.key, r.effectiveCost])).toEqual([
      ['(unallocated)', 535],
      ['anthropic.claude-sonnet-4', 75],
      ['gpt-4o', 50],
      ['meta.llama3-70b', 20],
      ['titan-embed', 5],
    ]);
    expect(overview.byAllocated?.coverage).toBeCloseTo(150 / 685, 12);
    expect(overview.total.effectiveCost).toBe('685.000000');
  });

  it('filters total and days to the cost allocated to one value', async () => {
    const engine = await engineWithPack();
    // Helpdesk's USD cost is its half of the AWS Support line of 2026-09-03: 20.
    const overview = await engine.call('overview', { currency: 'USD', allocated: { dimension: 'team', value: 'helpdesk' }, allocatedBy: 'team' });
    expect(overview.total.effectiveCost).toBe('20.000000');
    expect(overview.byDay).toEqual([{ day: '2026-09-03', billedCost: 20, effectiveCost: 20 }]);
    expect(overview.byAllocated?.rows).toEqual([{ key: 'helpdesk', effectiveCost: 20, billedCost: 20 }]);
    expect(overview.allocatedFilter).toEqual({ dimension: 'team', value: 'helpdesk', appliesTo: ['total', 'byDay', 'byAllocated'] });
    const other = await engine.call('overview', { currency: 'USD', allocated: { dimension: 'team', value: 'helpdesk' }, allocatedBy: 'model' });
    expect(other.allocatedFilter?.appliesTo).toEqual(['total', 'byDay']);
    await expect(engine.call('overview', { currency: 'USD', allocatedBy: 'department' })).rejects.toThrow(/"department" is not an allocated dimension/);
  });
});
