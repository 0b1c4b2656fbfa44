/**
 * The daily cost of each value of a dimension, found where the dimension lives:
 * 1. an allocated dimension: the attribution's table `alloc_daily` (dimension, value, currency,
 *    day, billed, effective), when it exists and holds that dimension;
 * 2. a tag: `tag:<key>`, or a plain name that is a tag key (daily_dim's tag rollup);
 * 3. a FOCUS or x_ column of text (`ServiceName`, `x_Model`), its name compared without case.
 */
import { DIMENSION } from '../db/rollups.js';
import type { Store } from '../db/store.js';
import { COST_COLUMNS } from '../db/cost-columns.js';
import type { UnitScope } from './unit-scope.js';

export interface ValueCost {
  value: string;
  currency: string;
  day: number;
  cost: number;
}

export type DimensionSource =
  | { kind: 'allocation' }
  | { kind: 'tag'; key: string }
  | { kind: 'column'; column: string }
  | { kind: 'none' };

const ALLOC_TABLE = 'alloc_daily';

/**
 * A dimension counts as allocated once its rules allocate something: the default dimensions exist
 * (all unallocated) before any rule is written, and then a tag of the same name is the better source.
 */
function hasAllocation(store: Store, dimension: string): boolean {
  const table = store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [ALLOC_TABLE]);
  return table !== null && store.scalar(`SELECT 1 FROM ${ALLOC_TABLE} WHERE dimension = ? AND value IS NOT NULL LIMIT 1`, [dimension]) !== null;
}

function textColumn(name: string): string | undefined {
  const lower = name.toLowerCase();
  return COST_COLUMNS.find((c) => c.kind === 'string' && c.name.toLowerCase() === lower)?.name;
}

export function dimensionSource(store: Store, dimension: string): DimensionSource {
  if (hasAllocation(store, dimension)) return { kind: 'allocation' };
  if (dimension.startsWith('tag:')) return { kind: 'tag', key: dimension.slice(4) };
  if (store.scalar('SELECT 1 FROM tag_pairs WHERE key = ? LIMIT 1', [dimension]) !== null) return { kind: 'tag', key: dimension };
  const column = textColumn(dimension);
  return column ? { kind: 'column', column } : { kind: 'none' };
}

/** How the source is named in notes. */
export function describeSource(source: DimensionSource, dimension: string): string {
  switch (source.kind) {
    case 'allocation':
      return `the allocated dimension "${dimension}" (attribution rules and pools)`;
    case 'tag':
      return `the tag "${source.key}"`;
    case 'column':
      return `the column ${source.column}`;
    default:
      return `nothing: "${dimension}" is not an allocated dimension, a tag key or a FOCUS column`;
  }
}

/** Cost per value, currency and day in the scope. The unallocated bucket and untagged cost are not values. */
export function dimensionCost(store: Store, source: DimensionSource, dimension: string, scope: UnitScope): ValueCost[] {
  const params: Array<string | number> = [scope.fromDay, scope.toDay];
  const currency = scope.currency === null ? '' : ' AND c.value = ?';
  const withCurrency = (list: Array<string | number>) => (scope.currency === null ? list : [...list, scope.currency]);
  switch (source.kind) {
    case 'allocation':
      return store.all<ValueCost & Record<string, string | number>>(
        `SELECT value, currency, day, TOTAL(${scope.rollupColumn}) AS cost FROM ${ALLOC_TABLE} c
          WHERE dimension = ? AND value IS NOT NULL AND day BETWEEN ? AND ?${scope.currency === null ? '' : ' AND currency = ?'}
          GROUP BY value, currency, day`,
        withCurrency([dimension, ...params]),
      );
    case 'tag':
      return store.all<ValueCost & Record<string, string | number>>(
        `SELECT v.value AS value, c.value AS currency, d.day AS day, TOTAL(d.${scope.rollupColumn}) AS cost
           FROM daily_dim d JOIN dict v ON v.id = d.value JOIN dict c ON c.id = d.currency
          WHERE d.kind = ${DIMENSION.tag} AND d.tag_key = (SELECT id FROM dict WHERE value = ?) AND d.day BETWEEN ? AND ?${currency}
          GROUP BY d.value, d.currency, d.day`,
        withCurrency([source.key, ...params]),
      );
    case 'column':
      return store.all<ValueCost & Record<string, string | number>>(
        `SELECT v.value AS value, c.value AS currency, l.day AS day, TOTAL(l.${scope.costColumn}) AS cost
           FROM cost_lines l JOIN dict v ON v.id = l."${source.column}" JOIN dict c ON c.id = l.BillingCurrency
          WHERE l.day BETWEEN ? AND ?${currency}
          GROUP BY l."${source.column}", l.BillingCurrency, l.day`,
        withCurrency(params),
      );
    default:
      return [];
  }
}
