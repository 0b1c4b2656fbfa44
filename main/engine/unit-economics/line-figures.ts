/**
 * Daily figures read from the lines: tokens (by token type or model), GPU hours (by service) and
 * requests (by model, or by the SKU of per-request charges). Each query is served by a partial
 * index of unit-indexes.ts (the token and GPU ones cover their queries).
 */
import type { Store } from '../db/store.js';
import { NOT_PRICED_SUFFIX } from '../pricing/estimated-line.js';
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
 * Usage lines the price book could not price (cost 0, ChargeDescription ending in
 * NOT_PRICED_SUFFIX): their cost is unknown, not zero, so they are left out of every ratio (and
 * counted in a note). Read from the description's dictionary id, so covering indexes serve it.
 */
const UNPRICED_PATTERN = `%${NOT_PRICED_SUFFIX.trim()}`;
export const UNPRICED = `COALESCE(l.ChargeDescription IN (SELECT id FROM dict WHERE value LIKE '${UNPRICED_PATTERN.replaceAll("'", "''")}'), 0)`;

function figures(rows: FigureRow[], extra: Partial<DailyFigure> = {}): DailyFigure[] {
  return rows.map((r) => ({ group: r.grp ?? NO_VALUE, currency: r.currency ?? '', day: r.day, cost: r.cost, quantity: r.quantity, ...extra }));
}

