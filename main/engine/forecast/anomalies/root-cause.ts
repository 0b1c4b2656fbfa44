/**
 * Root causes of an anomalous day: for each child slice of the anomalous series (its services,
 * sub-accounts, regions, resources, models, tag values…), the child's actual that day minus its
 * expected value (the median of the same weekday over the four weeks before), ranked by size.
 * Read from the lines of those five days only (indexed by day), so any parent and any child
 * column can be combined. An allocated series reads the same lines at their allocated amounts
 * (allocated-children.ts), and its children include the other allocated dimensions.
 */
import type { AnomalyDimension, CostMeasure, RootCause } from '../../../../shared/forecast.js';
import type { Store } from '../../db/store.js';
import { median } from '../stats.js';
import { NOT_SET, UNALLOCATED } from '../series-source.js';
import { allocatedChildren, type ChildColumn, type ChildRows } from './allocated-children.js';

/** Line expressions of the dimensions a parent can be filtered by and a child grouped by. */
const LINE_EXPRESSION: Record<string, string> = {
  ProviderName: 'ProviderName',
  ServiceCategory: 'ServiceCategory',
  ServiceName: 'ServiceName',
  SubAccountName: 'COALESCE(SubAccountName, SubAccountId)',
  RegionId: 'COALESCE(RegionId, RegionName)',
  ChargeCategory: 'ChargeCategory',
  ResourceId: 'ResourceId',
  x_Model: 'x_Model',
};
const CHILDREN = ['ProviderName', 'ServiceName', 'SubAccountName', 'RegionId', 'ResourceId', 'x_Model'] as const;
/** Lines without a resource or a model are not a cause of their own. */
const CHILD_COLUMNS: ChildColumn[] = CHILDREN.map((child) => ({ dimension: child, sql: LINE_EXPRESSION[child] as string, skipNull: child === 'ResourceId' || child === 'x_Model' }));
const WEEKS_BACK = 4;
export const MAX_ROOT_CAUSES = 10;

interface Parent {
  dimension: AnomalyDimension;
  value: string | null;
}

/** The parent's filter on cost_lines, or null when lines cannot express it (allocations are read apart). */
function parentFilter(store: Store, parent: Parent): { sql: string; params: Array<number | string | null> } | null {
  if (parent.dimension === 'total') return { sql: '', params: [] };
  if (parent.dimension.startsWith('alloc:')) return null;
  if (parent.dimension.startsWith('tag:')) {
    return { sql: ' AND Tags IN (SELECT tags FROM tag_pairs WHERE key = ? AND value = ?)', params: [parent.dimension.slice(4), parent.value] };
  }
  const expression = LINE_EXPRESSION[parent.dimension];
  if (!expression) return null;
  if (parent.value === null || parent.value === NOT_SET) return { sql: ` AND ${expression} IS NULL`, params: [] };
  const id = store.scalar('SELECT id FROM dict WHERE value = ?', [parent.value]);
  return { sql: ` AND ${expression} = ?`, params: [typeof id === 'number' ? id : -1] };
}

export interface RootCauseQuery {
  parent: Parent;
  currencyId: number;
  cost: CostMeasure;
  day: number;
  /** The anomaly's actual − expected, for the shares. */
  impact: number;
}

/** Child slices by |actual − expected| on the day, largest first (at most MAX_ROOT_CAUSES). */
export function rootCauses(store: Store, query: RootCauseQuery): RootCause[] {
  const days = Array.from({ length: WEEKS_BACK + 1 }, (_, w) => query.day - 7 * w);
  const children = query.parent.dimension.startsWith('alloc:') ? allocatedChildRows(store, query, days) : lineChildRows(store, query, days);
  return children ? ranked(children, days, query.impact) : [];
}

/** The children of an allocated series: its lines at their allocated amounts. */
function allocatedChildRows(store: Store, query: RootCauseQuery, days: readonly number[]): ChildRows | null {
  const currency = store.scalar('SELECT value FROM dict WHERE id = ?', [query.currencyId]);
  if (typeof currency !== 'string') return null;
  const { dimension, value } = query.parent;
  const parent = { dimension: dimension.slice('alloc:'.length), value: value === UNALLOCATED ? null : value, currency, cost: query.cost };
  return allocatedChildren(store, parent, days, CHILD_COLUMNS);
}

/** The children of a line slice, grouped in SQL. */
function lineChildRows(store: Store, query: RootCauseQuery, days: readonly number[]): ChildRows | null {
  const filter = parentFilter(store, query.parent);
  if (!filter) return null;
  const cost = query.cost === 'billed' ? 'BilledCost' : 'EffectiveCost';
  const where = `BillingCurrency = ? AND day IN (${days.map(() => '?').join(', ')})${filter.sql}`;
  const params = [query.currencyId, ...days, ...filter.params];
  const children: ChildRows = [];
  for (const child of CHILD_COLUMNS) {
    if (child.dimension === query.parent.dimension) continue;
    const rows = store.all<{ value: string | null; day: number; amount: number }>(
      `SELECT d.value AS value, g.day, g.amount
       FROM (SELECT ${child.sql} AS child, day, TOTAL(${cost}) AS amount FROM cost_lines WHERE ${where} GROUP BY 1, 2) g
       LEFT JOIN dict d ON d.id = g.child`,
      params,
    );
    children.push({
      dimension: child.dimension,
      rows: rows.flatMap((r) => (r.value === null ? (child.skipNull ? [] : [{ ...r, value: NOT_SET }]) : [{ ...r, value: r.value }])),
    });
  }
  const tagRows = store.all<{ key: string; value: string; day: number; amount: number }>(
    `SELECT t.key, t.value, g.day, TOTAL(g.amount) AS amount
     FROM (SELECT Tags AS tags, day, TOTAL(${cost}) AS amount FROM cost_lines WHERE ${where} AND Tags IS NOT NULL GROUP BY 1, 2) g
     JOIN tag_pairs t ON t.tags = g.tags GROUP BY t.key, t.value, g.day`,
    params,
  );
  const byKey = new Map<string, ChildRows[number]['rows']>();
  for (const row of tagRows) {
    if (query.parent.dimension === `tag:${row.key}`) continue;
    const list = byKey.get(row.key) ?? [];
    list.push(row);
    byKey.set(row.key, list);
  }
  for (const [key, rows] of byKey) children.push({ dimension: `tag:${key}`, rows });
  return children;
}

/** Each child's actual on the day (days[0]) − the median of the weeks before, ranked by |impact|. */
function ranked(children: ChildRows, days: readonly number[], anomalyImpact: number): RootCause[] {
  const day = days[0] as number;
  const causes: RootCause[] = [];
  for (const { dimension, rows } of children) {
    const byValue = new Map<string, Map<number, number>>();
    for (const row of rows) {
      const values = byValue.get(row.value) ?? new Map<number, number>();
      values.set(row.day, (values.get(row.day) ?? 0) + row.amount);
      byValue.set(row.value, values);
    }
    for (const [value, amounts] of byValue) {
      const expected = median(days.slice(1).map((d) => amounts.get(d) ?? 0));
      const actual = amounts.get(day) ?? 0;
      const impact = actual - expected;
      // Rounding noise (allocated parts of equal days can differ in the last bits) is no cause.
      if (Math.abs(impact) > 1e-9 * Math.max(1, Math.abs(actual), Math.abs(expected))) causes.push({ dimension, value, impact, share: anomalyImpact === 0 ? 0 : impact / anomalyImpact });
    }
  }
  causes.sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
  return causes.slice(0, MAX_ROOT_CAUSES);
}
