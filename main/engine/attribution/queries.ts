/**
 * Reads of the allocation: totals by a dimension (or a column, or a tag) per currency, coverage
 * over time, the hierarchy tree. Allocated dimensions read the materialised `alloc_daily`.
 */
import type {
  AllocationQuery,
  AllocationScope,
  AllocationSummary,
  AllocationTree,
  AllocationTreeNode,
  CostKind,
  CoverageOverTime,
  CoverageQuery,
} from '../../../shared/attribution.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { decimalFromNumber } from '../import/exact-sum.js';
import { dayFromIso } from '../import/values.js';
import { entry, Money } from './accumulate.js';
import { placer } from './allocate.js';
import { resolveColumn } from './catalog.js';
import { currentConfig } from './config-store.js';
import { PoolDistributions, type Distribution } from './distribution.js';
import { ensureAllocations, FIRST_DAY, LAST_DAY, latestRuns } from './materialise.js';

export interface DayScope {
  fromDay: number;
  toDay: number;
  currency: string | null;
  cost: CostKind;
}

export function dayScope(scope: AllocationScope): DayScope {
  const day = (text: string | undefined, fallback: number, field: string): number => {
    if (text === undefined) return fallback;
    const d = dayFromIso(text);
    if (d === undefined) throw new EngineError('BAD_REQUEST', `${field} "${text}" is not a date (YYYY-MM-DD).`);
    return d;
  };
  const fromDay = day(scope.from, FIRST_DAY, 'from');
  const toDay = day(scope.to, LAST_DAY, 'to');
  if (toDay < fromDay) throw new EngineError('BAD_REQUEST', 'The period ends before it starts.');
  return { fromDay, toDay, currency: scope.currency ?? null, cost: scope.cost ?? 'effective' };
}

/** The dimensions of the rule sets (the current one's, in its order, then those only older results have). */
function knownDimensions(store: Store): string[] {
  const configured = currentConfig(store).dimensions.map((d) => d.id);
  const stored = store.all<{ dimension: string }>('SELECT DISTINCT dimension FROM alloc_daily ORDER BY dimension').map((r) => r.dimension);
  return [...configured, ...stored.filter((d) => !configured.includes(d))];
}

/** The dimensions with a materialised allocation, brought up to date first. */
export function allocatedDimensions(store: Store): string[] {
  ensureAllocations(store);
  return knownDimensions(store);
}

/** True for a dimension of the rule sets; its `alloc_daily` rows are then brought up to date. */
export function isAllocatedDimension(store: Store, by: string): boolean {
  if (by.startsWith('tag:') || !knownDimensions(store).includes(by)) return false;
  ensureAllocations(store);
  return true;
}

function coverage(allocated: number, total: number): number {
  if (total === 0) return 1;
  return Math.min(1, Math.max(0, allocated / total));
}

interface Grouped {
  value: string | null;
  currency: string;
  cost: number;
}

function summaries(by: string, grouped: readonly Grouped[]): AllocationSummary[] {
  const byCurrency = new Map<string, Grouped[]>();
  for (const g of grouped) entry(byCurrency, g.currency, () => []).push(g);
  const result = [...byCurrency].map(([currency, rows]) => {
    const total = new Money();
    const allocated = new Money();
    for (const r of rows) {
      total.add(0, r.cost);
      if (r.value !== null) allocated.add(0, r.cost);
    }
    const sorted = [...rows].sort((a, b) => b.cost - a.cost || (a.value ?? '').localeCompare(b.value ?? ''));
    return {
      dimension: by,
      currency,
      total: decimalFromNumber(total.totalEffective),
      coverage: coverage(allocated.totalEffective, total.totalEffective),
      rows: sorted.map((r) => ({ value: r.value, cost: decimalFromNumber(r.cost) })),
      magnitude: Math.abs(total.totalEffective),
    };
  });
  result.sort((a, b) => b.magnitude - a.magnitude || a.currency.localeCompare(b.currency));
  return result.map(({ magnitude: _, ...summary }) => summary);
}

/** Daily rollup columns by FOCUS column: the overview's cube answers without touching the lines. */
const DAILY_COST_COLUMN: Record<string, string> = {
  ProviderName: 'provider',
  ServiceCategory: 'service_category',
  ServiceName: 'service',
  SubAccountId: 'sub_account_id',
  SubAccountName: 'sub_account_name',
  ChargeCategory: 'charge_category',
};

