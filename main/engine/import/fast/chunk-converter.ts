/**
 * The byte-level reader of a plain UTF-8 CSV file whose format maps columns one to one (FOCUS):
 * one chunk of bytes (whole records) → typed arrays of converted rows, the rejected records and
 * their reasons, exact totals. No string is made of a cell unless its value is new to the file:
 * cells are looked up by their bytes, per column, and each distinct value is decoded, checked and
 * converted once. Runs in the engine's thread or in worker threads (a converter per worker, one
 * per file); its strings get ids of its own, which the loader maps to dictionary ids.
 *
 * Same results as the general path (papaparse → adapter → RowConverter), by construction:
 * - CSV as papaparse reads it with newline '\n': a field that starts with a quote is quoted (""
 *   inside is a quote), any other quote is literal; a CR ending a record's last field is dropped.
 *   Anything else papaparse would read with errors or tolerance (text after a closing quote, a
 *   quote never closed) makes the chunk `unsupported`, and the loader falls back;
 * - every cell is decoded as strict UTF-8 (when its value is new) or compared byte for byte with
 *   one that was: a file that is not UTF-8 is unsupported here, the general reader decides;
 * - the checks of RowConverter, in its order (start, currency, then the columns in model order),
 *   with its reasons, and the same order of first use of every string (dictionary ids match).
 */
import { ExactSum } from '../exact-sum.js';
import { CURRENCY_CODE, isJsonObjectText, REASON } from '../row-converter.js';
import { DateReader, isNullToken, normaliseDecimalText, parseDecimal, trimmed } from '../values.js';
import { ByteTable } from './byte-table.js';
import {
  BILLED, CHARGE_END, CHARGE_START, CURRENCY, EFFECTIVE, layoutOf, TAGS,
  type ChunkResult, type FastPlan, type PlanLayout,
} from './fast-plan.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const LINE_FEEDS = 0x0a0a0a0a;

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Digits a decimal may have to be read without making a string (exact: below 2^53). */
const MAX_FAST_DIGITS = 15;
const FRACTION_DIGITS = 12;
const MAX_LISTED_REJECTIONS = 1000;
const EMPTY = new Uint8Array(0);

/**
 * The hash of a cell's bytes as the scan computes it: FNV-1a over little-endian 4-byte words,
 * then over the last (length mod 4) bytes. (Equal bytes, equal hashes: the table compares bytes.)
 */
function hashCell(view: DataView, bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  let k = start;
  for (; k + 4 <= end; k += 4) hash = Math.imul(hash ^ view.getInt32(k, true), FNV_PRIME);
  for (; k < end; k++) hash = Math.imul(hash ^ (bytes[k] as number), FNV_PRIME);
  return hash;
}

/** How each plan column's cells are read. */
const enum Kind {
  String,
  Json,
  Tags,
  Decimal,
  RequiredDecimal,
  Time,
  Start,
  End,
  Currency,
}

/** A reason to leave a chunk (and its file) to the general reader. */
export class Unsupported extends Error {}

/** Field boundaries of one record: raw byte ranges (a quoted field with its quotes). */
class Fields {
  start = new Int32Array(64);
  end = new Int32Array(64);
  quoted = new Uint8Array(64);
  hash = new Int32Array(64);
  count = 0;

  ensure(n: number): void {
    if (n < this.start.length) return;
    const size = Math.max(n + 1, this.start.length * 2);
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const quoted = new Uint8Array(size);
    const hash = new Int32Array(size);
    start.set(this.start);
    end.set(this.end);
    quoted.set(this.quoted);
    hash.set(this.hash);
    this.start = start;
    this.end = end;
    this.quoted = quoted;
    this.hash = hash;
  }
}

