/**
 * Anthropic Admin API reports (`/v1/organizations/cost_report`, `/v1/organizations/usage_report/
 * messages`): `{data: [{starting_at, ending_at, results: [...]}], has_more, next_page}`, or an
 * array of such pages saved together. Each result becomes one row with its bucket's times and the
 * page's `has_more` flag; nested objects (`cache_creation`, `server_tool_use`) become dot paths.
 */
import { tableOfObjects, type JsonTable } from '../../readers/json-records.js';

export const HAS_MORE_COLUMN = 'page.has_more';

interface Bucket {
  starting_at: unknown;
  ending_at?: unknown;
  results: Array<Record<string, unknown>>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isBucket(value: unknown): value is Bucket {
  return isObject(value) && typeof value.starting_at === 'string' && Array.isArray(value.results) && value.results.every(isObject);
}

function isReport(value: unknown): value is { data: Bucket[]; has_more?: unknown } {
  return isObject(value) && !('object' in value) && Array.isArray(value.data) && value.data.every(isBucket);
}

export type ReportKind = 'cost' | 'usage' | 'empty';

export interface ReportRows {
  kind: ReportKind;
  rows: Array<Record<string, unknown>>;
}

const USAGE_FIELDS = ['uncached_input_tokens', 'output_tokens', 'cache_read_input_tokens', 'cache_creation'];

/** The rows of a report (or null when the document is not one), and whether it reports costs or usage. */
export function anthropicReportRows(document: unknown): ReportRows | null {
  const pages = Array.isArray(document) ? document : [document];
  if (pages.length === 0 || !pages.every(isReport)) return null;
  const rows: Array<Record<string, unknown>> = [];
  for (const page of pages) {
    for (const bucket of page.data) {
      for (const result of bucket.results) {
        rows.push({ starting_at: bucket.starting_at, ending_at: bucket.ending_at, ...result, page: { has_more: page.has_more ?? false } });
      }
    }
  }
  if (rows.length === 0) return { kind: 'empty', rows };
  if (rows.every((r) => 'amount' in r)) return { kind: 'cost', rows };
  if (rows.every((r) => USAGE_FIELDS.some((f) => f in r))) return { kind: 'usage', rows };
  return null;
}

export function reportTable(rows: ReadonlyArray<Record<string, unknown>>, emptyHeader: readonly string[]): JsonTable {
  return rows.length > 0 ? tableOfObjects(rows) : { header: [...emptyHeader], rows: [] };
}
