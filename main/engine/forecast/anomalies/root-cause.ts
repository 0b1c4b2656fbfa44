/**
 * Root causes of an anomalous day: for each child slice of the anomalous series (its services,
 * sub-accounts, regions, resources, models, tag values…), the child's actual that day minus its
 * expected value (the median of the same weekday over the four weeks before), ranked by size.
 * Read from the lines of those five days only (indexed by day), so any parent and any child
 * column can be combined.
 */
import type { AnomalyDimension, CostMeasure, RootCause } from '../../../../shared/forecast.js';
import type { Store } from '../../db/store.js';
import { median } from '../stats.js';
import { NOT_SET } from '../series-source.js';

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
const WEEKS_BACK = 4;
export const MAX_ROOT_CAUSES = 10;

interface Parent {
  dimension: AnomalyDimension;
  value: string | null;
}

/** The parent's filter on cost_lines, or null when lines cannot express it (allocations). */
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
  const filter = parentFilter(store, query.parent);
  if (!filter) return [];
  const days = Array.from({ length: WEEKS_BACK + 1 }, (_, w) => query.day - 7 * w);
  const cost = query.cost === 'billed' ? 'BilledCost' : 'EffectiveCost';
  const where = `BillingCurrency = ? AND day IN (${days.map(() => '?').join(', ')})${filter.sql}`;
  const params = [query.currencyId, ...days, ...filter.params];
  const causes: RootCause[] = [];
  const add = (dimension: string, rows: Array<{ value: string | null; day: number; amount: number }>): void => {
    const byValue = new Map<string, Map<number, number>>();
    for (const row of rows) {
      const key = row.value ?? NOT_SET;
      const values = byValue.get(key) ?? new Map<number, number>();
      values.set(row.day, (values.get(row.day) ?? 0) + row.amount);
      byValue.set(key, values);
    }
    for (const [value, amounts] of byValue) {
      const expected = median(days.slice(1).map((d) => amounts.get(d) ?? 0));
      const impact = (amounts.get(query.day) ?? 0) - expected;
      if (impact !== 0) causes.push({ dimension, value, impact, share: query.impact === 0 ? 0 : impact / query.impact });
    }
  };
  for (const child of CHILDREN) {
    if (child === query.parent.dimension) continue;
    const expression = LINE_EXPRESSION[child] as string;
    const rows = store.all<{ value: string | null; day: number; amount: number }>(
      `SELECT d.value AS value, g.day, g.amount
       FROM (SELECT ${expression} AS child, day, TOTAL(${cost}) AS amount FROM cost_lines WHERE ${where} GROUP BY 1, 2) g
       LEFT JOIN dict d ON d.id = g.child`,
      params,
    );
    // Lines without a resource or a model are not a cause of their own.
    add(child, child === 'ResourceId' || child === 'x_Model' ? rows.filter((r) => r.value !== null) : rows);
  }
  const tagRows = store.all<{ key: string; value: string; day: number; amount: number }>(
    `SELECT t.key, t.value, g.day, TOTAL(g.amount) AS amount
     FROM (SELECT Tags AS tags, day, TOTAL(${cost}) AS amount FROM cost_lines WHERE ${where} AND Tags IS NOT NULL GROUP BY 1, 2) g
     JOIN tag_pairs t ON t.tags = g.tags GROUP BY t.key, t.value, g.day`,
    params,
  );
  const byKey = new Map<string, Array<{ value: string; day: number; amount: number }>>();
  for (const row of tagRows) {
    if (query.parent.dimension === `tag:${row.key}`) continue;
    const list = byKey.get(row.key) ?? [];
    list.push(row);
    byKey.set(row.key, list);
  }
  for (const [key, rows] of byKey) add(`tag:${key}`, rows);
  causes.sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
  return causes.slice(0, MAX_ROOT_CAUSES);
}
