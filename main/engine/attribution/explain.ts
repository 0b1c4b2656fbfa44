/**
 * Explanations. A figure: its direct cost by rule (with the source rows), what pools took from it
 * and the pool shares it received (with where each pool's cost came from); the parts add up to
 * the figure. A source row: per dimension, the rule that matched it and, when a pool took it,
 * the shares it ended up in.
 */
import type { AllocationExplanation, AttributionConfig, ExplainQuery, LineExplanation, SharedCostPool, SplitMethod } from '../../../shared/attribution.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { decimalFromNumber } from '../import/exact-sum.js';
import { isoDay } from '../import/values.js';
import { entry, Money } from './accumulate.js';
import { placer, planDimensions, type Cell } from './allocate.js';
import { Compiler, type SigValue } from './compile.js';
import { LineReader } from './cube.js';
import { PoolDistributions } from './distribution.js';
import { latestRuns, prepare } from './materialise.js';
import { dayScope, defaultCurrency, isAllocatedDimension } from './queries.js';

const DEFAULT_ROWS = 50;
/** Stands for NULL in text inputs when lines are matched against signatures (row values compare with =). */
const NULL_TEXT = '\u0002';

export function explainAllocation(store: Store, query: ExplainQuery): AllocationExplanation {
  const scope = dayScope(query);
  if (!isAllocatedDimension(store, query.dimension)) throw new EngineError('BAD_REQUEST', `"${query.dimension}" is not an allocated dimension.`);
  const currency = defaultCurrency(store, scope);
  if (currency === null) throw new EngineError('NOT_FOUND', 'The workspace has no costs to explain.');
  const cost = scope.cost;
  const materialised = latestRuns(store);
  const figure = Number(
    store.scalar(`SELECT TOTAL(${cost}) FROM alloc_daily WHERE dimension = ? AND value IS ? AND currency = ? AND day BETWEEN ? AND ?`, [
      query.dimension, query.value, currency, scope.fromDay, scope.toDay,
    ]),
  );
  const direct = new Map<string | null, { name: string | null; money: Money; lines: number }>();
  const given = new Map<string, { name: string; money: Money }>();
  const pools = new Map<string, SharedCostPool>();
  const versions = new Set<number>();
  const frozen = new Set<number>();
  const rowParts: RowPart[] = [];

  for (const { segment, run } of materialised.segments) {
    const from = Math.max(segment.fromDay, scope.fromDay);
    const to = Math.min(segment.toDay, scope.toDay);
    if (from > to) continue;
    const index = run.plans.findIndex((p) => p.dimension === query.dimension);
    const plan = run.plans[index];
    if (!plan) {
      // A rule set without the dimension leaves its days unallocated in it (see materialise.ts).
      if (query.value === null && unallocatedSegment(run.cells, currency, from, to, cost, direct)) {
        versions.add(segment.versionId);
        if (segment.frozenId !== null) frozen.add(segment.frozenId);
        rowParts.push({ from, to, dimension: query.dimension, config: run.config });
      }
      continue;
    }
    for (const p of run.config.pools) if (!pools.has(p.id)) pools.set(p.id, p);
    const place = placer(run.config, plan, index);
    const keys = new Set<number | string | null>();
    let used = false;
    for (const cell of run.cells) {
      if (cell.currency !== currency || cell.day < from || cell.day > to) continue;
      used = true;
      const placed = place(cell);
      if (placed.value !== query.value) continue;
      const amount = cost === 'billed' ? cell.billed : cell.effective;
      const rule = placed.rule >= 0 ? (plan.rules[placed.rule] ?? null) : null;
      const d = entry(direct, rule?.id ?? null, () => ({ name: rule?.name ?? null, money: new Money(), lines: 0 }));
      d.money.add(0, amount);
      d.lines += cell.lines;
      keys.add(cell.keys[index] ?? null);
      if (placed.pool !== null) {
        const pool = run.config.pools[placed.pool];
        if (pool) entry(given, pool.id, () => ({ name: pool.name, money: new Money() })).money.add(0, amount);
      }
    }
    if (used) {
      versions.add(segment.versionId);
      if (segment.frozenId !== null) frozen.add(segment.frozenId);
    }
    if (keys.size > 0) rowParts.push({ from, to, dimension: query.dimension, config: run.config });
  }

  const received = store.all<{ pool: string; cost: number; fallback: number }>(
    `SELECT pool, TOTAL(${cost}) AS cost, MAX(even_fallback) AS fallback FROM alloc_flows
     WHERE dimension = ? AND direction = 'out' AND value IS ? AND other_pool IS NULL AND currency = ? AND day BETWEEN ? AND ? GROUP BY pool`,
    [query.dimension, query.value, currency, scope.fromDay, scope.toDay],
  );
  const receivedFromPools = received.map((r) => {
    const poolTotal = Number(
      store.scalar(`SELECT TOTAL(${cost}) FROM alloc_flows WHERE dimension = ? AND pool = ? AND direction = 'out' AND currency = ? AND day BETWEEN ? AND ?`, [
        query.dimension, r.pool, currency, scope.fromDay, scope.toDay,
      ]),
    );
    const inputs = store.all<{ value: string | null; other: string | null; cost: number }>(
      `SELECT value, other_pool AS other, TOTAL(${cost}) AS cost FROM alloc_flows
       WHERE dimension = ? AND pool = ? AND direction = 'in' AND currency = ? AND day BETWEEN ? AND ? GROUP BY value, other_pool ORDER BY cost DESC`,
      [query.dimension, r.pool, currency, scope.fromDay, scope.toDay],
    );
    const pool = pools.get(r.pool);
    const method: SplitMethod['kind'] = pool?.method.kind ?? 'even';
    return {
      poolId: r.pool,
      poolName: pool?.name ?? r.pool,
      method,
      share: poolTotal === 0 ? 0 : r.cost / poolTotal,
      cost: decimalFromNumber(r.cost),
      poolInputs: inputs.map((i) => ({ from: i.other !== null ? `pool:${i.other}` : i.value, cost: decimalFromNumber(i.cost) })),
      ...(r.fallback ? { evenFallback: true } : {}),
    };
  });

  const rows = sourceRows(store, rowParts, query.value, currency, cost, Math.min(query.rowLimit ?? DEFAULT_ROWS, 1000));
  return {
    dimension: query.dimension,
    value: query.value,
    currency,
    figure: decimalFromNumber(figure),
    direct: [...direct]
      .map(([ruleId, d]) => ({ ruleId, ruleName: d.name, cost: decimalFromNumber(d.money.totalEffective), lines: d.lines }))
      .sort((a, b) => Math.abs(Number(b.cost)) - Math.abs(Number(a.cost))),
    givenToPools: [...given].map(([poolId, g]) => ({ poolId, poolName: g.name, cost: decimalFromNumber(g.money.totalEffective) })),
    receivedFromPools,
    rows: rows.rows,
    rowCount: rows.count,
    versions: [...versions].sort((a, b) => a - b),
    frozen: [...frozen].sort((a, b) => a - b),
  };
}

