/**
 * Imports a batch of files in one transaction. Each file streams through
 * bytes → text → CSV records → validated rows → `cost_lines`, with its SHA-256, exact totals and
 * a validation report. Any refused file, any rejected row (unless accepted), a cancel or an error:
 * the whole batch is rolled back and the workspace is as it was.
 */
import type { ImportRequest, ImportResult, LineGrain, SourceReport } from '../../../shared/model.js';
import { EngineError, type CallContext } from '../../../shared/rpc.js';
import type { EngineDeps } from '../deps.js';
import { Dictionary } from '../db/dictionary.js';
import type { RollupCube } from '../db/rollup-cube.js';
import { createLineIndexes, writeRollups } from '../db/rollups.js';
import type { Store } from '../db/store.js';
import { COST_COLUMNS } from '../db/cost-columns.js';
import { FileRefused } from './file-refused.js';
import { findOverlaps } from './overlaps.js';
import { deleteSourceRows } from '../db/remove-source.js';
import { workspaceFormats, type WorkspaceFormats } from './formats/workspace-formats.js';
import { FileLoad } from './load/file-load.js';
import type { LoadEnv } from './load/load-env.js';
import { loadSource, type LoaderName, type LoadOptions } from './load/load-source.js';
import { dailyGrainWarning, GrainBudget, LINE_LEVEL_BUDGET_BYTES, LineLevelTooLarge } from './daily-grain/grain-budget.js';
import type { RecordSource } from './readers/record-source.js';
import { expandSource } from './sources/expand.js';
import { isoFromSeconds } from './values.js';

const PROGRESS_INTERVAL_MS = 250;
const YIELD_INTERVAL_MS = 100;

/** How files are read; tests force a loader and small chunks (see load/load-source.ts). */
export interface ImportTuning {
  loader?: LoaderName;
  chunkBytes?: number;
  /** Told which loader read each file (tests). */
  observe?(file: string, loader: LoaderName): void;
  /** The database size line-level sources may take it to (tests force the daily grain with a small one). */
  lineLevelBudgetBytes?: number;
}

interface FileOutcome {
  report: SourceReport;
  sourceId: number | null;
  /** The rollups of the file's lines, written after the batch's checks. */
  cube?: RollupCube;
  /** Emits the file's 'done' progress: when its rollups are built (or the batch ends without them). */
  done?: () => void;
}

/** A loaded source waiting for its rollups. */
interface Pending {
  cube: RollupCube;
  report: SourceReport;
  fileIndex: number;
  done: () => void;
}

export async function importBatch(store: Store, deps: EngineDeps, request: ImportRequest, ctx: CallContext, tuning: ImportTuning = {}): Promise<ImportResult> {
  const reports: SourceReport[] = [];
  const newSourceIds: number[] = [];
  const pending = new Map<number, Pending>();
  /** Files whose rollups will not be built (the batch is rolled back) are done all the same. */
  const doneWithout = (): void => {
    for (const entry of pending.values()) entry.done();
    pending.clear();
  };
  const reportOfSource = new Map<number, SourceReport>();
  const dictionary = new Dictionary(store);
  const formats = workspaceFormats(store);
  store.exec('BEGIN');
  try {
    for (const [fileIndex, ref] of request.files.entries()) {
      // One chosen file may hold several sources (a zip, a manifest's files): each is reported on its own.
      for await (const expanded of expandSource(deps, ref, formats.tabulators)) {
        const outcome = 'refused' in expanded
          ? { report: { ...emptyReport(expanded.refused.name, expanded.refused.size), message: expanded.refused.message }, sourceId: null }
          : await importOneFile(store, deps, dictionary, formats, expanded.source, { fileIndex, fileCount: request.files.length }, ctx, tuning);
        reports.push(outcome.report);
        if (outcome.sourceId !== null && outcome.cube && outcome.done) {
          newSourceIds.push(outcome.sourceId);
          pending.set(outcome.sourceId, { cube: outcome.cube, report: outcome.report, fileIndex, done: outcome.done });
          reportOfSource.set(outcome.sourceId, outcome.report);
        } else {
          outcome.done?.();
        }
      }
    }
    const refused = reports.some((r) => r.status === 'failed' || (r.status === 'rejected' && !request.acceptPartial));
    if (refused) {
      store.exec('ROLLBACK');
      doneWithout();
      return { committed: false, sources: reports.map(markNotImported) };
    }
    // Re-exports of files already here: the user decides (replace or keep both) before anything lands.
    const overlaps = findOverlaps(store, newSourceIds);
    if (overlaps.size > 0) {
      for (const [id, found] of overlaps) {
        const report = reportOfSource.get(id);
        if (report) report.overlaps = found;
      }
      if (!request.overlapping) {
        store.exec('ROLLBACK');
        doneWithout();
        return { committed: false, needsDecision: 'overlapping', sources: reports.map(heldForDecision) };
      }
      if (request.overlapping === 'replace') {
        const older = new Set([...overlaps.values()].flat().map((o) => o.sourceId));
        for (const id of older) deleteSourceRows(store, id);
      }
    }
    await buildRollupsOf(store, deps, newSourceIds, pending, request.files.length, ctx);
    store.exec('COMMIT');
    if (newSourceIds.length > 0) ctx.emit('dataChanged', { tables: ['cost_lines', 'sources'] });
    return { committed: true, sources: reports };
  } catch (error) {
    store.exec('ROLLBACK');
    throw error;
  } finally {
    dictionary.close();
  }
}

