import { describe, expect, it } from 'vitest';
import type { AllocationRule, SharedCostPool } from '../../../shared/attribution.js';
import { testEngine } from '../../../test/support/engine.js';

const rule = (id: string, value: string, dimension = 'team'): AllocationRule => ({
  id,
  name: `Rule ${id}`,
  enabled: true,
  dimension,
  when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'equals', value: 'Amazon Bedrock' }] },
  value: { kind: 'constant', value },
});

const pool = (id: string, targets: SharedCostPool['targets'], method: SharedCostPool['method'] = { kind: 'even' }): SharedCostPool => ({
  id,
  name: `Pool ${id}`,
  enabled: true,
  dimension: 'team',
  source: { kind: 'value', value: `shared-${id}` },
  targets,
  method,
});

describe('the attribution rule set', () => {
  it('starts with the default dimensions and hierarchy, and no rules', async () => {
    const engine = await testEngine();
    const config = await engine.call('attributionConfig', {});
    expect(config.dimensions.map((d) => d.id)).toEqual(['team', 'project', 'model', 'environment', 'cost_centre']);
    expect(config.hierarchy).toEqual(['team', 'project', 'model']);
    expect(config.rules).toEqual([]);
  });

  it('adds, replaces, reorders and deletes rules, and says the attribution changed', async () => {
    const engine = await testEngine();
    await engine.call('saveRule', { rule: rule('a', 'ml') });
    await engine.call('saveRule', { rule: rule('b', 'web') });
    await engine.call('saveRule', { rule: rule('c', 'data'), position: 0 });
    await engine.call('saveRule', { rule: rule('a', 'research') });
    let config = await engine.call('attributionConfig', {});
    expect(config.rules.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(config.rules[1]?.value).toEqual({ kind: 'constant', value: 'research' });
    config = await engine.call('reorderRules', { ids: ['b', 'c', 'a'] });
    expect(config.rules.map((r) => r.id)).toEqual(['b', 'c', 'a']);
    config = await engine.call('deleteRule', { id: 'c' });
    expect(config.rules.map((r) => r.id)).toEqual(['b', 'a']);
    expect(engine.events.filter((e) => e.name === 'dataChanged').at(-1)?.payload).toEqual({ tables: ['attribution'] });
  });

  it('refuses a reorder that leaves a rule out, a rule of an unknown dimension and a bad regex, changing nothing', async () => {
    const engine = await testEngine();
    await engine.call('saveRule', { rule: rule('a', 'ml') });
    await engine.call('saveRule', { rule: rule('b', 'ml') });
    await expect(engine.call('reorderRules', { ids: ['b'] })).rejects.toThrow(/every rule once; missing: a/);
    await expect(engine.call('saveRule', { rule: rule('x', 'ml', 'department') })).rejects.toThrow(/dimension "department" is not defined/);
    const badRegex = { ...rule('y', 'ml'), when: { match: 'all' as const, conditions: [{ column: 'SkuId', op: 'regex' as const, value: '(unclosed' }] } };
    await expect(engine.call('saveRule', { rule: badRegex })).rejects.toThrow(/not a valid regular expression/);
    await expect(engine.call('saveRule', { rule: { ...rule('z', 'ml'), when: { match: 'all', conditions: [{ column: 'NoSuchColumn', op: 'exists' }] } } })).rejects.toThrow(/not a FOCUS column/);
    expect((await engine.call('attributionConfig', {})).rules.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('refuses pools that feed each other in a cycle, naming the cycle', async () => {
    const engine = await testEngine();
    await engine.call('savePool', { pool: pool('p1', [{ kind: 'value', value: 'ml' }]) });
    await engine.call('savePool', { pool: pool('p2', [{ kind: 'pool', pool: 'p1' }]) });
    await engine.call('savePool', { pool: pool('p3', [{ kind: 'pool', pool: 'p2' }]) });
    // p1 → p3 closes the loop p3 → p2 → p1 → p3.
    await expect(engine.call('savePool', { pool: pool('p1', [{ kind: 'pool', pool: 'p3' }]) })).rejects.toThrow(/cycle: .*p1.*p3|cycle: .*p3.*p1/);
    expect((await engine.call('attributionConfig', {})).pools.map((p) => p.targets)).toEqual([
      [{ kind: 'value', value: 'ml' }],
      [{ kind: 'pool', pool: 'p1' }],
      [{ kind: 'pool', pool: 'p2' }],
    ]);
  });

  it('refuses fixed percentages that do not total 100%', async () => {
    const engine = await testEngine();
    const targets = [{ kind: 'value' as const, value: 'a' }, { kind: 'value' as const, value: 'b' }];
    await expect(engine.call('savePool', { pool: pool('p', targets, { kind: 'fixed', percentages: [60, 30] }) })).rejects.toThrow(/total 90%, not 100%/);
    await expect(engine.call('savePool', { pool: pool('p', targets, { kind: 'fixed', percentages: [100] }) })).rejects.toThrow(/1 percentages for 2 targets/);
    await engine.call('savePool', { pool: pool('p', targets, { kind: 'fixed', percentages: [62.5, 37.5] }) });
    expect((await engine.call('attributionConfig', {})).pools).toHaveLength(1);
  });

  it('keeps versions with effective days and frozen periods, refusing overlapping freezes', async () => {
    const engine = await testEngine();
    await engine.call('saveRule', { rule: rule('a', 'ml') });
    let versions = await engine.call('saveRuleVersion', { label: 'FY27', effectiveFrom: '2026-02-01' });
    expect(versions.versions.map((v) => [v.id, v.effectiveFrom, v.current, v.rules])).toEqual([
      [1, null, false, 1],
      [2, '2026-02-01', true, 1],
    ]);
    await expect(engine.call('saveRuleVersion', { label: 'older', effectiveFrom: '2026-01-15' })).rejects.toThrow(/after 2026-02-01/);
    versions = await engine.call('freezePeriod', { from: '2026-01-01', to: '2026-01-31', label: 'January closed' });
    expect(versions.frozen).toEqual([{ id: 1, from: '2026-01-01', to: '2026-01-31', label: 'January closed', frozenAt: '2026-11-01T00:00:00.000Z' }]);
    await expect(engine.call('freezePeriod', { from: '2026-01-20', to: '2026-02-10' })).rejects.toThrow(/overlaps the frozen period "January closed"/);
    versions = await engine.call('restatePeriod', { id: 1 });
    expect(versions.frozen).toEqual([]);
  });
});