/** Adds a stretch's cost in the currency to the direct cost of no rule; true when it had any. */
function unallocatedSegment(
  cells: readonly Cell[],
  currency: string,
  from: number,
  to: number,
  cost: 'billed' | 'effective',
  direct: Map<string | null, { name: string | null; money: Money; lines: number }>,
): boolean {
  let used = false;
  for (const cell of cells) {
    if (cell.currency !== currency || cell.day < from || cell.day > to) continue;
    used = true;
    const d = entry(direct, null, () => ({ name: null, money: new Money(), lines: 0 }));
    d.money.add(0, cost === 'billed' ? cell.billed : cell.effective);
    d.lines += cell.lines;
  }
  return used;
}

/** The source rows whose rule key decodes to the value, largest first (one pass over the lines per stretch). */
interface RowPart {
  from: number;
  to: number;
  dimension: string;
  config: AttributionConfig;
}

function sourceRows(store: Store, parts: readonly RowPart[], value: string | null, currency: string, cost: 'billed' | 'effective', limit: number): { rows: AllocationExplanation['rows']; count: number } {
  const currencyId = store.scalar('SELECT id FROM dict WHERE value = ?', [currency]);
  const files = new Map(store.all<{ id: number; file: string }>('SELECT id, file_name AS file FROM sources').map((r) => [r.id, r.file]));
  const found: Array<{ sourceId: number; rowNumber: number; cost: number }> = [];
  const measure = cost === 'billed' ? '"BilledCost"' : '"EffectiveCost"';
  for (const part of parts) {
    // The signatures (of the cube) whose rule value is the one explained, then one SQL pass that
    // returns only the lines with those signatures.
    const { compiler, cube } = prepare(store);
    const plan = planDimensions(compiler, part.config, part.dimension)[0];
    // Without the dimension in its rule set every line of the stretch is unallocated.
    if (!plan && value !== null) continue;
    const wanted = cube.sigs.filter((sig) => {
      if (!plan) return true;
      const key = plan.key(sig);
      const decoded = key === null ? null : plan.decode(key);
      return (decoded && decoded.rule >= 0 ? decoded.value : null) === value;
    });
    if (wanted.length === 0) continue;
    const inputs = compiler.inputs;
    const tuple = inputs.sql.map((sql, i) => (inputs.text[i] ? `IFNULL(${sql}, '${NULL_TEXT}')` : `IFNULL(${sql}, -1)`));
    const literal = (v: SigValue, i: number): string =>
      v === null ? (inputs.text[i] ? `'${NULL_TEXT}'` : '-1') : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
    const filter = tuple.length === 0 || !plan ? '' : `AND (${tuple.join(', ')}) IN (VALUES ${wanted.map((sig) => `(${sig.map(literal).join(', ')})`).join(', ')})`;
    found.push(
      ...store.all<{ sourceId: number; rowNumber: number; cost: number | null }>(
        `SELECT source_id AS sourceId, row_number AS rowNumber, ${measure} AS cost FROM cost_lines
         WHERE day BETWEEN ? AND ? AND "BillingCurrency" IS ? ${filter}`,
        [part.from, part.to, typeof currencyId === 'number' ? currencyId : null],
      ).map((r) => ({ sourceId: r.sourceId, rowNumber: r.rowNumber, cost: r.cost ?? 0 })),
    );
  }
  found.sort((a, b) => Math.abs(b.cost) - Math.abs(a.cost));
  return {
    rows: found.slice(0, limit).map((r) => ({ sourceId: r.sourceId, rowNumber: r.rowNumber, file: files.get(r.sourceId) ?? '', cost: decimalFromNumber(r.cost) })),
    count: found.length,
  };
}

