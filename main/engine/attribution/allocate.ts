/**
 * One allocation run of one rule set over a stretch of days: the lines (or the attribution cube)
 * are grouped in SQL by each dimension's rule key and pool membership, then pools are split in
 * JavaScript over those few groups ("cells"). Every cell's cost lands exactly once per
 * dimension, on a value or on unallocated, so totals are conserved per currency.
 */
import type { AttributionConfig, SharedCostPool, UsageMetric } from '../../../shared/attribution.js';
import type { Store } from '../db/store.js';
import { entry, monthOfDay, Money } from './accumulate.js';
import { poolOrder } from './check-config.js';
import type { Compiler, DecodedKey, Signature } from './compile.js';
import type { Cube, Slots } from './cube.js';
import { sharesOf, splitAmount, staticShares } from './split.js';
import { TupleIndex } from './tuple-index.js';

export interface Cell {
  keys: Array<number | string | null>;
  pools: Array<number | null>;
  currency: string;
  day: number;
  lines: number;
  billed: number;
  effective: number;
  tokens: number;
  gpuHours: number;
  requests: number;
}

export interface DimensionPlan {
  dimension: string;
  /** The enabled rules of the dimension, in order. */
  rules: SharedRule[];
  decode: (key: number | string) => DecodedKey;
  /** The rule key of a signature (null: no rule matched). */
  key: (sig: Signature) => number | null;
  /** The condition pool that takes a signature's cost (index in config.pools), or null. */
  pool: (sig: Signature) => number | null;
}
type SharedRule = AttributionConfig['rules'][number];

export interface FlowRow {
  pool: string;
  direction: 'in' | 'out';
  currency: string;
  day: number;
  value: string | null;
  otherPool: string | null;
  billed: number;
  effective: number;
  evenFallback: boolean;
}

export interface DimensionResult {
  dimension: string;
  /** value (null = unallocated) → currency → day → money. */
  rows: Map<string | null, Map<string, Map<number, Money>>>;
  flows: FlowRow[];
}

export interface RunResult {
  config: AttributionConfig;
  plans: DimensionPlan[];
  cells: Cell[];
  dimensions: DimensionResult[];
}

/** Plans every dimension of the config: its rule chain and condition pools, as tests of a signature. */
export function planDimensions(compiler: Compiler, config: AttributionConfig, only?: string): DimensionPlan[] {
  return config.dimensions
    .filter((d) => only === undefined || d.id === only)
    .map((d) => {
      const rules = config.rules.filter((r) => r.enabled && r.dimension === d.id);
      const chain = compiler.ruleChain(rules);
      const poolIndexes = config.pools.flatMap((p, i) => (p.enabled && p.dimension === d.id ? [i] : []));
      return { dimension: d.id, rules, decode: chain.decode, key: chain.key, pool: compiler.poolChain(config.pools, poolIndexes) };
    });
}

/**
 * Groups the cube's slots of [fromDay, toDay] into cells: slots whose signatures get the same
 * keys and pools in every plan, per currency and day. Each signature is evaluated once.
 */
export function cellsOf(cube: Cube, slots: Slots, plans: readonly DimensionPlan[], fromDay: number, toDay: number): Cell[] {
  const classOf = new Int32Array(cube.sigs.length).fill(-1);
  const classes: Array<{ keys: Array<number | null>; pools: Array<number | null> }> = [];
  const classIndex = new Map<string, number>();
  const cellIndex = new TupleIndex(3, 1 << 12);
  const cellKey = new Float64Array(3);
  const cells: Cell[] = [];
  const money: Money[] = [];
  for (let i = 0; i < slots.count; i++) {
    const day = slots.day[i] as number;
    if (day < fromDay || day > toDay) continue;
    const s = slots.sig[i] as number;
    let k = classOf[s] as number;
    if (k < 0) {
      const sig = cube.sigs[s] as Signature;
      const keys = plans.map((p) => p.key(sig));
      const pools = plans.map((p) => p.pool(sig));
      const text = JSON.stringify([keys, pools]);
      let known = classIndex.get(text);
      if (known === undefined) {
        known = classes.length;
        classes.push({ keys, pools });
        classIndex.set(text, known);
      }
      classOf[s] = known;
      k = known;
    }
    const currency = slots.currency[i] as number;
    cellKey[0] = k;
    cellKey[1] = currency;
    cellKey[2] = day;
    const at = cellIndex.id(cellKey);
    if (at === cells.length) {
      const c = classes[k] as (typeof classes)[number];
      cells.push({ keys: c.keys, pools: c.pools, currency: cube.currencies[currency] ?? '', day, lines: 0, billed: 0, effective: 0, tokens: 0, gpuHours: 0, requests: 0 });
      money.push(new Money());
    }
    const cell = cells[at] as Cell;
    cell.lines += slots.lines[i] as number;
    cell.tokens += slots.tokens[i] as number;
    cell.gpuHours += slots.gpuHours[i] as number;
    cell.requests += slots.requests[i] as number;
    (money[at] as Money).add(slots.billed[i] as number, slots.effective[i] as number);
  }
  cells.forEach((cell, i) => {
    const m = money[i] as Money;
    cell.billed = m.totalBilled;
    cell.effective = m.totalEffective;
  });
  return cells;
}