export function allocationSummary(store: Store, query: AllocationQuery): AllocationSummary[] {
  const scope = dayScope(query);
  const cost = scope.cost;
  const currencyFilter = scope.currency ? 'AND currency = ?' : '';
  const params = [scope.fromDay, scope.toDay, ...(scope.currency ? [scope.currency] : [])];
  let grouped: Grouped[];
  if (isAllocatedDimension(store, query.by)) {
    grouped = store.all<{ value: string | null; currency: string; cost: number }>(
      `SELECT value, currency, TOTAL(${cost}) AS cost FROM alloc_daily WHERE dimension = ? AND day BETWEEN ? AND ? ${currencyFilter} GROUP BY currency, value`,
      [query.by, ...params],
    );
  } else {
    grouped = columnTotals(store, query.by, scope);
  }
  return summaries(query.by, grouped);
}

/** Totals by a FOCUS column or a tag (not an allocation): from the daily cube when it has the column, else the lines. */
function columnTotals(store: Store, by: string, scope: DayScope): Grouped[] {
  let source: ReturnType<typeof resolveColumn>;
  try {
    source = resolveColumn(by);
  } catch {
    throw new EngineError('BAD_REQUEST', `"${by}" is not an allocated dimension (${knownDimensions(store).join(', ') || 'none'}), a FOCUS column or tag:<key>.`);
  }
  const currencyFilter = scope.currency ? 'AND cur.value = ?' : '';
  const params = [scope.fromDay, scope.toDay, ...(scope.currency ? [scope.currency] : [])];
  const measure = scope.cost === 'billed' ? 'billed' : 'effective';
  const lineMeasure = scope.cost === 'billed' ? '"BilledCost"' : '"EffectiveCost"';
  if (source.kind === 'tag') {
    return store.all<{ value: string | null; currency: string; cost: number }>(
      `SELECT NULLIF(t.value, '') AS value, cur.value AS currency, TOTAL(c.${measure}) AS cost
       FROM daily_cost c JOIN dict cur ON cur.id = c.currency LEFT JOIN tag_pairs t ON t.tags = c.tags AND t.key = ?
       WHERE c.day BETWEEN ? AND ? ${currencyFilter} GROUP BY cur.value, NULLIF(t.value, '')`,
      [source.key, ...params],
    );
  }
  if (source.kind !== 'dict') throw new EngineError('BAD_REQUEST', `"${by}" holds numbers or per-line extras; break down by a text column, a tag or an allocated dimension.`);
  const cube = DAILY_COST_COLUMN[source.name];
  const sql = cube
    ? `SELECT NULLIF(v.value, '') AS value, cur.value AS currency, TOTAL(c.${measure}) AS cost
       FROM daily_cost c JOIN dict cur ON cur.id = c.currency LEFT JOIN dict v ON v.id = c.${cube}
       WHERE c.day BETWEEN ? AND ? ${currencyFilter} GROUP BY cur.value, NULLIF(v.value, '')`
    : `SELECT NULLIF(v.value, '') AS value, cur.value AS currency, g.cost
       FROM (SELECT "BillingCurrency" AS currency, ${source.sql} AS id, TOTAL(${lineMeasure}) AS cost FROM cost_lines
             WHERE day BETWEEN ? AND ? GROUP BY 1, 2) g
       JOIN dict cur ON cur.id = g.currency LEFT JOIN dict v ON v.id = g.id WHERE 1 ${currencyFilter}`;
  return mergeEmpty(store.all<{ value: string | null; currency: string; cost: number }>(sql, params));
}

/** Empty text and NULL are one bucket (not set). */
function mergeEmpty(rows: Grouped[]): Grouped[] {
  const merged = new Map<string, Grouped>();
  for (const r of rows) {
    const k = `${r.currency}\u0000${r.value ?? '\u0001'}`;
    const known = merged.get(k);
    if (known) known.cost += r.cost;
    else merged.set(k, { ...r });
  }
  return [...merged.values()];
}

/** The currency with the largest spend in the scope (for views in one currency). */
export function defaultCurrency(store: Store, scope: DayScope): string | null {
  if (scope.currency) return scope.currency;
  const row = store.all<{ currency: string }>(
    `SELECT cur.value AS currency FROM daily_dim d JOIN dict cur ON cur.id = d.currency
     WHERE d.kind = 0 AND d.day BETWEEN ? AND ? GROUP BY d.currency ORDER BY ABS(TOTAL(d.effective)) DESC, cur.value LIMIT 1`,
    [scope.fromDay, scope.toDay],
  )[0];
  return row?.currency ?? null;
}