/** Growable per-entry values of one column's ByteTable. */
class EntryValues {
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

/** The buffers behind a chunk result's rows, handed back to be filled again (fewer allocations). */
export interface RowBufferSet {
  rowIndex: ArrayBuffer;
  ints: ArrayBuffer;
  reals: ArrayBuffer;
}

/** The buffers of a result's rows, once it has been read. */
export function rowBuffersOf(result: ChunkResult): RowBufferSet {
  return { rowIndex: result.rowIndex.buffer as ArrayBuffer, ints: result.ints.buffer as ArrayBuffer, reals: result.reals.buffer as ArrayBuffer };
}

/** The rows a chunk adds (the result's arrays are views of these). */
class RowBuffers {
  rowIndex: Int32Array;
  ints: Int32Array;
  reals: Float64Array;

  /** `reuse`: the buffers of a result already read (rowIndex, ints, reals), filled again when large enough. */
  constructor(
    private readonly layout: PlanLayout,
    capacity = 1024,
    reuse?: RowBufferSet,
  ) {
    const intLength = capacity * Math.max(1, layout.intWidth);
    const realLength = capacity * Math.max(1, layout.realWidth);
    this.rowIndex = reuse && reuse.rowIndex.byteLength >= capacity * 4 ? new Int32Array(reuse.rowIndex) : new Int32Array(capacity);
    this.ints = reuse && reuse.ints.byteLength >= intLength * 4 ? new Int32Array(reuse.ints) : new Int32Array(intLength);
    this.reals = reuse && reuse.reals.byteLength >= realLength * 8 ? new Float64Array(reuse.reals) : new Float64Array(realLength);
  }

  ensure(rows: number): void {
    if (rows < this.rowIndex.length) return;
    const size = this.rowIndex.length * 2;
    const rowIndex = new Int32Array(size);
    rowIndex.set(this.rowIndex);
    this.rowIndex = rowIndex;
    const ints = new Int32Array(size * Math.max(1, this.layout.intWidth));
    ints.set(this.ints);
    this.ints = ints;
    const reals = new Float64Array(size * Math.max(1, this.layout.realWidth));
    reals.set(this.reals);
    this.reals = reals;
  }
}

export class ChunkConverter {
  private readonly layout: PlanLayout;
  private readonly kinds: Uint8Array;
  private readonly fieldOf: Int32Array;
  private readonly names: string[];
  private readonly slots: Int32Array;
  /** Per header field: 1 when its cells are looked up by their bytes, 2 when read as decimals. */
  private readonly fieldUse: Uint8Array;
  /** Header fields neither mapped nor kept: their bytes are only checked to be UTF-8. */
  private readonly otherFields: number[];
  private readonly tables: ByteTable[];
  private readonly entries: EntryValues[];
  private readonly startColumn: number;
  private readonly currencyColumn: number;
  private readonly billedColumn: number;
  private readonly effectiveColumn: number;
  private readonly dates: DateReader;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly delimiter: number;
  /** The delimiter byte in each of four. */
  private readonly delimiterWord: number;
  private readonly width: number;

  /** This converter's strings: id 1, 2, 3… in order of first use. */
  private readonly stringIds = new Map<string, number>();
  private newStrings: string[] = [];

  // Per row: the entry (or decimal) of each plan column.
  private readonly entryOf: Int32Array;
  private readonly number: Float64Array;
  /** Decimals: 0 value, 1 NULL, 2 not a number; 3 value read from bytes (parts below valid). */
  private readonly numberState: Uint8Array;
  private readonly numberText: string[];
  private readonly negative: Uint8Array;
  private readonly whole: Float64Array;
  private readonly fraction: Float64Array;

  private current = new Fields();
  private heldFields = new Fields();
  private heldIndex = -1;

  // Per chunk.
  private rows = new RowBuffers({ intWidth: 1, realWidth: 1, slot: [], isInt: [] });
  private rowCount = 0;
  private extras: Array<string | null> | null = null;
  private rejections: Array<{ index: number; reason: string }> = [];
  private rejected = 0;
  private sums = new Map<number, { billed: ExactSum; effective: ExactSum }>();
  private shortLengths = new Map<number, number>();
  private periodStart = Infinity;
  private periodEnd = -Infinity;
  private rowsRead = 0;
  private bytesSeen = 0;
  private rowsSeen = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(this.bytes.buffer);

