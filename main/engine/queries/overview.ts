/** The overview: totals per currency and the breakdowns of one currency, all from the daily rollups. */
import type { Breakdown, Overview, OverviewQuery, TagBreakdown, TagBreakdownQuery } from '../../../shared/model.js';
import type { Store } from '../db/store.js';
import { decimalFromNumber } from '../import/exact-sum.js';
import { isoDay } from '../import/values.js';
import { scopeOf, type Scope } from './filters.js';

const DEFAULT_TOP = 10;
export const NOT_SET = '(not set)';
export const OTHER = 'Other';
export const UNTAGGED = '(untagged)';

/** Rollup columns a breakdown may group by (never user text: these are interpolated into SQL). */
type RollupColumn = 'provider' | 'service_category' | 'service' | 'region' | 'sub_account';

const KEY_SQL: Record<RollupColumn, string> = {
  provider: 'provider',
  service_category: 'service_category',
  service: 'service',
  region: 'region',
  sub_account: 'COALESCE(sub_account_name, sub_account_id)',
};

export function overview(store: Store, query: OverviewQuery): Overview {
  const scope = scopeOf(store, query);
  const top = Math.max(1, Math.min(query.top ?? DEFAULT_TOP, 100));
  const currencies = store
    .all<{ currency: string; billed: number; effective: number; lines: number }>(
      `SELECT d.value AS currency, TOTAL(c.billed) AS billed, TOTAL(c.effective) AS effective, SUM(c.lines) AS lines
       FROM daily_cost c JOIN dict d ON d.id = c.currency
       WHERE c.day BETWEEN ? AND ? GROUP BY c.currency ORDER BY ABS(TOTAL(c.effective)) DESC, d.value`,
      [scope.fromDay, scope.toDay],
    )
    .map((r) => ({ currency: r.currency, billedCost: decimalFromNumber(r.billed), effectiveCost: decimalFromNumber(r.effective), rows: r.lines }));
  const current = currencies.find((c) => c.currency === scope.currency);
  const period = store.all<{ first: number | null; last: number | null }>(
    'SELECT MIN(day) AS first, MAX(day) AS last FROM daily_cost WHERE currency = ? AND day BETWEEN ? AND ?',
    [scope.currencyId, scope.fromDay, scope.toDay],
  )[0];
  return {
    currencies,
    currency: scope.currency,
    total: { billedCost: current?.billedCost ?? '0.000000', effectiveCost: current?.effectiveCost ?? '0.000000' },
    period: period?.first != null && period.last != null ? { start: isoDay(period.first), end: isoDay(period.last) } : null,
    byDay: store
      .all<{ day: number; effective: number; billed: number }>(
        `SELECT day, TOTAL(effective) AS effective, TOTAL(billed) AS billed FROM daily_cost
         WHERE currency = ? AND day BETWEEN ? AND ? GROUP BY day ORDER BY day`,
        [scope.currencyId, scope.fromDay, scope.toDay],
      )
      .map((r) => ({ day: isoDay(r.day), effectiveCost: r.effective, billedCost: r.billed })),
    byProvider: breakdown(store, scope, 'provider', top),
    byServiceCategory: breakdown(store, scope, 'service_category', top),
    byService: breakdown(store, scope, 'service', top),
    bySubAccount: breakdown(store, scope, 'sub_account', top),
    byRegion: breakdown(store, scope, 'region', top),
    topResources: store
      .all<{ resourceId: string; resourceName: string | null; serviceName: string | null; effective: number; billed: number }>(
        `SELECT rid.value AS resourceId, rname.value AS resourceName, svc.value AS serviceName,
                r.effective AS effective, r.billed AS billed
         FROM (SELECT resource_id, MAX(resource_name) AS resource_name, MAX(service) AS service,
                      TOTAL(effective) AS effective, TOTAL(billed) AS billed
               FROM daily_resource WHERE currency = ? AND day BETWEEN ? AND ?
               GROUP BY resource_id ORDER BY effective DESC LIMIT ?) r
         JOIN dict rid ON rid.id = r.resource_id
         LEFT JOIN dict rname ON rname.id = r.resource_name
         LEFT JOIN dict svc ON svc.id = r.service
         ORDER BY r.effective DESC`,
        [scope.currencyId, scope.fromDay, scope.toDay, top],
      )
      .map((r) => ({ resourceId: r.resourceId, resourceName: r.resourceName ?? '', serviceName: r.serviceName ?? '', effectiveCost: r.effective, billedCost: r.billed })),
    tagKeys: store
      .all<{ key: string }>(
        `SELECT DISTINCT t.key FROM tag_pairs t
         WHERE t.tags IN (SELECT DISTINCT tags FROM daily_cost WHERE currency = ? AND day BETWEEN ? AND ?)
         ORDER BY t.key`,
        [scope.currencyId, scope.fromDay, scope.toDay],
      )
      .map((r) => r.key),
  };
}

function breakdown(store: Store, scope: Scope, column: RollupColumn, top: number): Breakdown[] {
  const rows = store.all<{ key: string | null; effective: number; billed: number }>(
    `SELECT d.value AS key, g.effective, g.billed
     FROM (SELECT ${KEY_SQL[column]} AS k, TOTAL(effective) AS effective, TOTAL(billed) AS billed
           FROM daily_cost WHERE currency = ? AND day BETWEEN ? AND ? GROUP BY k) g
     LEFT JOIN dict d ON d.id = g.k
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

export function tagBreakdown(store: Store, query: TagBreakdownQuery): TagBreakdown {
  const scope = scopeOf(store, query);
  const rows = store.all<{ key: string | null; effective: number; billed: number }>(
    `SELECT t.value AS key, TOTAL(c.effective) AS effective, TOTAL(c.billed) AS billed
     FROM daily_cost c LEFT JOIN tag_pairs t ON t.tags = c.tags AND t.key = ?
     WHERE c.currency = ? AND c.day BETWEEN ? AND ?
     GROUP BY t.value ORDER BY effective DESC`,
    [query.key, scope.currencyId, scope.fromDay, scope.toDay],
  );
  return {
    key: query.key,
    currency: scope.currency,
    rows: rankWithOther(rows.map((r) => ({ key: r.key ?? UNTAGGED, effectiveCost: r.effective, billedCost: r.billed })), query.top ?? DEFAULT_TOP),
  };
}
