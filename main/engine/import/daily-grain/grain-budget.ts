/**
 * Whether a source's line level fits the workspace. sql.js holds the database in memory (resident
 * memory about twice its size, a hard stop at 4 GiB; the store gives it 1 GiB of room to grow in
 * place, db/roomy-file.ts), so a source whose lines would take the database past the budget is
 * stored at a daily grain instead (daily-lines.ts). While a source loads at line level, its
 * database growth so far is projected to the whole file (growth ÷ the share of the file's bytes
 * whose lines are in, times the indexes built after the load); past the budget, the load stops
 * with LineLevelTooLarge and the import reads the file again at a daily grain.
 */
import type { FileLoad } from '../load/file-load.js';

/** The database size a workspace may reach with line-level sources (about 1 GB, within the store's room). */
export const LINE_LEVEL_BUDGET_BYTES = 1_000_000_000;
/**
 * The database at the end (line indexes and rollups built after the load) over its size when the
 * lines are in: 292 MB against 208 MB for the bench's 1M-row FOCUS file (1.40), rounded up.
 */
const AFTER_LOAD_FACTOR = 1.45;
/** Bytes of a file read before its growth is projected: the first lines add most dictionary entries. */
const SAMPLE_BYTES = 16 << 20;

export class LineLevelTooLarge extends Error {
  constructor(
    /** Lines the whole file is expected to have. */
    readonly lines: number,
    readonly projectedBytes: number,
    readonly budgetBytes: number,
  ) {
    super(`the line level would need about ${projectedBytes} bytes, more than ${budgetBytes}`);
  }
}

export class GrainBudget {
  /**
   * `startBytes`: the database's size before the source; `sourceBytes`: the bytes the load counts
   * in `bytesDone` for the whole file (0: unknown, then only the database's actual size is checked).
   */
  constructor(
    private readonly budgetBytes: number,
    private readonly startBytes: number,
    private readonly sourceBytes: number,
    private readonly databaseBytes: () => number,
  ) {}

  /** Throws LineLevelTooLarge when the source's line level is expected to take the database past the budget. */
  check(load: FileLoad): void {
    const growth = this.databaseBytes() - this.startBytes;
    const share = this.sourceBytes > 0 ? Math.min(1, load.bytesDone / this.sourceBytes) : 0;
    const sampled = share >= 1 || load.bytesDone >= Math.min(SAMPLE_BYTES, this.sourceBytes);
    const projected = this.startBytes + (sampled && share > 0 ? (growth / share) * AFTER_LOAD_FACTOR : growth);
    if (projected > this.budgetBytes) {
      throw new LineLevelTooLarge(share > 0 ? Math.round(load.rowsRead / share) : load.rowsRead, projected, this.budgetBytes);
    }
  }
}

/** "1.5 GB", "1 GB", "850 MB". */
function gigabytes(bytes: number): string {
  if (bytes < 1e9) return `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('en-US')} MB`;
  return `${(bytes / 1e9).toFixed(1).replace(/\.0$/, '')} GB`;
}

/** The report's note on a source stored at a daily grain (`lines`: the file's, counted by the daily load). */
export function dailyGrainWarning(tooLarge: LineLevelTooLarge, lines: number, groups: number, droppedExtras: boolean): string {
  return (
    `Imported at a daily grain: ${lines.toLocaleString('en-US')} lines would need about ${gigabytes(tooLarge.projectedBytes)}, ` +
    `more than the ${gigabytes(tooLarge.budgetBytes)} the workspace can hold in memory; totals are exact, line-level drill-down shows ` +
    `daily groups (${groups.toLocaleString('en-US')} rows, each with its first row number and its count of lines)` +
    (droppedExtras ? '; the provider columns kept as extras are not stored at this grain.' : '.')
  );
}
