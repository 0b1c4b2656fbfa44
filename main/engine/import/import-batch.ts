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
import { csvRecords } from './csv-records.js';
import { detectFormat } from './detect-format.js';
import { ExactSum } from './exact-sum.js';
import { FileRefused } from './file-refused.js';
import { planColumns } from './focus-mapping.js';
import { RowConverter } from './row-converter.js';
import { textChunks } from './text-chunks.js';
import { isoFromSeconds, normaliseDecimalText } from './values.js';

const MAX_LISTED_ERRORS = 1000;
const PROGRESS_INTERVAL_MS = 250;
const YIELD_INTERVAL_MS = 100;
const INSERT_SQL = `INSERT INTO cost_lines VALUES (${new Array(COST_COLUMNS.length + 4).fill('?').join(', ')})`;

interface FileOutcome {
  report: SourceReport;
  sourceId: number | null;
}

export async function importBatch(store: Store, deps: EngineDeps, request: ImportRequest, ctx: CallContext): Promise<ImportResult> {
  const reports: SourceReport[] = [];
  const newSourceIds: number[] = [];
  const dictionary = new Dictionary(store);
  store.exec('BEGIN');
  try {
    for (const [fileIndex, ref] of request.files.entries()) {
      const outcome = await importOneFile(store, deps, dictionary, ref, { fileIndex, fileCount: request.files.length }, ctx);
      reports.push(outcome.report);
      if (outcome.sourceId !== null) newSourceIds.push(outcome.sourceId);
    }
    const refused = reports.some((r) => r.status === 'failed' || (r.status === 'rejected' && !request.acceptPartial));
    if (refused) {
      store.exec('ROLLBACK');
      return { committed: false, sources: reports.map(markNotImported) };
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

function emptyReport(name: string, size: number): SourceReport {
  return {
    file: name, format: null, status: 'failed', sha256: null, sizeBytes: size,
    rowsRead: 0, rowsImported: 0, rowsRejected: 0, errors: [], extraColumns: [], totals: {}, period: null,
  };
}

async function importOneFile(
  store: Store,
  deps: EngineDeps,
  dictionary: Dictionary,
  ref: ImportRequest['files'][number],
  position: { fileIndex: number; fileCount: number },
  ctx: CallContext,
): Promise<FileOutcome> {
  let source;
  try {
    source = await deps.openSource(ref);
  } catch (error) {
    const name = ref.kind === 'path' ? ref.path : ref.name;
    return { report: { ...emptyReport(name, 0), message: `${name} cannot be read: ${error instanceof Error ? error.message : String(error)}` }, sourceId: null };
  }
  const report = emptyReport(source.name, source.size);
  const hasher = deps.createHasher();
  let bytesRead = 0;
  let lastProgress = deps.now();
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
    let converter: RowConverter | null = null;
    let billedIndex = -1;
    let effectiveIndex = -1;
    let periodStart = Infinity;
    let periodEnd = -Infinity;
    let recordNumber = 0;
    const errors: RowError[] = [];

    const texts = textChunks(source, (chunk) => {
      hasher.update(chunk);
      bytesRead += chunk.length;
    });
    for await (const records of csvRecords(texts, source.name)) {
      if (deps.now() - lastYield >= YIELD_INTERVAL_MS) {
        await deps.yieldToHost();
        lastYield = deps.now();
      }
      if (ctx.cancelled) throw new EngineError('CANCELLED', 'Import cancelled; nothing was imported.');
      for (const record of records) {
        recordNumber++;
        if (!converter) {
          const detection = detectFormat(record);
          if (!detection.supported || !detection.format) {
            throw new FileRefused(
              detection.format
                ? `${source.name} looks like a ${detection.family}; this version of Cost Council imports FOCUS files only.`
                : `${source.name} is not in a format Cost Council recognises: its header has too few FOCUS columns (found: ${record.slice(0, 8).join(', ')}${record.length > 8 ? ', …' : ''}).`,
            );
          }
          report.format = detection.format;
          const plan = planColumns(record);
          if (plan.missingMandatory.length > 0) {
            throw new FileRefused(
              `${source.name} lacks ${plan.missingMandatory.length} mandatory FOCUS column${plan.missingMandatory.length === 1 ? '' : 's'}: ${plan.missingMandatory.join(', ')}.`,
              plan.missingMandatory,
            );
          }
          report.extraColumns = plan.extras.map((e) => e.name);
          billedIndex = plan.indexOf.get('BilledCost') ?? -1;
          effectiveIndex = plan.indexOf.get('EffectiveCost') ?? -1;
          converter = new RowConverter(plan, dictionary);
          continue;
        }
        if (record.length === 1 && record[0] === '') continue; // blank line
        report.rowsRead++;
        const converted = converter.convert(record, sourceId, recordNumber);
        if (!converted.ok) {
          report.rowsRejected++;
          if (errors.length < MAX_LISTED_ERRORS) errors.push({ row: recordNumber, message: `Row ${recordNumber} ${converted.reason}.` });
          continue;
        }
        insert.run(converted.values);
        report.rowsImported++;
        let sums = totals.get(converted.currency);
        if (!sums) {
          sums = { billed: new ExactSum(), effective: new ExactSum() };
          totals.set(converted.currency, sums);
        }
        sums.billed.add(normaliseDecimalText(record[billedIndex] ?? '') ?? '0');
        sums.effective.add(normaliseDecimalText(record[effectiveIndex] ?? '') ?? '0');
        if (converted.start < periodStart) periodStart = converted.start;
        if (converted.end > periodEnd) periodEnd = converted.end;
      }
      if (deps.now() - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = deps.now();
        progress('reading');
      }
    }
    if (!converter) throw new FileRefused(`${source.name} is empty: it has no header row.`);

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
      return { report: refused, sourceId: null };
    }
    throw error;
  } finally {
    store.exec('RELEASE import_file');
    insert.free();
  }
}
