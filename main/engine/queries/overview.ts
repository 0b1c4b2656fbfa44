/**
 * The overview: totals per currency and the breakdowns in one currency (or converted into a
 * display currency). Every query reads the per-dimension daily rollup through its covering index
 * (or the resource rollups), never the lines.
 */
import type { Breakdown, Conversion, Overview, OverviewQuery, TagBreakdown, TagBreakdownQuery } from '../../../shared/model.js';
import { DIMENSION, type Dimension } from '../db/rollups.js';
import type { Store } from '../db/store.js';
import { decimalFromNumber } from '../import/exact-sum.js';
import { isoDay } from '../import/values.js';
import { dimensionRows, prepareConversion, type RowSource } from './conversion.js';
import { scopeOf, type Scope } from './filters.js';
import { topResources } from './top-resources.js';
import { withAllocation } from '../attribution/overview-allocation.js';

const DEFAULT_TOP = 10;
export const NOT_SET = '(not set)';
export const OTHER = 'Other';
export const UNTAGGED = '(untagged)';

/** The scope's rows (converted when a display currency is asked for) and the conversion facts. */
function rowsOf(store: Store, scope: Scope): { rows: RowSource; conversion: Conversion | null } {
  const conversion = scope.display ? prepareConversion(store, scope.display, scope.fromDay, scope.toDay) : null;
  return { rows: dimensionRows(scope), conversion };
}

export function overview(store: Store, query: OverviewQuery): Overview {
  const scope = scopeOf(store, query);
  const top = Math.max(1, Math.min(query.top ?? DEFAULT_TOP, 100));
  const { rows, conversion } = rowsOf(store, scope);
  const currencies = store
    .all<{ currency: string; billed: number; effective: number; lines: number }>(
      `SELECT d.value AS currency, g.billed, g.effective, g.lines
       FROM (SELECT currency, TOTAL(billed) AS billed, TOTAL(effective) AS effective, SUM(lines) AS lines
             FROM daily_dim WHERE kind = ${DIMENSION.total} AND day BETWEEN ? AND ? GROUP BY currency) g
       JOIN dict d ON d.id = g.currency
       ORDER BY ABS(g.effective) DESC, d.value`,
      [scope.fromDay, scope.toDay],
    )
    .map((r) => ({ currency: r.currency, billedCost: decimalFromNumber(r.billed), effectiveCost: decimalFromNumber(r.effective), rows: r.lines }));
  const byDay = store.all<{ day: number; effective: number; billed: number }>(
    `SELECT day, TOTAL(effective) AS effective, TOTAL(billed) AS billed FROM (${rows.sql})
     WHERE kind = ${DIMENSION.total} AND tag_key IS NULL GROUP BY day ORDER BY day`,
    rows.params,
  );
  const first = byDay[0];
  const last = byDay[byDay.length - 1];
  const current = currencies.find((c) => c.currency === scope.currency);
  const total = scope.display
    ? { billedCost: decimalFromNumber(sum(byDay.map((d) => d.billed))), effectiveCost: decimalFromNumber(sum(byDay.map((d) => d.effective))) }
    : { billedCost: current?.billedCost ?? '0.000000', effectiveCost: current?.effectiveCost ?? '0.000000' };
  return withAllocation(store, scope, query, {
    currencies,
    currency: currencies.length === 0 ? null : scope.currency,
    total,
    period: first && last ? { start: isoDay(first.day), end: isoDay(last.day) } : null,
    byDay: byDay.map((r) => ({ day: isoDay(r.day), effectiveCost: r.effective, billedCost: r.billed })),
    byProvider: breakdown(store, rows, DIMENSION.provider, top),
    byServiceCategory: breakdown(store, rows, DIMENSION.serviceCategory, top),
    byService: breakdown(store, rows, DIMENSION.service, top),
    bySubAccount: breakdown(store, rows, DIMENSION.subAccount, top),
    byRegion: breakdown(store, rows, DIMENSION.region, top),
    topResources: topResources(store, scope, top),
    tagKeys: store
      .all<{ key: string }>(
        `SELECT d.value AS key FROM (SELECT DISTINCT tag_key FROM (${rows.sql}) WHERE kind = ${DIMENSION.tag}) k
         JOIN dict d ON d.id = k.tag_key ORDER BY d.value`,
        rows.params,
      )
      .map((r) => r.key),
    conversion,
  });
}