/**
 * After a rollback nothing was imported: every count says so (the readable rows are
 * rowsRead − rowsRejected), and files that were fine are marked as not imported.
 */
function markNotImported(report: SourceReport): SourceReport {
  if (report.status !== 'imported') return { ...report, rowsImported: 0 };
  return { ...report, status: 'not-imported', rowsImported: 0, message: 'Not imported: another file in the same import was refused, so nothing was imported.' };
}

/** Nothing was imported because the user must first decide about overlapping files. */
function heldForDecision(report: SourceReport): SourceReport {
  if (report.status !== 'imported' && report.status !== 'rejected') return report;
  const message = report.overlaps
    ? `Not imported yet: ${report.file} covers the same account and period as ${report.overlaps.map((o) => o.file).join(', ')}, already in the workspace. Replace the older file, or keep both.`
    : 'Not imported yet: another file of this import overlaps a file already in the workspace.';
  return { ...report, status: 'not-imported', rowsImported: 0, message };
}

function emptyReport(name: string, size: number): SourceReport {
  return {
    file: name, format: null, status: 'failed', sha256: null, sizeBytes: size,
    rowsRead: 0, rowsImported: 0, rowsRejected: 0, errors: [], extraColumns: [], warnings: [], totals: {}, period: null, grain: 'line',
  };
}

