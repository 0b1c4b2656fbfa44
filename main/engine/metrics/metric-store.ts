/** The workspace's imported business metrics (table `metrics`, db/schema.ts METRICS_SQL). */
import Papa from 'papaparse';
import type { MetricImportReport, MetricProblem, MetricRow, MetricSummary } from '../../../shared/metrics.js';
import type { Store } from '../db/store.js';
import { detectDelimiter } from '../import/readers/csv-records.js';
import { isoDay } from '../import/values.js';
import { parseMetricRecords } from './metric-csv.js';

/** What Parser.parse returns (typed as `any` by @types/papaparse in the main build). */
interface ParseResult {
  data: string[][];
  errors: Array<{ code: string; row?: number }>;
}

/** Problems listed in a report (all are counted). */
export const MAX_METRIC_PROBLEMS = 100;

function refused(file: string, problems: MetricProblem[], base: Partial<MetricImportReport> = {}): MetricImportReport {
  return {
    file,
    imported: false,
    name: null,
    dimension: null,
    rowsRead: 0,
    rowsImported: 0,
    rowsReplaced: 0,
    values: 0,
    from: null,
    to: null,
    warnings: [],
    ...base,
    problems: problems.slice(0, MAX_METRIC_PROBLEMS),
    problemCount: problems.length,
  };
}

/**
 * Imports a metric CSV (metric-csv.ts) into the workspace: all rows, or none when any row or the
 * header has a problem. Rows of a day and value already stored for the metric are replaced; other
 * stored rows stay (a later file can add a month). A metric keeps one dimension: a file giving the
 * same name another dimension is refused.
 */
export function importMetricsCsv(store: Store, text: string, file: string, name?: string): MetricImportReport {
  const parsed = new Papa.Parser({ delimiter: detectDelimiter(text), newline: '\n' }).parse(text, 0, false) as ParseResult;
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) return refused(file, [{ row: (unclosed.row ?? 0) + 1, message: 'has a quote that is never closed.' }]);
  // CRLF files: the parser splits on LF, the CR stays on each record's last cell.
  const records = parsed.data.map((r) => r.map((cell, i) => (i === r.length - 1 && cell.endsWith('\r') ? cell.slice(0, -1) : cell)));
  const result = parseMetricRecords(records, name);
  const problems = [...result.problems];
  if (result.name !== null && result.dimension !== null) {
    const stored = store.scalar('SELECT dimension FROM metrics WHERE name = ? LIMIT 1', [result.name]);
    if (typeof stored === 'string' && stored !== result.dimension) {
      problems.unshift({ row: 1, message: `The metric "${result.name}" is already stored per ${stored}, not per ${result.dimension}: delete it first or import under another name.` });
    }
  }
  const days = result.rows.map((r) => r.day);
  const summary = {
    name: result.name,
    dimension: result.dimension,
    rowsRead: result.rowsRead,
    values: new Set(result.rows.map((r) => r.value)).size,
    from: days.length ? isoDay(Math.min(...days)) : null,
    to: days.length ? isoDay(Math.max(...days)) : null,
    warnings: result.warnings,
  };
  if (problems.length > 0 || result.name === null || result.dimension === null) return refused(file, problems, summary);

  let replaced = 0;
  store.exec('SAVEPOINT metric_import');
  try {
    for (const row of result.rows) {
      const params = [result.name, result.dimension, row.value, row.day];
      if (store.scalar('SELECT 1 FROM metrics WHERE name = ? AND dimension = ? AND value = ? AND day = ?', params) !== null) replaced++;
      store.run('INSERT OR REPLACE INTO metrics (name, dimension, value, day, amount, source) VALUES (?, ?, ?, ?, ?, ?)', [...params, row.amount, file]);
    }
    store.exec('RELEASE metric_import');
  } catch (error) {
    store.exec('ROLLBACK TO metric_import');
    store.exec('RELEASE metric_import');
    throw error;
  }
  return { ...summary, file, imported: true, rowsImported: result.rows.length, rowsReplaced: replaced, problems: [], problemCount: 0 };
}

/** Every stored row of a metric, by dimension value then day (empty for an unknown name). */
export function readMetric(store: Store, name: string): MetricRow[] {
  return store
    .all<{ dimension: string; value: string; day: number; amount: number }>(
      'SELECT dimension, value, day, amount FROM metrics WHERE name = ? ORDER BY value, day',
      [name],
    )
    .map((r) => ({ dimension: r.dimension, value: r.value, day: r.day, amount: r.amount }));
}

export function listMetrics(store: Store): MetricSummary[] {
  return store
    .all<{ name: string; dimension: string; vals: number; n: number; first: number; last: number; total: number; sources: string }>(
      `SELECT name, MIN(dimension) AS dimension, COUNT(DISTINCT value) AS vals, COUNT(*) AS n, MIN(day) AS first, MAX(day) AS last,
              TOTAL(amount) AS total, json_group_array(DISTINCT source) AS sources
         FROM metrics GROUP BY name ORDER BY name`,
    )
    .map((r) => ({
      name: r.name,
      dimension: r.dimension,
      values: r.vals,
      rows: r.n,
      from: isoDay(r.first),
      to: isoDay(r.last),
      total: r.total,
      sources: (JSON.parse(r.sources) as string[]).sort(),
    }));
}

/** Deletes a metric; false when there was none of that name. */
export function deleteMetric(store: Store, name: string): boolean {
  const present = store.scalar('SELECT 1 FROM metrics WHERE name = ? LIMIT 1', [name]) !== null;
  if (present) store.run('DELETE FROM metrics WHERE name = ?', [name]);
  return present;
}
