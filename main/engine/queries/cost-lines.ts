/**
 * The source lines behind a figure, with their provenance (file and row), largest first.
 * Filters by one overview dimension are served by an expression index built on first use (so
 * imports do not pay for it), and their count comes from the daily rollup.
 */
import type { CostLinePage, CostLineQuery } from '../../../shared/model.js';
import { EngineError } from '../../../shared/rpc.js';
import { COST_COLUMNS, isCostColumn } from '../db/cost-columns.js';
import { DIMENSION, type Dimension } from '../db/rollups.js';
import type { Store } from '../db/store.js';
import type { SqlValue } from '../types/sql-js.js';
import { isoFromSeconds } from '../import/values.js';
import { scopeOf } from './filters.js';

const STRING_COLUMNS = new Set(COST_COLUMNS.filter((c) => c.kind === 'string' || c.kind === 'json').map((c) => c.name));

/** Columns the overview drills into, with their rollup dimension. */
const DRILL_COLUMNS: Record<string, Dimension> = {
  ProviderName: DIMENSION.provider,
  ServiceCategory: DIMENSION.serviceCategory,
  ServiceName: DIMENSION.service,
};

/** An index that serves "lines of one value, largest first" without sorting; built once. */
function ensureDrillIndex(store: Store, column: string | null): void {
  const name = `cost_lines_explain_${column ?? 'all'}`;
  store.exec(`CREATE INDEX IF NOT EXISTS ${name} ON cost_lines (BillingCurrency, ${column ? `"${column}", ` : ''}ABS(EffectiveCost) DESC, source_id, row_number)`);
}

export function costLines(store: Store, query: CostLineQuery): CostLinePage {
  const scope = scopeOf(store, query);
  const conditions = ['l.BillingCurrency = ?', 'l.day BETWEEN ? AND ?'];
  const params: SqlValue[] = [scope.currencyId, scope.fromDay, scope.toDay];
  const filters = Object.entries(query.where ?? {});
  for (const [column, value] of filters) {
    if (!isCostColumn(column) || !STRING_COLUMNS.has(column)) {
      throw new EngineError('BAD_REQUEST', `Cannot filter cost lines by "${column}": not a text column of the cost model.`);
    }
    // Column names are checked against the schema above; values are bound.
    conditions.push(`l."${column}" = (SELECT id FROM dict WHERE value = ?)`);
    params.push(value);
  }
  const [only] = filters;
  const drill = filters.length === 0 ? null : filters.length === 1 && only && only[0] in DRILL_COLUMNS ? only[0] : undefined;
  if (drill !== undefined) ensureDrillIndex(store, drill);
  const where = conditions.join(' AND ');
  const total = drill === undefined ? Number(store.scalar(`SELECT COUNT(*) FROM cost_lines l WHERE ${where}`, params)) : countFromRollup(store, scope, drill, only?.[1]);
  const limit = Math.max(1, Math.min(query.limit ?? 100, 1000));
  const offset = Math.max(0, query.offset ?? 0);
  const lines = store.all<{
    file: string; row: number; start: number; provider: string | null; service: string | null;
    resource: string | null; currency: string; billed: number; effective: number; lines: number | null;
  }>(
    `SELECT s.file_name AS file, l.row_number AS row, l.line_count AS lines, l.ChargePeriodStart AS start,
            p.value AS provider, sv.value AS service, r.value AS resource, c.value AS currency,
            l.BilledCost AS billed, l.EffectiveCost AS effective
     FROM (SELECT * FROM cost_lines l WHERE ${where}
           ORDER BY ABS(l.EffectiveCost) DESC, l.source_id, l.row_number LIMIT ? OFFSET ?) l
     JOIN sources s ON s.id = l.source_id
     JOIN dict c ON c.id = l.BillingCurrency
     LEFT JOIN dict p ON p.id = l.ProviderName
     LEFT JOIN dict sv ON sv.id = l.ServiceName
     LEFT JOIN dict r ON r.id = l.ResourceId
     ORDER BY ABS(l.EffectiveCost) DESC, l.source_id, l.row_number`,
    [...params, limit, offset],
  );
  return {
    total,
    lines: lines.map((l) => ({
      sourceFile: l.file, row: l.row, lines: l.lines ?? 1, chargePeriodStart: isoFromSeconds(l.start), providerName: l.provider ?? '',
      serviceName: l.service ?? '', resourceId: l.resource ?? '', billingCurrency: l.currency,
      billedCost: l.billed, effectiveCost: l.effective,
    })),
  };
}

function countFromRollup(store: Store, scope: ReturnType<typeof scopeOf>, column: string | null, value: string | undefined): number {
  if (column === null) {
    return Number(store.scalar(`SELECT COALESCE(SUM(lines), 0) FROM daily_dim WHERE kind = ${DIMENSION.total} AND currency = ? AND tag_key IS NULL AND day BETWEEN ? AND ?`, [scope.currencyId, scope.fromDay, scope.toDay]));
  }
  return Number(
    store.scalar(
      `SELECT COALESCE(SUM(lines), 0) FROM daily_dim WHERE kind = ? AND currency = ? AND tag_key IS NULL AND day BETWEEN ? AND ? AND value = (SELECT id FROM dict WHERE value = ?)`,
      [DRILL_COLUMNS[column] ?? -1, scope.currencyId, scope.fromDay, scope.toDay, value ?? ''],
    ),
  );
}
