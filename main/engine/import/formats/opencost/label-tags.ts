/**
 * Tags from an OpenCost export's labels: the `Labels` column (a JSON object, when the export was
 * configured with all labels) merged with the `Label_<name>` columns (labels chosen one by one).
 * Label sets repeat from row to row, so each distinct set is parsed once.
 */
import { isNullToken } from '../../values.js';
import type { HeaderIndex } from '../canonical-line.js';

export interface RowTags {
  /** The Tags JSON object text, or null when the row has no labels. */
  json: string | null;
  /** Why the labels cannot be read. */
  error?: string;
}

const LABEL_PREFIX = 'label_';
const CACHE_LIMIT = 10_000;
const NO_TAGS: RowTags = { json: null };

export class LabelTags {
  /** The header positions these tags consume. */
  readonly columns: number[];
  private readonly labels: number;
  private readonly named: Array<{ key: string; index: number }>;
  private readonly cache = new Map<string, RowTags>();

  constructor(index: HeaderIndex) {
    this.labels = index.indexOf('Labels');
    this.named = index.names.flatMap((name, i) => (name.toLowerCase().startsWith(LABEL_PREFIX) && name.length > LABEL_PREFIX.length ? [{ key: name.slice(LABEL_PREFIX.length), index: i }] : []));
    this.columns = [this.labels, ...this.named.map((n) => n.index)].filter((i) => i >= 0);
  }

  of(record: readonly string[]): RowTags {
    const labelsText = this.labels >= 0 ? (record[this.labels] ?? '').trim() : '';
    const values = this.named.map(({ index }) => record[index] ?? '');
    if (isNullToken(labelsText) && values.every(isNullToken)) return NO_TAGS;
    const key = `${labelsText}\u0001${values.join('\u0001')}`;
    let tags = this.cache.get(key);
    if (!tags) {
      tags = this.parse(labelsText, values);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, tags);
    }
    return tags;
  }

  private parse(labelsText: string, values: readonly string[]): RowTags {
    let tags: Record<string, unknown> = {};
    if (!isNullToken(labelsText)) {
      try {
        const parsed: unknown = JSON.parse(labelsText);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        tags = { ...(parsed as Record<string, unknown>) };
      } catch {
        return { json: null, error: `Labels is not a JSON object: ${labelsText.slice(0, 60)}` };
      }
    }
    this.named.forEach(({ key }, i) => {
      const value = values[i] ?? '';
      if (!isNullToken(value)) tags[key] = value;
    });
    return { json: Object.keys(tags).length > 0 ? JSON.stringify(tags) : null };
  }
}
