/** A shared-cost pool as its editor holds it, and back to the engine's `SharedCostPool` (pure, tested beside). */
import type { SharedCostPool, SplitMethod } from '../../../../shared/attribution.js';
import type { GroupForm } from './condition-form.js';
import { percentTotal } from './percent-total.js';
import { groupFromForm, groupToForm, ruleIdFor, type Checked } from './rule-form.js';

export interface TargetForm {
  kind: 'value' | 'pool';
  /** The dimension value, or the id of the pool it feeds. */
  name: string;
  /** The fixed percentage as typed (method fixed only). */
  percent: string;
}

export type MetricChoice = 'tokens' | 'gpuHours' | 'requests' | 'imported';

export interface PoolForm {
  id: string | null;
  name: string;
  enabled: boolean;
  dimension: string;
  sourceKind: 'value' | 'unallocated' | 'condition';
  /** The value whose cost the pool takes (source kind value). */
  sourceValue: string;
  sourceWhen: GroupForm;
  targets: TargetForm[];
  method: SplitMethod['kind'];
  metric: MetricChoice;
  importedMetric: string;
  note: string;
}

export const METHOD_LABEL: Record<SplitMethod['kind'], string> = {
  even: 'Evenly',
  proportional: 'In proportion to each target’s own cost',
  fixed: 'By fixed percentages',
  usage: 'By a usage metric',
};

export const METRIC_LABEL: Record<MetricChoice, string> = {
  tokens: 'Tokens',
  gpuHours: 'GPU hours',
  requests: 'Requests',
  imported: 'An imported metric',
};

export function newPoolForm(dimension: string): PoolForm {
  return {
    id: null, name: '', enabled: true, dimension, sourceKind: 'value', sourceValue: '',
    sourceWhen: { type: 'group', combinator: 'all', items: [] },
    targets: [{ kind: 'value', name: '', percent: '' }, { kind: 'value', name: '', percent: '' }],
    method: 'even', metric: 'tokens', importedMetric: '', note: '',
  };
}

export function poolToForm(pool: SharedCostPool): PoolForm {
  const base = newPoolForm(pool.dimension);
  const percentages = pool.method.kind === 'fixed' ? pool.method.percentages : [];
  const metric = pool.method.kind === 'usage' ? pool.method.metric : 'tokens';
  return {
    ...base,
    id: pool.id, name: pool.name, enabled: pool.enabled, dimension: pool.dimension,
    sourceKind: pool.source.kind === 'condition' ? 'condition' : pool.source.value === null ? 'unallocated' : 'value',
    sourceValue: pool.source.kind === 'value' ? pool.source.value ?? '' : '',
    sourceWhen: pool.source.kind === 'condition' ? groupToForm(pool.source.when) : base.sourceWhen,
    targets: pool.targets.map((t, i) => ({ kind: t.kind, name: t.kind === 'value' ? t.value : t.pool, percent: percentages[i] === undefined ? '' : String(percentages[i]) })),
    method: pool.method.kind,
    metric: typeof metric === 'string' ? metric : 'imported',
    importedMetric: typeof metric === 'string' ? '' : metric.imported,
    note: pool.note ?? '',
  };
}

function methodFromForm(form: PoolForm): Checked<SplitMethod> {
  switch (form.method) {
    case 'even':
    case 'proportional':
      return { ok: true, value: { kind: form.method } };
    case 'fixed': {
      const total = percentTotal(form.targets.map((t) => t.percent));
      if (total.problem) return { ok: false, problem: `Target ${total.problem.index + 1}: ${total.problem.message}.` };
      if (!total.complete) return { ok: false, problem: `The percentages add up to ${total.total}%; they must add up to 100%.` };
      return { ok: true, value: { kind: 'fixed', percentages: form.targets.map((t) => Number(t.percent.trim())) } };
    }
    case 'usage':
      if (form.metric !== 'imported') return { ok: true, value: { kind: 'usage', metric: form.metric } };
      if (form.importedMetric.trim() === '') return { ok: false, problem: 'Method: give the name of the imported metric.' };
      return { ok: true, value: { kind: 'usage', metric: { imported: form.importedMetric.trim() } } };
  }
}

export function poolFromForm(form: PoolForm, takenIds: ReadonlySet<string>): Checked<SharedCostPool> {
  if (form.name.trim() === '') return { ok: false, problem: 'Name: give the pool a name.' };
  if (form.dimension === '') return { ok: false, problem: 'Dimension: choose the dimension the pool moves cost in.' };
  let source: SharedCostPool['source'];
  if (form.sourceKind === 'condition') {
    const when = groupFromForm(form.sourceWhen);
    if (!when.ok) return when;
    source = { kind: 'condition', when: when.value };
  } else if (form.sourceKind === 'unallocated') source = { kind: 'value', value: null };
  else {
    if (form.sourceValue.trim() === '') return { ok: false, problem: 'Costs: give the value whose cost the pool shares out.' };
    source = { kind: 'value', value: form.sourceValue.trim() };
  }
  if (form.targets.length === 0) return { ok: false, problem: 'Targets: add at least one target.' };
  const empty = form.targets.findIndex((t) => t.name.trim() === '');
  if (empty >= 0) return { ok: false, problem: `Target ${empty + 1}: give a ${form.targets[empty]?.kind === 'pool' ? 'pool' : 'value'}.` };
  const method = methodFromForm(form);
  if (!method.ok) return method;
  return {
    ok: true,
    value: {
      id: form.id ?? ruleIdFor(form.name, takenIds),
      name: form.name.trim(),
      enabled: form.enabled,
      dimension: form.dimension,
      source,
      targets: form.targets.map((t) => (t.kind === 'pool' ? { kind: 'pool', pool: t.name.trim() } : { kind: 'value', value: t.name.trim() })),
      method: method.value,
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    },
  };
}

/** "Evenly to search, research" / "By fixed percentages: search 60%, research 40%". */
export function describePool(pool: SharedCostPool, poolName: (id: string) => string): string {
  const names = pool.targets.map((t) => (t.kind === 'pool' ? `pool ${poolName(t.pool)}` : t.value));
  const from = pool.source.kind === 'condition' ? 'matching cost lines' : pool.source.value === null ? 'the unallocated cost' : `the cost of ${pool.source.value}`;
  const m = pool.method;
  const split = m.kind === 'fixed'
    ? names.map((n, i) => `${n} ${m.percentages[i] ?? 0}%`).join(', ')
    : `${METHOD_LABEL[m.kind].toLowerCase()}${m.kind === 'usage' ? ` (${typeof m.metric === 'string' ? METRIC_LABEL[m.metric].toLowerCase() : m.metric.imported})` : ''} to ${names.join(', ')}`;
  return `Shares ${from} ${m.kind === 'fixed' ? `by fixed percentages: ${split}` : split}.`;
}