  constructor(private readonly plan: FastPlan) {
    this.layout = layoutOf(plan);
    this.rows = new RowBuffers(this.layout);
    this.delimiter = plan.delimiter;
    this.delimiterWord = Math.imul(plan.delimiter, 0x01010101);
    this.width = plan.width;
    this.dates = new DateReader(plan.dateOrder ?? undefined);
    const columns = plan.columns;
    this.kinds = new Uint8Array(columns.length);
    this.fieldOf = new Int32Array(columns.length);
    this.slots = new Int32Array(columns.length);
    this.names = columns.map((c) => c.name);
    this.fieldUse = new Uint8Array(plan.width);
    columns.forEach((column, c) => {
      this.kinds[c] = kindOf(column.canonical, column.kind);
      this.fieldOf[c] = column.field;
      this.slots[c] = this.layout.slot[c] as number;
      if (column.field < plan.width) this.fieldUse[column.field] = (this.fieldUse[column.field] as number) | (column.kind === 'decimal' ? 2 : 1);
    });
    const kept = new Set([...columns.map((c) => c.field), ...plan.extras.map((e) => e.index)]);
    this.otherFields = Array.from({ length: plan.width }, (_, f) => f).filter((f) => !kept.has(f));
    this.tables = columns.map(() => new ByteTable());
    this.entries = columns.map(() => new EntryValues());
    const at = (canonical: number): number => columns.findIndex((c) => c.canonical === canonical);
    this.startColumn = at(CHARGE_START);
    this.currencyColumn = at(CURRENCY);
    this.billedColumn = at(BILLED);
    this.effectiveColumn = at(EFFECTIVE);
    if (this.startColumn < 0 || this.currencyColumn < 0 || this.billedColumn < 0 || this.effectiveColumn < 0) {
      throw new Error('the byte-level reader needs ChargePeriodStart, BillingCurrency, BilledCost and EffectiveCost');
    }
    this.entryOf = new Int32Array(columns.length);
    this.number = new Float64Array(columns.length);
    this.numberState = new Uint8Array(columns.length);
    this.numberText = new Array<string>(columns.length).fill('');
    this.negative = new Uint8Array(columns.length);
    this.whole = new Float64Array(columns.length);
    this.fraction = new Float64Array(columns.length);
  }

  /**
   * Converts the whole records at the start of `bytes`. Unless `final`, a record that reaches the
   * end of `bytes` is left for the next chunk (`consumed` says where it starts). `reuse`: the row
   * buffers of a result the caller is done with.
   */
  convert(bytes: Uint8Array, final: boolean, reuse?: RowBufferSet): ChunkResult {
    this.beginChunk(bytes, reuse);
    let records = 0;
    let position = 0;
    let unsupported: string | null = null;
    let held: ChunkResult['held'] = null;
    try {
      while (position < bytes.length) {
        const next = this.scanRecord(position, final);
        if (next < 0) break;
        this.record(records++);
        position = next;
      }
      if (this.heldIndex >= 0) held = { index: this.heldIndex, fields: Array.from({ length: this.heldFields.count }, (_, f) => this.fieldText(this.heldFields, f)) };
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      unsupported = error.message;
    }
    return this.endChunk(position, records, unsupported, held);
  }

  /**
   * Reads the record at `start` of `bytes` as strings (the header): null when it is not complete,
   * `unsupported` when the byte-level reader leaves it to the general one.
   */
  headerAt(bytes: Uint8Array, start: number, final: boolean): { fields: string[]; end: number } | { unsupported: string } | null {
    this.beginChunk(bytes);
    try {
      const end = this.scanRecord(start, final);
      if (end < 0) return null;
      const fields = this.current;
      return { fields: Array.from({ length: fields.count }, (_, f) => this.fieldText(fields, f)), end };
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      return { unsupported: error.message };
    }
  }

