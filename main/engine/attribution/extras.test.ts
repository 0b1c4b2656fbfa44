/** Rules on extra columns (source columns outside FOCUS, kept per line) and numeric comparisons. */
import { describe, expect, it } from 'vitest';
import type { RulePack } from '../../../shared/attribution.js';
import { costs } from '../../../test/support/attribution.js';
import { fixture, importPaths, testEngine } from '../../../test/support/engine.js';

const PACK: RulePack = {
  format: 'cost-council-rule-pack',
  version: 1,
  dimensions: [{ id: 'team', name: 'Team' }, { id: 'size', name: 'Size' }],
  rules: [
    {
      id: 'rd',
      name: 'R&D department',
      enabled: true,
      dimension: 'team',
      when: { match: 'all', conditions: [{ column: 'extra:Department', op: 'equals', value: 'R&D' }] },
      value: { kind: 'constant', value: 'research' },
    },
    {
      id: 'owner-domain',
      name: 'Team from the owner e-mail domain',
      enabled: true,
      dimension: 'team',
      when: { match: 'all', conditions: [{ column: 'extra:Owner', op: 'exists' }] },
      value: { kind: 'capture', column: 'extra:Owner', pattern: '@([a-z]+)\\.', group: 1 },
    },
    {
      id: 'big',
      name: 'Lines over 5',
      enabled: true,
      dimension: 'size',
      when: { match: 'all', conditions: [{ column: 'BilledCost', op: '>', number: 5 }] },
      value: { kind: 'constant', value: 'big' },
    },
  ],
  pools: [],
};

describe('rules on extra columns and numbers', () => {
  it('matches extra columns and captures from them; compares numbers line by line', async () => {
    const engine = await testEngine();
    expect((await importPaths(engine, [fixture('attribution/with-extras.csv')])).committed).toBe(true);
    await engine.call('applyRulePack', { pack: PACK, mode: 'replace' });
    const [team] = await engine.call('allocationSummary', { by: 'team' });
    // R&D: 10.00 and 0.25; the 2.50 line's owner is at web.example → web; the 7.25 line has no department → research (owner domain).
    expect(costs(team)).toEqual({ research: '17.500000', web: '2.500000' });
    const [size] = await engine.call('allocationSummary', { by: 'size' });
    // Over 5: 10.00 and 7.25.
    expect(costs(size)).toEqual({ big: '17.250000', '(unallocated)': '2.750000' });
    const line = await engine.call('explainLine', { sourceId: 1, rowNumber: 3 });
    expect(line.dimensions.map((d) => [d.dimension, d.value, d.rule?.id ?? null])).toEqual([
      ['team', 'web', 'owner-domain'],
      ['size', null, null],
    ]);
    const e = await engine.call('explainAllocation', { dimension: 'team', value: 'research' });
    expect(e.rows.map((r) => [r.rowNumber, r.cost])).toEqual([[2, '10.000000'], [4, '7.250000'], [5, '0.250000']]);
  });
});
