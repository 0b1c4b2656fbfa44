/**
 * OpenAI's organization Costs and Usage API responses: a page (`{object: "page", data: [buckets],
 * has_more, next_page}`) or an array of pages saved together. Each bucket has `start_time` and
 * `end_time` (Unix seconds) and `results`; each result becomes one row, with its bucket's times and
 * the page's `has_more` flag (so the report can say that pages are missing).
 */
import { tableOfObjects, type JsonTable } from '../../readers/json-records.js';

export const HAS_MORE_COLUMN = 'page.has_more';

interface Bucket {
  start_time: unknown;
  end_time: unknown;
  results: Array<Record<string, unknown>>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isBucket(value: unknown): value is Bucket {
  return isObject(value) && 'start_time' in value && Array.isArray(value.results) && value.results.every(isObject);
}

function isPage(value: unknown): value is { data: Bucket[]; has_more?: unknown } {
  return isObject(value) && value.object === 'page' && Array.isArray(value.data) && value.data.every(isBucket);
}

export interface OpenAiPageRows {
  /** The `object` of every result ("organization.costs.result", "organization.usage.completions.result", …). */
  objects: Set<string>;
  rows: Array<Record<string, unknown>>;
}

/** The results of one page or an array of pages as flat-able rows, or null when the document is not that shape. */
export function openAiPageRows(document: unknown): OpenAiPageRows | null {
  const pages = Array.isArray(document) ? document : [document];
  if (pages.length === 0 || !pages.every(isPage)) return null;
  const objects = new Set<string>();
  const rows: Array<Record<string, unknown>> = [];
  for (const page of pages) {
    for (const bucket of page.data) {
      for (const result of bucket.results) {
        objects.add(String(result.object ?? ''));
        rows.push({ object: result.object, start_time: bucket.start_time, end_time: bucket.end_time, ...result, page: { has_more: page.has_more ?? false } });
      }
    }
  }
  return { objects, rows };
}

/** Rows → a table; an empty document still gets `emptyHeader`, so its format is recognised. */
export function openAiTable(rows: ReadonlyArray<Record<string, unknown>>, emptyHeader: readonly string[]): JsonTable {
  return rows.length > 0 ? tableOfObjects(rows) : { header: [...emptyHeader], rows: [] };
}
