/** Texts of the import screen, from the engine's progress events and source summaries (pure, tested). */
import type { ProgressEvent } from '../../../../shared/contract.js';
import type { SourceReport } from '../../../../shared/model.js';
import { formatCount } from '../../format/money.js';

/** What the import is doing: reading a file (its share read and rows), building its summaries once it is read, or done with it. */
export function progressText(p: ProgressEvent): string {
  const position = `file ${p.fileIndex + 1} of ${p.fileCount}`;
  if (p.phase === 'indexing') return `Building summaries of ${p.file} (${position}, ${formatCount(p.rowsRead)} rows read)…`;
  if (p.phase === 'done') return `Finished ${p.file} (${position}): ${formatCount(p.rowsRead)} rows`;
  const percent = progressPercent(p);
  return `Reading ${p.file} (${position}): ${percent}%, ${formatCount(p.rowsRead)} rows`;
}

export function progressPercent(p: ProgressEvent): number {
  return p.bytesTotal > 0 ? Math.min(100, Math.round((100 * p.bytesRead) / p.bytesTotal)) : 0;
}

/** How a file's lines are stored, for the report and the sources list. */
export function grainText(source: Pick<SourceReport, 'grain'> & { storedRows?: number }): string {
  if (source.grain !== 'daily') return 'Line by line';
  return source.storedRows === undefined ? 'Daily groups' : `${formatCount(source.storedRows)} daily groups`;
}

/** The files of an import stored at a daily grain, named for a notice. */
export function dailyGrainNotice(sources: readonly SourceReport[]): string | null {
  const daily = sources.filter((s) => s.grain === 'daily' && s.status === 'imported');
  if (daily.length === 0) return null;
  const names = daily.map((s) => s.file).join(', ');
  return `${names} ${daily.length === 1 ? 'was' : 'were'} too large to keep line by line in memory, so ${daily.length === 1 ? 'its lines were' : 'their lines were'} rolled up by day: every total is exact, and "explain this number" shows daily groups (each with its first row and its count of lines) instead of single lines.`;
}
