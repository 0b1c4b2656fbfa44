/**
 * The overview: totals per currency and the breakdowns of one currency. Every query reads the
 * per-dimension daily rollup through its covering index (or the resource rollups), never the lines.
 */
import type { Breakdown, Overview, OverviewQuery, TagBreakdown, TagBreakdownQuery } from '../../../shared/model.js';
import { DIMENSION, type Dimension } from '../db/rollups.js';
import type { Store } from '../db/store.js';
import { decimalFromNumber } from '../import/exact-sum.js';
import { isoDay } from '../import/values.js';
import { scopeOf, type Scope } from './filters.js';
import { topResources } from './top-resources.js';

const DEFAULT_TOP = 10;
export const NOT_SET = '(not set)';
export const OTHER = 'Other';
export const UNTAGGED = '(untagged)';

export function overview(store: Store, query: OverviewQuery): Overview {
  const scope = scopeOf(store, query);
  const top = Math.max(1, Math.min(query.top ?? DEFAULT_TOP, 100));
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
  const current = currencies.find((c) => c.currency === scope.currency);
  const byDay = store.all<{ day: number; effective: number; billed: number }>(
    `SELECT day, TOTAL(effective) AS effective, TOTAL(billed) AS billed FROM daily_dim
     WHERE kind = ${DIMENSION.total} AND currency = ? AND tag_key IS NULL AND day BETWEEN ? AND ? GROUP BY day ORDER BY day`,
    [scope.currencyId, scope.fromDay, scope.toDay],
  );
  const first = byDay[0];
  const last = byDay[byDay.length - 1];
  return {
    currencies,
    currency: scope.currency,
    total: { billedCost: current?.billedCost ?? '0.000000', effectiveCost: current?.effectiveCost ?? '0.000000' },
    period: first && last ? { start: isoDay(first.day), end: isoDay(last.day) } : null,
    byDay: byDay.map((r) => ({ day: isoDay(r.day), effectiveCost: r.effective, billedCost: r.billed })),
    byProvider: breakdown(store, scope, DIMENSION.provider, top),
    byServiceCategory: breakdown(store, scope, DIMENSION.serviceCategory, top),
    byService: breakdown(store, scope, DIMENSION.service, top),
    bySubAccount: breakdown(store, scope, DIMENSION.subAccount, top),
    byRegion: breakdown(store, scope, DIMENSION.region, top),
    topResources: topResources(store, scope, top),
    tagKeys: store
      .all<{ key: string }>(
        `SELECT d.value AS key FROM (SELECT DISTINCT tag_key FROM daily_dim
           WHERE kind = ${DIMENSION.tag} AND currency = ? AND day BETWEEN ? AND ?) k
         JOIN dict d ON d.id = k.tag_key ORDER BY d.value`,
        [scope.currencyId, scope.fromDay, scope.toDay],
      )
      .map((r) => r.key),
  };
}

function breakdown(store: Store, scope: Scope, kind: Dimension, top: number): Breakdown[] {
  const rows = store.all<{ key: string | null; effective: number; billed: number }>(
    `SELECT d.value AS key, g.effective, g.billed
     FROM (SELECT value, TOTAL(effective) AS effective, TOTAL(billed) AS billed
           FROM daily_dim WHERE kind = ${kind} AND currency = ? AND tag_key IS NULL AND day BETWEEN ? AND ? GROUP BY value) g
     LEFT JOIN dict d ON d.id = g.value
     ORDER BY g.effective DESC, d.value`,
    [scope.currencyId, scope.fromDay, scope.toDay],
  );
  return rankWithOther(rows.map((r) => ({ key: r.key ?? NOT_SET, effectiveCost: r.effective, billedCost: r.billed })), top);
}

/** The first `top` rows, and the rest summed as "Other" so the parts still add up to the total. */
export function rankWithOther(rows: Breakdown[], top: number): Breakdown[] {
  if (rows.length <= top) return rows;
  const rest = rows.slice(top);
  const other = rest.reduce((sum, r) => ({ key: OTHER, effectiveCost: sum.effectiveCost + r.effectiveCost, billedCost: sum.billedCost + r.billedCost }), {
    key: OTHER, effectiveCost: 0, billedCost: 0,
  });
  return [...rows.slice(0, top), other];
}

/** Cost by the values of one tag key; lines without the key are "(untagged)" (total minus tagged). */
export function tagBreakdown(store: Store, query: TagBreakdownQuery): TagBreakdown {
  const scope = scopeOf(store, query);
  const keyId = store.scalar('SELECT id FROM dict WHERE value = ?', [query.key]);
  const tagged = store.all<{ key: string; effective: number; billed: number }>(
    `SELECT d.value AS key, g.effective, g.billed
     FROM (SELECT value, TOTAL(effective) AS effective, TOTAL(billed) AS billed FROM daily_dim
           WHERE kind = ${DIMENSION.tag} AND currency = ? AND tag_key = ? AND day BETWEEN ? AND ? GROUP BY value) g
     JOIN dict d ON d.id = g.value`,
    [scope.currencyId, keyId, scope.fromDay, scope.toDay],
  );
  const totals = store.all<{ effective: number; billed: number }>(
    `SELECT TOTAL(effective) - COALESCE((SELECT TOTAL(effective) FROM daily_dim WHERE kind = ${DIMENSION.tag} AND currency = ?1 AND tag_key = ?2 AND day BETWEEN ?3 AND ?4), 0) AS effective,
            TOTAL(billed) - COALESCE((SELECT TOTAL(billed) FROM daily_dim WHERE kind = ${DIMENSION.tag} AND currency = ?1 AND tag_key = ?2 AND day BETWEEN ?3 AND ?4), 0) AS billed
     FROM daily_dim WHERE kind = ${DIMENSION.total} AND currency = ?1 AND tag_key IS NULL AND day BETWEEN ?3 AND ?4`,
    [scope.currencyId, keyId, scope.fromDay, scope.toDay],
  )[0];
  const rows: Breakdown[] = tagged.map((r) => ({ key: r.key, effectiveCost: r.effective, billedCost: r.billed }));
  const untaggedLines = Number(
    store.scalar(
      `SELECT COALESCE(SUM(CASE WHEN kind = ${DIMENSION.total} THEN lines ELSE -lines END), 0) FROM daily_dim
       WHERE currency = ?1 AND day BETWEEN ?3 AND ?4 AND ((kind = ${DIMENSION.total} AND tag_key IS NULL) OR (kind = ${DIMENSION.tag} AND tag_key = ?2))`,
      [scope.currencyId, keyId, scope.fromDay, scope.toDay],
    ),
  );
  if (untaggedLines > 0 && totals) rows.push({ key: UNTAGGED, effectiveCost: totals.effective, billedCost: totals.billed });
  rows.sort((a, b) => b.effectiveCost - a.effectiveCost);
  return { key: query.key, currency: scope.currency, rows: rankWithOther(rows, query.top ?? DEFAULT_TOP) };
}