  private beginChunk(bytes: Uint8Array, reuse?: RowBufferSet): void {
    // A plain Uint8Array view: a Node Buffer's indexOf is much slower.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Room for the rows the chunk likely has (from the bytes a row took so far), to grow rarely.
    const expected = this.bytesSeen > 0 ? Math.ceil((bytes.length / this.bytesSeen) * this.rowsSeen * 1.1) + 16 : 1024;
    this.rows = new RowBuffers(this.layout, expected, reuse);
    this.rowCount = 0;
    this.extras = this.plan.extras.length > 0 ? [] : null;
    this.rejections = [];
    this.rejected = 0;
    this.sums = new Map();
    this.shortLengths = new Map();
    this.periodStart = Infinity;
    this.periodEnd = -Infinity;
    this.rowsRead = 0;
    this.heldIndex = -1;
  }

  private endChunk(consumed: number, records: number, unsupported: string | null, held: ChunkResult['held']): ChunkResult {
    const { intWidth, realWidth } = this.layout;
    const rows = this.rowCount;
    this.bytesSeen += consumed;
    this.rowsSeen += records;
    const strings = this.newStrings;
    this.newStrings = [];
    // The chunk's bytes are not kept (they may be handed back to be filled again).
    this.bytes = EMPTY;
    this.view = new DataView(EMPTY.buffer);
    return {
      consumed,
      records,
      rowsRead: this.rowsRead,
      rows,
      rowIndex: this.rows.rowIndex.subarray(0, rows),
      ints: this.rows.ints.subarray(0, rows * intWidth),
      reals: this.rows.reals.subarray(0, rows * realWidth),
      extras: this.extras,
      rejections: this.rejections,
      rejected: this.rejected,
      strings,
      totals: [...this.sums].map(([currency, sums]) => ({ currency, billed: sums.billed.parts(), effective: sums.effective.parts() })),
      periodStart: this.periodStart,
      periodEnd: this.periodEnd,
      shortLengths: [...this.shortLengths].flat(),
      held,
      unsupported,
    };
  }

