/**
 * What loading one source into `cost_lines` produces, whichever reader did it (records through a
 * format adapter, or the byte-level FOCUS loader): counts, the listed row errors, the file's own
 * exact totals per currency, its period, and the rollup cube of its lines.
 */
import type { FormatId, RowError } from '../../../../shared/model.js';
import { RollupCube } from '../../db/rollup-cube.js';
import { ExactSum } from '../exact-sum.js';

export const MAX_LISTED_ERRORS = 1000;

export interface CurrencySums {
  billed: ExactSum;
  effective: ExactSum;
}

export class FileLoad {
  format: FormatId | null = null;
  extraColumns: string[] = [];
  /** Notes for the report (encoding assumed, dates order, short rows), the mapper's last. */
  warnings: string[] = [];
  rowsRead = 0;
  rowsImported = 0;
  rowsRejected = 0;
  readonly errors: RowError[] = [];
  /** Per currency (upper case), in the order first met. */
  readonly totals = new Map<string, CurrencySums>();
  periodStart = Infinity;
  periodEnd = -Infinity;
  readonly cube = new RollupCube();
  /** Bytes read (hashed) so far, for progress and the report. */
  bytesRead = 0;
  /** Bytes of the source whose lines are stored (the byte-level loaders read ahead of it), for the grain budget. */
  bytesDone = 0;
  /** Rows written to `cost_lines`: the lines, or the daily groups at a daily grain. */
  storedRows = 0;
  sha256: string | null = null;

  reject(row: number, reason: string): void {
    this.rowsRejected++;
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push({ row, message: `Row ${row} ${reason}.` });
  }

  sumsOf(currency: string): CurrencySums {
    let sums = this.totals.get(currency);
    if (!sums) {
      sums = { billed: new ExactSum(), effective: new ExactSum() };
      this.totals.set(currency, sums);
    }
    return sums;
  }

  period(start: number, end: number): void {
    if (start < this.periodStart) this.periodStart = start;
    if (end > this.periodEnd) this.periodEnd = end;
  }
}
