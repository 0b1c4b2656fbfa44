/**
 * Rule packs: the shareable JSON form of a rule set (docs/rule-packs.md). Import is two steps:
 * the diff of what applying would change, then the apply, which checks the merged result whole.
 */
import type {
  AllocationRule,
  AttributionConfig,
  AttributionDimension,
  ItemChange,
  RulePack,
  RulePackDiff,
  RulePackMode,
  SharedCostPool,
} from '../../../shared/attribution.js';
import { EngineError } from '../../../shared/rpc.js';
import { checkConfig } from './check-config.js';

export const RULE_PACK_FORMAT = 'cost-council-rule-pack';

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

/** Checks a pack from outside: its header, then its content as a rule set on its own. */
export function checkRulePack(value: unknown): RulePack {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad('The rule pack must be a JSON object.');
  const r = value as Record<string, unknown>;
  if (r.format !== RULE_PACK_FORMAT) bad(`This is not a rule pack: "format" must be "${RULE_PACK_FORMAT}".`);
  if (r.version !== 1) bad(`Rule pack version ${String(r.version)} is not supported (this version of Cost Council reads version 1).`);
  const config = checkConfig({ dimensions: r.dimensions, hierarchy: r.hierarchy, rules: r.rules, pools: r.pools }, 'pack');
  const pack: RulePack = { format: RULE_PACK_FORMAT, version: 1, dimensions: config.dimensions, rules: config.rules, pools: config.pools };
  if (r.hierarchy !== undefined) pack.hierarchy = config.hierarchy;
  if (typeof r.name === 'string' && r.name !== '') pack.name = r.name;
  if (typeof r.description === 'string' && r.description !== '') pack.description = r.description;
  return pack;
}

export function exportRulePack(config: AttributionConfig, info: { name?: string; description?: string }): RulePack {
  return {
    format: RULE_PACK_FORMAT,
    version: 1,
    ...(info.name ? { name: info.name } : {}),
    ...(info.description ? { description: info.description } : {}),
    dimensions: config.dimensions,
    hierarchy: config.hierarchy,
    rules: config.rules,
    pools: config.pools,
  };
}

function mergeById<T extends { id: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(incoming.map((item) => [item.id, item]));
  const merged = current.map((item) => byId.get(item.id) ?? item);
  const known = new Set(current.map((item) => item.id));
  return [...merged, ...incoming.filter((item) => !known.has(item.id))];
}

/** The rule set after applying the pack (checked whole: a merge can still break references). */
export function applyRulePack(config: AttributionConfig, pack: RulePack, mode: RulePackMode): AttributionConfig {
  const dimensions = mode === 'replace' ? pack.dimensions : mergeById(config.dimensions, pack.dimensions);
  // Without a hierarchy of its own, a pack keeps the workspace's, less the dimensions it does not have.
  const hierarchy = pack.hierarchy ?? config.hierarchy.filter((id) => dimensions.some((d) => d.id === id));
  const next: AttributionConfig =
    mode === 'replace'
      ? { dimensions, hierarchy, rules: pack.rules, pools: pack.pools }
      : { dimensions, hierarchy, rules: mergeById(config.rules, pack.rules), pools: mergeById(config.pools, pack.pools) };
  return checkConfig(next, mode === 'merge' ? 'The rule set merged with the pack' : 'The pack');
}

/** Canonical JSON: keys sorted, so two equal items compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function diffItems<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const added: T[] = [];
  const changed: Array<ItemChange<T>> = [];
  let unchanged = 0;
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (!old) {
      added.push(item);
      continue;
    }
    const keys = [...new Set([...Object.keys(old), ...Object.keys(item)])].sort();
    const fields = keys.filter((k) => canonical((old as Record<string, unknown>)[k]) !== canonical((item as Record<string, unknown>)[k]));
    if (fields.length === 0) unchanged++;
    else changed.push({ id: item.id, before: old, after: item, fields });
  }
  const removed = before.filter((item) => !afterIds.has(item.id));
  return { added, removed, changed, unchanged };
}

export function diffConfigs(before: AttributionConfig, after: AttributionConfig, mode: RulePackMode): RulePackDiff {
  const rules = diffItems<AllocationRule>(before.rules, after.rules);
  const kept = after.rules.map((r) => r.id).filter((id) => before.rules.some((b) => b.id === id));
  const keptBefore = before.rules.map((r) => r.id).filter((id) => kept.includes(id));
  const dims = diffItems<AttributionDimension>(before.dimensions, after.dimensions);
  return {
    mode,
    rules: { ...rules, reordered: kept.join('\n') !== keptBefore.join('\n') },
    pools: diffItems<SharedCostPool>(before.pools, after.pools),
    dimensions: { added: dims.added, removed: dims.removed },
    hierarchyChanged: before.hierarchy.join('\n') !== after.hierarchy.join('\n'),
  };
}

/** What applying the pack would change (the pack is checked against the rule set first). */
export function diffRulePack(config: AttributionConfig, pack: RulePack, mode: RulePackMode): RulePackDiff {
  return diffConfigs(config, applyRulePack(config, pack, mode), mode);
}