  /**
   * Finds the fields of the record at `start` (into `current`) and returns where the next record
   * starts, or -1 when the record is not complete in a non-final chunk.
   */
  private scanRecord(start: number, final: boolean): number {
    const bytes = this.bytes;
    const end = bytes.length;
    const delimiter = this.delimiter;
    const fieldUse = this.fieldUse;
    const width = this.width;
    const fields = this.current;
    let f = 0;
    let i = start;
    for (;;) {
      fields.ensure(f + 1);
      if (i < end && bytes[i] === QUOTE) {
        let q = i + 1;
        for (;;) {
          q = bytes.indexOf(QUOTE, q);
          if (q < 0) {
            if (final) throw new Unsupported('a quoted field is never closed');
            return -1;
          }
          if (q + 1 >= end) {
            if (!final) return -1;
            break;
          }
          if (bytes[q + 1] === QUOTE) {
            q += 2;
            continue;
          }
          break;
        }
        const after = q + 1;
        fields.start[f] = i;
        fields.end[f] = after;
        fields.quoted[f] = 1;
        fields.hash[f] = f < width && ((fieldUse[f] as number) & 1) !== 0 ? hashCell(this.view, bytes, i, after) : 0;
        f++;
        const next = after < end ? bytes[after] : -1;
        if (next === delimiter) {
          i = after + 1;
          continue;
        }
        let recordEnd: number;
        if (next === -1) recordEnd = end;
        else if (next === LF) recordEnd = after + 1;
        else if (next === CR && after + 1 < end && bytes[after + 1] === LF) recordEnd = after + 2;
        else if (next === CR && after + 1 >= end && !final) return -1;
        else throw new Unsupported('a quoted field is followed by other text before the next delimiter');
        // papaparse drops a CR that ends the record's last field, also inside quotes: left to it.
        if (q - 1 > i && bytes[q - 1] === CR) throw new Unsupported('a quoted last field ends with a carriage return');
        fields.count = f;
        return recordEnd;
      }
      // An unquoted field: up to the next delimiter or line feed, four bytes at a time while no
      // byte of the four is either (a SWAR test for a zero byte in the XOR with each).
      let k = i;
      let hash = FNV_OFFSET;
      const view = this.view;
      const delimiters = this.delimiterWord;
      if (f < width && ((fieldUse[f] as number) & 1) !== 0) {
        while (k + 4 <= end) {
          const word = view.getInt32(k, true);
          const d = word ^ delimiters;
          const l = word ^ LINE_FEEDS;
          if ((((d - 0x01010101) & ~d) | ((l - 0x01010101) & ~l)) & 0x80808080) break;
          hash = Math.imul(hash ^ word, FNV_PRIME);
          k += 4;
        }
        for (; k < end; k++) {
          const c = bytes[k] as number;
          if (c === delimiter || c === LF) break;
          hash = Math.imul(hash ^ c, FNV_PRIME);
        }
      } else {
        while (k + 4 <= end) {
          const word = view.getInt32(k, true);
          const d = word ^ delimiters;
          const l = word ^ LINE_FEEDS;
          if ((((d - 0x01010101) & ~d) | ((l - 0x01010101) & ~l)) & 0x80808080) break;
          k += 4;
        }
        for (; k < end; k++) {
          const c = bytes[k] as number;
          if (c === delimiter || c === LF) break;
        }
      }
      if (k >= end && !final) return -1;
      fields.start[f] = i;
      fields.end[f] = k;
      fields.quoted[f] = 0;
      fields.hash[f] = hash;
      if (k < end && bytes[k] === delimiter) {
        f++;
        i = k + 1;
        continue;
      }
      // The record's last field: a CR before the line feed is not part of it.
      if (k > i && bytes[k - 1] === CR) {
        fields.end[f] = k - 1;
        if (f < width && ((fieldUse[f] as number) & 1) !== 0) fields.hash[f] = hashCell(this.view, bytes, i, k - 1);
      }
      fields.count = f + 1;
      return k < end ? k + 1 : end;
    }
  }

  /** The text of field `f` (unquoted; "" → "), decoded as strict UTF-8. */
  private fieldText(fields: Fields, f: number): string {
    if (f >= fields.count) return '';
    return this.textOf(fields.start[f] as number, fields.end[f] as number, fields.quoted[f] === 1);
  }

  private textOf(start: number, end: number, quoted: boolean): string {
    let text: string;
    try {
      text = this.decoder.decode(quoted ? this.bytes.subarray(start + 1, end - 1) : this.bytes.subarray(start, end));
    } catch {
      throw new Unsupported('the file is not UTF-8');
    }
    return quoted ? text.replaceAll('""', '"') : text;
  }

  /** Handles the record just scanned (index `index` in the chunk), as the general loader does. */
  private record(index: number): void {
    const fields = this.current;
    const n = fields.count;
    if (n === 1 && fields.end[0] === (fields.start[0] as number) + (fields.quoted[0] === 1 ? 2 : 0)) return; // blank line
    this.rowsRead++;
    if (this.heldIndex >= 0) {
      // The held short row is not the file's last: read it padded.
      const held = this.heldFields;
      this.shortLengths.set(held.count, (this.shortLengths.get(held.count) ?? 0) + 1);
      this.convertRow(held, this.heldIndex);
      this.heldIndex = -1;
    }
    if (n > this.width && !this.onlyEmptyBeyond(fields)) {
      for (let f = 0; f < n; f++) this.checkText(fields, f);
      this.reject(index, REASON.longRow(n, this.width));
    } else if (n < this.width) {
      this.current = this.heldFields;
      this.heldFields = fields;
      this.heldIndex = index;
    } else {
      this.convertRow(fields, index);
    }
  }

  private onlyEmptyBeyond(fields: Fields): boolean {
    for (let f = this.width; f < fields.count; f++) if (trimmed(this.fieldText(fields, f)) !== '') return false;
    return true;
  }

