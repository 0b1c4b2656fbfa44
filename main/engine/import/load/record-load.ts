/**
 * The general loader: a source's records (CSV, JSON, Parquet, in any encoding) → its format
 * adapter → the row converter → `cost_lines`. Every format goes this way; plain UTF-8 CSV files of
 * column-to-column formats (FOCUS) take the byte-level loader instead (../fast/), which gives the
 * same rows, numbers, errors and totals.
 */
import { COST_COLUMNS } from '../../db/cost-columns.js';
import { FileRefused } from '../file-refused.js';
import { columnPosition } from '../formats/canonical-line.js';
import type { RecordMapper } from '../formats/format-adapter.js';
import { chooseFormat } from '../formats/registry.js';
import { SourceReading } from '../readers/source-reading.js';
import { REASON, RowConverter } from '../row-converter.js';
import { normaliseDecimalText } from '../values.js';
import type { FileLoad } from './file-load.js';
import type { LoadEnv } from './load-env.js';
import { prepareRowBinder, type RowBinder } from './row-binder.js';
import { DailyWriter } from '../daily-grain/daily-writer.js';

/** Every column but `line_count` (one line: NULL). */
const INSERT_SQL = `INSERT INTO cost_lines (source_id, row_number, day, ${COST_COLUMNS.map((c) => `"${c.name}"`).join(', ')}, extras)
  VALUES (${new Array(COST_COLUMNS.length + 4).fill('?').join(', ')})`;
const BILLED = columnPosition('BilledCost');
const EFFECTIVE = columnPosition('EffectiveCost');

/** Where the rollups' columns are in a converted row (source_id, row_number, day, the cost columns…). */
const AT = (name: string): number => columnPosition(name) + 3;
const ROLLUP_AT = {
  currency: AT('BillingCurrency'), provider: AT('ProviderName'), serviceCategory: AT('ServiceCategory'), service: AT('ServiceName'),
  subAccountId: AT('SubAccountId'), subAccountName: AT('SubAccountName'), regionId: AT('RegionId'), regionName: AT('RegionName'),
  chargeCategory: AT('ChargeCategory'), tags: AT('Tags'), resourceId: AT('ResourceId'), resourceName: AT('ResourceName'),
  billed: AT('BilledCost'), effective: AT('EffectiveCost'),
};

/**
 * Rows with fewer fields than the header. Exports often leave the trailing empty cells out (a
 * header with one column more than every row, as some CUR files have): such rows are read with the
 * missing trailing cells empty, and the report says so. A truncated file has only its LAST record
 * short, with a length no other row has: that one is rejected. So a short row is held until the
 * next record arrives, and the last one is judged against the lengths of the others.
 */
export class ShortRows {
  width = 0;
  private heldRecord: { record: readonly string[]; row: number } | null = null;
  private readonly lengths = new Map<number, number>();
  private padded_ = 0;

  hold(record: readonly string[], row: number): void {
    this.heldRecord = { record, row };
  }

  get held(): boolean {
    return this.heldRecord !== null;
  }

  /** The held short row, now known not to be the file's last record. */
  release(): { record: readonly string[]; row: number } | null {
    const held = this.heldRecord;
    this.heldRecord = null;
    return held;
  }

  padded(record: readonly string[]): string[] {
    this.count(record.length, 1);
    return [...record, ...new Array<string>(this.width - record.length).fill('')];
  }

  /** Counts rows of `length` fields that were read padded elsewhere (by the byte-level loader). */
  count(length: number, rows: number): void {
    this.lengths.set(length, (this.lengths.get(length) ?? 0) + rows);
    this.padded_ += rows;
  }

  /** True when other rows had this length too (a ragged export, not a cut one). */
  isTypical(length: number): boolean {
    return (this.lengths.get(length) ?? 0) > 0;
  }

  warning(): string | null {
    if (this.padded_ === 0) return null;
    return `${this.padded_} row${this.padded_ === 1 ? '' : 's'} had fewer fields than the header (${this.width}); the missing trailing fields were read as empty.`;
  }
}

/** Trailing empty fields beyond the header (a trailing delimiter) do not make a record malformed. */
export function onlyEmptyBeyond(record: readonly string[], width: number): boolean {
  if (record.length < width) return false;
  for (let i = width; i < record.length; i++) if ((record[i] ?? '').trim() !== '') return false;
  return true;
}

/** Binds a converted row (source_id, row_number, day, every cost column, extras) to the all-columns INSERT. */
function bindAll(binder: RowBinder, values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'number') binder.number(i + 1, value);
    else if (typeof value === 'string') binder.text(i + 1, value);
    else binder.null(i + 1);
  }
}

const idAt = (values: readonly unknown[], at: number): number => (values[at] as number | null) ?? 0;

