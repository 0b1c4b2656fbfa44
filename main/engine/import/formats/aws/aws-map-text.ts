/**
 * The text of a CUR 2.0 MAP cell (`resource_tags`, `cost_category`, `product`) → its entries.
 * A map reaches a text file in whatever shape the tool that wrote it chose:
 * - JSON object: `{"user_team":"ml"}` (Data Exports CSV, JSON writers, hyparquet);
 * - JSON key/value list: `[{"key":"user_team","value":"ml"}]` (Parquet's physical MAP layout);
 * - Athena / Trino query results: `{user_team=ml, user_env=prod}`;
 * - Python (pandas, pyarrow): `{'user_team': 'ml'}` or `[('user_team', 'ml')]`.
 * Entries with no value (null, None, empty) are left out.
 */
import { isNullToken } from '../../values.js';

export type MapEntries = Record<string, string>;

const QUOTED_KEY_FIRST = /^\{\s*['"]/;
const ATHENA_ENTRY_BREAK = /,\s*(?=[^,=]+=)/;
const PYTHON_PUNCTUATION = /[\s{}[\](),:]/;
const PYTHON_BARE = /^[^\s{}[\](),:]+/;

/** Entries, or null when the text is not a map in any of the shapes above. */
export function parseMapText(text: string): MapEntries | null {
  const trimmed = text.trim();
  if (isNullToken(trimmed) || trimmed === '{}' || trimmed === '[]') return {};
  const first = trimmed[0];
  if (first !== '{' && first !== '[') return null;
  return fromJson(trimmed) ?? (first === '{' && !QUOTED_KEY_FIRST.test(trimmed) ? fromAthena(trimmed) : fromPython(trimmed));
}

function scalarText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function put(entries: MapEntries, key: unknown, value: unknown): void {
  const text = scalarText(value);
  if (typeof key === 'string' && key.trim() !== '' && text !== null && text.trim() !== '') entries[key] = text;
}

function fromJson(text: string): MapEntries | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const entries: MapEntries = {};
  if (Array.isArray(parsed)) {
    for (const item of parsed) {
      if (Array.isArray(item) && item.length === 2) put(entries, item[0], item[1]);
      else if (item !== null && typeof item === 'object' && 'key' in item) put(entries, (item as { key: unknown }).key, (item as { value?: unknown }).value);
      else return null;
    }
    return entries;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  for (const [key, value] of Object.entries(parsed)) put(entries, key, value);
  return entries;
}

/** `{k1=v1, k2=v2}`: a comma ends an entry only when the next text up to `=` is a key. */
function fromAthena(text: string): MapEntries | null {
  const body = text.slice(1, text.endsWith('}') ? -1 : undefined).trim();
  if (body === '') return {};
  const entries: MapEntries = {};
  for (const part of body.split(ATHENA_ENTRY_BREAK)) {
    const at = part.indexOf('=');
    if (at <= 0) return null;
    const value = part.slice(at + 1).trim();
    if (value !== 'null') put(entries, part.slice(0, at).trim(), value);
  }
  return entries;
}

/** Python literals: quoted strings and bare words (None, numbers) read in order as key, value, key, … */
function fromPython(text: string): MapEntries | null {
  const atoms: Array<string | null> = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (i >= text.length) return null;
      atoms.push(value);
      i++;
    } else if (PYTHON_PUNCTUATION.test(c)) {
      i++;
    } else {
      const bare = PYTHON_BARE.exec(text.slice(i))?.[0] ?? c;
      atoms.push(bare === 'None' || bare === 'nan' ? null : bare);
      i += bare.length;
    }
  }
  if (atoms.length % 2 !== 0) return null;
  const entries: MapEntries = {};
  for (let k = 0; k < atoms.length; k += 2) put(entries, atoms[k], atoms[k + 1]);
  return entries;
}

/** Parses with a bounded cache: the same few tag sets repeat on most lines of a file. */
export class MapTextCache {
  private readonly cache = new Map<string, MapEntries | null>();

  constructor(private readonly limit = 20_000) {}

  parse(text: string): MapEntries | null {
    let entries = this.cache.get(text);
    if (entries === undefined) {
      entries = parseMapText(text);
      if (this.cache.size >= this.limit) this.cache.clear();
      this.cache.set(text, entries);
    }
    return entries;
  }
}
