/**
 * Imports a batch of files in one transaction. Each file streams through
 * bytes → text → CSV records → validated rows → `cost_lines`, with its SHA-256, exact totals and
 * a validation report. Any refused file, any rejected row (unless accepted), a cancel or an error:
 * the whole batch is rolled back and the workspace is as it was.
 */
import type { ImportRequest, ImportResult, RowError, SourceReport } from '../../../shared/model.js';
import { EngineError, type CallContext } from '../../../shared/rpc.js';
import type { EngineDeps } from '../deps.js';
import { Dictionary } from '../db/dictionary.js';
import { buildRollups } from '../db/rollups.js';
import type { Store } from '../db/store.js';
import { COST_COLUMNS } from '../db/cost-columns.js';
import { ExactSum } from './exact-sum.js';
import { FileRefused } from './file-refused.js';
import { columnPosition } from './formats/canonical-line.js';
import type { RecordMapper } from './formats/format-adapter.js';
import { chooseFormat } from './formats/registry.js';
import { findOverlaps } from './overlaps.js';
import { deleteSourceRows } from '../db/remove-source.js';
import { workspaceFormats, type WorkspaceFormats } from './formats/workspace-formats.js';
import type { RecordSource } from './readers/record-source.js';
import { SourceReading } from './readers/source-reading.js';
import { RowConverter } from './row-converter.js';
import { expandSource } from './sources/expand.js';
import { isoFromSeconds, normaliseDecimalText } from './values.js';

const MAX_LISTED_ERRORS = 1000;
const PROGRESS_INTERVAL_MS = 250;
const YIELD_INTERVAL_MS = 100;
const INSERT_SQL = `INSERT INTO cost_lines VALUES (${new Array(COST_COLUMNS.length + 4).fill('?').join(', ')})`;
const BILLED = columnPosition('BilledCost');
const EFFECTIVE = columnPosition('EffectiveCost');

interface FileOutcome {
  report: SourceReport;
  sourceId: number | null;
}

export async function importBatch(store: Store, deps: EngineDeps, request: ImportRequest, ctx: CallContext): Promise<ImportResult> {
  const reports: SourceReport[] = [];
  const newSourceIds: number[] = [];
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
          : await importOneFile(store, deps, dictionary, formats, expanded.source, { fileIndex, fileCount: request.files.length }, ctx);
        reports.push(outcome.report);
        if (outcome.sourceId !== null) {
          newSourceIds.push(outcome.sourceId);
          reportOfSource.set(outcome.sourceId, outcome.report);
        }
      }
    }
    const refused = reports.some((r) => r.status === 'failed' || (r.status === 'rejected' && !request.acceptPartial));
    if (refused) {
      store.exec('ROLLBACK');
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
        return { committed: false, needsDecision: 'overlapping', sources: reports.map(heldForDecision) };
      }
      if (request.overlapping === 'replace') {
        const older = new Set([...overlaps.values()].flat().map((o) => o.sourceId));
        for (const id of older) deleteSourceRows(store, id);
      }
    }
    buildRollups(store, newSourceIds);
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

/**
 * Rows with fewer fields than the header. Exports often leave the trailing empty cells out (a
 * header with one column more than every row, as some CUR files have): such rows are read with the
 * missing trailing cells empty, and the report says so. A truncated file has only its LAST record
 * short, with a length no other row has: that one is rejected. So a short row is held until the
 * next record arrives, and the last one is judged against the lengths of the others.
 */
class ShortRows {
  width = 0;
  private heldRecord: { record: readonly string[]; row: number } | null = null;
  private readonly lengths = new Map<number, number>();
  private padded_ = 0;

  hold(record: readonly string[], row: number): void {
    this.heldRecord = { record, row };
  }

  /** The held short row, now known not to be the file's last record. */
  release(): { record: readonly string[]; row: number } | null {
    const held = this.heldRecord;
    this.heldRecord = null;
    return held;
  }

