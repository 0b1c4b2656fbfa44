/**
 * How a billing format plugs into the import: detect it from a header, then map each source
 * record to canonical cost lines (text values aligned with COST_COLUMNS). Validation, typing,
 * dictionary encoding and storage are shared (row-converter.ts), so an adapter only says where
 * each FOCUS value comes from.
 */
import type { FormatFamily, FormatId } from '../../../../shared/model.js';
import type { DateReader } from '../values.js';

/** What a mapper may use of the file being read. */
export interface MapperContext {
  /** The file's date reader: its day/month order was decided from the whole file (readers/date-order.ts). */
  dates: DateReader;
}

export interface FormatMatch {
  format: FormatId;
  /** 0..1: how much of the format's signature the header carries. */
  score: number;
  /** Columns the format needs that the header lacks (empty when the file can be imported). */
  missing: string[];
}

/** One cost line as text, before typing: `values[i]` is the text of COST_COLUMNS[i] (null = no value). */
export interface CanonicalLine {
  values: Array<string | null>;
  /** Source columns outside the model, as a JSON object text, or null. */
  extras: string | null;
}

export interface RecordMapper {
  /** Source columns kept as extras. */
  readonly extraColumns: readonly string[];
  /**
   * One source record → its cost lines: usually one, none for a record that carries no cost
   * (a summary line), several when a record holds several charges (a usage line and its credits).
   * A string is the reason the record is rejected ("BilledCost "abc" is not a number").
   */
  map(record: readonly string[]): CanonicalLine[] | string;
  /** Called after the last record: what the mapper assumed or estimated, for the report. */
  warnings?(): string[];
  /**
   * Set by mappers whose one line per record is the record's cells as they are: canonical value i
   * is field `positions[i]` (-1: none), and the extras are `extras` (extrasOf). The byte-level
   * loader (import/fast/) reads CSV files of such formats without calling `map`.
   */
  readonly direct?: DirectColumns;
}

export interface DirectColumns {
  /** One per COST_COLUMNS entry: the record field holding it, or -1. */
  positions: readonly number[];
  extras: ReadonlyArray<{ name: string; index: number }>;
}

export interface FormatAdapter {
  /** The family's name in messages, e.g. "AWS Cost and Usage Report". */
  readonly name: string;
  readonly family: FormatFamily;
  /** Null when the header is clearly not this format. */
  detect(header: readonly string[]): FormatMatch | null;
  /** The mapper for a header whose match has no missing columns. */
  mapper(header: readonly string[], context?: MapperContext): RecordMapper;
  /**
   * For formats that arrive as one JSON document (an API response saved to a file): the document
   * as a table whose header `detect` recognises, or null when the document is not of this format.
   */
  tabulateJson?(document: unknown): { header: string[]; rows: string[][] } | null;
}
