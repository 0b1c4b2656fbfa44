/**
 * The byte-level reader of a plain UTF-8 CSV file whose format maps columns one to one (FOCUS):
 * one chunk of bytes (whole records) → typed arrays of converted rows, the rejected records and
 * their reasons, exact totals. No string is made of a cell unless its value is new to the file:
 * cells are looked up by their bytes, per column, and each distinct value is decoded, checked and
 * converted once. Runs in the engine's thread or in worker threads (a converter per worker, one
 * per file); its strings get ids of its own, which the loader maps to dictionary ids.
 *
 * Same results as the general path (papaparse → adapter → RowConverter), by construction:
 * - CSV as papaparse reads it (record-scanner.ts); anything papaparse would read with errors or
 *   tolerance makes the chunk `unsupported`, and the loader falls back;
 * - every cell is decoded as strict UTF-8 (when its value is new, column-cells.ts) or compared byte
 *   for byte with one that was: a file that is not UTF-8 is unsupported here, the general reader decides;
 * - the checks of RowConverter, in its order (start, currency, then the columns in model order),
 *   with its reasons, and the same order of first use of every string (dictionary ids match).
 * This module handles records (blank, short, long), rows (lookup, the checks in order) and what a
 * chunk adds up to (rejections, exact sums, period, extras).
 */
import { ExactSum } from '../exact-sum.js';
import { REASON } from '../row-converter.js';
import { DateReader, isNullToken, trimmed } from '../values.js';
import { ColumnCells, KIND, kindOf, type EntryValues, type Kind } from './column-cells.js';
import { DECIMAL_NOT_A_NUMBER, DECIMAL_NULL, DecimalCells } from './decimal-cells.js';
import { BILLED, CHARGE_START, CURRENCY, EFFECTIVE, layoutOf, type ChunkResult, type FastPlan, type PlanLayout } from './fast-plan.js';
import { Fields, RecordScanner, Unsupported } from './record-scanner.js';
import { RowBuffers, type RowBufferSet } from './row-buffers.js';

export { rowBuffersOf, type RowBufferSet } from './row-buffers.js';

const MAX_LISTED_REJECTIONS = 1000;

export class ChunkConverter {
  private readonly layout: PlanLayout;
  private readonly kinds: Uint8Array;
  private readonly fieldOf: Int32Array;
  private readonly names: string[];
  private readonly slots: Int32Array;
  /** Header fields neither mapped nor kept: their bytes are only checked to be UTF-8. */
  private readonly otherFields: number[];
  private readonly scanner: RecordScanner;
  private readonly cells: ColumnCells;
  private readonly decimals: DecimalCells;
  private readonly startColumn: number;
  private readonly currencyColumn: number;
  private readonly billedColumn: number;
  private readonly effectiveColumn: number;
  private readonly dates: DateReader;
  private readonly width: number;

  /** Per row: the entry of each plan column that is not a decimal. */
  private readonly entryOf: Int32Array;

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