async function importOneFile(
  store: Store,
  deps: EngineDeps,
  dictionary: Dictionary,
  formats: WorkspaceFormats,
  source: RecordSource,
  position: { fileIndex: number; fileCount: number },
  ctx: CallContext,
  tuning: ImportTuning,
): Promise<FileOutcome> {
  const report = emptyReport(source.name, source.size);
  /** The load under way (a new one when a loader gives up and the next reads the file again). */
  let load = new FileLoad();
  let lastProgress = deps.monotonicMs();
  let lastYield = lastProgress;
  const progress = (phase: 'reading' | 'done'): void => {
    ctx.emit('progress', {
      requestId: ctx.requestId, file: source.name, ...position, phase,
      bytesRead: load.bytesRead, bytesTotal: source.size, rowsRead: load.rowsRead,
    });
  };

  store.exec('SAVEPOINT import_file');
  const dictionaryCheckpoint = dictionary.checkpoint();
  try {
    const sourceId = Number(store.scalar('SELECT COALESCE(MAX(id), 0) + 1 FROM sources'));
    const budget = new GrainBudget(tuning.lineLevelBudgetBytes ?? LINE_LEVEL_BUDGET_BYTES, store.sizeBytes(), source.size, () => store.sizeBytes());
    const envAt = (grain: LineGrain): LoadEnv => ({
      store, deps, dictionary, formats, source, sourceId, grain,
      pause: async () => {
        if (deps.monotonicMs() - lastYield >= YIELD_INTERVAL_MS) {
          await deps.yieldToHost();
          lastYield = deps.monotonicMs();
        }
        if (ctx.cancelled) throw new EngineError('CANCELLED', 'Import cancelled; nothing was imported.');
      },
      progress: (current) => {
        load = current;
        if (grain === 'line') budget.check(current);
        if (deps.monotonicMs() - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = deps.monotonicMs();
          progress('reading');
        }
      },
    });
    const options: LoadOptions = {
      begin: () => (load = new FileLoad()),
      rewind: () => {
        store.exec('ROLLBACK TO import_file');
        dictionary.rollbackTo(dictionaryCheckpoint);
      },
      ...(tuning.loader ? { only: tuning.loader } : {}),
      ...(tuning.chunkBytes ? { chunkBytes: tuning.chunkBytes } : {}),
    };
    let tooLarge: LineLevelTooLarge | null = null;
    let loaded: Awaited<ReturnType<typeof loadSource>>;
    try {
      loaded = await loadSource(envAt('line'), options);
      budget.check(loaded.load);
    } catch (error) {
      if (!(error instanceof LineLevelTooLarge)) throw error;
      // Too large for its line level: read again, at a daily grain, in the same savepoint.
      tooLarge = error;
      options.rewind();
      loaded = await loadSource(envAt('daily'), options);
    }
    load = loaded.load;
    tuning.observe?.(source.name, loaded.loader);
    copyLoad(report, load);
    report.warnings = tooLarge ? [dailyGrainWarning(tooLarge, load.rowsRead, load.storedRows, load.extraColumns.length > 0), ...load.warnings] : load.warnings;
    report.grain = tooLarge ? 'daily' : 'line';
    report.sha256 = load.sha256;
    report.errors = load.errors;
    report.totals = Object.fromEntries(
      [...load.totals].map(([currency, sums]) => [currency, { billedCost: sums.billed.toDecimal(), effectiveCost: sums.effective.toDecimal() }]),
    );
    report.period = report.rowsImported > 0 ? { start: isoFromSeconds(load.periodStart), end: isoFromSeconds(load.periodEnd) } : null;
    // 'done' once the file's rollups are built (the batch calls it; a duplicate is done now).
    const done = (): void => progress('done');

    const existing = store.scalar('SELECT file_name FROM sources WHERE sha256 = ?', [report.sha256]);
    if (existing !== null) {
      store.exec('ROLLBACK TO import_file');
      dictionary.rollbackTo(dictionaryCheckpoint);
      return { report: { ...report, status: 'duplicate', rowsImported: 0, message: `${source.name} is already in the workspace (same content as ${String(existing)}); it was not imported again.` }, sourceId: null, done };
    }
    report.status = report.rowsRejected > 0 ? 'rejected' : 'imported';
    if (report.rowsRejected > 0) {
      report.message = `${report.rowsRejected} of ${report.rowsRead} rows of ${source.name} cannot be read.`;
    }
    store.run(
      `INSERT INTO sources (id, file_name, sha256, format, size_bytes, imported_at, row_count, rows_rejected, columns, extra_columns, totals, period_start, period_end,
         grain, stored_rows)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        sourceId, source.name, report.sha256, report.format ?? 'unknown', load.bytesRead, new Date(deps.now()).toISOString(),
        report.rowsImported, report.rowsRejected, JSON.stringify(COST_COLUMNS.map((c) => c.name)), JSON.stringify(report.extraColumns),
        JSON.stringify(report.totals), report.period?.start ?? null, report.period?.end ?? null, report.grain, load.storedRows,
      ],
    );
    report.sizeBytes = load.bytesRead;
    return { report, sourceId, cube: load.cube, done };
  } catch (error) {
    store.exec('ROLLBACK TO import_file');
    dictionary.rollbackTo(dictionaryCheckpoint);
    if (error instanceof FileRefused) {
      copyLoad(report, load);
      const refused: SourceReport = { ...report, status: 'failed', rowsImported: 0, message: error.message };
      if (error.missingColumns) refused.missingColumns = error.missingColumns;
      if (error.unrecognised) {
        refused.header = error.unrecognised.header;
        refused.closestFormats = error.unrecognised.closestFormats;
      }
      return { report: refused, sourceId: null };
    }
    throw error;
  } finally {
    store.exec('RELEASE import_file');
  }
}

/** The counts a load has so far, into the file's report. */
function copyLoad(report: SourceReport, load: FileLoad): void {
  report.format = load.format;
  report.extraColumns = load.extraColumns;
  report.rowsRead = load.rowsRead;
  report.rowsImported = load.rowsImported;
  report.rowsRejected = load.rowsRejected;
}

/**
 * The line indexes and each new source's rollups (from the cube its load accumulated), one step
 * at a time: between steps the host gets its turn, a cancel is noticed, progress is reported
 * ('indexing', then the source's 'done').
 */
async function buildRollupsOf(
  store: Store,
  deps: EngineDeps,
  sourceIds: readonly number[],
  pending: ReadonlyMap<number, Pending>,
  fileCount: number,
  ctx: CallContext,
): Promise<void> {
  if (sourceIds.length === 0) return;
  const step = async (of: Pending | undefined): Promise<void> => {
    await deps.yieldToHost();
    if (ctx.cancelled) throw new EngineError('CANCELLED', 'Import cancelled; nothing was imported.');
    if (of) {
      ctx.emit('progress', {
        requestId: ctx.requestId, file: of.report.file, fileIndex: of.fileIndex, fileCount, phase: 'indexing',
        bytesRead: of.report.sizeBytes, bytesTotal: of.report.sizeBytes, rowsRead: of.report.rowsRead,
      });
    }
  };
  const first = pending.get(sourceIds[0] as number);
  await step(first);
  for (const _ of createLineIndexes(store)) await step(first);
  for (const sourceId of sourceIds) {
    const entry = pending.get(sourceId);
    if (!entry) throw new Error(`no rollups for source ${sourceId}`);
    for (const _ of writeRollups(store, deps.sql, sourceId, entry.cube)) await step(entry);
    entry.done();
  }
}
