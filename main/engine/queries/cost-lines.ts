/** The source lines behind a figure, with their provenance (file and row). */
import type { CostLinePage, CostLineQuery } from '../../../shared/model.js';
import { EngineError } from '../../../shared/rpc.js';
import { COST_COLUMNS, isCostColumn } from '../db/cost-columns.js';
import type { Store } from '../db/store.js';
import type { SqlValue } from '../types/sql-js.js';
import { isoFromSeconds } from '../import/values.js';
import { scopeOf } from './filters.js';

const STRING_COLUMNS = new Set(COST_COLUMNS.filter((c) => c.kind === 'string' || c.kind === 'json').map((c) => c.name));

export function costLines(store: Store, query: CostLineQuery): CostLinePage {
  const scope = scopeOf(store, query);
  const conditions = ['l.BillingCurrency = ?', 'l.day BETWEEN ? AND ?'];
  const params: SqlValue[] = [scope.currencyId, scope.fromDay, scope.toDay];
  for (const [column, value] of Object.entries(query.where ?? {})) {
    if (!isCostColumn(column) || !STRING_COLUMNS.has(column)) {
      throw new EngineError('BAD_REQUEST', `Cannot filter cost lines by "${column}": not a text column of the cost model.`);
    }
    // Column names are checked against the schema above; values are bound.
    conditions.push(`l."${column}" = (SELECT id FROM dict WHERE value = ?)`);
    params.push(value);
  }
  const where = conditions.join(' AND ');
  const total = Number(store.scalar(`SELECT COUNT(*) FROM cost_lines l WHERE ${where}`, params));
  const limit = Math.max(1, Math.min(query.limit ?? 100, 1000));
  const offset = Math.max(0, query.offset ?? 0);
  const lines = store.all<{
    file: string; row: number; start: number; provider: string | null; service: string | null;
    resource: string | null; currency: string; billed: number; effective: number;
  }>(
    `SELECT s.file_name AS file, l.row_number AS row, l.ChargePeriodStart AS start,
            p.value AS provider, sv.value AS service, r.value AS resource, c.value AS currency,
            l.BilledCost AS billed, l.EffectiveCost AS effective
     FROM cost_lines l JOIN sources s ON s.id = l.source_id
     JOIN dict c ON c.id = l.BillingCurrency
     LEFT JOIN dict p ON p.id = l.ProviderName
     LEFT JOIN dict sv ON sv.id = l.ServiceName
     LEFT JOIN dict r ON r.id = l.ResourceId
     WHERE ${where}
     ORDER BY ABS(l.EffectiveCost) DESC, l.source_id, l.row_number LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  return {
    total,
    lines: lines.map((l) => ({
      sourceFile: l.file, row: l.row, chargePeriodStart: isoFromSeconds(l.start), providerName: l.provider ?? '',
      serviceName: l.service ?? '', resourceId: l.resource ?? '', billingCurrency: l.currency,
      billedCost: l.billed, effectiveCost: l.effective,
    })),
  };
}
