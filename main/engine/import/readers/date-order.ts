/**
 * The day/month order of a file's numeric dates (04/05/2025), decided from the WHOLE file before
 * any row is converted:
 * - a date whose first part is above 12 says day-first, one whose second part is above 12 says
 *   month-first; the majority wins (a tie: the first seen), and rows that contradict it are
 *   rejected by the row converter (DateReader.problem names the conflict);
 * - a file with only ambiguous dates is read month-first for "/" and "-" and day-first for "."
 *   (German), and the report says so.
 * Evidence is gathered from the first batch of records (about a megabyte of text). Only when that
 * batch has ambiguous dates and no evidence, and the file goes on, is the file read a second time
 * (a pre-pass that parses records but converts nothing) until a batch gives evidence: files with
 * ISO dates, or with a day above 12 near the top, are read once.
 */
import { numericDayMonth, orderPattern, type DayMonthOrder } from '../values.js';

/** The cells of a column must all be numeric dates in the sample for it to count as a date column. */
function dateColumns(records: readonly string[][]): number[] {
  const width = records.reduce((max, r) => Math.max(max, r.length), 0);
  const columns: number[] = [];
  for (let c = 0; c < width; c++) {
    let dates = 0;
    let others = 0;
    for (const record of records) {
      const text = (record[c] ?? '').trim();
      if (text === '') continue;
      if (numericDayMonth(text)) dates++;
      else others++;
    }
    if (dates > 0 && others === 0) columns.push(c);
  }
  return columns;
}

export class DateOrderEvidence {
  dayFirst = 0;
  monthFirst = 0;
  ambiguousSlash = 0;
  ambiguousDot = 0;
  private firstDecisive: DayMonthOrder | undefined;
  private ambiguousExample = '';
  private columns: number[] = [];

  /** Picks the date columns from a sample of records (header excluded). */
  chooseColumns(records: readonly string[][]): void {
    this.columns = dateColumns(records);
  }

  get hasDateColumns(): boolean {
    return this.columns.length > 0;
  }

  get decisive(): boolean {
    return this.dayFirst + this.monthFirst > 0;
  }

  observe(records: readonly string[][]): void {
    for (const record of records) {
      for (const c of this.columns) {
        const text = record[c];
        if (text) this.observeCell(text);
      }
    }
  }

  private observeCell(text: string): void {
    const shape = numericDayMonth(text);
    if (!shape || shape.first < 1 || shape.second < 1 || shape.first > 31 || shape.second > 31) return;
    const { first, second } = shape;
    if (first > 12 && second <= 12) this.count('day-first');
    else if (second > 12 && first <= 12) this.count('month-first');
    else if (first <= 12 && second <= 12) {
      if (shape.separator === '.') this.ambiguousDot++;
      else this.ambiguousSlash++;
      this.ambiguousExample ||= text.trim();
    }
  }

  private count(order: DayMonthOrder): void {
    if (order === 'day-first') this.dayFirst++;
    else this.monthFirst++;
    this.firstDecisive ??= order;
  }

  /** The order to read the file in (undefined: no numeric dates, per-separator defaults) and what to tell the user. */
  decision(): { order: DayMonthOrder | undefined; warnings: string[] } {
    if (this.decisive) {
      const order: DayMonthOrder =
        this.dayFirst > this.monthFirst ? 'day-first' : this.monthFirst > this.dayFirst ? 'month-first' : (this.firstDecisive ?? 'month-first');
      const against = order === 'day-first' ? this.monthFirst : this.dayFirst;
      const warnings = against > 0
        ? [`Dates read as ${order} (${orderPattern(order)}), as most of them are; rows with ${order === 'day-first' ? 'month-first' : 'day-first'} dates contradict it and are rejected.`]
        : [];
      return { order, warnings };
    }
    if (this.ambiguousSlash + this.ambiguousDot === 0) return { order: undefined, warnings: [] };
    const order: DayMonthOrder = this.ambiguousDot > this.ambiguousSlash ? 'day-first' : 'month-first';
    const separator = order === 'day-first' ? '.' : '/';
    return {
      order,
      warnings: [
        `Day and month cannot be told apart in dates such as "${this.ambiguousExample}" (no day above 12 in the file): read as ${order} (${orderPattern(order, separator)}).`,
      ],
    };
  }
}

/**
 * Decides the order from the first batch (header first), reading the file again only when that
 * batch is inconclusive and more follows. `reread` gives the file's batches again from the start;
 * `pause` runs between its batches (to yield to the host and notice a cancel).
 */
export async function decideDateOrder(
  firstBatch: readonly string[][],
  more: boolean,
  reread: () => AsyncIterable<string[][]>,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<{ order: DayMonthOrder | undefined; warnings: string[] }> {
  const evidence = new DateOrderEvidence();
  const rows = firstBatch.slice(1);
  evidence.chooseColumns(rows);
  if (!evidence.hasDateColumns) return { order: undefined, warnings: [] };
  evidence.observe(rows);
  if (!evidence.decisive && more && evidence.ambiguousSlash + evidence.ambiguousDot > 0) {
    const scan = new DateOrderEvidence();
    scan.chooseColumns(rows);
    let first = true;
    for await (const batch of reread()) {
      await pause();
      scan.observe(first ? batch.slice(1) : batch);
      first = false;
      if (scan.decisive) break;
    }
    return scan.decision();
  }
  return evidence.decision();
}
