import { describe, expect, it } from 'vitest';
import type { RulePack } from '../../../shared/attribution.js';
import { AI_RULES, costs, engineWithPack } from '../../../test/support/attribution.js';
import { testEngine } from '../../../test/support/engine.js';

describe('rule packs', () => {
  it('round-trips: an exported pack applied to a new workspace gives the same rule set and the same figures', async () => {
    const first = await engineWithPack();
    const pack = JSON.parse(JSON.stringify(await first.call('exportRulePack', { name: 'Exported' }))) as RulePack;
    expect(pack.format).toBe('cost-council-rule-pack');
    expect(pack.name).toBe('Exported');
    const second = await engineWithPack(pack);
    expect(await second.call('attributionConfig', {})).toEqual(await first.call('attributionConfig', {}));
    const [a, b] = [await first.call('allocationSummary', { by: 'team' }), await second.call('allocationSummary', { by: 'team' })];
    expect(b).toEqual(a);
    const same = await first.call('diffRulePack', { pack, mode: 'replace' });
    expect(same.rules).toEqual({ added: [], removed: [], changed: [], unchanged: 5, reordered: false });
    expect(same.pools).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });

  it('shows the diff before applying: added, removed, changed (with the fields) and reordered', async () => {
    const engine = await engineWithPack();
    const [teamTag, openai, ...rest] = AI_RULES.rules;
    if (!teamTag || !openai) throw new Error('fixture rules missing');
    const edited: RulePack = {
      ...AI_RULES,
      rules: [
        { ...openai, value: { kind: 'constant', value: 'helpdesk' } },
        teamTag,
        ...rest.filter((r) => r.id !== 'model-from-column'),
        { ...teamTag, id: 'team-from-owner', name: 'Team from owner', value: { kind: 'column', column: 'tag:owner' } },
      ],
    };
    const replace = await engine.call('diffRulePack', { pack: edited, mode: 'replace' });
    expect(replace.rules.added.map((r) => r.id)).toEqual(['team-from-owner']);
    expect(replace.rules.removed.map((r) => r.id)).toEqual(['model-from-column']);
    expect(replace.rules.changed.map((c) => [c.id, c.fields])).toEqual([['openai-is-search', ['value']]]);
    expect(replace.rules.reordered).toBe(true);
    // Merging keeps rules the pack does not mention.
    const merge = await engine.call('diffRulePack', { pack: edited, mode: 'merge' });
    expect(merge.rules.removed).toEqual([]);
    // Nothing was applied by the diffs.
    expect((await engine.call('attributionConfig', {})).rules.map((r) => r.id)).toEqual(AI_RULES.rules.map((r) => r.id));
    await engine.call('applyRulePack', { pack: edited, mode: 'replace' });
    const [usd] = await engine.call('allocationSummary', { by: 'team', currency: 'USD' });
    // OpenAI (50) now goes to helpdesk: helpdesk 20 + 50. September direct search 335, research 115, so shared
    // platform's 90 splits 335 : 115 → 67 / 23; search 335 + 67 + 45 + 30 = 477, research 115 + 23 = 138.
    expect(costs(usd)).toEqual({ search: '477.000000', research: '138.000000', helpdesk: '70.000000' });
  });

  it('refuses a pack that is not one, or that breaks the rule set, changing nothing', async () => {
    const engine = await testEngine();
    await expect(engine.call('applyRulePack', { pack: { ...AI_RULES, format: 'other' } as unknown as RulePack, mode: 'merge' })).rejects.toThrow(/not a rule pack/);
    await expect(engine.call('applyRulePack', { pack: { ...AI_RULES, version: 2 } as unknown as RulePack, mode: 'merge' })).rejects.toThrow(/version 2 is not supported/);
    const dangling: RulePack = { ...AI_RULES, pools: AI_RULES.pools.filter((p) => p.id === 'support') };
    await expect(engine.call('applyRulePack', { pack: dangling, mode: 'replace' })).rejects.toThrow(/target pool "shared-platform" does not exist/);
    expect((await engine.call('attributionConfig', {})).rules).toEqual([]);
  });
});