/** Adds a converted row to the rollup cube, counted as `lines` rows (0 at a daily grain: its group counts). */
export function addToCube(load: FileLoad, values: readonly unknown[], lines = 1): void {
  load.cube.add(
    values[2] as number, idAt(values, ROLLUP_AT.currency), idAt(values, ROLLUP_AT.provider), idAt(values, ROLLUP_AT.serviceCategory),
    idAt(values, ROLLUP_AT.service), idAt(values, ROLLUP_AT.subAccountId), idAt(values, ROLLUP_AT.subAccountName),
    idAt(values, ROLLUP_AT.regionId) || idAt(values, ROLLUP_AT.regionName), idAt(values, ROLLUP_AT.chargeCategory), idAt(values, ROLLUP_AT.tags),
    idAt(values, ROLLUP_AT.resourceId), idAt(values, ROLLUP_AT.resourceName), values[ROLLUP_AT.billed] as number, values[ROLLUP_AT.effective] as number, lines,
  );
}

/**
 * Maps, converts and stores records, one at a time, for the general loader and for the rows the
 * byte-level loader leaves to it (a short row at the end of a chunk).
 */
export class RecordStore {
  /** `daily`: `insert` hands the lines to a DailyWriter, which stores and counts their groups. */
  constructor(
    private readonly load: FileLoad,
    private readonly converter: RowConverter,
    private readonly sourceId: number,
    private readonly insert: (values: readonly unknown[]) => void,
    private readonly daily = false,
  ) {}

  /** Maps, converts and stores one record (of the header's width). */
  store(record: readonly string[], rowNumber: number, mapper: RecordMapper): void {
    const load = this.load;
    const lines = mapper.map(record);
    if (typeof lines === 'string') {
      load.reject(rowNumber, lines);
      return;
    }
    const converted = lines.map((line) => this.converter.convert(line, this.sourceId, rowNumber));
    const failure = converted.find((c) => !c.ok);
    if (failure && !failure.ok) {
      load.reject(rowNumber, failure.reason);
      return;
    }
    load.rowsImported++;
    converted.forEach((c, i) => {
      if (!c.ok) return;
      this.insert(c.values);
      addToCube(load, c.values, this.daily ? 0 : 1);
      if (!this.daily) load.storedRows++;
      const sums = load.sumsOf(c.currency);
      const line = lines[i];
      sums.billed.add(normaliseDecimalText(line?.values[BILLED] ?? '') ?? '0');
      sums.effective.add(normaliseDecimalText(line?.values[EFFECTIVE] ?? '') ?? '0');
      load.period(c.start, c.end);
    });
  }
}

/** Loads a source through its format adapter (the general path). */
export async function loadRecords(env: LoadEnv, load: FileLoad): Promise<void> {
  const { source, deps } = env;
  const hasher = deps.createHasher();
  const onBytes = (chunk: Uint8Array): void => {
    hasher.update(chunk);
    load.bytesRead += chunk.length;
  };
  // A day/month pre-pass (readers/date-order.ts) may read the whole file once more: keep the host responsive.
  const reading = new SourceReading(source, onBytes, () => env.pause());
  const binder = prepareRowBinder(deps.sql, env.store.db, INSERT_SQL, COST_COLUMNS.length + 4);
  const daily = env.grain === 'daily' ? new DailyWriter(env, load) : null;
  try {
    const insert = daily
      ? (values: readonly unknown[]) => daily.addConverted(values)
      : (values: readonly unknown[]) => {
          bindAll(binder, values);
          binder.insert();
        };
    const records = new RecordStore(load, new RowConverter(env.dictionary, reading.dates), env.sourceId, insert, daily !== null);
    let mapper: RecordMapper | null = null;
    let width = 0;
    let recordNumber = 0;
    const shortRows = new ShortRows();

    for await (const batch of reading.batches()) {
      await env.pause();
      for (const record of batch) {
        recordNumber++;
        if (!mapper) {
          const chosen = chooseFormat(record, source.name, env.formats.adapters);
          load.format = chosen.format;
          mapper = chosen.adapter.mapper(record, { dates: reading.dates });
          load.extraColumns = [...mapper.extraColumns];
          width = record.length;
          shortRows.width = width;
          continue;
        }
        if (record.length === 1 && record[0] === '') continue; // blank line
        load.rowsRead++;
        const held = shortRows.release();
        if (held) records.store(shortRows.padded(held.record), held.row, mapper);
        if (record.length > width && !onlyEmptyBeyond(record, width)) {
          load.reject(recordNumber, REASON.longRow(record.length, width));
        } else if (record.length < width) {
          // Held until the next record shows it is not the file's last (see ShortRows).
          shortRows.hold(record, recordNumber);
        } else {
          records.store(record, recordNumber, mapper);
        }
      }
      load.bytesDone = load.bytesRead;
      env.progress(load);
    }
    const last = shortRows.release();
    if (last && mapper) {
      if (shortRows.isTypical(last.record.length)) {
        records.store(shortRows.padded(last.record), last.row, mapper);
      } else {
        load.reject(last.row, REASON.cutRow(last.record.length, width));
      }
    }
    daily?.finish();
    const shortWarning = shortRows.warning();
    if (shortWarning) reading.warnings.push(shortWarning);
    if (!mapper) throw new FileRefused(`${source.name} is empty: it has no header row.`);
    load.warnings = [...reading.warnings, ...(mapper.warnings?.() ?? [])];
    load.sha256 = hasher.digest();
  } finally {
    binder.free();
    daily?.free();
  }
}
