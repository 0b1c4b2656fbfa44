/**
 * Checks of attribution configuration from outside (IPC, rule packs, the workspace file): each
 * function returns a clean copy or throws a BAD_REQUEST naming what is wrong and where.
 */
import type {
  AllocationRule,
  AttributionConfig,
  AttributionDimension,
  ColumnRef,
  Condition,
  ConditionGroup,
  ConditionNode,
  PoolSource,
  PoolTarget,
  RuleValue,
  SharedCostPool,
  SplitMethod,
  UsageMetric,
} from '../../../shared/attribution.js';
import { EngineError } from '../../../shared/rpc.js';
import { COST_COLUMNS } from '../db/cost-columns.js';
import { regexOf } from './predicates.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const DIMENSION_ID = /^[a-z][a-z0-9_-]{0,39}$/;
const MAX_RULES = 2000;
const MAX_POOLS = 200;
const MAX_DEPTH = 8;
const MAX_TEXT = 2000;
/** Percentages must total 100 within this (they are typed by people as decimals). */
const PERCENT_TOLERANCE = 1e-6;

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

function obj(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function text(value: unknown, what: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) bad(`${what} must be ${allowEmpty ? 'text' : 'non-empty text'}.`);
  if (value.length > MAX_TEXT) bad(`${what} is longer than ${MAX_TEXT} characters.`);
  return value;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) bad(`${what} must be a list.`);
  return value;
}

function optionalNote(value: unknown, what: string): { note?: string } {
  return value === undefined ? {} : { note: text(value, what, true) };
}

function flag(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') bad(`${what} must be true or false.`);
  return value;
}

export function checkColumnRef(value: unknown, what: string): ColumnRef {
  const ref = text(value, what);
  if (ref.startsWith('tag:')) {
    if (ref.slice(4).trim() === '') bad(`${what} "${ref}" needs a tag key after "tag:".`);
    return ref;
  }
  if (ref.startsWith('extra:')) {
    if (ref.slice(6) === '') bad(`${what} "${ref}" needs a column name after "extra:".`);
    return ref;
  }
  if (!COLUMN_KINDS.has(ref)) bad(`${what} "${ref}" is not a FOCUS column, "tag:<key>" or "extra:<column>".`);
  return ref;
}

const COLUMN_KINDS = new Map(COST_COLUMNS.map((c) => [c.name, c.kind]));

/** True for a decimal or date-time column: numbers, not text. */
function isNumberColumn(ref: ColumnRef): boolean {
  const kind = COLUMN_KINDS.get(ref);
  return kind === 'decimal' || kind === 'time';
}

