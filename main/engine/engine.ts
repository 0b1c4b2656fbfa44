/**
 * The engine: one handler per method of `EngineApi`, over one in-memory sql.js workspace.
 * Hosts create it with their dependencies and serve it over a port (or call it directly).
 */
import type { EngineHandlers } from '../../shared/rpc.js';
import type { WorkspaceStatus } from '../../shared/model.js';
import type { EngineDeps } from './deps.js';
import { Store } from './db/store.js';
import { importBatch } from './import/import-batch.js';
import { costLines } from './queries/cost-lines.js';
import { overview, tagBreakdown } from './queries/overview.js';
import { listSources } from './queries/sources.js';
import { removeSource } from './db/remove-source.js';
import { listFxRates, setFxRates } from './fx/fx-rates.js';
import * as validate from './validate.js';
import { resetPriceBook, savePriceBookEdits, workspacePriceBook } from './pricing/workspace-price-book.js';
import { previewFile } from './mapping/file-preview.js';
import { forecastHandlers } from './forecast/handlers.js';
import { deleteColumnMapping, readColumnMappings, saveColumnMapping } from './mapping/mapping-store.js';
import { alertHandlers, raiseAlertsAfterImport } from './alerts/handlers.js';
import { budgetHandlers } from './budgets/handlers.js';

export const ENGINE_VERSION = '0.1.0';

export interface Engine {
  handlers: EngineHandlers;
  /** Closes the database. */
  dispose(): void;
  /** The current workspace store, for in-process diagnostics and tests (hosts use the handlers). */
  store(): Store;
}

export function createEngine(deps: EngineDeps, workspace?: Uint8Array): Engine {
  let store = workspace ? Store.open(deps.sql, workspace) : Store.create(deps.sql);
  /**
   * Requests run one at a time: a read never sees an import's uncommitted rows, and an export
   * (which frees sql.js statements) never cuts into an import.
   */
  let queue: Promise<unknown> = Promise.resolve();

  const status = (): WorkspaceStatus => ({
    engineVersion: ENGINE_VERSION,
    sqliteVersion: String(store.scalar('SELECT sqlite_version()')),
    sources: Number(store.scalar('SELECT COUNT(*) FROM sources')),
    costLines: Number(store.scalar('SELECT COUNT(*) FROM cost_lines')),
    databaseBytes: store.sizeBytes(),
  });

  const replace = (next: Store): WorkspaceStatus => {
    store.close();
    store = next;
    return status();
  };

  const serialised = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  const handlers: EngineHandlers = {
    status: () => serialised(async () => status()),
    importFiles: (arg, ctx) => serialised(async () => raiseAlertsAfterImport(store, deps, ctx, await importBatch(store, deps, validate.importRequest(arg), ctx))),
    listSources: () => serialised(async () => listSources(store)),
    removeSource: (arg, ctx) =>
      serialised(async () => {
        removeSource(store, validate.sourceId(arg));
        ctx.emit('dataChanged', { tables: ['cost_lines', 'sources'] });
        return status();
      }),
    overview: (arg) => serialised(async () => overview(store, validate.overviewQuery(arg))),
    fxRates: () => serialised(async () => listFxRates(store)),
    setFxRates: (arg, ctx) =>
      serialised(async () => {
        const rates = setFxRates(store, validate.fxRates(arg));
        ctx.emit('dataChanged', { tables: ['fx_rates'] });
        return rates;
      }),
    tagBreakdown: (arg) => serialised(async () => tagBreakdown(store, validate.tagBreakdownQuery(arg))),
    costLines: (arg) => serialised(async () => costLines(store, validate.costLineQuery(arg))),
    exportWorkspace: () => serialised(async () => ({ bytes: store.export() })),
    openWorkspace: (arg, ctx) =>
      serialised(async () => {
        const result = replace(Store.open(deps.sql, validate.workspaceBytes(arg).bytes));
        ctx.emit('dataChanged', { tables: ['workspace'] });
        return result;
      }),
    newWorkspace: (_arg, ctx) =>
      serialised(async () => {
        const result = replace(Store.create(deps.sql));
        ctx.emit('dataChanged', { tables: ['workspace'] });
        return result;
      }),
    previewFile: (arg) => serialised(() => previewFile(store, deps, validate.filePreviewRequest(arg))),
    listColumnMappings: () => serialised(async () => readColumnMappings(store)),
    saveColumnMapping: (arg) => serialised(async () => saveColumnMapping(store, validate.columnMapping(arg), new Date(deps.now()).toISOString())),
    deleteColumnMapping: (arg) => serialised(async () => deleteColumnMapping(store, validate.mappingFormat(arg))),
    // The price book.
    priceBook: () => serialised(async () => workspacePriceBook(store).view),
    savePriceBook: (arg, ctx) =>
      serialised(async () => {
        const book = savePriceBookEdits(store, validate.priceBookEdits(arg));
        ctx.emit('dataChanged', { tables: ['price_book'] });
        return book;
      }),
    resetPriceBook: (_arg, ctx) =>
      serialised(async () => {
        const book = resetPriceBook(store);
        ctx.emit('dataChanged', { tables: ['price_book'] });
        return book;
      }),
    ...forecastHandlers(() => store, serialised),
    ...alertHandlers({ store: () => store, deps, serialised }),
    ...budgetHandlers({ store: () => store, deps, serialised }),
  };
  return { handlers, dispose: () => store.close(), store: () => store };
}
