/** The day range, currency and cost basis every unit-economics query shares. */
import type { UnitEconomicsQuery } from '../../../shared/unit-economics.js';
import { EngineError } from '../../../shared/rpc.js';
import { dayFromIso } from '../import/values.js';

export interface UnitScope {
  fromDay: number;
  toDay: number;
  /** Only this currency (upper case), or every currency. */
  currency: string | null;
  /** The cost_lines column of the cost basis. */
  costColumn: 'EffectiveCost' | 'BilledCost';
  /** The rollup column (daily_dim, alloc_daily) of the cost basis. */
  rollupColumn: 'effective' | 'billed';
}

const FAR_PAST = -1e9;
const FAR_FUTURE = 1e9;

function day(text: string | undefined, fallback: number, field: string): number {
  if (text === undefined || text === '') return fallback;
  const found = dayFromIso(text);
  if (found === undefined) throw new EngineError('BAD_REQUEST', `${field} "${text}" is not a date (YYYY-MM-DD).`);
  return found;
}

export function unitScope(query: UnitEconomicsQuery): UnitScope {
  const billed = query.cost === 'billed';
  return {
    fromDay: day(query.from, FAR_PAST, 'from'),
    toDay: day(query.to, FAR_FUTURE, 'to'),
    currency: query.currency ? query.currency.trim().toUpperCase() : null,
    costColumn: billed ? 'BilledCost' : 'EffectiveCost',
    rollupColumn: billed ? 'billed' : 'effective',
  };
}

/**
 * SQL conditions on a line `l` joined to its currency's dict row `c`, with their parameters:
 * the day range and (when chosen) the currency.
 */
export function lineScope(scope: UnitScope, line = 'l', currency = 'c'): { sql: string; params: Array<string | number> } {
  const params: Array<string | number> = [scope.fromDay, scope.toDay];
  let sql = `${line}.day BETWEEN ? AND ?`;
  if (scope.currency !== null) {
    sql += ` AND ${currency}.value = ?`;
    params.push(scope.currency);
  }
  return { sql, params };
}
