/**
 * Two rule sets over the same lines in one pass: the live preview of a rule (the rule set with and
 * without the edit) and the diff of two versions (the money that moves between values). Whole
 * months are read from the monthly cube (pool shares are monthly, so the totals are the same as
 * day by day), the days of cut months from the daily cube.
 */
import type {
  AllocationRule,
  AttributionConfig,
  RulePreview,
  RulePreviewRequest,
  VersionDiff,
  VersionDiffRequest,
} from '../../../shared/attribution.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { decimalFromNumber } from '../import/exact-sum.js';
import { entry, Money, monthOfDay } from './accumulate.js';
import { cellsOf, placer, planDimensions, resolveDimension, type Cell, type DimensionPlan, type DimensionResult } from './allocate.js';
import { checkConfig } from './check-config.js';
import { currentVersion, readVersions } from './config-store.js';
import { PoolDistributions } from './distribution.js';
import { allSegments, prepare } from './materialise.js';
import { dayScope, defaultCurrency } from './queries.js';

interface Paired {
  cells: Cell[];
  plans: [DimensionPlan, DimensionPlan];
  results: [DimensionResult, DimensionResult];
}

function emptyPlan(dimension: string): DimensionPlan {
  return { dimension, rules: [], decode: () => ({ rule: -1, value: '' }), key: () => null, pool: () => null };
}

function monthStart(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / 86_400_000;
}