  private reject(index: number, reason: string): void {
    this.rejected++;
    if (this.rejections.length < MAX_LISTED_REJECTIONS) this.rejections.push({ index, reason });
  }

  /**
   * Looks up every cell of the row (checking its bytes) and writes its values. When a cell is new
   * to its column, or not valid, the row is converted again in RowConverter's order
   * (`convertInOrder`), which registers new strings and finds the reason of a rejection as it does.
   */
  private convertRow(fields: Fields, index: number): void {
    const columns = this.kinds.length;
    const n = fields.count;
    for (const f of this.otherFields) if (f < n) this.checkText(fields, f);
    const row = this.rowCount;
    this.rows.ensure(row + 1);
    const ints = this.rows.ints;
    const reals = this.rows.reals;
    const intBase = row * this.layout.intWidth;
    const realBase = row * this.layout.realWidth;
    const kinds = this.kinds;
    const fieldOf = this.fieldOf;
    const slots = this.slots;
    const entryOf = this.entryOf;
    const entries = this.entries;
    let inOrder = false;
    let start = NaN;
    let end = NaN;
    for (let c = 0; c < columns; c++) {
      const kind = kinds[c] as Kind;
      const slot = slots[c] as number;
      if (kind === Kind.Decimal || kind === Kind.RequiredDecimal) {
        const state = this.readDecimal(c, fields, fieldOf[c] as number);
        if (state === 1) {
          reals[realBase + slot] = NaN;
          if (kind === Kind.RequiredDecimal) inOrder = true;
        } else if (state === 2) {
          inOrder = true;
        } else {
          reals[realBase + slot] = this.number[c] as number;
        }
        continue;
      }
      const entry = this.entry(c, fields, fieldOf[c] as number);
      entryOf[c] = entry;
      const values = entries[c] as EntryValues;
      if (kind <= Kind.Tags || kind === Kind.Currency) {
        const id = values.resolved[entry] as number;
        if (id < 0) inOrder = true;
        else ints[intBase + slot] = id;
      } else {
        if (values.invalid[entry] === 1) inOrder = true;
        const seconds = values.seconds[entry] as number;
        reals[realBase + slot] = seconds;
        if (kind === Kind.Start) {
          start = seconds;
          if (seconds !== seconds) inOrder = true;
        } else if (kind === Kind.End) {
          end = seconds;
        }
      }
    }
    if (inOrder && !this.convertInOrder(index, ints, intBase)) return;
    // The period ends at the later of ChargePeriodStart and ChargePeriodEnd.
    if (!(end > start)) end = start;
    this.accept(fields, index, row, ints, intBase, start, end);
  }

