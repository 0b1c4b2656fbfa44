/**
 * Google Cloud labels → FOCUS Tags. The export has three key/value arrays: `labels` (the
 * resource's labels), `tags` (Resource Manager tags, with `inherited` and `namespace`) and
 * `project.labels`. They are merged into one object so a "team" label applies however it was set;
 * on a clash the most specific wins: resource label, then tag, then project label.
 * `system_labels` (machine specs set by Google) are not tags and stay in the extra columns.
 * Arrays may be JSON or Python literals (literal-text.ts); a `{"key": "value"}` object is also read.
 */
import { isLiteralObject, literalText, parseLiteral, type Literal } from './literal-text.js';

const CACHE_LIMIT = 20_000;

/** Key/value pairs of one labels cell; undefined when the cell is not a labels array or object. */
export function labelPairs(text: string): Array<[string, string]> | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '[]' || trimmed === '{}') return [];
  let value: Literal;
  try {
    value = parseLiteral(trimmed);
  } catch {
    return undefined;
  }
  if (value === null) return [];
  if (Array.isArray(value)) {
    const pairs: Array<[string, string]> = [];
    for (const item of value) {
      if (!isLiteralObject(item) || item.key === undefined) return undefined;
      pairs.push([literalText(item.key), literalText(item.value)]);
    }
    return pairs;
  }
  if (isLiteralObject(value)) return Object.entries(value).map(([k, v]) => [k, literalText(v)]);
  return undefined;
}

/** labelPairs with a bounded cache: the same label sets repeat on many rows. */
export class LabelCells {
  private readonly cache = new Map<string, Array<[string, string]> | undefined>();

  pairs(text: string): Array<[string, string]> | undefined {
    if (this.cache.has(text)) return this.cache.get(text);
    const pairs = labelPairs(text);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, pairs);
    return pairs;
  }
}

/** Merges label sets, least specific first, into a Tags JSON text (null when there are none). */
export function mergedTags(...sets: ReadonlyArray<ReadonlyArray<[string, string]>>): string | null {
  let tags: Record<string, string> | null = null;
  for (const pairs of sets) {
    for (const [key, value] of pairs) {
      tags ??= {};
      tags[key] = value;
    }
  }
  return tags ? JSON.stringify(tags) : null;
}