/** Neumaier-compensated sum (day totals into a period total without drift). */
function sum(values: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const value of values) {
    const next = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + compensation;
}

function breakdown(store: Store, rows: RowSource, kind: Dimension, top: number): Breakdown[] {
  const grouped = store.all<{ key: string | null; effective: number; billed: number }>(
    `SELECT d.value AS key, g.effective, g.billed
     FROM (SELECT value, TOTAL(effective) AS effective, TOTAL(billed) AS billed
           FROM (${rows.sql}) WHERE kind = ${kind} AND tag_key IS NULL GROUP BY value) g
     LEFT JOIN dict d ON d.id = g.value
     ORDER BY g.effective DESC, d.value`,
    rows.params,
  );
  return rankWithOther(grouped.map((r) => ({ key: r.key ?? NOT_SET, effectiveCost: r.effective, billedCost: r.billed })), top);
}

/** The first `top` rows, and the rest summed as "Other" so the parts still add up to the total. */
export function rankWithOther(rows: Breakdown[], top: number): Breakdown[] {
  if (rows.length <= top) return rows;
  const rest = rows.slice(top);
  return [...rows.slice(0, top), { key: OTHER, effectiveCost: sum(rest.map((r) => r.effectiveCost)), billedCost: sum(rest.map((r) => r.billedCost)) }];
}

/** Cost by the values of one tag key; lines without the key are "(untagged)" (total minus tagged). */
export function tagBreakdown(store: Store, query: TagBreakdownQuery): TagBreakdown {
  const scope = scopeOf(store, query);
  const { rows } = rowsOf(store, scope);
  const keyId = store.scalar('SELECT id FROM dict WHERE value = ?', [query.key]);
  const grouped = store.all<{ key: string | null; effective: number; billed: number; lines: number }>(
    `SELECT CASE WHEN g.kind = ${DIMENSION.total} THEN NULL ELSE d.value END AS key, g.effective, g.billed, g.lines
     FROM (SELECT kind, value, TOTAL(effective) AS effective, TOTAL(billed) AS billed, SUM(lines) AS lines FROM (${rows.sql})
           WHERE (kind = ${DIMENSION.tag} AND tag_key = ?) OR (kind = ${DIMENSION.total} AND tag_key IS NULL)
           GROUP BY kind, CASE WHEN kind = ${DIMENSION.tag} THEN value END) g
     LEFT JOIN dict d ON d.id = g.value`,
    [...rows.params, keyId],
  );
  const totalRow = grouped.find((g) => g.key === null);
  const tagged = grouped.filter((g): g is typeof g & { key: string } => g.key !== null);
  const result: Breakdown[] = tagged.map((r) => ({ key: r.key, effectiveCost: r.effective, billedCost: r.billed }));
  const untaggedLines = (totalRow?.lines ?? 0) - tagged.reduce((n, r) => n + r.lines, 0);
  if (totalRow && untaggedLines > 0) {
    result.push({
      key: UNTAGGED,
      effectiveCost: sum([totalRow.effective, ...tagged.map((r) => -r.effective)]),
      billedCost: sum([totalRow.billed, ...tagged.map((r) => -r.billed)]),
    });
  }
  result.sort((a, b) => b.effectiveCost - a.effectiveCost);
  return { key: query.key, currency: scope.currency, rows: rankWithOther(result, query.top ?? DEFAULT_TOP) };
}
