import { describe, expect, it } from 'vitest';
import type { SharedCostPool } from '../../../../shared/attribution.js';
import { describePool, newPoolForm, poolFromForm, poolToForm, type PoolForm } from './pool-form.js';

const none = new Set<string>();
const form = (patch: Partial<PoolForm>): PoolForm => ({ ...newPoolForm('team'), name: 'Platform', sourceValue: 'platform', ...patch });

describe('the pool editor form', () => {
  it('builds an even split of a value to two teams', () => {
    const checked = poolFromForm(form({ targets: [{ kind: 'value', name: 'search', percent: '' }, { kind: 'value', name: ' research ', percent: '' }] }), none);
    expect(checked).toEqual({
      ok: true,
      value: {
        id: 'platform', name: 'Platform', enabled: true, dimension: 'team', source: { kind: 'value', value: 'platform' },
        targets: [{ kind: 'value', value: 'search' }, { kind: 'value', value: 'research' }], method: { kind: 'even' },
      },
    });
    if (checked.ok) expect(describePool(checked.value, (id) => id)).toBe('Shares the cost of platform evenly to search, research.');
  });
  it('needs fixed percentages that total exactly 100, and says what they total', () => {
    const targets = [{ kind: 'value' as const, name: 'a', percent: '60' }, { kind: 'value' as const, name: 'b', percent: '39.5' }];
    expect(poolFromForm(form({ method: 'fixed', targets }), none)).toEqual({ ok: false, problem: 'The percentages add up to 99.5%; they must add up to 100%.' });
    expect(poolFromForm(form({ method: 'fixed', targets: [targets[0]!, { ...targets[1]!, percent: 'x' }] }), none))
      .toEqual({ ok: false, problem: 'Target 2: "x" is not a percentage from 0 to 100 (at most 6 decimals).' });
    const ok = poolFromForm(form({ method: 'fixed', targets: [targets[0]!, { ...targets[1]!, percent: '40' }] }), none);
    expect(ok.ok && ok.value.method).toEqual({ kind: 'fixed', percentages: [60, 40] });
    if (ok.ok) expect(describePool(ok.value, (id) => id)).toBe('Shares the cost of platform by fixed percentages: a 60%, b 40%.');
  });
  it('takes the unallocated cost or matching lines, feeds pools, splits by usage, and names what is missing', () => {
    const usage = poolFromForm(form({ sourceKind: 'unallocated', method: 'usage', metric: 'imported', importedMetric: 'seats', targets: [{ kind: 'pool', name: 'gpu', percent: '' }] }), none);
    expect(usage.ok && usage.value).toMatchObject({ source: { kind: 'value', value: null }, targets: [{ kind: 'pool', pool: 'gpu' }], method: { kind: 'usage', metric: { imported: 'seats' } } });
    if (usage.ok) expect(describePool(usage.value, () => 'GPU cluster')).toBe('Shares the unallocated cost by a usage metric (seats) to pool GPU cluster.');
    expect(poolFromForm(form({ method: 'usage', metric: 'imported' }), none)).toMatchObject({ ok: false, problem: 'Target 1: give a value.' });
    expect(poolFromForm(form({ sourceValue: ' ' }), none)).toEqual({ ok: false, problem: 'Costs: give the value whose cost the pool shares out.' });
    expect(poolFromForm(form({ targets: [] }), none)).toEqual({ ok: false, problem: 'Targets: add at least one target.' });
    const cond = poolFromForm(form({ sourceKind: 'condition', sourceWhen: { type: 'group', combinator: 'all', items: [{ type: 'condition', field: 'column', name: 'ServiceName', operator: 'equals', value: 'EKS' }] }, targets: [{ kind: 'value', name: 'a', percent: '' }] }), new Set(['platform']));
    expect(cond.ok && cond.value).toMatchObject({ id: 'platform-2', source: { kind: 'condition', when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'equals', value: 'EKS' }] } } });
  });
  it('round-trips a stored pool through the form unchanged', () => {
    const pools: SharedCostPool[] = [
      { id: 'p', name: 'P', enabled: false, dimension: 'team', source: { kind: 'value', value: null }, targets: [{ kind: 'value', value: 'a' }, { kind: 'pool', pool: 'q' }], method: { kind: 'fixed', percentages: [12.5, 87.5] }, note: 'n' },
      { id: 'q', name: 'Q', enabled: true, dimension: 'project', source: { kind: 'condition', when: { match: 'any', conditions: [] } }, targets: [{ kind: 'value', value: 'x' }], method: { kind: 'usage', metric: 'gpuHours' } },
    ];
    for (const pool of pools) expect(poolFromForm(poolToForm(pool), none)).toEqual({ ok: true, value: pool });
  });
});
