/**
 * The attribution cube: the lines summed per day, currency and the dict columns the rules read
 * (a temporary table, rebuilt when the data or that column set changes). Rules then run over the
 * cube's rows instead of every line; a monthly cube makes the live preview cheap. Rules that read
 * number or extra columns (which differ line by line) run over the lines.
 */
import type { AttributionConfig, ColumnRef, ConditionGroup } from '../../../shared/attribution.js';
import type { Store } from '../db/store.js';
import { LINES_BASE, type BaseTable } from './allocate.js';
import { resolveColumn } from './catalog.js';

interface CubeState {
  key: string;
}
const built = new WeakMap<Store, CubeState>();

const REQUESTS = LINES_BASE.requests;

function columnsOf(group: ConditionGroup, into: Set<ColumnRef>): void {
  for (const node of group.conditions) {
    if ('match' in node) columnsOf(node, into);
    else into.add(node.column);
  }
}

/** The dict columns the configs read, or null when one reads a per-line column (number or extra). */
export function cubeColumns(configs: readonly AttributionConfig[]): string[] | null {
  const refs = new Set<ColumnRef>();
  for (const config of configs) {
    for (const rule of config.rules) {
      if (!rule.enabled) continue;
      columnsOf(rule.when, refs);
      if (rule.value.kind !== 'constant') refs.add(rule.value.column);
    }
    for (const pool of config.pools) if (pool.enabled && pool.source.kind === 'condition') columnsOf(pool.source.when, refs);
  }
  const columns = new Set<string>();
  for (const ref of refs) {
    const source = resolveColumn(ref);
    if (source.kind === 'number' || source.kind === 'extra') return null;
    columns.add(source.kind === 'tag' ? 'Tags' : source.name);
  }
  columns.delete('BillingCurrency');
  return [...columns].sort();
}

function tableExists(store: Store, name: string): boolean {
  return store.scalar("SELECT COUNT(*) FROM temp.sqlite_master WHERE type = 'table' AND name = ?", [name]) === 1;
}

/** The day and month cubes over `columns` for this data (rebuilt when needed). */
export function ensureCube(store: Store, columns: readonly string[], dataFingerprint: string): { day: BaseTable; month: BaseTable } {
  const key = `${dataFingerprint}|${columns.join(',')}`;
  if (built.get(store)?.key !== key || !tableExists(store, 'alloc_cube') || !tableExists(store, 'alloc_cube_month')) {
    const cols = ['"BillingCurrency"', ...columns.map((c) => `"${c}"`)].join(', ');
    store.exec('DROP TABLE IF EXISTS temp.alloc_cube; DROP TABLE IF EXISTS temp.alloc_cube_month;');
    store.exec(`CREATE TEMP TABLE alloc_cube AS
      SELECT day, ${cols}, COUNT(*) AS n, TOTAL("BilledCost") AS billed, TOTAL("EffectiveCost") AS effective,
        TOTAL("x_Tokens") AS tokens, TOTAL("x_GpuHours") AS gpu, ${REQUESTS} AS requests
      FROM cost_lines GROUP BY day, ${cols}`);
    store.exec('CREATE INDEX temp.alloc_cube_by_day ON alloc_cube (day)');
    // The month cube keys each row by the first day of its month.
    store.exec(`CREATE TEMP TABLE alloc_cube_month AS
      SELECT day - CAST(strftime('%d', day * 86400, 'unixepoch') AS INTEGER) + 1 AS day, ${cols}, SUM(n) AS n, TOTAL(billed) AS billed,
        TOTAL(effective) AS effective, TOTAL(tokens) AS tokens, TOTAL(gpu) AS gpu, TOTAL(requests) AS requests
      FROM alloc_cube GROUP BY 1, ${cols}`);
    store.exec('CREATE INDEX temp.alloc_cube_month_by_day ON alloc_cube_month (day)');
    built.set(store, { key });
  }
  const table = (from: string): BaseTable => ({
    from: `temp.${from}`,
    lines: 'SUM(n)',
    billed: 'TOTAL(billed)',
    effective: 'TOTAL(effective)',
    tokens: 'TOTAL(tokens)',
    gpuHours: 'TOTAL(gpu)',
    requests: 'TOTAL(requests)',
    day: 'day',
  });
  return { day: table('alloc_cube'), month: table('alloc_cube_month') };
}
