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
import { placer, planDimensions } from './allocate.js';
import { Compiler } from './compile.js';
import { PoolDistributions } from './distribution.js';
import { latestRuns } from './materialise.js';
import { dayScope, defaultCurrency, isAllocatedDimension } from './queries.js';

const DEFAULT_ROWS = 50;

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
    if (!plan) continue;
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
    if (keys.size > 0) rowParts.push({ from, to, dimension: query.dimension, keys: [...keys], config: run.config });
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

  const rows = sourceRows(store, rowParts, currency, cost, Math.min(query.rowLimit ?? DEFAULT_ROWS, 1000));
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

/** The source rows whose rule key decodes to the value, largest first (one pass over the lines per stretch). */
interface RowPart {
  from: number;
  to: number;
  dimension: string;
  keys: Array<number | string | null>;
  config: AttributionConfig;
}

function sourceRows(
  store: Store,
  parts: readonly RowPart[],
  currency: string,
  cost: 'billed' | 'effective',
  limit: number,
): { rows: AllocationExplanation['rows']; count: number } {
  const currencyId = store.scalar('SELECT id FROM dict WHERE value = ?', [currency]);
  const measure = cost === 'billed' ? '"BilledCost"' : '"EffectiveCost"';
  const found: AllocationExplanation['rows'] = [];
  let count = 0;
  for (const part of parts) {
    const compiler = new Compiler(store);
    try {
      // A fresh compile of the same rules gives the same keys (rule index and value id).
      const keySql = planDimensions(compiler, part.config, part.dimension)[0]?.keySql ?? 'NULL';
      const ints = part.keys.filter((k): k is number => typeof k === 'number');
      const texts = part.keys.filter((k): k is string => typeof k === 'string');
      const tests = [
        ...(part.keys.includes(null) ? [`(${keySql}) IS NULL`] : []),
        ...(ints.length ? [`(${keySql}) IN ${compiler.sets.ints(ints)}`] : []),
        ...(texts.length ? [`(${keySql}) IN ${compiler.sets.texts(texts)}`] : []),
      ];
      const where = `c.day BETWEEN ? AND ? AND c."BillingCurrency" = ? AND (${tests.join(' OR ')})`;
      const params = [part.from, part.to, currencyId];
      count += Number(store.scalar(`SELECT COUNT(*) FROM cost_lines c WHERE ${where}`, params));
      found.push(
        ...store
          .all<{ sourceId: number; rowNumber: number; file: string; cost: number }>(
            `SELECT c.source_id AS sourceId, c.row_number AS rowNumber, s.file_name AS file, c.${measure} AS cost
             FROM cost_lines c JOIN sources s ON s.id = c.source_id WHERE ${where} ORDER BY ABS(c.${measure}) DESC LIMIT ?`,
            [...params, limit],
          )
          .map((r) => ({ sourceId: r.sourceId, rowNumber: r.rowNumber, file: r.file, cost: decimalFromNumber(r.cost) })),
      );
    } finally {
      compiler.dispose();
    }
  }
  found.sort((a, b) => Math.abs(Number(b.cost)) - Math.abs(Number(a.cost)));
  return { rows: found.slice(0, limit), count };
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
  try {
    const plans = planDimensions(compiler, run.config);
    const cols = plans.flatMap((p, i) => [`${p.keySql} AS k${i}`, `${p.poolSql} AS p${i}`]);
    const row = store.all(`SELECT ${cols.length ? cols.join(', ') : 'NULL'} FROM cost_lines WHERE source_id = ? AND row_number = ?`, [ref.sourceId, ref.rowNumber])[0] ?? {};
    const cell = {
      keys: plans.map((_, i) => (row[`k${i}`] as number | string | null | undefined) ?? null),
      pools: plans.map((_, i) => (row[`p${i}`] as number | null | undefined) ?? null),
    };
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
  } finally {
    compiler.dispose();
  }
}
