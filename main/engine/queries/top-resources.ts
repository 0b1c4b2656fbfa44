/**
 * Top resources over a day range: whole months from the monthly rollup, the days of partial
 * months at the edges from the daily one, so a three-month range reads months, not 90 days.
 */
import type { ResourceCost } from '../../../shared/model.js';
import type { Store } from '../db/store.js';
import { resourceRows } from './conversion.js';
import type { Scope } from './filters.js';

/** Month number (year × 12 + month − 1) of a day number. */
function monthOf(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function firstDayOfMonth(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / 86_400_000;
}

/** Converted figures need daily rates, so they are summed from the daily rollup. */
function convertedTopResources(store: Store, scope: Scope, top: number): ResourceCost[] {
  const rows = resourceRows(scope);
  return store
    .all<{ resourceId: string; resourceName: string | null; serviceName: string | null; effective: number; billed: number }>(
      `SELECT rid.value AS resourceId, rname.value AS resourceName, svc.value AS serviceName, r.effective, r.billed
       FROM (SELECT resource_id, MAX(resource_name) AS resource_name, MAX(service) AS service, TOTAL(effective) AS effective, TOTAL(billed) AS billed
             FROM (${rows.sql}) GROUP BY resource_id ORDER BY effective DESC LIMIT ?) r
       JOIN dict rid ON rid.id = r.resource_id LEFT JOIN dict rname ON rname.id = r.resource_name LEFT JOIN dict svc ON svc.id = r.service
       ORDER BY r.effective DESC`,
      [...rows.params, top],
    )
    .map((r) => ({ resourceId: r.resourceId, resourceName: r.resourceName ?? '', serviceName: r.serviceName ?? '', effectiveCost: r.effective, billedCost: r.billed }));
}

export function topResources(store: Store, scope: Scope, top: number): ResourceCost[] {
  if (scope.display) return convertedTopResources(store, scope, top);
  const bounds = store.all<{ first: number | null; last: number | null }>(
    // One aggregate a subquery: SQLite answers a lone MIN or MAX from the index's edge, both at once by scanning every day.
    `SELECT (SELECT MIN(day) FROM daily_resource WHERE currency = ?1 AND day BETWEEN ?2 AND ?3) AS first,
            (SELECT MAX(day) FROM daily_resource WHERE currency = ?1 AND day BETWEEN ?2 AND ?3) AS last`,
    [scope.currencyId, scope.fromDay, scope.toDay],
  )[0];
  if (!bounds || bounds.first === null || bounds.last === null) return [];
  const from = Math.max(scope.fromDay, bounds.first);
  const to = Math.min(scope.toDay, bounds.last);
  // Whole months inside [from, to]: from the first month starting on or after `from` to the last ending on or before `to`.
  const firstWhole = firstDayOfMonth(monthOf(from)) === from ? monthOf(from) : monthOf(from) + 1;
  const lastWhole = firstDayOfMonth(monthOf(to) + 1) - 1 === to ? monthOf(to) : monthOf(to) - 1;
  const wholeFrom = firstWhole <= lastWhole ? firstDayOfMonth(firstWhole) : to + 1;
  const wholeTo = firstWhole <= lastWhole ? firstDayOfMonth(lastWhole + 1) - 1 : to;
  // The two edges as two ranges of the covering index: an OR of them would scan the currency's every day.
  const rows = store.all<{ resourceId: string; resourceName: string | null; serviceName: string | null; effective: number; billed: number }>(
    `SELECT rid.value AS resourceId, rname.value AS resourceName, svc.value AS serviceName, r.effective, r.billed
     FROM (SELECT resource_id, MAX(resource_name) AS resource_name, MAX(service) AS service, TOTAL(effective) AS effective, TOTAL(billed) AS billed
           FROM (SELECT resource_id, resource_name, service, effective, billed FROM monthly_resource
                 WHERE currency = ?1 AND month BETWEEN ?2 AND ?3
                 UNION ALL
                 SELECT resource_id, resource_name, service, effective, billed FROM daily_resource
                 WHERE currency = ?1 AND day BETWEEN ?4 AND ?5 - 1
                 UNION ALL
                 SELECT resource_id, resource_name, service, effective, billed FROM daily_resource
                 WHERE currency = ?1 AND day BETWEEN ?6 + 1 AND ?7)
           GROUP BY resource_id ORDER BY effective DESC LIMIT ?8) r
     JOIN dict rid ON rid.id = r.resource_id
     LEFT JOIN dict rname ON rname.id = r.resource_name
     LEFT JOIN dict svc ON svc.id = r.service
     ORDER BY r.effective DESC`,
    [scope.currencyId, firstWhole, lastWhole, from, wholeFrom, wholeTo, to, top],
  );
  return rows.map((r) => ({ resourceId: r.resourceId, resourceName: r.resourceName ?? '', serviceName: r.serviceName ?? '', effectiveCost: r.effective, billedCost: r.billed }));
}
