/** The engine handlers of cost attribution, spread into the engine's handler table. */
import type { AttributionConfig } from '../../../shared/attribution.js';
import type { EngineMethod } from '../../../shared/contract.js';
import { EngineError, type CallContext, type EngineHandlers } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { dayFromIso } from '../import/values.js';
import * as validate from '../validate.js';
import { checkConfig } from './check-config.js';
import { addFrozen, addVersion, currentConfig, removeFrozen, ruleVersions, writeCurrentConfig } from './config-store.js';
import { applyRulePack, diffRulePack, exportRulePack } from './rule-pack.js';
import { allocationSummary, allocationTree, coverageOverTime } from './queries.js';
import { diffVersions, previewRule } from './compare.js';
import { explainAllocation, explainLine } from './explain.js';

export type AttributionMethod = Extract<
  EngineMethod,
  | 'attributionConfig'
  | 'saveAttributionConfig'
  | 'saveRule'
  | 'deleteRule'
  | 'reorderRules'
  | 'savePool'
  | 'deletePool'
  | 'previewRule'
  | 'allocationSummary'
  | 'allocationTree'
  | 'coverageOverTime'
  | 'explainAllocation'
  | 'explainLine'
  | 'exportRulePack'
  | 'diffRulePack'
  | 'applyRulePack'
  | 'listRuleVersions'
  | 'saveRuleVersion'
  | 'freezePeriod'
  | 'restatePeriod'
  | 'diffVersions'
>;

export interface AttributionEnv {
  store(): Store;
  serialised<T>(job: () => Promise<T>): Promise<T>;
  now(): number;
}

function day(text: string, field: string): number {
  const d = dayFromIso(text);
  if (d === undefined) throw new EngineError('BAD_REQUEST', `${field} "${text}" is not a date (YYYY-MM-DD).`);
  return d;
}

function changed(ctx: CallContext): void {
  ctx.emit('dataChanged', { tables: ['attribution'] });
}