export function explainLine(store: Store, ref: { sourceId: number; rowNumber: number }): LineExplanation {
  const line = store.all<{ day: number; currency: string | null; billed: number; effective: number; file: string }>(
    `SELECT c.day, cur.value AS currency, c."BilledCost" AS billed, c."EffectiveCost" AS effective, s.file_name AS file
     FROM cost_lines c JOIN sources s ON s.id = c.source_id LEFT JOIN dict cur ON cur.id = c."BillingCurrency"
     WHERE c.source_id = ? AND c.row_number = ?`,
    [ref.sourceId, ref.rowNumber],
  )[0];
  if (!line) throw new EngineError('NOT_FOUND', `File ${ref.sourceId} has no row ${ref.rowNumber} in the workspace.`);
  const materialised = latestRuns(store);
  const found = materialised.segments.find(({ segment }) => segment.fromDay <= line.day && line.day <= segment.toDay);
  if (!found) throw new EngineError('INTERNAL', `No rule set covers ${isoDay(line.day)}.`);
  const { segment, run } = found;
  const currency = line.currency ?? '';
  const compiler = new Compiler(store);
  compiler.register(run.config);
  const plans = planDimensions(compiler, run.config);
  let sig: SigValue[] = [];
  const reader = new LineReader(store, compiler.inputs);
  reader.read('WHERE source_id = ? AND row_number = ?', [ref.sourceId, ref.rowNumber], (index) => {
    sig = reader.sigs[index] ?? [];
  });
  const cell = { keys: plans.map((p) => p.key(sig)), pools: plans.map((p) => p.pool(sig)) };
  return {
    sourceId: ref.sourceId,
    rowNumber: ref.rowNumber,
    file: line.file,
    day: isoDay(line.day),
    currency,
    billedCost: decimalFromNumber(line.billed),
    effectiveCost: decimalFromNumber(line.effective),
    version: segment.versionId,
    frozen: segment.frozenId,
    dimensions: plans.map((plan, i) => {
      const placed = placer(run.config, plan, i)(cell);
      const rule = placed.rule >= 0 ? plan.rules[placed.rule] : undefined;
      const pool = placed.pool !== null ? run.config.pools[placed.pool] : undefined;
      const result = run.dimensions.find((d) => d.dimension === plan.dimension);
      const shares = pool && result ? [...new PoolDistributions(result).of(pool.id, currency, line.day)].sort((a, b) => b[1] - a[1]) : [];
      return {
        dimension: plan.dimension,
        value: placed.value,
        rule: rule ? { id: rule.id, name: rule.name } : null,
        pool: pool ? { id: pool.id, name: pool.name, shares: shares.map(([value, share]) => ({ value, share, cost: decimalFromNumber(line.effective * share) })) } : null,
      };
    }),
  };
}