  constructor(private readonly plan: FastPlan) {
    this.layout = layoutOf(plan);
    this.rows = new RowBuffers(this.layout);
    this.width = plan.width;
    this.dates = new DateReader(plan.dateOrder ?? undefined);
    const columns = plan.columns;
    this.kinds = new Uint8Array(columns.length);
    this.fieldOf = new Int32Array(columns.length);
    this.slots = new Int32Array(columns.length);
    this.names = columns.map((c) => c.name);
    /** Per header field: 1 when its cells are looked up by their bytes. */
    const hashed = new Uint8Array(plan.width);
    columns.forEach((column, c) => {
      this.kinds[c] = kindOf(column.canonical, column.kind);
      this.fieldOf[c] = column.field;
      this.slots[c] = this.layout.slot[c] as number;
      if (column.field < plan.width && column.kind !== 'decimal') hashed[column.field] = 1;
    });
    const kept = new Set([...columns.map((c) => c.field), ...plan.extras.map((e) => e.index)]);
    this.otherFields = Array.from({ length: plan.width }, (_, f) => f).filter((f) => !kept.has(f));
    this.scanner = new RecordScanner(plan.delimiter, plan.width, hashed);
    this.cells = new ColumnCells(this.kinds, this.dates, this.scanner);
    this.decimals = new DecimalCells(columns.length, this.scanner);
    const at = (canonical: number): number => columns.findIndex((c) => c.canonical === canonical);
    this.startColumn = at(CHARGE_START);
    this.currencyColumn = at(CURRENCY);
    this.billedColumn = at(BILLED);
    this.effectiveColumn = at(EFFECTIVE);
    if (this.startColumn < 0 || this.currencyColumn < 0 || this.billedColumn < 0 || this.effectiveColumn < 0) {
      throw new Error('the byte-level reader needs ChargePeriodStart, BillingCurrency, BilledCost and EffectiveCost');
    }
    this.entryOf = new Int32Array(columns.length);
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
        const next = this.scanner.scan(position, final, this.current);
        if (next < 0) break;
        this.record(records++);
        position = next;
      }
      if (this.heldIndex >= 0) held = { index: this.heldIndex, fields: Array.from({ length: this.heldFields.count }, (_, f) => this.scanner.fieldText(this.heldFields, f)) };
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
      const fields = this.current;
      const end = this.scanner.scan(start, final, fields);
      if (end < 0) return null;
      return { fields: Array.from({ length: fields.count }, (_, f) => this.scanner.fieldText(fields, f)), end };
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      return { unsupported: error.message };
    }
  }

  private beginChunk(bytes: Uint8Array, reuse?: RowBufferSet): void {
    this.scanner.begin(bytes);
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
    this.scanner.end();
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
      strings: this.cells.takeNewStrings(),
      totals: [...this.sums].map(([currency, sums]) => ({ currency, billed: sums.billed.parts(), effective: sums.effective.parts() })),
      periodStart: this.periodStart,
      periodEnd: this.periodEnd,
      shortLengths: [...this.shortLengths].flat(),
      held,
      unsupported,
    };
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
      for (let f = 0; f < n; f++) this.scanner.checkText(fields, f);
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
    for (let f = this.width; f < fields.count; f++) if (trimmed(this.scanner.fieldText(fields, f)) !== '') return false;
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
    for (const f of this.otherFields) if (f < n) this.scanner.checkText(fields, f);
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
    const cells = this.cells;
    const entries = cells.entries;
    const decimals = this.decimals;
    let inOrder = false;
    let start = NaN;
    let end = NaN;
    for (let c = 0; c < columns; c++) {
      const kind = kinds[c] as Kind;
      const slot = slots[c] as number;
      if (kind === KIND.Decimal || kind === KIND.RequiredDecimal) {
        const state = decimals.read(c, fields, fieldOf[c] as number);
        if (state === DECIMAL_NULL) {
          reals[realBase + slot] = NaN;
          if (kind === KIND.RequiredDecimal) inOrder = true;
        } else if (state === DECIMAL_NOT_A_NUMBER) {
          inOrder = true;
        } else {
          reals[realBase + slot] = decimals.number[c] as number;
        }
        continue;
      }
      const entry = cells.entry(c, fields, fieldOf[c] as number);
      entryOf[c] = entry;
      const values = entries[c] as EntryValues;
      if (kind <= KIND.Tags || kind === KIND.Currency) {
        const id = values.resolved[entry] as number;
        if (id < 0) inOrder = true;
        else ints[intBase + slot] = id;
      } else {
        if (values.invalid[entry] === 1) inOrder = true;
        const seconds = values.seconds[entry] as number;
        reals[realBase + slot] = seconds;
        if (kind === KIND.Start) {
          start = seconds;
          if (seconds !== seconds) inOrder = true;
        } else if (kind === KIND.End) {
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
    const cells = this.cells;
    const startEntries = cells.entries[this.startColumn] as EntryValues;
    const startEntry = this.entryOf[this.startColumn] as number;
    const start = cells.timeOf(this.startColumn, startEntry);
    if (Number.isNaN(start)) {
      const text = startEntries.texts[startEntry] as string;
      this.reject(index, startEntries.invalid[startEntry] === 1 ? REASON.badDate('ChargePeriodStart', text, this.dates.problem(text)) : REASON.startEmpty);
      return false;
    }
    const currencyEntries = cells.entries[this.currencyColumn] as EntryValues;
    const currencyEntry = this.entryOf[this.currencyColumn] as number;
    const code = cells.currencyOf(this.currencyColumn, currencyEntry);
    if (code === null) {
      const text = trimmed(currencyEntries.texts[currencyEntry] as string);
      this.reject(index, text === '' ? REASON.currencyEmpty : REASON.badCurrency(text));
      return false;
    }
    for (let c = 0; c < columns; c++) {
      const kind = this.kinds[c] as Kind;
      const slot = this.slots[c] as number;
      switch (kind) {
        case KIND.String:
        case KIND.Json:
        case KIND.Tags: {
          const id = cells.stringOf(c, this.entryOf[c] as number, kind === KIND.Tags);
          if (id < 0) {
            this.reject(index, REASON.badTags((cells.entries[c] as EntryValues).texts[this.entryOf[c] as number] as string));
            return false;
          }
          ints[intBase + slot] = id;
          break;
        }
        case KIND.Currency: {
          const entries = cells.entries[c] as EntryValues;
          const entry = this.entryOf[c] as number;
          let id = entries.resolved[entry] as number;
          if (id < 0) entries.resolved[entry] = id = cells.idOf(code);
          ints[intBase + slot] = id;
          break;
        }
        case KIND.Decimal:
        case KIND.RequiredDecimal: {
          const state = this.decimals.state[c] as number;
          if (state === DECIMAL_NOT_A_NUMBER) {
            this.reject(index, REASON.notANumber(this.names[c] as string, this.decimals.text[c] as string));
            return false;
          }
          if (state === DECIMAL_NULL && kind === KIND.RequiredDecimal) {
            this.reject(index, REASON.empty(this.names[c] as string));
            return false;
          }
          break;
        }
        case KIND.Start:
          break;
        default: {
          // KIND.Time, KIND.End
          const entries = cells.entries[c] as EntryValues;
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
    this.decimals.addTo(sums.billed, this.billedColumn);
    this.decimals.addTo(sums.effective, this.effectiveColumn);
    if (start < this.periodStart) this.periodStart = start;
    if (end > this.periodEnd) this.periodEnd = end;
  }

  /** The extras JSON of a record, as extrasOf builds it (empty and NULL cells left out). */
  private extrasOf(fields: Fields): string | null {
    let found: Record<string, string> | null = null;
    for (const { name, index } of this.plan.extras) {
      if (index >= fields.count) continue;
      const text = this.scanner.fieldText(fields, index);
      if (isNullToken(text)) continue;
      found ??= {};
      found[name] = text;
    }
    return found ? JSON.stringify(found) : null;
  }
}