export function attributionHandlers(env: AttributionEnv): Pick<EngineHandlers, AttributionMethod> {
  const iso = (): string => new Date(env.now()).toISOString();
  /** Runs an edit of the current rule set: checked whole, saved in one transaction, or nothing. */
  const edit = (ctx: CallContext, change: (config: AttributionConfig) => AttributionConfig): Promise<AttributionConfig> =>
    env.serialised(async () => {
      const store = env.store();
      const next = checkConfig(change(currentConfig(store)), 'The rule set');
      transaction(store, () => writeCurrentConfig(store, next, iso()));
      changed(ctx);
      return next;
    });

  return {
    attributionConfig: () => env.serialised(async () => currentConfig(env.store())),
    saveAttributionConfig: async (arg, ctx) => {
      const config = validate.attributionConfig(arg);
      return edit(ctx, () => config);
    },
    saveRule: async (arg, ctx) => {
      const { rule, position } = validate.saveRule(arg);
      return edit(ctx, (config) => {
        const at = config.rules.findIndex((r) => r.id === rule.id);
        const rules = [...config.rules];
        if (at >= 0) rules[at] = rule;
        else rules.splice(Math.min(position ?? rules.length, rules.length), 0, rule);
        return { ...config, rules };
      });
    },
    deleteRule: async (arg, ctx) => {
      const id = validate.itemId(arg);
      return edit(ctx, (config) => {
        if (!config.rules.some((r) => r.id === id)) throw new EngineError('NOT_FOUND', `There is no rule "${id}".`);
        return { ...config, rules: config.rules.filter((r) => r.id !== id) };
      });
    },
    reorderRules: async (arg, ctx) => {
      const ids = validate.ruleIds(arg);
      return edit(ctx, (config) => {
        const byId = new Map(config.rules.map((r) => [r.id, r]));
        const missing = config.rules.filter((r) => !ids.includes(r.id)).map((r) => r.id);
        const unknown = ids.filter((id) => !byId.has(id));
        if (missing.length > 0 || unknown.length > 0 || new Set(ids).size !== ids.length) {
          throw new EngineError('BAD_REQUEST', `ids must list every rule once${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`);
        }
        return { ...config, rules: ids.map((id) => byId.get(id)).filter((r) => r !== undefined) };
      });
    },
    savePool: async (arg, ctx) => {
      const pool = validate.savePool(arg);
      return edit(ctx, (config) => {
        const at = config.pools.findIndex((p) => p.id === pool.id);
        const pools = [...config.pools];
        if (at >= 0) pools[at] = pool;
        else pools.push(pool);
        return { ...config, pools };
      });
    },
    deletePool: async (arg, ctx) => {
      const id = validate.itemId(arg);
      return edit(ctx, (config) => {
        if (!config.pools.some((p) => p.id === id)) throw new EngineError('NOT_FOUND', `There is no pool "${id}".`);
        return { ...config, pools: config.pools.filter((p) => p.id !== id) };
      });
    },
    previewRule: async (arg) => {
      const request = validate.rulePreview(arg);
      return env.serialised(async () => previewRule(env.store(), request));
    },
    allocationSummary: async (arg) => {
      const query = validate.allocationQuery(arg);
      return env.serialised(async () => allocationSummary(env.store(), query));
    },
    allocationTree: async (arg) => {
      const scope = validate.allocationScope(arg);
      return env.serialised(async () => allocationTree(env.store(), scope));
    },
    coverageOverTime: async (arg) => {
      const query = validate.coverageQuery(arg);
      return env.serialised(async () => coverageOverTime(env.store(), query));
    },
    explainAllocation: async (arg) => {
      const query = validate.explainQuery(arg);
      return env.serialised(async () => explainAllocation(env.store(), query));
    },
    explainLine: async (arg) => {
      const ref = validate.lineRef(arg);
      return env.serialised(async () => explainLine(env.store(), ref));
    },
    exportRulePack: async (arg) => {
      const info = validate.packInfo(arg);
      return env.serialised(async () => exportRulePack(currentConfig(env.store()), info));
    },
    diffRulePack: async (arg) => {
      const { pack, mode } = validate.rulePackRequest(arg);
      return env.serialised(async () => diffRulePack(currentConfig(env.store()), pack, mode));
    },
    applyRulePack: async (arg, ctx) => {
      const { pack, mode } = validate.rulePackRequest(arg);
      return edit(ctx, (config) => applyRulePack(config, pack, mode));
    },
    listRuleVersions: () => env.serialised(async () => ruleVersions(env.store())),
    saveRuleVersion: async (arg, ctx) => {
      const { label, effectiveFrom } = validate.ruleVersion(arg);
      return env.serialised(async () => {
        const store = env.store();
        transaction(store, () => addVersion(store, label, day(effectiveFrom, 'effectiveFrom'), iso()));
        changed(ctx);
        return ruleVersions(store);
      });
    },
    freezePeriod: async (arg, ctx) => {
      const { from, to, label } = validate.period(arg);
      return env.serialised(async () => {
        const store = env.store();
        transaction(store, () => addFrozen(store, day(from, 'from'), day(to, 'to'), label ?? `${from} to ${to}`, iso()));
        changed(ctx);
        return ruleVersions(store);
      });
    },
    restatePeriod: async (arg, ctx) => {
      const id = validate.frozenId(arg);
      return env.serialised(async () => {
        const store = env.store();
        transaction(store, () => removeFrozen(store, id));
        changed(ctx);
        return ruleVersions(store);
      });
    },
    diffVersions: async (arg) => {
      const request = validate.versionDiffRequest(arg);
      return env.serialised(async () => diffVersions(env.store(), request));
    },
  };
}

function transaction(store: Store, job: () => void): void {
  store.exec('BEGIN');
  try {
    job();
    store.exec('COMMIT');
  } catch (error) {
    store.exec('ROLLBACK');
    throw error;
  }
}
