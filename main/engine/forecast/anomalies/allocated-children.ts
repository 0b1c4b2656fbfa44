/**
 * The child slices of an allocated series (`alloc:<dimension>=<value>`, or its unallocated
 * bucket) on some days, from the lines' allocated amounts (`readAllocatedLines`): a line a rule
 * gave the value counts whole, a pooled line at the value's share of the pool that day. Children
 * are the line columns (service, region…), tag values and the other allocated dimensions (a
 * line's part split by its fractions there, so each of them partitions the series too).
 */
import type { CostMeasure } from '../../../../shared/forecast.js';
import { Money, entry } from '../../attribution/accumulate.js';
import { allocatedDimensions, readAllocatedLines } from '../../attribution/index.js';
import type { Store } from '../../db/store.js';
import { NOT_SET, UNALLOCATED } from '../series-source.js';

/** A child column of the lines: its name and its expression over `cost_lines` (a dict id). */
export interface ChildColumn {
  dimension: string;
  sql: string;
  /** Lines without a value are not a child of their own (resources, models). */
  skipNull: boolean;
}

export interface ChildRow {
  value: string;
  day: number;
  amount: number;
}

/** Rows of each child dimension: value, day, amount. */
export type ChildRows = Array<{ dimension: string; rows: ChildRow[] }>;

export interface AllocatedParent {
  /** The allocated dimension, without "alloc:". */
  dimension: string;
  /** null: the unallocated bucket. */
  value: string | null;
  currency: string;
  cost: CostMeasure;
}

type ByDay = Map<number, Money>;

function rowsOf<K>(sums: Map<K, ByDay>, label: (key: K) => string | undefined): ChildRow[] {
  const rows: ChildRow[] = [];
  for (const [key, byDay] of sums) {
    const value = label(key);
    if (value === undefined) continue;
    for (const [day, money] of byDay) rows.push({ value, day, amount: money.totalEffective });
  }
  return rows;
}

function add<K>(sums: Map<K, ByDay>, key: K, day: number, amount: number): void {
  entry(entry(sums, key, () => new Map()), day, () => new Money()).add(0, amount);
}

/** Whole numbers from the lines (dict or tag-set ids), inlined in an IN list. */
function idList(ids: Iterable<number | null>): string {
  return [...ids].filter((id): id is number => typeof id === 'number' && Number.isInteger(id)).join(', ');
}

/** The children's amounts on the days, each dimension adding up to the parent's amount on every day (tags aside). */
export function allocatedChildren(store: Store, parent: AllocatedParent, days: readonly number[], columns: readonly ChildColumn[]): ChildRows {
  // The other dimensions that allocate something in the currency (one index probe each, not a scan).
  const others = allocatedDimensions(store)
    .filter((d) => d !== parent.dimension && store.scalar('SELECT 1 FROM alloc_daily WHERE dimension = ? AND currency = ? AND value IS NOT NULL LIMIT 1', [d, parent.currency]) === 1)
    .sort();
  const byColumn = columns.map(() => new Map<number | null, ByDay>());
  const byTags = new Map<number, ByDay>();
  const byOther = others.map(() => new Map<string | null, ByDay>());
  readAllocatedLines(
    store,
    { ...parent, days, columns: [...columns.map((c) => c.sql), '"Tags"'], alongside: others },
    (line) => {
      columns.forEach((column, c) => {
        const id = (line.columns[c] as number | null) ?? null;
        if (id === null && column.skipNull) return;
        add(byColumn[c] as Map<number | null, ByDay>, id, line.day, line.amount);
      });
      const tags = line.columns[columns.length];
      if (typeof tags === 'number') add(byTags, tags, line.day, line.amount);
      line.alongside.forEach((fractions, k) => {
        for (const [value, fraction] of fractions) add(byOther[k] as Map<string | null, ByDay>, value, line.day, line.amount * fraction);
      });
    },
  );

  const ids = new Set<number | null>();
  for (const sums of byColumn) for (const id of sums.keys()) ids.add(id);
  const inList = idList(ids);
  const text = new Map(inList ? store.all<{ id: number; value: string }>(`SELECT id, value FROM dict WHERE id IN (${inList})`).map((r) => [r.id, r.value]) : []);
  const children: ChildRows = columns.map((column, c) => ({
    dimension: column.dimension,
    rows: rowsOf(byColumn[c] as Map<number | null, ByDay>, (id) => (id === null ? NOT_SET : text.get(id))),
  }));

  // Tag values: each tag set's amounts go to every (key, value) pair it holds.
  const tagSets = idList(byTags.keys());
  const pairs = tagSets ? store.all<{ tags: number; key: string; value: string }>(`SELECT tags, key, value FROM tag_pairs WHERE tags IN (${tagSets}) ORDER BY key`) : [];
  const byKey = new Map<string, Map<string, ByDay>>();
  for (const pair of pairs) {
    const sums = entry(byKey, pair.key, () => new Map<string, ByDay>());
    for (const [day, money] of byTags.get(pair.tags) ?? []) add(sums, pair.value, day, money.totalEffective);
  }
  for (const [key, sums] of byKey) children.push({ dimension: `tag:${key}`, rows: rowsOf(sums, (value) => value) });

  others.forEach((dimension, k) => {
    children.push({ dimension: `alloc:${dimension}`, rows: rowsOf(byOther[k] as Map<string | null, ByDay>, (value) => value ?? UNALLOCATED) });
  });
  return children;
}
