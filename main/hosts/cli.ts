/**
 * The Node host's command line: `cost-council <command> ...`.
 * The engine runs in-process; the workspace file is read at the start and, only when the command
 * succeeds and changed something, written back atomically.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { EngineEvents, EngineEventName } from '../../shared/contract.js';
import type { ImportResult, SourceReport } from '../../shared/model.js';
import { EngineError, type CallContext } from '../../shared/rpc.js';
import { createEngine } from '../engine/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { nodeEngineDeps } from './node-host.js';
import { nodeImportWorkers } from './node-import-workers.js';
import { ALLOCATE_HELP, ALLOCATE_USAGE, allocateCommand } from './cli-allocate.js';
import { FORECAST_HELP, FORECAST_USAGE, forecastCommand } from './cli-forecast.js';
import { ANOMALIES_HELP, ANOMALIES_USAGE, anomaliesCommand } from './cli-anomalies.js';
import { CliUsageError } from './cli-read-workspace.js';

const USAGE = `Usage:
  cost-council import <file>... [--workspace <path>] [--json] [--accept-partial]
                               [--replace-overlapping | --keep-overlapping]
${ALLOCATE_USAGE}
${FORECAST_USAGE}
${ANOMALIES_USAGE}

Commands:
  import   Import billing files (FOCUS 1.0–1.2 CSV) into a workspace, all or nothing.
${ALLOCATE_HELP}
${FORECAST_HELP}
${ANOMALIES_HELP}

Options:
  --workspace <path>   The .costcouncil workspace to add to (created when missing).
                       Left byte-for-byte unchanged when the import fails.
  --json               Print one JSON object with the validation report on stdout.
  --accept-partial     Import the readable rows of files that have rejected rows.
  --replace-overlapping
                       A file covering the same account and period as a file already in
                       the workspace (a re-export) replaces the older file.
  --keep-overlapping   Keep both instead. Without either, such an import is refused.
  --help               Show this help.`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  isTty: boolean;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
};

/** Runs the CLI and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    io.stdout(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  // `cost-council <command> --help` shows the usage (the commands' option parsers would refuse it).
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    if (command === 'import') return await importCommand(rest, io);
    if (command === 'allocate') return await allocateCommand(rest, io);
    if (command === 'forecast') return await forecastCommand(rest, io);
    if (command === 'anomalies') return await anomaliesCommand(rest, io);
    io.stderr(`cost-council: unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`cost-council: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      json: { type: 'boolean', default: false },
      'accept-partial': { type: 'boolean', default: false },
      'replace-overlapping': { type: 'boolean', default: false },
      'keep-overlapping': { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) {
    io.stderr(`cost-council import: name at least one file.\n\n${USAGE}\n`);
    return 2;
  }
  const workspacePath = values.workspace;
  const existing = workspacePath && existsSync(workspacePath) ? await readFile(workspacePath) : undefined;
  // Large CSV files are converted on worker threads while the engine inserts.
  const engine = createEngine(await nodeEngineDeps({ importWorkers: nodeImportWorkers() }), existing ? new Uint8Array(existing) : undefined);
  try {
    const ctx = cliContext(io);
    const result = await engine.handlers.importFiles(
      {
        files: positionals.map((path) => ({ kind: 'path' as const, path })),
        acceptPartial: values['accept-partial'],
        ...(values['replace-overlapping'] ? { overlapping: 'replace' as const } : values['keep-overlapping'] ? { overlapping: 'keep-both' as const } : {}),
      },
      ctx,
    );
    if (values.json) io.stdout(`${JSON.stringify(jsonReport(result))}\n`);
    else io.stdout(textReport(result));
    if (!result.committed) {
      for (const source of result.sources) if (source.status === 'failed' || source.status === 'rejected') io.stderr(`cost-council: ${failureLine(source)}\n`);
      if (result.needsDecision === 'overlapping') {
        for (const source of result.sources) if (source.overlaps) io.stderr(`cost-council: ${source.message ?? ''}\n`);
        io.stderr('cost-council: use --replace-overlapping (the new file replaces the older one) or --keep-overlapping.\n');
      }
      io.stderr('cost-council: nothing was imported' + (workspacePath ? `; ${workspacePath} is unchanged.\n` : '.\n'));
      return 1;
    }
    const changed = result.sources.some((s) => s.status === 'imported' || s.status === 'rejected');
    if (workspacePath && (changed || !existing)) {
      const { bytes } = await engine.handlers.exportWorkspace({}, ctx);
      await writeFileAtomic(workspacePath, bytes);
    }
    return 0;
  } catch (error) {
    if (error instanceof EngineError) {
      io.stderr(`cost-council: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    engine.dispose();
  }
}

function cliContext(io: CliIo): CallContext {
  let cancelled = false;
  process.once('SIGINT', () => {
    cancelled = true;
  });
  return {
    requestId: 1,
    get cancelled() {
      return cancelled;
    },
    emit<E extends EngineEventName>(name: E, payload: EngineEvents[E]) {
      if (name !== 'progress' || !io.isTty) return;
      const p = payload as EngineEvents['progress'];
      const percent = p.bytesTotal > 0 ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 0;
      io.stderr(`\r${p.file}: ${percent}% (${p.rowsRead.toLocaleString('en')} rows)${p.phase === 'done' ? '\n' : ''}`);
    },
  };
}

function failureLine(source: SourceReport): string {
  const first = source.errors.slice(0, 5).map((e) => `  ${e.message}`);
  const more = source.rowsRejected > first.length ? [`  … and ${source.rowsRejected - first.length} more rejected rows`] : [];
  const hint = source.status === 'rejected' ? ['  (use --accept-partial to import the readable rows)'] : [];
  return [source.message ?? `${source.file} was not imported.`, ...first, ...more, ...hint].join('\n');
}

/** The documented `--json` shape (issue #2), plus status, sha256 and message for scripts. */
function jsonReport(result: ImportResult): unknown {
  return {
    committed: result.committed,
    ...(result.needsDecision ? { needsDecision: result.needsDecision } : {}),
    sources: result.sources.map((s) => ({
      file: s.file,
      format: s.format,
      status: s.status,
      sha256: s.sha256,
      rowsRead: s.rowsRead,
      rowsImported: s.rowsImported,
      rowsRejected: s.rowsRejected,
      errors: s.errors,
      warnings: s.warnings,
      totals: s.totals,
      period: s.period,
      ...(s.message ? { message: s.message } : {}),
      ...(s.missingColumns ? { missingColumns: s.missingColumns } : {}),
      ...(s.overlaps ? { overlaps: s.overlaps } : {}),
    })),
  };
}

function textReport(result: ImportResult): string {
  const lines: string[] = [];
  for (const s of result.sources) {
    lines.push(`${s.file}  ${s.format ?? 'unknown format'}  ${s.status}`);
    lines.push(`  rows read ${s.rowsRead}, imported ${s.rowsImported}, rejected ${s.rowsRejected}`);
    for (const [currency, t] of Object.entries(s.totals)) lines.push(`  ${currency}: billed ${t.billedCost}, effective ${t.effectiveCost}`);
    if (s.period) lines.push(`  period ${s.period.start} – ${s.period.end}`);
    for (const warning of s.warnings) lines.push(`  note: ${warning}`);
    if (s.message && s.status !== 'failed' && s.status !== 'rejected') lines.push(`  ${s.message}`);
  }
  return `${lines.join('\n')}\n`;
}
