/**
 * What conditions are evaluated over: the distinct values of a column, never the lines. String
 * columns hold dict ids, so a condition is tested once per dict entry; tag conditions once per
 * (tag set, value) pair of `tag_pairs`. Results become id sets that signatures are tested against
 * (compile.ts); extra columns are tested once per distinct text, as signatures meet them.
 */
import type { ColumnRef } from '../../../shared/attribution.js';
import { EngineError } from '../../../shared/rpc.js';
import { COST_COLUMNS } from '../db/cost-columns.js';
import type { Store } from '../db/store.js';

export type ColumnSource =
  /** A string or JSON column: dict ids in `cost_lines`. */
  | { kind: 'dict'; sql: string; name: string }
  /** A decimal or date-time column: a number in `cost_lines`. */
  | { kind: 'number'; sql: string; name: string }
  | { kind: 'tag'; key: string }
  | { kind: 'extra'; sql: string; name: string };

const KIND_OF = new Map(COST_COLUMNS.map((c) => [c.name, c.kind]));

/** A column name as a quoted SQL identifier (names are checked against COST_COLUMNS first). */
function quoted(name: string): string {
  return `"${name}"`;
}

export function resolveColumn(ref: ColumnRef): ColumnSource {
  if (ref.startsWith('tag:')) return { kind: 'tag', key: ref.slice(4).trim() };
  if (ref.startsWith('extra:')) {
    const name = ref.slice(6);
    // The JSON path is a literal: double quotes inside the name are escaped for the path, single for SQL.
    const path = `$."${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return { kind: 'extra', name, sql: `CAST(json_extract(extras, '${path.replace(/'/g, "''")}') AS TEXT)` };
  }
  const kind = KIND_OF.get(ref);
  if (kind === undefined) throw new EngineError('BAD_REQUEST', `"${ref}" is not a FOCUS column, "tag:<key>" or "extra:<column>".`);
  return kind === 'decimal' || kind === 'time' ? { kind: 'number', sql: quoted(ref), name: ref } : { kind: 'dict', sql: quoted(ref), name: ref };
}

/** Lazily loaded distinct values, shared by every rule of a run. */
export class Catalog {
  private dictValues: Array<[number, string]> | null = null;
  private readonly tagValues = new Map<string, Array<[number, string]>>();
  private readonly tagMaps = new Map<string, Map<number, string>>();
  private readonly dictById = new Map<number, string>();

  constructor(private readonly store: Store) {}

  /** Every dict entry (id, text). */
  dict(): Array<[number, string]> {
    if (this.dictValues === null) {
      this.dictValues = this.store.all<{ id: number; value: string }>('SELECT id, value FROM dict').map((r) => [r.id, r.value]);
      for (const [id, value] of this.dictValues) this.dictById.set(id, value);
    }
    return this.dictValues;
  }

  text(id: number): string | undefined {
    this.dict();
    return this.dictById.get(id);
  }

  /** (tag set id, value) of every tag set that has the key. */
  tag(key: string): Array<[number, string]> {
    let values = this.tagValues.get(key);
    if (!values) {
      values = this.store.all<{ tags: number; value: string }>('SELECT tags, value FROM tag_pairs WHERE key = ?', [key]).map((r) => [r.tags, r.value]);
      this.tagValues.set(key, values);
    }
    return values;
  }

  tagValue(key: string, tags: number): string | undefined {
    let map = this.tagMaps.get(key);
    if (!map) {
      map = new Map(this.tag(key));
      this.tagMaps.set(key, map);
    }
    return map.get(tags);
  }
}