export function checkRegex(pattern: string, ignoreCase: boolean, what: string): RegExp {
  try {
    return regexOf(pattern, ignoreCase);
  } catch (error) {
    return bad(`${what}: "${pattern}" is not a valid regular expression (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function optionalIgnoreCase(value: unknown, what: string): { ignoreCase?: boolean } {
  return value === undefined ? {} : { ignoreCase: flag(value, `${what}.ignoreCase`) };
}

function checkCondition(r: Record<string, unknown>, what: string): Condition {
  const column = checkColumnRef(r.column, `${what}.column`);
  const textOps = ['equals', 'contains', 'startsWith', 'regex', 'in'];
  if (isNumberColumn(column) && typeof r.op === 'string' && textOps.includes(r.op)) {
    bad(`${what}: ${column} holds numbers (or times); compare it with <, <=, >, >=, = or test exists / missing.`);
  }
  switch (r.op) {
    case 'equals':
    case 'contains':
    case 'startsWith':
    case 'regex': {
      const value = text(r.value, `${what}.value`, r.op === 'equals');
      const ic = optionalIgnoreCase(r.ignoreCase, what);
      if (r.op === 'regex') checkRegex(value, ic.ignoreCase === true, `${what}.value`);
      return { column, op: r.op, value, ...ic };
    }
    case 'in': {
      const values = list(r.values, `${what}.values`).map((v, i) => text(v, `${what}.values[${i}]`, true));
      if (values.length === 0) bad(`${what}.values must list at least one value.`);
      return { column, op: 'in', values, ...optionalIgnoreCase(r.ignoreCase, what) };
    }
    case 'exists':
    case 'missing':
      return { column, op: r.op };
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '=':
      if (typeof r.number !== 'number' || !Number.isFinite(r.number)) bad(`${what}.number must be a number for "${r.op}".`);
      return { column, op: r.op, number: r.number };
    default:
      return bad(`${what}.op must be one of equals, in, contains, startsWith, regex, exists, missing, <, <=, >, >=, =.`);
  }
}

function checkNode(value: unknown, what: string, depth: number): ConditionNode {
  const r = obj(value, what);
  return 'match' in r ? checkGroup(r, what, depth + 1) : checkCondition(r, what);
}

export function checkGroup(value: unknown, what: string, depth = 0): ConditionGroup {
  if (depth > MAX_DEPTH) bad(`${what}: conditions are nested more than ${MAX_DEPTH} deep.`);
  const r = obj(value, what);
  if (r.match !== 'all' && r.match !== 'any') bad(`${what}.match must be "all" or "any".`);
  const conditions = list(r.conditions, `${what}.conditions`).map((c, i) => checkNode(c, `${what}.conditions[${i}]`, depth));
  return { match: r.match, conditions };
}

function textColumn(value: unknown, what: string): ColumnRef {
  const column = checkColumnRef(value, what);
  if (isNumberColumn(column)) bad(`${what}: a value is taken from a text column, a tag or an extra column; ${column} holds numbers.`);
  return column;
}

function checkValue(value: unknown, what: string): RuleValue {
  const r = obj(value, what);
  switch (r.kind) {
    case 'constant':
      return { kind: 'constant', value: text(r.value, `${what}.value`) };
    case 'column':
      return { kind: 'column', column: textColumn(r.column, `${what}.column`) };
    case 'capture': {
      const column = textColumn(r.column, `${what}.column`);
      const pattern = text(r.pattern, `${what}.pattern`);
      const ic = optionalIgnoreCase(r.ignoreCase, what);
      const regex = checkRegex(pattern, ic.ignoreCase === true, `${what}.pattern`);
      const group = r.group;
      if (typeof group === 'number') {
        const groups = new RegExp(`${regex.source}|`, regex.flags).exec('')?.length ?? 1;
        if (!Number.isInteger(group) || group < 0 || group >= groups) bad(`${what}.group ${group} is not a capture group of "${pattern}" (it has ${groups - 1}).`);
      } else if (typeof group === 'string') {
        if (!pattern.includes(`(?<${group}>`)) bad(`${what}.group "${group}" is not a named group of "${pattern}".`);
      } else {
        bad(`${what}.group must be a group number or name.`);
      }
      return { kind: 'capture', column, pattern, group, ...ic };
    }
    default:
      return bad(`${what}.kind must be constant, column or capture.`);
  }
}

export function checkRule(value: unknown, what = 'rule'): AllocationRule {
  const r = obj(value, what);
  const id = text(r.id, `${what}.id`);
  if (!ID.test(id)) bad(`${what}.id "${id}" must be letters, digits, "_", "-" or "." (at most 64).`);
  const where = `Rule "${id}"`;
  return {
    id,
    name: text(r.name, `${where}: name`),
    enabled: flag(r.enabled, `${where}: enabled`),
    dimension: text(r.dimension, `${where}: dimension`),
    when: checkGroup(r.when, `${where}: when`),
    value: checkValue(r.value, `${where}: value`),
    ...optionalNote(r.note, `${where}: note`),
  };
}

function checkMetric(value: unknown, what: string): UsageMetric {
  if (value === 'tokens' || value === 'gpuHours' || value === 'requests') return value;
  const r = obj(value, what);
  return { imported: text(r.imported, `${what}.imported`) };
}

function checkMethod(value: unknown, what: string, targets: number): SplitMethod {
  const r = obj(value, what);
  switch (r.kind) {
    case 'even':
    case 'proportional':
      return { kind: r.kind };
    case 'fixed': {
      const percentages = list(r.percentages, `${what}.percentages`).map((p, i) => {
        if (typeof p !== 'number' || !Number.isFinite(p) || p < 0) bad(`${what}.percentages[${i}] must be a number of 0 or more.`);
        return p;
      });
      if (percentages.length !== targets) bad(`${what}: ${percentages.length} percentages for ${targets} targets (one per target, in order).`);
      const total = percentages.reduce((a, b) => a + b, 0);
      if (Math.abs(total - 100) > PERCENT_TOLERANCE) bad(`${what}: the percentages total ${total}%, not 100%.`);
      return { kind: 'fixed', percentages };
    }
    case 'usage':
      return { kind: 'usage', metric: checkMetric(r.metric, `${what}.metric`) };
    default:
      return bad(`${what}.kind must be even, proportional, fixed or usage.`);
  }
}

function checkSource(value: unknown, what: string): PoolSource {
  const r = obj(value, what);
  if (r.kind === 'condition') return { kind: 'condition', when: checkGroup(r.when, `${what}.when`) };
  if (r.kind === 'value') {
    if (r.value === null) return { kind: 'value', value: null };
    return { kind: 'value', value: text(r.value, `${what}.value`) };
  }
  return bad(`${what}.kind must be "condition" or "value".`);
}

function checkTarget(value: unknown, what: string): PoolTarget {
  const r = obj(value, what);
  if (r.kind === 'value') return { kind: 'value', value: text(r.value, `${what}.value`) };
  if (r.kind === 'pool') return { kind: 'pool', pool: text(r.pool, `${what}.pool`) };
  return bad(`${what}.kind must be "value" or "pool".`);
}

export function checkPool(value: unknown, what = 'pool'): SharedCostPool {
  const r = obj(value, what);
  const id = text(r.id, `${what}.id`);
  if (!ID.test(id)) bad(`${what}.id "${id}" must be letters, digits, "_", "-" or "." (at most 64).`);
  const where = `Pool "${id}"`;
  const targets = list(r.targets, `${where}: targets`).map((t, i) => checkTarget(t, `${where}: targets[${i}]`));
  if (targets.length === 0) bad(`${where}: targets must list at least one value or pool.`);
  const keys = targets.map((t) => (t.kind === 'value' ? `value:${t.value}` : `pool:${t.pool}`));
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) bad(`${where}: target ${twice} is listed twice.`);
  if (targets.some((t) => t.kind === 'pool' && t.pool === id)) bad(`${where} cannot feed itself.`);
  return {
    id,
    name: text(r.name, `${where}: name`),
    enabled: flag(r.enabled, `${where}: enabled`),
    dimension: text(r.dimension, `${where}: dimension`),
    source: checkSource(r.source, `${where}: source`),
    targets,
    method: checkMethod(r.method, `${where}: method`, targets.length),
    ...optionalNote(r.note, `${where}: note`),
  };
}

function checkDimension(value: unknown, what: string): AttributionDimension {
  const r = obj(value, what);
  const id = text(r.id, `${what}.id`);
  if (!DIMENSION_ID.test(id)) bad(`${what}.id "${id}" must start with a lower-case letter and be lower-case letters, digits, "_" or "-".`);
  return { id, name: text(r.name, `Dimension "${id}": name`) };
}

/** The pools that feed each pool, in an order where a pool comes after every pool feeding it. */
export function poolOrder(pools: readonly SharedCostPool[]): SharedCostPool[] {
  const byId = new Map(pools.map((p) => [p.id, p]));
  const ordered: SharedCostPool[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  // A pool must be split before the pools it feeds: visit feeders first (edges reversed).
  const feeders = new Map<string, string[]>();
  for (const p of pools) for (const t of p.targets) if (t.kind === 'pool') feeders.set(t.pool, [...(feeders.get(t.pool) ?? []), p.id]);
  const visit = (id: string, path: string[]): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id].reverse();
      bad(`Pools feed each other in a cycle: ${cycle.join(' → ')}. A pool cannot receive, directly or not, from a pool it feeds.`);
    }
    state.set(id, 'visiting');
    for (const f of feeders.get(id) ?? []) visit(f, [...path, id]);
    state.set(id, 'done');
    const pool = byId.get(id);
    if (pool) ordered.push(pool);
  };
  for (const p of pools) visit(p.id, []);
  return ordered;
}

/** A whole configuration: items checked, ids unique, references resolved, no pool cycles. */
export function checkConfig(value: unknown, what = 'config'): AttributionConfig {
  const r = obj(value, what);
  const dimensions = list(r.dimensions, `${what}.dimensions`).map((d, i) => checkDimension(d, `${what}.dimensions[${i}]`));
  const rules = list(r.rules, `${what}.rules`).map((x, i) => checkRule(x, `${what}.rules[${i}]`));
  const pools = list(r.pools, `${what}.pools`).map((x, i) => checkPool(x, `${what}.pools[${i}]`));
  const hierarchy = r.hierarchy === undefined ? [] : list(r.hierarchy, `${what}.hierarchy`).map((h, i) => text(h, `${what}.hierarchy[${i}]`));
  if (rules.length > MAX_RULES) bad(`At most ${MAX_RULES} rules.`);
  if (pools.length > MAX_POOLS) bad(`At most ${MAX_POOLS} pools.`);
  const dimensionIds = new Set<string>();
  for (const d of dimensions) {
    if (dimensionIds.has(d.id)) bad(`Dimension "${d.id}" is defined twice.`);
    dimensionIds.add(d.id);
  }
  const known = (id: string, who: string): void => {
    if (!dimensionIds.has(id)) bad(`${who}: dimension "${id}" is not defined (defined: ${[...dimensionIds].join(', ') || 'none'}).`);
  };
  hierarchy.forEach((h, i) => {
    known(h, `Hierarchy level ${i + 1}`);
    if (hierarchy.indexOf(h) !== i) bad(`Hierarchy lists "${h}" twice.`);
  });
  const ruleIds = new Set<string>();
  for (const rule of rules) {
    if (ruleIds.has(rule.id)) bad(`Rule id "${rule.id}" is used twice.`);
    ruleIds.add(rule.id);
    known(rule.dimension, `Rule "${rule.id}"`);
  }
  const poolsById = new Map<string, SharedCostPool>();
  for (const pool of pools) {
    if (poolsById.has(pool.id)) bad(`Pool id "${pool.id}" is used twice.`);
    poolsById.set(pool.id, pool);
    known(pool.dimension, `Pool "${pool.id}"`);
  }
  for (const pool of pools) {
    for (const t of pool.targets) {
      if (t.kind !== 'pool') continue;
      const fed = poolsById.get(t.pool);
      if (!fed) bad(`Pool "${pool.id}": target pool "${t.pool}" does not exist.`);
      if (fed.dimension !== pool.dimension) bad(`Pool "${pool.id}" (dimension ${pool.dimension}) cannot feed pool "${fed.id}" (dimension ${fed.dimension}).`);
      if (!fed.enabled && pool.enabled) bad(`Pool "${pool.id}" feeds pool "${fed.id}", which is disabled.`);
    }
  }
  poolOrder(pools);
  return { dimensions, hierarchy, rules, pools };
}

/** The rule set of a new workspace: the default dimensions, no rules. */
export function defaultConfig(): AttributionConfig {
  return {
    dimensions: [
      { id: 'team', name: 'Team' },
      { id: 'project', name: 'Project' },
      { id: 'model', name: 'Model' },
      { id: 'environment', name: 'Environment' },
      { id: 'cost_centre', name: 'Cost centre' },
    ],
    hierarchy: ['team', 'project', 'model'],
    rules: [],
    pools: [],
  };
}
