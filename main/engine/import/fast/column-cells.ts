/**
 * The distinct cells of each plan column, found by their bytes (one ByteTable per column) and
 * decoded and converted once each: strings and JSON to this converter's string ids (1, 2, 3… in
 * order of first use, which the loader maps to dictionary ids), dates to Unix seconds, currency
 * codes to upper case.
 */
import { CURRENCY_CODE, isJsonObjectText } from '../row-converter.js';
import { isNullToken, trimmed, type DateReader } from '../values.js';
import { ByteTable } from './byte-table.js';
import { BILLED, CHARGE_END, CHARGE_START, CURRENCY, EFFECTIVE, TAGS } from './fast-plan.js';
import { FNV_OFFSET, type Fields, type RecordScanner } from './record-scanner.js';

/** How each plan column's cells are read (the order matters: up to TAGS they are strings). */
export const KIND = {
  String: 0,
  Json: 1,
  Tags: 2,
  Decimal: 3,
  RequiredDecimal: 4,
  Time: 5,
  Start: 6,
  End: 7,
  Currency: 8,
} as const;
export type Kind = (typeof KIND)[keyof typeof KIND];

export function kindOf(canonical: number, kind: string): Kind {
  if (canonical === CURRENCY) return KIND.Currency;
  if (canonical === CHARGE_START) return KIND.Start;
  if (canonical === CHARGE_END) return KIND.End;
  if (canonical === TAGS) return KIND.Tags;
  if (canonical === BILLED || canonical === EFFECTIVE) return KIND.RequiredDecimal;
  switch (kind) {
    case 'decimal':
      return KIND.Decimal;
    case 'time':
      return KIND.Time;
    case 'json':
      return KIND.Json;
    default:
      return KIND.String;
  }
}

/** Growable per-entry values of one column's ByteTable. */
export class EntryValues {
  /** The cell text of each entry. */
  readonly texts: string[] = [];
  /** Strings: -1 unresolved, 0 NULL, -2 refused (Tags not an object), else the string id. */
  resolved = new Int32Array(16);
  /** Times: Unix seconds, NaN for NULL; `invalid` marks text that is not a date. */
  seconds = new Float64Array(16);
  invalid = new Uint8Array(16);
  /** Currency: the upper-case code, or null when the text is not a currency code. */
  readonly codes: Array<string | null> = [];

  push(text: string): void {
    const entry = this.texts.length;
    this.texts.push(text);
    if (entry >= this.resolved.length) {
      const resolved = new Int32Array(this.resolved.length * 2);
      resolved.set(this.resolved);
      this.resolved = resolved;
      const seconds = new Float64Array(this.seconds.length * 2);
      seconds.set(this.seconds);
      this.seconds = seconds;
      const invalid = new Uint8Array(this.invalid.length * 2);
      invalid.set(this.invalid);
      this.invalid = invalid;
    }
    this.resolved[entry] = -1;
  }
}

export class ColumnCells {
  readonly entries: EntryValues[];
  private readonly tables: ByteTable[];
  /** This converter's strings: id 1, 2, 3… in order of first use. */
  private readonly stringIds = new Map<string, number>();
  private newStrings: string[] = [];

  constructor(
    private readonly kinds: Uint8Array,
    private readonly dates: DateReader,
    private readonly scanner: RecordScanner,
  ) {
    this.tables = Array.from(kinds, () => new ByteTable());
    this.entries = Array.from(kinds, () => new EntryValues());
  }

  /** The entry of the cell of column `c` in field `f` (an empty cell when the record has no such field). */
  entry(c: number, fields: Fields, f: number): number {
    const table = this.tables[c] as ByteTable;
    let start = 0;
    let end = 0;
    let hash = FNV_OFFSET;
    let quoted = false;
    if (f < fields.count) {
      start = fields.start[f] as number;
      end = fields.end[f] as number;
      hash = fields.hash[f] as number;
      quoted = fields.quoted[f] === 1;
    }
    const scanner = this.scanner;
    const found = table.find(scanner.bytes, scanner.view, start, end, hash);
    if (found >= 0) return found;
    const text = scanner.textOf(start, end, quoted);
    const entries = this.entries[c] as EntryValues;
    entries.push(text);
    const entry = table.add(scanner.bytes, start, end, hash);
    const kind = this.kinds[c] as Kind;
    if (kind === KIND.Time || kind === KIND.Start || kind === KIND.End) {
      const value = this.dates.read(text);
      entries.seconds[entry] = typeof value === 'number' ? value : NaN;
      entries.invalid[entry] = value === undefined ? 1 : 0;
    } else if (kind === KIND.Currency) {
      const code = trimmed(text);
      entries.codes.push(CURRENCY_CODE.test(code) ? code.toUpperCase() : null);
    }
    return entry;
  }

  timeOf(c: number, entry: number): number {
    return (this.entries[c] as EntryValues).seconds[entry] as number;
  }

  /** The currency code of an entry of currency column `c`, or null when it is not one. */
  currencyOf(c: number, entry: number): string | null {
    return (this.entries[c] as EntryValues).codes[entry] ?? null;
  }

  /** The string id of a string or JSON cell (0: NULL; -1: Tags that are not a JSON object). */
  stringOf(c: number, entry: number, tags: boolean): number {
    const entries = this.entries[c] as EntryValues;
    const resolved = entries.resolved[entry] as number;
    if (resolved >= 0) return resolved;
    if (resolved === -2) return -1;
    const text = entries.texts[entry] as string;
    let id: number;
    if (isNullToken(text)) id = 0;
    else if (tags && !isJsonObjectText(text)) id = -2;
    else id = this.idOf(trimmed(text));
    entries.resolved[entry] = id;
    return id < 0 ? -1 : id;
  }

  idOf(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.stringIds.size + 1;
      this.stringIds.set(text, id);
      this.newStrings.push(text);
    }
    return id;
  }

  /** The strings met for the first time since the last call, in order. */
  takeNewStrings(): string[] {
    const strings = this.newStrings;
    this.newStrings = [];
    return strings;
  }
}