  /** Converts the row's looked-up cells in RowConverter's order; false when it is rejected. */
  private convertInOrder(index: number, ints: Int32Array, intBase: number): boolean {
    const columns = this.kinds.length;
    const startEntries = this.entries[this.startColumn] as EntryValues;
    const startEntry = this.entryOf[this.startColumn] as number;
    const start = this.timeOf(this.startColumn, startEntry);
    if (Number.isNaN(start)) {
      const text = startEntries.texts[startEntry] as string;
      this.reject(index, startEntries.invalid[startEntry] === 1 ? REASON.badDate('ChargePeriodStart', text, this.dates.problem(text)) : REASON.startEmpty);
      return false;
    }
    const currencyEntries = this.entries[this.currencyColumn] as EntryValues;
    const currencyEntry = this.entryOf[this.currencyColumn] as number;
    const code = this.currencyOf(currencyEntry);
    if (code === null) {
      const text = trimmed(currencyEntries.texts[currencyEntry] as string);
      this.reject(index, text === '' ? REASON.currencyEmpty : REASON.badCurrency(text));
      return false;
    }
    for (let c = 0; c < columns; c++) {
      const kind = this.kinds[c] as Kind;
      const slot = this.slots[c] as number;
      switch (kind) {
        case Kind.String:
        case Kind.Json:
        case Kind.Tags: {
          const id = this.stringOf(c, this.entryOf[c] as number, kind === Kind.Tags);
          if (id < 0) {
            this.reject(index, REASON.badTags((this.entries[c] as EntryValues).texts[this.entryOf[c] as number] as string));
            return false;
          }
          ints[intBase + slot] = id;
          break;
        }
        case Kind.Currency: {
          const entries = this.entries[c] as EntryValues;
          const entry = this.entryOf[c] as number;
          let id = entries.resolved[entry] as number;
          if (id < 0) entries.resolved[entry] = id = this.idOf(code);
          ints[intBase + slot] = id;
          break;
        }
        case Kind.Decimal:
        case Kind.RequiredDecimal: {
          const state = this.numberState[c] as number;
          if (state === 2) {
            this.reject(index, REASON.notANumber(this.names[c] as string, this.numberText[c] as string));
            return false;
          }
          if (state === 1 && kind === Kind.RequiredDecimal) {
            this.reject(index, REASON.empty(this.names[c] as string));
            return false;
          }
          break;
        }
        case Kind.Start:
          break;
        default: {
          // Kind.Time, Kind.End
          const entries = this.entries[c] as EntryValues;
          const entry = this.entryOf[c] as number;
          if (entries.invalid[entry] === 1) {
            const text = entries.texts[entry] as string;
            this.reject(index, REASON.badDate(this.names[c] as string, text, this.dates.problem(text)));
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Keeps a converted row: its record index, extras, exact sums, period and rollups. */
  private accept(fields: Fields, index: number, row: number, ints: Int32Array, intBase: number, start: number, end: number): void {
    this.rows.rowIndex[row] = index;
    this.rowCount = row + 1;
    if (this.extras) this.extras.push(this.extrasOf(fields));
    const currency = ints[intBase + (this.slots[this.currencyColumn] as number)] as number;
    let sums = this.sums.get(currency);
    if (!sums) {
      sums = { billed: new ExactSum(), effective: new ExactSum() };
      this.sums.set(currency, sums);
    }
    this.addToSum(sums.billed, this.billedColumn);
    this.addToSum(sums.effective, this.effectiveColumn);
    if (start < this.periodStart) this.periodStart = start;
    if (end > this.periodEnd) this.periodEnd = end;
  }

  private addToSum(sum: ExactSum, c: number): void {
    if (this.numberState[c] === 3) sum.addParts(this.negative[c] === 1, this.whole[c] as number, this.fraction[c] as number);
    else sum.add(normaliseDecimalText(this.numberText[c] as string) ?? '0');
  }

  /** The entry of the cell of column `c` in field `f` (an empty cell when the record has no such field). */
  private entry(c: number, fields: Fields, f: number): number {
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
    const found = table.find(this.bytes, this.view, start, end, hash);
    if (found >= 0) return found;
    const text = this.textOf(start, end, quoted);
    const entries = this.entries[c] as EntryValues;
    entries.push(text);
    const entry = table.add(this.bytes, start, end, hash);
    const kind = this.kinds[c] as Kind;
    if (kind === Kind.Time || kind === Kind.Start || kind === Kind.End) {
      const value = this.dates.read(text);
      entries.seconds[entry] = typeof value === 'number' ? value : NaN;
      entries.invalid[entry] = value === undefined ? 1 : 0;
    } else if (kind === Kind.Currency) {
      const code = trimmed(text);
      entries.codes.push(CURRENCY_CODE.test(code) ? code.toUpperCase() : null);
    }
    return entry;
  }

  private timeOf(c: number, entry: number): number {
    return (this.entries[c] as EntryValues).seconds[entry] as number;
  }

  private currencyOf(entry: number): string | null {
    return (this.entries[this.currencyColumn] as EntryValues).codes[entry] ?? null;
  }

  /** The string id of a string or JSON cell (0: NULL; -1: Tags that are not a JSON object). */
  private stringOf(c: number, entry: number, tags: boolean): number {
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

  private idOf(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.stringIds.size + 1;
      this.stringIds.set(text, id);
      this.newStrings.push(text);
    }
    return id;
  }

  /** Reads a decimal cell: plain digits from the bytes; anything else through parseDecimal. */
  /** Reads a decimal cell (see numberState); returns its state. */
  private readDecimal(c: number, fields: Fields, f: number): number {
    if (f >= fields.count || (fields.start[f] === fields.end[f] && fields.quoted[f] === 0)) {
      this.numberState[c] = 1;
      this.numberText[c] = '';
      return 1;
    }
    const start = fields.start[f] as number;
    const end = fields.end[f] as number;
    if (fields.quoted[f] === 0 && this.plainDecimal(c, start, end)) return 3;
    const text = this.textOf(start, end, fields.quoted[f] === 1);
    const value = parseDecimal(text);
    this.numberText[c] = text;
    const state = value === undefined ? 2 : value === null ? 1 : 0;
    this.numberState[c] = state;
    this.number[c] = value ?? NaN;
    return state;
  }

  /**
   * `-?digits[.digits]` with at most 15 digits, 12 of them decimals: the value is exact as an
   * integer over a power of ten, so it equals Number(text); the parts feed the exact sum.
   */
  private plainDecimal(c: number, start: number, end: number): boolean {
    const bytes = this.bytes;
    let i = start;
    const negative = bytes[i] === MINUS;
    if (negative) i++;
    let whole = 0;
    let wholeDigits = 0;
    let fraction = 0;
    let fractionDigits = -1;
    for (; i < end; i++) {
      const b = bytes[i] as number;
      if (b >= ZERO && b <= NINE) {
        if (fractionDigits < 0) {
          whole = whole * 10 + (b - ZERO);
          wholeDigits++;
        } else {
          fraction = fraction * 10 + (b - ZERO);
          fractionDigits++;
        }
      } else if (b === DOT && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return false;
      }
    }
    const decimals = Math.max(0, fractionDigits);
    if (wholeDigits === 0 || wholeDigits + decimals > MAX_FAST_DIGITS || decimals > FRACTION_DIGITS) return false;
    const magnitude = decimals > 0 ? (whole * (POWERS_OF_TEN[decimals] as number) + fraction) / (POWERS_OF_TEN[decimals] as number) : whole;
    this.number[c] = negative ? -magnitude : magnitude;
    this.numberState[c] = 3;
    this.negative[c] = negative ? 1 : 0;
    this.whole[c] = whole;
    this.fraction[c] = fraction * (POWERS_OF_TEN[FRACTION_DIGITS - decimals] as number);
    return true;
  }

  /** Fields neither mapped nor kept still have to be text. */
  private checkText(fields: Fields, f: number): void {
    const bytes = this.bytes;
    const end = fields.end[f] as number;
    for (let i = fields.start[f] as number; i < end; i++) {
      if ((bytes[i] as number) >= 0x80) {
        this.fieldText(fields, f);
        return;
      }
    }
  }

  /** The extras JSON of a record, as extrasOf builds it (empty and NULL cells left out). */
  private extrasOf(fields: Fields): string | null {
    let found: Record<string, string> | null = null;
    for (const { name, index } of this.plan.extras) {
      if (index >= fields.count) continue;
      const text = this.fieldText(fields, index);
      if (isNullToken(text)) continue;
      found ??= {};
      found[name] = text;
    }
    return found ? JSON.stringify(found) : null;
  }
}

function kindOf(canonical: number, kind: string): Kind {
  if (canonical === CURRENCY) return Kind.Currency;
  if (canonical === CHARGE_START) return Kind.Start;
  if (canonical === CHARGE_END) return Kind.End;
  if (canonical === TAGS) return Kind.Tags;
  if (canonical === BILLED || canonical === EFFECTIVE) return Kind.RequiredDecimal;
  switch (kind) {
    case 'decimal':
      return Kind.Decimal;
    case 'time':
      return Kind.Time;
    case 'json':
      return Kind.Json;
    default:
      return Kind.String;
  }
}
