/**
 * Azure Tags cells → a JSON object text. Exports write tags as a JSON object, or (EA and MCA cost
 * details) as its members without the outer braces: `"team": "ml","env": "prod"`; finops-toolkit's
 * conversion wraps such text in braces. Values are kept as text; results are cached because the
 * same tag sets repeat on many rows.
 */

/** A tag set's text: null for no tags, undefined when it is not a tag object at all. */
export type TagsResult = string | null | undefined;

const CACHE_LIMIT = 20_000;

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Tag values as strings (FOCUS tags are key → string); nested values keep their JSON text. */
function asStringValues(tags: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    out[key] = typeof value === 'string' ? value : value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

export function normaliseAzureTags(text: string): TagsResult {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '{}' || trimmed === 'null' || trimmed === 'NULL') return null;
  const parsed = parseObject(trimmed.startsWith('{') ? trimmed : `{${trimmed}}`);
  if (!parsed) return undefined;
  return Object.keys(parsed).length === 0 ? null : JSON.stringify(asStringValues(parsed));
}

/** normaliseAzureTags with a bounded cache, one per mapper. */
export class AzureTags {
  private readonly cache = new Map<string, TagsResult>();

  normalise(text: string): TagsResult {
    const hit = this.cache.get(text);
    if (hit !== undefined || this.cache.has(text)) return hit;
    const result = normaliseAzureTags(text);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, result);
    return result;
  }
}