  padded(record: readonly string[]): string[] {
    this.lengths.set(record.length, (this.lengths.get(record.length) ?? 0) + 1);
    this.padded_++;
    return [...record, ...new Array<string>(this.width - record.length).fill('')];
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

/** Nothing was imported because the user must first decide about overlapping files. */
function heldForDecision(report: SourceReport): SourceReport {
  if (report.status !== 'imported' && report.status !== 'rejected') return report;
  const message = report.overlaps
    ? `Not imported yet: ${report.file} covers the same account and period as ${report.overlaps.map((o) => o.file).join(', ')}, already in the workspace. Replace the older file, or keep both.`
    : 'Not imported yet: another file of this import overlaps a file already in the workspace.';
  return { ...report, status: 'not-imported', rowsImported: 0, message };
}

/** Trailing empty fields beyond the header (a trailing delimiter) do not make a record malformed. */
function onlyEmptyBeyond(record: readonly string[], width: number): boolean {
  if (record.length < width) return false;
  for (let i = width; i < record.length; i++) if ((record[i] ?? '').trim() !== '') return false;
  return true;
}

function emptyReport(name: string, size: number): SourceReport {
  return {
    file: name, format: null, status: 'failed', sha256: null, sizeBytes: size,
    rowsRead: 0, rowsImported: 0, rowsRejected: 0, errors: [], extraColumns: [], warnings: [], totals: {}, period: null,
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
): Promise<FileOutcome> {
  const report = emptyReport(source.name, source.size);
  const hasher = deps.createHasher();
  let bytesRead = 0;
  let lastProgress = deps.monotonicMs();
  let lastYield = lastProgress;
  const progress = (phase: 'reading' | 'done'): void => {
    ctx.emit('progress', {
      requestId: ctx.requestId, file: source.name, ...position, phase,
      bytesRead, bytesTotal: source.size, rowsRead: report.rowsRead,
    });
  };

  store.exec('SAVEPOINT import_file');
  const dictionaryCheckpoint = dictionary.checkpoint();
  const insert = store.db.prepare(INSERT_SQL);
  try {
    const sourceId = Number(store.scalar('SELECT COALESCE(MAX(id), 0) + 1 FROM sources'));
    const totals = new Map<string, { billed: ExactSum; effective: ExactSum }>();
    const onBytes = (chunk: Uint8Array): void => {
      hasher.update(chunk);
      bytesRead += chunk.length;
    };
    // A day/month pre-pass (readers/date-order.ts) may read the whole file once more: keep the host responsive.
    const pause = async (): Promise<void> => {
      if (deps.monotonicMs() - lastYield >= YIELD_INTERVAL_MS) {
        await deps.yieldToHost();
        lastYield = deps.monotonicMs();
      }
      if (ctx.cancelled) throw new EngineError('CANCELLED', 'Import cancelled; nothing was imported.');
    };
    const reading = new SourceReading(source, onBytes, pause);
    const converter = new RowConverter(dictionary, reading.dates);
    let mapper: RecordMapper | null = null;
    let width = 0;
    let periodStart = Infinity;
    let periodEnd = -Infinity;
    let recordNumber = 0;
    const errors: RowError[] = [];
    let recordNumberOfReject = 0;
    const reject = (reason: string): void => {
      report.rowsRejected++;
      if (errors.length < MAX_LISTED_ERRORS) errors.push({ row: recordNumberOfReject, message: `Row ${recordNumberOfReject} ${reason}.` });
    };

    /** Maps, converts and stores one record (of the header's width). */
    const store_ = (record: readonly string[], rowNumber: number, activeMapper: RecordMapper): void => {
      recordNumberOfReject = rowNumber;
      const lines = activeMapper.map(record);
      if (typeof lines === 'string') {
        reject(lines);
        return;
      }
      const converted = lines.map((line) => converter.convert(line, sourceId, rowNumber));
      const failure = converted.find((c) => !c.ok);
      if (failure && !failure.ok) {
        reject(failure.reason);
        return;
      }
      report.rowsImported++;
      converted.forEach((c, i) => {
        if (!c.ok) return;
        insert.run(c.values);
        let sums = totals.get(c.currency);
        if (!sums) {
          sums = { billed: new ExactSum(), effective: new ExactSum() };
          totals.set(c.currency, sums);
        }
        const line = lines[i];
        sums.billed.add(normaliseDecimalText(line?.values[BILLED] ?? '') ?? '0');
        sums.effective.add(normaliseDecimalText(line?.values[EFFECTIVE] ?? '') ?? '0');
        if (c.start < periodStart) periodStart = c.start;
        if (c.end > periodEnd) periodEnd = c.end;
      });
    };
    const shortRows = new ShortRows();

    for await (const records of reading.batches()) {
      if (deps.monotonicMs() - lastYield >= YIELD_INTERVAL_MS) {
        await deps.yieldToHost();
        lastYield = deps.monotonicMs();
      }
      if (ctx.cancelled) throw new EngineError('CANCELLED', 'Import cancelled; nothing was imported.');
      for (const record of records) {
        recordNumber++;
        if (!mapper) {
          const chosen = chooseFormat(record, source.name, formats.adapters);
          report.format = chosen.format;
          mapper = chosen.adapter.mapper(record, { dates: reading.dates });
          report.extraColumns = [...mapper.extraColumns];
          width = record.length;
          shortRows.width = width;
          continue;
        }
        if (record.length === 1 && record[0] === '') continue; // blank line
        report.rowsRead++;
        const held = shortRows.release();
        if (held) store_(shortRows.padded(held.record), held.row, mapper);
        if (record.length > width && !onlyEmptyBeyond(record, width)) {
          recordNumberOfReject = recordNumber;
          reject(`has ${record.length} fields; the header has ${width} (a misquoted line or a stray delimiter)`);
        } else if (record.length < width) {
          // Held until the next record shows it is not the file's last (see ShortRows).
          shortRows.hold(record, recordNumber);
        } else {
          store_(record, recordNumber, mapper);
        }
      }
      if (deps.monotonicMs() - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = deps.monotonicMs();
        progress('reading');
      }
    }
    const last = shortRows.release();
    if (last && mapper) {
      if (shortRows.isTypical(last.record.length)) {
        store_(shortRows.padded(last.record), last.row, mapper);
      } else {
        recordNumberOfReject = last.row;
        reject(`has ${last.record.length} fields; the header has ${width} (the file is cut short: its last line is incomplete)`);
      }
    }
    const shortWarning = shortRows.warning();
    if (shortWarning) reading.warnings.push(shortWarning);
    if (!mapper) throw new FileRefused(`${source.name} is empty: it has no header row.`);

    report.warnings = [...reading.warnings, ...(mapper.warnings?.() ?? [])];
    report.sha256 = hasher.digest();
    report.errors = errors;
    report.totals = Object.fromEntries(
      [...totals].map(([currency, sums]) => [currency, { billedCost: sums.billed.toDecimal(), effectiveCost: sums.effective.toDecimal() }]),
    );
    report.period = report.rowsImported > 0 ? { start: isoFromSeconds(periodStart), end: isoFromSeconds(periodEnd) } : null;
    progress('done');

    const existing = store.scalar('SELECT file_name FROM sources WHERE sha256 = ?', [report.sha256]);
    if (existing !== null) {
      store.exec('ROLLBACK TO import_file');
      dictionary.rollbackTo(dictionaryCheckpoint);
      return { report: { ...report, status: 'duplicate', rowsImported: 0, message: `${source.name} is already in the workspace (same content as ${String(existing)}); it was not imported again.` }, sourceId: null };
    }
    report.status = report.rowsRejected > 0 ? 'rejected' : 'imported';
    if (report.rowsRejected > 0) {
      report.message = `${report.rowsRejected} of ${report.rowsRead} rows of ${source.name} cannot be read.`;
    }
    store.run(
      `INSERT INTO sources (id, file_name, sha256, format, size_bytes, imported_at, row_count, rows_rejected, columns, extra_columns, totals, period_start, period_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        sourceId, source.name, report.sha256, report.format ?? 'unknown', bytesRead, new Date(deps.now()).toISOString(),
        report.rowsImported, report.rowsRejected, JSON.stringify(COST_COLUMNS.map((c) => c.name)), JSON.stringify(report.extraColumns),
        JSON.stringify(report.totals), report.period?.start ?? null, report.period?.end ?? null,
      ],
    );
    report.sizeBytes = bytesRead;
    return { report, sourceId };
  } catch (error) {
    store.exec('ROLLBACK TO import_file');
    dictionary.rollbackTo(dictionaryCheckpoint);
    if (error instanceof FileRefused) {
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
    insert.free();
  }
}