/** Both rule sets over [from, to]: whole months from the monthly slots, cut months from the daily ones. */
function pairedRun(store: Store, a: AttributionConfig, b: AttributionConfig, dimension: string, from: number, to: number): Paired {
  const { compiler, cube } = prepare(store, [a, b]);
  const planA = planDimensions(compiler, a, dimension)[0] ?? emptyPlan(dimension);
  const planB = planDimensions(compiler, b, dimension)[0] ?? emptyPlan(dimension);
  const plans = [planA, planB];
  const cells: Cell[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < cube.day.count; i++) {
    const d = cube.day.day[i] as number;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const lo = Math.max(from, first);
  const hi = Math.min(to, last);
  if (lo <= hi) {
    let wholeFrom = Infinity;
    let wholeTo = -Infinity;
    for (let month = monthOfDay(lo); month <= monthOfDay(hi); month++) {
      const start = monthStart(month);
      const end = monthStart(month + 1) - 1;
      if (from <= start && end <= to) {
        wholeFrom = Math.min(wholeFrom, start);
        wholeTo = Math.max(wholeTo, start);
      } else {
        cells.push(...cellsOf(cube, cube.day, plans, Math.max(start, from), Math.min(end, to)));
      }
    }
    // Monthly slots carry their month's first day.
    if (wholeFrom <= wholeTo) cells.push(...cellsOf(cube, cube.month, plans, wholeFrom, wholeTo));
  }
  return {
    cells,
    plans: [planA, planB],
    results: [resolveDimension(store, a, planA, 0, cells), resolveDimension(store, b, planB, 1, cells)],
  };
}

function totals(result: DimensionResult, currency: string | null, cost: 'billed' | 'effective'): Map<string | null, number> {
  const out = new Map<string | null, number>();
  for (const [value, byCurrency] of result.rows) {
    const byDay = currency === null ? undefined : byCurrency.get(currency);
    if (!byDay) continue;
    const money = new Money();
    for (const m of byDay.values()) money.add(m.totalBilled, m.totalEffective);
    out.set(value, money.pick(cost));
  }
  return out;
}

function coverageOf(values: Map<string | null, number>): number {
  let total = 0;
  let allocated = 0;
  for (const [value, cost] of values) {
    total += cost;
    if (value !== null) allocated += cost;
  }
  return total === 0 ? 1 : Math.min(1, Math.max(0, allocated / total));
}

/** The rule set with the rule saved as `saveRule` would (same id replaced, else inserted). */
export function withRule(config: AttributionConfig, rule: AllocationRule, position?: number): AttributionConfig {
  const rules = [...config.rules];
  const at = rules.findIndex((r) => r.id === rule.id);
  if (at >= 0) rules[at] = rule;
  else rules.splice(Math.min(position ?? rules.length, rules.length), 0, rule);
  return { ...config, rules };
}

export function previewRule(store: Store, request: RulePreviewRequest): RulePreview {
  const current = currentVersion(store);
  const before = current.config;
  const after = checkConfig(withRule(before, request.rule, request.position), 'The rule set with this rule');
  const scope = dayScope({ ...(request.currency ? { currency: request.currency } : {}), ...(request.cost ? { cost: request.cost } : {}) });
  const currency = defaultCurrency(store, scope);
  const dimension = request.rule.dimension;
  const sumBefore = new Map<string | null, number>();
  const sumAfter = new Map<string | null, number>();
  let rowsMatched = 0;
  // The days the edited version allocates (not frozen, not an older version's).
  for (const segment of allSegments(store)) {
    if (segment.versionId !== current.id || segment.frozenId !== null) continue;
    const paired = pairedRun(store, before, after, dimension, segment.fromDay, segment.toDay);
    const ruleIndex = paired.plans[1].rules.findIndex((r) => r.id === request.rule.id);
    const placeAfter = placer(after, paired.plans[1], 1);
    if (ruleIndex >= 0) for (const cell of paired.cells) if (placeAfter(cell).rule === ruleIndex) rowsMatched += cell.lines;
    for (const [value, cost] of totals(paired.results[0], currency, scope.cost)) sumBefore.set(value, (sumBefore.get(value) ?? 0) + cost);
    for (const [value, cost] of totals(paired.results[1], currency, scope.cost)) sumAfter.set(value, (sumAfter.get(value) ?? 0) + cost);
  }
  let moved = 0;
  for (const value of new Set([...sumBefore.keys(), ...sumAfter.keys()])) moved += Math.abs((sumAfter.get(value) ?? 0) - (sumBefore.get(value) ?? 0));
  return {
    dimension,
    currency,
    rowsMatched,
    costMoved: decimalFromNumber(moved / 2),
    coverageBefore: coverageOf(sumBefore),
    coverageAfter: coverageOf(sumAfter),
  };
}

export function diffVersions(store: Store, request: VersionDiffRequest): VersionDiff {
  const versions = readVersions(store);
  const find = (id: number): AttributionConfig => {
    const version = versions.find((v) => v.id === id);
    if (!version) throw new EngineError('NOT_FOUND', `There is no rule-set version ${id} (versions: ${versions.map((v) => v.id).join(', ')}).`);
    return version.config;
  };
  const a = find(request.before);
  const b = find(request.after);
  const scope = dayScope(request);
  const currency = defaultCurrency(store, scope);
  const paired = pairedRun(store, a, b, request.dimension, scope.fromDay, scope.toDay);
  const beforeTotals = totals(paired.results[0], currency, scope.cost);
  const afterTotals = totals(paired.results[1], currency, scope.cost);
  const placeA = placer(a, paired.plans[0], 0);
  const placeB = placer(b, paired.plans[1], 1);
  const poolsA = new PoolDistributions(paired.results[0], scope.cost);
  const poolsB = new PoolDistributions(paired.results[1], scope.cost);
  const distribution = (config: AttributionConfig, placed: ReturnType<typeof placeA>, pools: PoolDistributions, cell: Cell): Array<[string | null, number]> => {
    const pool = placed.pool === null ? undefined : config.pools[placed.pool];
    if (!pool) return [[placed.value, 1]];
    const dist = pools.of(pool.id, cell.currency, cell.day);
    return dist.size === 0 ? [[placed.value, 1]] : [...dist];
  };
  // Each cell's cost moves from its values under `before` to its values under `after`. Within a
  // cell, what a value keeps stays; only the excess moves, to the values that gain, in proportion
  // to their gain (for a cell without pools: all of it, from one value to the other).
  const moves = new Map<string, { from: string | null; to: string | null; money: Money }>();
  for (const cell of paired.cells) {
    if (cell.currency !== currency) continue;
    const amount = scope.cost === 'billed' ? cell.billed : cell.effective;
    const from = new Map(distribution(a, placeA(cell), poolsA, cell));
    const to = new Map(distribution(b, placeB(cell), poolsB, cell));
    const losers: Array<[string | null, number]> = [];
    const gainers: Array<[string | null, number]> = [];
    for (const value of new Set([...from.keys(), ...to.keys()])) {
      const delta = (to.get(value) ?? 0) - (from.get(value) ?? 0);
      if (delta < -1e-12) losers.push([value, -delta]);
      else if (delta > 1e-12) gainers.push([value, delta]);
    }
    const gained = gainers.reduce((sum, [, g]) => sum + g, 0);
    for (const [va, lost] of losers) {
      for (const [vb, gain] of gainers) {
        entry(moves, JSON.stringify([va, vb]), () => ({ from: va, to: vb, money: new Money() })).money.add(0, (amount * lost * gain) / gained);
      }
    }
  }
  const values = [...new Set([...beforeTotals.keys(), ...afterTotals.keys()])];
  return {
    dimension: request.dimension,
    currency,
    before: request.before,
    after: request.after,
    rows: values
      .map((value) => {
        const x = beforeTotals.get(value) ?? 0;
        const y = afterTotals.get(value) ?? 0;
        return { value, before: decimalFromNumber(x), after: decimalFromNumber(y), change: decimalFromNumber(y - x), size: Math.abs(y - x) };
      })
      .sort((p, q) => q.size - p.size || (p.value ?? '').localeCompare(q.value ?? ''))
      .map(({ size: _, ...row }) => row),
    moves: [...moves.values()]
      .filter((m) => Math.abs(m.money.totalEffective) >= 5e-7)
      .sort((p, q) => Math.abs(q.money.totalEffective) - Math.abs(p.money.totalEffective))
      .map((m) => ({ from: m.from, to: m.to, cost: decimalFromNumber(m.money.totalEffective) })),
  };
}
