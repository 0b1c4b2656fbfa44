/**
 * Daily figures read from the lines: tokens (by token type or model), GPU hours (by service) and
 * requests (by model, or by the SKU of per-request charges).
 */
import type { Store } from '../db/store.js';
import type { DailyFigure } from './unit-series.js';
import { lineScope, type UnitScope } from './unit-scope.js';

interface FigureRow {
  grp: string | null;
  currency: string | null;
  day: number;
  cost: number;
  quantity: number;
  [key: string]: string | number | null;
}

const NO_VALUE = '(not set)';

/**
 * Usage lines the price book could not price (extras x_CostSource "none …", cost 0): their cost is
 * unknown, not zero, so they are left out of every ratio (and counted in a note).
 */
export const UNPRICED = `COALESCE(l.extras LIKE '%"x_CostSource":"none%', 0)`;

function figures(rows: FigureRow[], extra: Partial<DailyFigure> = {}): DailyFigure[] {
  return rows.map((r) => ({ group: r.grp ?? NO_VALUE, currency: r.currency ?? '', day: r.day, cost: r.cost, quantity: r.quantity, ...extra }));
}

/** Token lines (x_Tokens set): cost and tokens per token type or per model. */
export function tokenFigures(store: Store, scope: UnitScope, by: 'x_TokenType' | 'x_Model'): DailyFigure[] {
  const where = lineScope(scope);
  return figures(
    store.all<FigureRow>(
      `SELECT g.value AS grp, c.value AS currency, l.day AS day, TOTAL(l.${scope.costColumn}) AS cost, TOTAL(l.x_Tokens) AS quantity
         FROM cost_lines l LEFT JOIN dict c ON c.id = l.BillingCurrency LEFT JOIN dict g ON g.id = l.${by}
        WHERE l.x_Tokens IS NOT NULL AND NOT ${UNPRICED} AND ${where.sql}
        GROUP BY l.${by}, l.BillingCurrency, l.day`,
      where.params,
    ),
  );
}

/** GPU lines (x_GpuHours above zero): their cost and GPU hours, per service. */
export function gpuFigures(store: Store, scope: UnitScope): DailyFigure[] {
  const where = lineScope(scope);
  return figures(
    store.all<FigureRow>(
      `SELECT g.value AS grp, c.value AS currency, l.day AS day, TOTAL(l.${scope.costColumn}) AS cost, TOTAL(l.x_GpuHours) AS quantity
         FROM cost_lines l LEFT JOIN dict c ON c.id = l.BillingCurrency LEFT JOIN dict g ON g.id = l.ServiceName
        WHERE l.x_GpuHours > 0 AND NOT ${UNPRICED} AND ${where.sql}
        GROUP BY l.ServiceName, l.BillingCurrency, l.day`,
      where.params,
    ),
  );
}

/** The extras field in which usage exports count model requests (OpenAI: one count per usage record). */
export const REQUEST_COUNT_FIELD = 'num_model_requests';
// COALESCE: lines without extras (NULL) have no count, and NOT of NULL would drop them too.
const HAS_REQUEST_COUNT = `COALESCE(l.extras LIKE '%"${REQUEST_COUNT_FIELD}"%' AND json_valid(l.extras), 0)`;

/**
 * Model requests: records whose extras count them (`num_model_requests`). A record becomes several
 * lines (one per token type), so its count is taken once (on its first line) and its cost is the
 * sum of all its lines. Grouped by model.
 */
export function modelRequestFigures(store: Store, scope: UnitScope): DailyFigure[] {
  const where = lineScope(scope);
  return figures(
    store.all<FigureRow>(
      `WITH req AS (
         SELECT l.source_id, l.row_number, MIN(l.rowid) AS first_line,
                MAX(CAST(json_extract(l.extras, '$.${REQUEST_COUNT_FIELD}') AS REAL)) AS n
           FROM cost_lines l LEFT JOIN dict c ON c.id = l.BillingCurrency
          WHERE ${HAS_REQUEST_COUNT} AND ${where.sql}
          GROUP BY l.source_id, l.row_number
          -- A record with a line of unknown cost (audio tokens…) has no known cost per request.
         HAVING MAX(${UNPRICED}) = 0)
       SELECT g.value AS grp, c.value AS currency, l.day AS day, TOTAL(l.${scope.costColumn}) AS cost,
              TOTAL(CASE WHEN l.rowid = r.first_line THEN r.n ELSE 0 END) AS quantity
         FROM req r JOIN cost_lines l ON l.source_id = r.source_id AND l.row_number = r.row_number
         LEFT JOIN dict c ON c.id = l.BillingCurrency LEFT JOIN dict g ON g.id = l.x_Model
        GROUP BY l.x_Model, l.BillingCurrency, l.day`,
      where.params,
    ),
  );
}

/**
 * Charges priced per request (ConsumedUnit "Requests" or "Request": web-search and file-search
 * calls, FOCUS files that count API calls), outside records with a model-request count: each
 * line's own cost over its ConsumedQuantity, grouped by SKU.
 */
export function perRequestChargeFigures(store: Store, scope: UnitScope): DailyFigure[] {
  const where = lineScope(scope);
  return figures(
    store.all<FigureRow>(
      `SELECT COALESCE(s.value, m.value, v.value) AS grp, c.value AS currency, l.day AS day,
              TOTAL(l.${scope.costColumn}) AS cost, TOTAL(l.ConsumedQuantity) AS quantity
         FROM cost_lines l JOIN dict u ON u.id = l.ConsumedUnit
         LEFT JOIN dict c ON c.id = l.BillingCurrency LEFT JOIN dict s ON s.id = l.SkuId
         LEFT JOIN dict m ON m.id = l.x_Model LEFT JOIN dict v ON v.id = l.ServiceName
        WHERE lower(u.value) IN ('requests', 'request') AND NOT (${HAS_REQUEST_COUNT}) AND NOT ${UNPRICED} AND ${where.sql}
        GROUP BY 1, l.BillingCurrency, l.day`,
      where.params,
    ),
    { outsideOverall: true },
  );
}

/** Token lines without a request count, by file format: what cost per request cannot include. */
export function tokenLinesWithoutRequests(store: Store, scope: UnitScope): Array<{ format: string; lines: number }> {
  const where = lineScope(scope);
  return store.all<{ format: string; lines: number }>(
    `SELECT s.format AS format, COUNT(*) AS lines
       FROM cost_lines l JOIN sources s ON s.id = l.source_id LEFT JOIN dict c ON c.id = l.BillingCurrency
      WHERE l.x_Tokens IS NOT NULL AND NOT (${HAS_REQUEST_COUNT}) AND NOT ${UNPRICED} AND ${where.sql}
      GROUP BY s.format ORDER BY s.format`,
    where.params,
  );
}

/** Lines of the kind `what` (an SQL condition on `l`) that the price book could not price. */
export function unpricedLines(store: Store, scope: UnitScope, what: string): number {
  const where = lineScope(scope);
  return Number(store.scalar(
    `SELECT COUNT(*) FROM cost_lines l LEFT JOIN dict c ON c.id = l.BillingCurrency LEFT JOIN dict u ON u.id = l.ConsumedUnit
      WHERE ${UNPRICED} AND (${what}) AND ${where.sql}`,
    where.params,
  ));
}

export const TOKEN_LINE = 'l.x_Tokens IS NOT NULL';
export const REQUEST_LINE = `${HAS_REQUEST_COUNT} OR lower(u.value) IN ('requests', 'request')`;
export const GPU_LINE = 'l.x_GpuHours > 0';
