/**
 * JSON inputs as records: a whole JSON document (an API response saved to a file) is turned into
 * a table by the first format that knows its shape (`FormatAdapter.tabulateJson`), or, for an array
 * of objects, by flattening; JSON Lines (one object a line, as BigQuery exports) are flattened line
 * by line. Flattening: nested objects become dot paths (`service.description`), arrays stay JSON text.
 */
import { FileRefused } from '../file-refused.js';

/** A JSON document is parsed whole; past this it must come as JSON Lines or CSV. */
const MAX_DOCUMENT_CHARS = 256 << 20;
const BATCH_ROWS = 5000;
/** A JSON Lines line longer than this is not one record (a file of one huge line, a binary file). */
const MAX_LINE_CHARS = 32 << 20;

export interface JsonTable {
  header: string[];
  rows: string[][];
}

export type JsonTabulator = (document: unknown) => JsonTable | null;

/** Scalars as text; numbers in their shortest exact form; objects and arrays as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** One object → path → text, nested objects as dot paths, arrays kept as JSON text. */
export function flattenObject(value: Record<string, unknown>, prefix = '', into: Map<string, string> = new Map()): Map<string, string> {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) flattenObject(child as Record<string, unknown>, path, into);
    else into.set(path, cellText(child));
  }
  return into;
}

/** Objects → a table whose header is the union of their paths, in order of first appearance. */
export function tableOfObjects(objects: ReadonlyArray<Record<string, unknown>>): JsonTable {
  const flat = objects.map((o) => flattenObject(o));
  const header = unionOfKeys(flat);
  return { header, rows: flat.map((row) => header.map((key) => row.get(key) ?? '')) };
}

/** The keys of all rows, in order of first appearance. */
function unionOfKeys(rows: ReadonlyArray<Map<string, string>>): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of row.keys()) keys.add(key);
  return [...keys];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True when the text starts like JSON Lines: an object on the first line and another after it. */
export function looksLikeJsonLines(text: string): boolean {
  const lines = text.trimStart().split('\n', 3);
  if (lines.length < 2 || !(lines[0] ?? '').trim().startsWith('{')) return false;
  try {
    JSON.parse(lines[0] as string);
    return (lines[1] ?? '').trim().startsWith('{') || (lines[1] ?? '').trim() === '';
  } catch {
    return false;
  }
}

function* batches(table: JsonTable): Generator<string[][]> {
  yield [table.header, ...table.rows.slice(0, BATCH_ROWS)];
  for (let i = BATCH_ROWS; i < table.rows.length; i += BATCH_ROWS) yield table.rows.slice(i, i + BATCH_ROWS);
}

/** A whole JSON document → record batches (the header first). */
export async function* jsonDocumentRecords(texts: AsyncIterable<string>, fileName: string, tabulators: readonly JsonTabulator[]): AsyncGenerator<string[][]> {
  const parts: string[] = [];
  let length = 0;
  for await (const text of texts) {
    length += text.length;
    if (length > MAX_DOCUMENT_CHARS) throw new FileRefused(`${fileName} is a JSON document larger than ${MAX_DOCUMENT_CHARS >> 20} MB; export it as JSON Lines or CSV.`);
    parts.push(text);
  }
  let document: unknown;
  try {
    document = JSON.parse(parts.join(''));
  } catch (error) {
    throw new FileRefused(`${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
  for (const tabulate of tabulators) {
    const table = tabulate(document);
    if (table) return yield* batches(table);
  }
  if (Array.isArray(document) && document.length > 0 && document.every(isPlainObject)) return yield* batches(tableOfObjects(document));
  throw new FileRefused(`${fileName} is a JSON document of a shape Cost Council does not recognise.`);
}

/** JSON Lines → record batches. The header is the union of the paths of the first batch of lines. */
export async function* jsonLinesRecords(texts: AsyncIterable<string>, fileName: string): AsyncGenerator<string[][]> {
  let header: string[] | null = null;
  let carry = '';
  let lineNumber = 0;
  const parse = (text: string): Map<string, string> | null => {
    lineNumber++;
    if (text.trim() === '') return null;
    try {
      const value: unknown = JSON.parse(text);
      if (!isPlainObject(value)) throw new Error('not an object');
      return flattenObject(value);
    } catch {
      throw new FileRefused(`${fileName}: line ${lineNumber} is not a JSON object; the file may be truncated.`);
    }
  };
  const emit = (objects: Array<Map<string, string>>): string[][] => {
    if (!header) {
      const keys = unionOfKeys(objects);
      header = keys;
      return [keys, ...objects.map((row) => keys.map((k) => row.get(k) ?? ''))];
    }
    const keys = header;
    return objects.map((row) => keys.map((k) => row.get(k) ?? ''));
  };
  for await (const text of texts) {
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    if (carry.length > MAX_LINE_CHARS) {
      throw new FileRefused(`${fileName}: line ${lineNumber + lines.length + 1} is longer than ${MAX_LINE_CHARS >> 20} MB; this is not a JSON Lines file.`);
    }
    const objects = lines.map(parse).filter((o): o is Map<string, string> => o !== null);
    if (objects.length > 0) yield emit(objects);
  }
  const last = parse(carry);
  if (last) yield emit([last]);
}
