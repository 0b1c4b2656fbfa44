/**
 * Figures in a display currency: a temporary table holds, for each currency and day in scope,
 * the rate into the display currency — the latest rate on or before that day (direct, else the
 * inverse of the opposite pair), else the earliest later one. Amounts without any rate are left
 * out and listed, never silently converted at 1.
 */
import type { Conversion } from '../../../shared/model.js';
import { DIMENSION } from '../db/rollups.js';
import type { Store } from '../db/store.js';
import type { SqlValue } from '../types/sql-js.js';
import { isoDay } from '../import/values.js';

export interface RowSource {
  /** A subquery with the columns of `daily_dim` (kind, tag_key, day, value, effective, billed, lines), already in the scope's currency. */
  sql: string;
  params: SqlValue[];
}

export interface CurrencyScope {
  currencyId: number | null;
  fromDay: number;
  toDay: number;
  /** The display currency (its text), when figures are converted. */
  display: string | null;
}

/** Rows of daily_dim in the scope's currency: filtered (one currency) or converted (all currencies). */
export function dimensionRows(scope: CurrencyScope): RowSource {
  if (!scope.display) {
    return {
      sql: 'SELECT kind, tag_key, day, value, effective, billed, lines FROM daily_dim WHERE currency = ? AND day BETWEEN ? AND ?',
      params: [scope.currencyId, scope.fromDay, scope.toDay],
    };
  }
  return {
    sql: `SELECT d.kind, d.tag_key, d.day, d.value, d.effective * r.rate AS effective, d.billed * r.rate AS billed, d.lines
          FROM daily_dim d JOIN temp.fx_scope r ON r.currency = d.currency AND r.day = d.day
          WHERE d.day BETWEEN ? AND ? AND r.rate IS NOT NULL`,
    params: [scope.fromDay, scope.toDay],
  };
}

/** Rows of daily_resource in the scope's currency (resource_id, resource_name, service, day, effective, billed). */
export function resourceRows(scope: CurrencyScope): RowSource {
  if (!scope.display) {
    return {
      sql: 'SELECT resource_id, resource_name, service, day, effective, billed FROM daily_resource WHERE currency = ? AND day BETWEEN ? AND ?',
      params: [scope.currencyId, scope.fromDay, scope.toDay],
    };
  }
  return {
    sql: `SELECT d.resource_id, d.resource_name, d.service, d.day, d.effective * r.rate AS effective, d.billed * r.rate AS billed
          FROM daily_resource d JOIN temp.fx_scope r ON r.currency = d.currency AND r.day = d.day
          WHERE d.day BETWEEN ? AND ? AND r.rate IS NOT NULL`,
    params: [scope.fromDay, scope.toDay],
  };
}

/** The rate (or its source) of currency `c.code` into ?1 on day `c.day`, in order of preference. */
function rateLookup(column: 'rate' | 'source'): string {
  const direct = column === 'rate' ? 'rate' : 'source';
  const inverse = column === 'rate' ? '1.0 / rate' : 'source';
  return `COALESCE(
    (SELECT ${direct} FROM fx_rates WHERE from_currency = c.code AND to_currency = ?1 AND day <= c.day ORDER BY day DESC LIMIT 1),
    (SELECT ${inverse} FROM fx_rates WHERE from_currency = ?1 AND to_currency = c.code AND day <= c.day ORDER BY day DESC LIMIT 1),
    (SELECT ${direct} FROM fx_rates WHERE from_currency = c.code AND to_currency = ?1 ORDER BY day LIMIT 1),
    (SELECT ${inverse} FROM fx_rates WHERE from_currency = ?1 AND to_currency = c.code ORDER BY day LIMIT 1))`;
}

/** Fills temp.fx_scope for the range and reports the rates' sources and what could not be converted. */
export function prepareConversion(store: Store, display: string, fromDay: number, toDay: number): Conversion {
  store.exec('CREATE TEMP TABLE IF NOT EXISTS fx_scope (currency INTEGER, day INTEGER, rate REAL, source TEXT, PRIMARY KEY (currency, day))');
  store.exec('DELETE FROM temp.fx_scope');
  store.run(
    `INSERT INTO temp.fx_scope (currency, day, rate, source)
     SELECT c.currency, c.day,
            CASE WHEN c.code = ?1 THEN 1.0 ELSE ${rateLookup('rate')} END,
            CASE WHEN c.code = ?1 THEN NULL ELSE ${rateLookup('source')} END
     FROM (SELECT DISTINCT d.currency, d.day, k.value AS code FROM daily_dim d JOIN dict k ON k.id = d.currency
           WHERE d.kind = ${DIMENSION.total} AND d.day BETWEEN ?2 AND ?3) c`,
    [display, fromDay, toDay],
  );
  const sources = store.all<{ source: string }>('SELECT DISTINCT source FROM temp.fx_scope WHERE source IS NOT NULL ORDER BY source').map((r) => r.source);
  const missing = store
    .all<{ currency: string; first: number; last: number; effective: number }>(
      `SELECT k.value AS currency, MIN(d.day) AS first, MAX(d.day) AS last, TOTAL(d.effective) AS effective
       FROM daily_dim d JOIN temp.fx_scope r ON r.currency = d.currency AND r.day = d.day JOIN dict k ON k.id = d.currency
       WHERE d.kind = ${DIMENSION.total} AND d.day BETWEEN ? AND ? AND r.rate IS NULL
       GROUP BY k.value ORDER BY k.value`,
      [fromDay, toDay],
    )
    .map((m) => ({ currency: m.currency, firstDay: isoDay(m.first), lastDay: isoDay(m.last), effectiveCost: m.effective }));
  return { to: display, sources, missing };
}
