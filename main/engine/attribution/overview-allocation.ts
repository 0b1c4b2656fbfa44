/**
 * Allocated dimensions in the overview: a breakdown by an allocated dimension, and a filter to
 * the cost allocated to one value (total, by day, and the breakdown), read from `alloc_daily`.
 */
import type { Breakdown, Overview, OverviewQuery } from '../../../shared/model.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { decimalFromNumber } from '../import/exact-sum.js';
import { isoDay } from '../import/values.js';
import { allocatedDimensions } from './queries.js';

/** The label of the unallocated bucket in overview breakdowns. */
export const UNALLOCATED = '(unallocated)';

interface OverviewScope {
  currency: string | null;
  fromDay: number;
  toDay: number;
  display: string | null;
}

function checkDimension(store: Store, dimension: string): void {
  const known = allocatedDimensions(store);
  if (!known.includes(dimension)) throw new EngineError('BAD_REQUEST', `"${dimension}" is not an allocated dimension (${known.join(', ') || 'none'}).`);
}

/** Adds `byAllocated` and applies the `allocated` filter, when the query asks; otherwise returns the overview as it is. */
export function withAllocation(store: Store, scope: OverviewScope, query: OverviewQuery, overview: Overview): Overview {
  if ((!query.allocatedBy && !query.allocated) || scope.display || scope.currency === null) return overview;
  const filter = query.allocated;
  const params = [scope.currency, scope.fromDay, scope.toDay];
  let result = overview;
  if (filter) {
    checkDimension(store, filter.dimension);
    const byDay = store.all<{ day: number; billed: number; effective: number }>(
      `SELECT day, TOTAL(billed) AS billed, TOTAL(effective) AS effective FROM alloc_daily
       WHERE dimension = ? AND value IS ? AND currency = ? AND day BETWEEN ? AND ? GROUP BY day ORDER BY day`,
      [filter.dimension, filter.value, ...params],
    );
    const totals = store.all<{ billed: number; effective: number }>(
      `SELECT TOTAL(billed) AS billed, TOTAL(effective) AS effective FROM alloc_daily WHERE dimension = ? AND value IS ? AND currency = ? AND day BETWEEN ? AND ?`,
      [filter.dimension, filter.value, ...params],
    )[0];
    result = {
      ...result,
      total: { billedCost: decimalFromNumber(totals?.billed ?? 0), effectiveCost: decimalFromNumber(totals?.effective ?? 0) },
      byDay: byDay.map((r) => ({ day: isoDay(r.day), billedCost: r.billed, effectiveCost: r.effective })),
      allocatedFilter: { dimension: filter.dimension, value: filter.value, appliesTo: query.allocatedBy ? ['total', 'byDay', 'byAllocated'] : ['total', 'byDay'] },
    };
  }
  if (query.allocatedBy) {
    checkDimension(store, query.allocatedBy);
    // With a filter on another dimension, allocation is per dimension and day: the breakdown is not filtered.
    const sameDimension = filter?.dimension === query.allocatedBy;
    const rows = store.all<{ value: string | null; billed: number; effective: number }>(
      `SELECT value, TOTAL(billed) AS billed, TOTAL(effective) AS effective FROM alloc_daily
       WHERE dimension = ? AND currency = ? AND day BETWEEN ? AND ? ${sameDimension ? 'AND value IS ?' : ''} GROUP BY value`,
      [query.allocatedBy, ...params, ...(sameDimension ? [filter.value] : [])],
    );
    const total = rows.reduce((sum, r) => sum + r.effective, 0);
    const allocated = rows.filter((r) => r.value !== null).reduce((sum, r) => sum + r.effective, 0);
    const breakdown: Breakdown[] = rows
      .map((r) => ({ key: r.value ?? UNALLOCATED, effectiveCost: r.effective, billedCost: r.billed }))
      .sort((a, b) => b.effectiveCost - a.effectiveCost || a.key.localeCompare(b.key));
    result = { ...result, byAllocated: { dimension: query.allocatedBy, coverage: total === 0 ? 1 : Math.min(1, Math.max(0, allocated / total)), rows: breakdown } };
    if (filter && !sameDimension && result.allocatedFilter) result.allocatedFilter = { ...result.allocatedFilter, appliesTo: ['total', 'byDay'] };
  }
  return result;
}