/** Token lines (x_Tokens set): cost and tokens per token type or per model. */
export function tokenFigures(store: Store, scope: UnitScope, by: 'x_TokenType' | 'x_Model'): DailyFigure[] {
  const where = lineScope(scope);
  return figures(
    store.all<FigureRow>(
      `SELECT g.value AS grp, c.value AS currency, t.day AS day, t.cost AS cost, t.quantity AS quantity
         FROM (SELECT l.${by} AS grp, l.BillingCurrency AS currency, l.day AS day, TOTAL(l.${scope.costColumn}) AS cost, TOTAL(l.x_Tokens) AS quantity
                 FROM cost_lines l INDEXED BY cost_lines_unit_tokens LEFT JOIN dict c ON c.id = l.BillingCurrency
                WHERE l.x_Tokens IS NOT NULL AND NOT ${UNPRICED} AND ${where.sql}
                GROUP BY l.${by}, l.BillingCurrency, l.day) t
         LEFT JOIN dict c ON c.id = t.currency LEFT JOIN dict g ON g.id = t.grp`,
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
         FROM cost_lines l INDEXED BY cost_lines_unit_gpu LEFT JOIN dict c ON c.id = l.BillingCurrency LEFT JOIN dict g ON g.id = l.ServiceName
        WHERE l.x_GpuHours > 0 AND NOT ${UNPRICED} AND ${where.sql}
        GROUP BY l.ServiceName, l.BillingCurrency, l.day`,
      where.params,
    ),
  );
}

/** The extras field in which usage exports count model requests (OpenAI: one count per usage record). */
export const REQUEST_COUNT_FIELD = 'num_model_requests';
/** The index's condition, written the same way so that SQLite uses it. */
const REQUEST_RECORD = `l.extras LIKE '%"${REQUEST_COUNT_FIELD}"%'`;
// COALESCE: lines without extras (NULL) have no count, and NOT of NULL would drop them too.
const HAS_REQUEST_COUNT = `COALESCE(${REQUEST_RECORD} AND json_valid(l.extras), 0)`;
/** Per-request charges of AI services only (a model named, or FOCUS's AI category): not storage GETs. */
const REQUEST_UNIT = `l.ConsumedUnit IN (SELECT id FROM dict WHERE lower(value) IN ('requests', 'request'))
  AND (l.x_Model IS NOT NULL OR l.ServiceCategory IN (SELECT id FROM dict WHERE value = 'AI and Machine Learning'))`;

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
          WHERE ${REQUEST_RECORD} AND json_valid(l.extras) AND ${where.sql}
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
 * AI charges priced per request (ConsumedUnit "Requests" or "Request" on a line with a model or
 * in the "AI and Machine Learning" category: web-search and file-search calls, FOCUS files that
 * count API calls), outside records with a model-request count: each line's own cost over its
 * ConsumedQuantity, grouped by SKU.
 */
export function perRequestChargeFigures(store: Store, scope: UnitScope): DailyFigure[] {
  const where = lineScope(scope);
  return figures(
    store.all<FigureRow>(
      `SELECT COALESCE(s.value, m.value, v.value) AS grp, c.value AS currency, l.day AS day,
              TOTAL(l.${scope.costColumn}) AS cost, TOTAL(l.ConsumedQuantity) AS quantity
         FROM cost_lines l LEFT JOIN dict c ON c.id = l.BillingCurrency LEFT JOIN dict s ON s.id = l.SkuId
         LEFT JOIN dict m ON m.id = l.x_Model LEFT JOIN dict v ON v.id = l.ServiceName
        WHERE ${REQUEST_UNIT} AND NOT ${HAS_REQUEST_COUNT} AND NOT ${UNPRICED} AND ${where.sql}
        GROUP BY 1, l.BillingCurrency, l.day`,
      where.params,
    ),
    { outsideOverall: true },
  );
}

/**
 * Priced token lines without a request count, by file format: what cost per request cannot
 * include. All token lines (covering index) less those of records with a count (few).
 */
export function tokenLinesWithoutRequests(store: Store, scope: UnitScope): Array<{ format: string; lines: number }> {
  const where = lineScope(scope);
  return store.all<{ format: string; lines: number }>(
    `WITH tokens AS (
       SELECT l.source_id, COUNT(*) AS n FROM cost_lines l INDEXED BY cost_lines_unit_tokens LEFT JOIN dict c ON c.id = l.BillingCurrency
        WHERE l.x_Tokens IS NOT NULL AND NOT ${UNPRICED} AND ${where.sql} GROUP BY l.source_id),
     counted AS (
       SELECT l.source_id, COUNT(*) AS n FROM cost_lines l LEFT JOIN dict c ON c.id = l.BillingCurrency
        WHERE ${REQUEST_RECORD} AND json_valid(l.extras) AND l.x_Tokens IS NOT NULL AND NOT ${UNPRICED} AND ${where.sql} GROUP BY l.source_id)
     SELECT s.format AS format, SUM(t.n - COALESCE(k.n, 0)) AS lines
       FROM tokens t JOIN sources s ON s.id = t.source_id LEFT JOIN counted k ON k.source_id = t.source_id
      GROUP BY s.format HAVING SUM(t.n - COALESCE(k.n, 0)) > 0 ORDER BY s.format`,
    [...where.params, ...where.params],
  );
}

/** Which lines a note about unpriced usage counts. */
export type LineKind = 'tokens' | 'gpu' | 'requests';

const KIND_CONDITIONS: Record<LineKind, string[]> = {
  tokens: ['l.x_Tokens IS NOT NULL'],
  gpu: ['l.x_GpuHours > 0'],
  // Two conditions, each served by its own partial index (an OR of them would scan every line).
  requests: [REQUEST_RECORD, `${REQUEST_UNIT} AND NOT ${HAS_REQUEST_COUNT}`],
};

/** Lines of a kind that the price book could not price. */
export function unpricedLines(store: Store, scope: UnitScope, kind: LineKind): number {
  const where = lineScope(scope);
  let total = 0;
  for (const condition of KIND_CONDITIONS[kind]) {
    total += Number(store.scalar(
      `SELECT COUNT(*) FROM cost_lines l LEFT JOIN dict c ON c.id = l.BillingCurrency
        WHERE ${condition} AND ${UNPRICED} AND ${where.sql}`,
      where.params,
    ));
  }
  return total;
}
