/**
 * What the byte-level loader knows of a file before its first row: the delimiter, the header's
 * width, which field holds each canonical column, the extras, the day/month order. Plain data, so
 * it can be sent to worker threads; the loader and the workers derive the same layout from it.
 */
import { COST_COLUMNS } from '../../db/cost-columns.js';
import type { ColumnKind } from '../formats/focus-columns.js';
import { columnPosition } from '../formats/canonical-line.js';
import type { ExactSumParts } from '../exact-sum.js';
import type { DayMonthOrder } from '../values.js';

export interface PlanColumn {
  /** Position in COST_COLUMNS. */
  canonical: number;
  /** Field of the record that holds it. */
  field: number;
  name: string;
  kind: ColumnKind;
}

export interface FastPlan {
  /** The delimiter's byte (ASCII). */
  delimiter: number;
  /** Fields in the header. */
  width: number;
  /** The canonical columns the file has, in COST_COLUMNS order (absent ones are NULL). */
  columns: PlanColumn[];
  /** Source columns kept as extras (name, field). */
  extras: Array<{ name: string; index: number }>;
  dateOrder: DayMonthOrder | null;
}

export const CHARGE_START = columnPosition('ChargePeriodStart');
export const CHARGE_END = columnPosition('ChargePeriodEnd');
export const CURRENCY = columnPosition('BillingCurrency');
export const BILLED = columnPosition('BilledCost');
export const EFFECTIVE = columnPosition('EffectiveCost');
export const TAGS = columnPosition('Tags');

/** Columns a row cannot do without: with one absent, every row is rejected (the general loader says so). */
export const REQUIRED_COLUMNS = [CHARGE_START, CURRENCY, BILLED, EFFECTIVE];

/** Where each plan column's value goes: an id slot (strings, JSON) or a number slot (decimals, times). */
export interface PlanLayout {
  intWidth: number;
  realWidth: number;
  /** Per plan column: its slot among ints or reals. */
  slot: number[];
  isInt: boolean[];
}

export function isIdKind(kind: ColumnKind): boolean {
  return kind === 'string' || kind === 'json';
}

export function layoutOf(plan: FastPlan): PlanLayout {
  let intWidth = 0;
  let realWidth = 0;
  const slot: number[] = [];
  const isInt: boolean[] = [];
  for (const column of plan.columns) {
    const int = isIdKind(column.kind);
    isInt.push(int);
    slot.push(int ? intWidth++ : realWidth++);
  }
  return { intWidth, realWidth, slot, isInt };
}

/** The plan column of a canonical position, or -1. */
export function planIndexOf(plan: FastPlan, canonical: number): number {
  return plan.columns.findIndex((c) => c.canonical === canonical);
}

/** A plan from an adapter's direct column positions (one per COST_COLUMNS entry, -1: none). */
export function planOf(
  positions: readonly number[],
  extras: ReadonlyArray<{ name: string; index: number }>,
  width: number,
  delimiter: number,
  dateOrder: DayMonthOrder | undefined,
): FastPlan {
  const columns: PlanColumn[] = [];
  COST_COLUMNS.forEach((column, canonical) => {
    const field = positions[canonical] ?? -1;
    if (field >= 0) columns.push({ canonical, field, name: column.name, kind: column.kind });
  });
  return { delimiter, width, columns, extras: extras.map((e) => ({ ...e })), dateOrder: dateOrder ?? null };
}

/** The converted rows of one chunk of a file, and everything else the chunk contributes. */
export interface ChunkResult {
  /** Bytes of the chunk read: the end of its last complete record. */
  consumed: number;
  /** Records in the chunk (blank lines included): row numbers continue from here. */
  records: number;
  /** Records that are not blank lines. */
  rowsRead: number;
  /** Rows accepted. */
  rows: number;
  /** Per accepted row: its record's index in the chunk (0-based). */
  rowIndex: Int32Array;
  /** rows × layout.intWidth: the worker's string ids (0: NULL). */
  ints: Int32Array;
  /** rows × layout.realWidth: decimals and Unix seconds (NaN: NULL). */
  reals: Float64Array;
  /** Per accepted row, when the plan has extras: the extras JSON or null. */
  extras: Array<string | null> | null;
  /** Rejected records (the first ones; `rejected` counts all): index in the chunk and the reason. */
  rejections: Array<{ index: number; reason: string }>;
  rejected: number;
  /** Strings met for the first time by this worker, in order: its ids continue from the last chunk's. */
  strings: string[];
  /** Exact sums of the accepted rows per currency (a string id), in the order first met. */
  totals: Array<{ currency: number; billed: ExactSumParts; effective: ExactSumParts }>;
  periodStart: number;
  periodEnd: number;
  /** Rows read padded with empty trailing fields: [length, rows, length, rows…]. */
  shortLengths: number[];
  /** A short record at the end of the chunk: only the records after it tell whether it is the file's last. */
  held: { index: number; fields: string[] } | null;
  /** Set when the chunk has something the byte-level reader leaves to the general one (then nothing else counts). */
  unsupported: string | null;
}

export function transferablesOf(result: ChunkResult): ArrayBuffer[] {
  return [result.rowIndex.buffer, result.ints.buffer, result.reals.buffer] as ArrayBuffer[];
}