/** Imported metric amounts of a dimension by value and month (unit economics' `metrics` table, when present). */
function importedMetric(store: Store, name: string, dimension: string): Map<string, Map<number, number>> {
  const result = new Map<string, Map<number, number>>();
  if (store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'metrics'") !== 1) return result;
  for (const r of store.all<{ value: string; day: number; amount: number }>('SELECT value, day, amount FROM metrics WHERE name = ? AND dimension = ?', [name, dimension])) {
    const byMonth = entry(result, r.value, () => new Map<number, number>());
    const month = monthOfDay(r.day);
    byMonth.set(month, (byMonth.get(month) ?? 0) + r.amount);
  }
  return result;
}

function metricKey(metric: UsageMetric): string {
  return typeof metric === 'string' ? metric : `imported:${metric.imported}`;
}

export interface Placement {
  /** What the rules gave the cell (null: no rule matched). */
  value: string | null;
  /** Index in `plan.rules` of the rule that did (-1: none). */
  rule: number;
  /** Index in `config.pools` of the pool that takes the cell's cost, or null. */
  pool: number | null;
}

/**
 * Where a cell's cost goes in one dimension: its rule value, and the first pool (in config order)
 * whose source takes it: a condition pool that matched its lines, or a value pool of its value.
 */
export function placer(config: AttributionConfig, plan: DimensionPlan, index: number): (cell: Pick<Cell, 'keys' | 'pools'>) => Placement {
  const valuePool = new Map<string | null, number>();
  config.pools.forEach((pool, i) => {
    if (pool.enabled && pool.dimension === plan.dimension && pool.source.kind === 'value' && !valuePool.has(pool.source.value)) valuePool.set(pool.source.value, i);
  });
  return (cell) => {
    const key = cell.keys[index] ?? null;
    const decoded = key === null ? null : plan.decode(key);
    const matched = decoded !== null && decoded.rule >= 0 && decoded.value !== '';
    const value = matched ? decoded.value : null;
    const conditionPool = cell.pools[index] ?? null;
    const byValue = valuePool.get(value);
    const pool = conditionPool === null ? (byValue ?? null) : byValue === undefined ? conditionPool : Math.min(conditionPool, byValue);
    return { value, rule: matched ? decoded.rule : -1, pool };
  };
}

/** Resolves one dimension: direct values, pools split in dependency order. */
export function resolveDimension(store: Store, config: AttributionConfig, plan: DimensionPlan, index: number, cells: readonly Cell[]): DimensionResult {
  const rows: DimensionResult['rows'] = new Map();
  const flows: FlowRow[] = [];
  const add = (value: string | null, currency: string, day: number, billed: number, effective: number): void => {
    entry(entry(entry(rows, value, () => new Map()), currency, () => new Map()), day, () => new Money()).add(billed, effective);
  };
  const pools = config.pools.map((p, i) => ({ pool: p, index: i })).filter(({ pool }) => pool.enabled && pool.dimension === plan.dimension);
  const place = placer(config, plan, index);
  // Pool inputs: pool index → currency → day → money; weights from the direct (rule) cost and usage.
  const input = new Map<number, Map<string, Map<number, Money>>>();
  const inFlows = new Map<string, Money>();
  const directCost = new Map<string | null, Map<string, Map<number, number>>>();
  const usage = new Map<string, Map<string | null, Map<number, number>>>();
  const usageMetrics = new Set(pools.flatMap(({ pool }) => (pool.method.kind === 'usage' ? [metricKey(pool.method.metric)] : [])));

  for (const cell of cells) {
    const { value, pool } = place(cell);
    const month = monthOfDay(cell.day);
    const byCurrency = entry(entry(directCost, value, () => new Map()), cell.currency, () => new Map<number, number>());
    byCurrency.set(month, (byCurrency.get(month) ?? 0) + cell.effective);
    for (const metric of usageMetrics) {
      const amount = metric === 'tokens' ? cell.tokens : metric === 'gpuHours' ? cell.gpuHours : metric === 'requests' ? cell.requests : 0;
      if (amount === 0) continue;
      const byMonth = entry(entry(usage, metric, () => new Map()), value, () => new Map<number, number>());
      byMonth.set(month, (byMonth.get(month) ?? 0) + amount);
    }
    if (pool === null) {
      add(value, cell.currency, cell.day, cell.billed, cell.effective);
      continue;
    }
    entry(entry(input, pool, () => new Map()), cell.currency, () => new Map<number, Money>());
    entry(entry(input.get(pool) as Map<string, Map<number, Money>>, cell.currency, () => new Map()), cell.day, () => new Money()).add(cell.billed, cell.effective);
    entry(inFlows, JSON.stringify([pool, cell.currency, cell.day, value]), () => new Money()).add(cell.billed, cell.effective);
  }
  for (const [k, money] of inFlows) {
    const [pool, currency, day, value] = JSON.parse(k) as [number, string, number, string | null];
    flows.push({ pool: config.pools[pool]?.id ?? '', direction: 'in', currency, day, value, otherPool: null, billed: money.totalBilled, effective: money.totalEffective, evenFallback: false });
  }

  for (const metric of usageMetrics) {
    if (metric.startsWith('imported:')) usage.set(metric, importedMetric(store, metric.slice('imported:'.length), plan.dimension) as Map<string | null, Map<number, number>>);
  }
  const indexOf = new Map(config.pools.map((p, i) => [p.id, i]));
  const ordered = poolOrder(pools.map(({ pool }) => pool));
  for (const pool of ordered) {
    const poolIndex = indexOf.get(pool.id) as number;
    const byCurrency = input.get(poolIndex);
    if (!byCurrency) continue;
    const weightsFor = weightFunction(config, pool, directCost, usage);
    const fixed = staticShares(pool.method, pool.targets.length);
    const sharesCache = new Map<string, { shares: number[]; evenFallback: boolean }>();
    for (const [currency, byDay] of byCurrency) {
      for (const [day, money] of byDay) {
        const month = monthOfDay(day);
        const cacheKey = `${currency}\u0000${month}`;
        const split = fixed ? { shares: fixed, evenFallback: false } : entry(sharesCache, cacheKey, () => sharesOf(pool.targets.map((t) => weightsFor(t, currency, month))));
        const billed = splitAmount(money.totalBilled, split.shares);
        const effective = splitAmount(money.totalEffective, split.shares);
        pool.targets.forEach((target, t) => {
          const b = billed[t] ?? 0;
          const e = effective[t] ?? 0;
          if (target.kind === 'value') {
            add(target.value, currency, day, b, e);
          } else {
            const fed = indexOf.get(target.pool) as number;
            entry(entry(input, fed, () => new Map()), currency, () => new Map<number, Money>());
            entry(entry(input.get(fed) as Map<string, Map<number, Money>>, currency, () => new Map()), day, () => new Money()).add(b, e);
            flows.push({ pool: target.pool, direction: 'in', currency, day, value: null, otherPool: pool.id, billed: b, effective: e, evenFallback: false });
          }
          flows.push({
            pool: pool.id,
            direction: 'out',
            currency,
            day,
            value: target.kind === 'value' ? target.value : null,
            otherPool: target.kind === 'pool' ? target.pool : null,
            billed: b,
            effective: e,
            evenFallback: split.evenFallback,
          });
        });
      }
    }
  }
  return { dimension: plan.dimension, rows, flows };
}

/** The weight of a target in a month: its direct cost (proportional) or usage; a pool target weighs its own targets together. */
function weightFunction(
  config: AttributionConfig,
  pool: SharedCostPool,
  directCost: Map<string | null, Map<string, Map<number, number>>>,
  usage: Map<string, Map<string | null, Map<number, number>>>,
): (target: SharedCostPool['targets'][number], currency: string, month: number) => number {
  const byId = new Map(config.pools.map((p) => [p.id, p]));
  const method = pool.method;
  const valueWeight = (value: string, currency: string, month: number): number => {
    if (method.kind === 'proportional') return directCost.get(value)?.get(currency)?.get(month) ?? 0;
    if (method.kind === 'usage') return usage.get(metricKey(method.metric))?.get(value)?.get(month) ?? 0;
    return 1;
  };
  const weigh = (target: SharedCostPool['targets'][number], currency: string, month: number, depth: number): number => {
    if (target.kind === 'value') return Math.max(0, valueWeight(target.value, currency, month));
    const fed = byId.get(target.pool);
    if (!fed || depth > config.pools.length) return 0;
    return fed.targets.reduce((sum, t) => sum + weigh(t, currency, month, depth + 1), 0);
  };
  return (target, currency, month) => weigh(target, currency, month, 0);
}

/** Runs a rule set over [fromDay, toDay] of the cube's daily slots. */
export function runAllocation(store: Store, compiler: Compiler, cube: Cube, config: AttributionConfig, fromDay: number, toDay: number, only?: string): RunResult {
  const plans = planDimensions(compiler, config, only);
  const cells = cellsOf(cube, cube.day, plans, fromDay, toDay);
  const dimensions = plans.map((plan, i) => resolveDimension(store, config, plan, i, cells));
  return { config, plans, cells, dimensions };
}