export function coverageOverTime(store: Store, query: CoverageQuery): CoverageOverTime {
  const scope = dayScope(query);
  if (!isAllocatedDimension(store, query.dimension)) throw new EngineError('BAD_REQUEST', `"${query.dimension}" is not an allocated dimension.`);
  const granularity = query.granularity ?? 'day';
  const currency = defaultCurrency(store, scope);
  const period = granularity === 'day' ? "strftime('%Y-%m-%d', day * 86400, 'unixepoch')" : "strftime('%Y-%m', day * 86400, 'unixepoch')";
  const rows = store.all<{ period: string; total: number; allocated: number }>(
    `SELECT ${period} AS period, TOTAL(${scope.cost}) AS total, TOTAL(CASE WHEN value IS NOT NULL THEN ${scope.cost} END) AS allocated
     FROM alloc_daily WHERE dimension = ? AND currency = ? AND day BETWEEN ? AND ? GROUP BY 1 ORDER BY 1`,
    [query.dimension, currency ?? '', scope.fromDay, scope.toDay],
  );
  return {
    dimension: query.dimension,
    currency,
    granularity,
    points: rows.map((r) => ({ period: r.period, total: decimalFromNumber(r.total), allocated: decimalFromNumber(r.allocated), coverage: coverage(r.allocated, r.total) })),
  };
}

interface TreeBuild {
  dimension: string | null;
  value: string | null;
  cost: Money;
  children: Map<string | null, TreeBuild>;
}

/**
 * The hierarchy tree: each cell's cost followed down the hierarchy dimensions. A pooled share
 * spreads over the pool's values; levels are combined independently (a cell split 50/50 between
 * two teams and 30/70 between two projects gives four branches of 15/35/15/35).
 */
export function allocationTree(store: Store, scopeArg: AllocationScope): AllocationTree {
  const scope = dayScope(scopeArg);
  const currency = defaultCurrency(store, scope);
  const materialised = latestRuns(store);
  const hierarchy = currentConfig(store).hierarchy;
  const root: TreeBuild = { dimension: null, value: null, cost: new Money(), children: new Map() };
  for (const { segment, run } of materialised.segments) {
    if (segment.toDay < scope.fromDay || segment.fromDay > scope.toDay) continue;
    const levels = hierarchy.map((dimension) => {
      const index = run.plans.findIndex((p) => p.dimension === dimension);
      const plan = run.plans[index];
      const result = run.dimensions[index];
      if (!plan || !result) return null;
      return { dimension, place: placer(run.config, plan, index), pools: new PoolDistributions(result, scope.cost), config: run.config };
    });
    for (const cell of run.cells) {
      if (cell.currency !== currency || cell.day < scope.fromDay || cell.day > scope.toDay) continue;
      const amount = scope.cost === 'billed' ? cell.billed : cell.effective;
      const dists: Array<{ dimension: string; dist: Array<[string | null, number]> }> = levels.map((level, i) => {
        const dimension = hierarchy[i] as string;
        if (!level) return { dimension, dist: [[null, 1]] };
        const placed = level.place(cell);
        if (placed.pool === null) return { dimension, dist: [[placed.value, 1]] };
        const pool = level.config.pools[placed.pool];
        const dist: Distribution = pool ? level.pools.of(pool.id, cell.currency, cell.day) : new Map();
        return { dimension, dist: dist.size === 0 ? [[null, 1]] : [...dist] };
      });
      root.cost.add(0, amount);
      spread(root, dists, 0, amount);
    }
  }
  return { currency, hierarchy, root: finish(root) };
}

function spread(node: TreeBuild, dists: ReadonlyArray<{ dimension: string; dist: Array<[string | null, number]> }>, level: number, amount: number): void {
  const here = dists[level];
  if (!here) return;
  for (const [value, fraction] of here.dist) {
    const part = amount * fraction;
    const child = entry(node.children, value, () => ({ dimension: here.dimension, value, cost: new Money(), children: new Map() }));
    child.cost.add(0, part);
    // Below an unallocated node the tree stops: there is nothing to break down.
    if (value !== null) spread(child, dists, level + 1, part);
  }
}

function finish(node: TreeBuild): AllocationTreeNode {
  const children = [...node.children.values()].map(finish).sort((a, b) => Number(b.cost) - Number(a.cost));
  const total = node.cost.totalEffective;
  const allocated = [...node.children.values()].filter((c) => c.value !== null).reduce((sum, c) => sum + c.cost.totalEffective, 0);
  return {
    dimension: node.dimension,
    value: node.value,
    cost: decimalFromNumber(total),
    coverage: node.children.size === 0 ? 1 : coverage(allocated, total),
    children,
  };
}
