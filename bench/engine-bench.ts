/**
 * One benchmark run of the real engine, in-process with the Node host's dependencies: import a
 * file end to end, then time the overview screen's queries. Run in a fresh process per file
 * (see run.ts): sql.js's WebAssembly memory never shrinks, so a second run in the same process
 * would report the first one's peak.
 */
import { stat } from 'node:fs/promises';
import { createEngine } from '../main/engine/index.js';
import { nodeEngineDeps } from '../main/hosts/node-host.js';
import { defaultImportWorkerCount, nodeImportWorkers } from '../main/hosts/node-import-workers.js';
import { inProcessContext } from '../scripts/demo/engine-context.js';
import { measureLatency, type Latency } from './latency.js';
import { startRssSampler } from './rss-sampler.js';
import { benchAttribution, type AttributionFigures } from './attribution-bench.js';

export const QUERY_NAMES = ['overview', 'tagBreakdown', 'costLines', 'listSources'] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

export interface EngineFigures {
  rows: number;
  /** Seconds until the lines were loaded (the file read, converted, inserted: the first 'indexing' progress). */
  loadSeconds: number;
  /** Import worker threads used. */
  workers: number;
  fileBytes: number;
  importSeconds: number;
  /** RSS of the fresh process before the import (Node, tsx, sql.js loaded). */
  startRssBytes: number;
  /** Peak RSS from the start until the import returned. */
  importPeakRssBytes: number;
  databaseBytes: number;
  queries: Record<QueryName, Latency>;
  attribution: AttributionFigures;
}

/** `workers`: import worker threads (0: none; null: the Node host's default for this machine). */
export async function benchEngine(path: string, runs: number, workers: number | null = null): Promise<EngineFigures> {
  const fileBytes = (await stat(path)).size;
  const count = workers ?? defaultImportWorkerCount();
  const deps = await nodeEngineDeps(count > 0 ? { importWorkers: nodeImportWorkers(count) } : {});
  const engine = createEngine(deps);
  const startRssBytes = process.memoryUsage().rss;
  const sampler = startRssSampler();
  let loadedAt = NaN;
  const ctx = {
    ...inProcessContext(),
    emit: (name: string, payload: unknown) => {
      if (name === 'progress' && (payload as { phase?: string }).phase === 'indexing' && Number.isNaN(loadedAt)) loadedAt = performance.now();
    },
  } as ReturnType<typeof inProcessContext>;
  try {
    const start = performance.now();
    const result = await engine.handlers.importFiles({ files: [{ kind: 'path', path }] }, ctx);
    const importSeconds = (performance.now() - start) / 1000;
    const importPeakRssBytes = sampler.stop();
    const report = result.sources[0];
    if (!result.committed || !report || report.rowsRejected > 0) {
      throw new Error(`import failed: ${report?.message ?? 'no report'} ${JSON.stringify(report?.errors.slice(0, 3) ?? [])}`);
    }
    const status = await engine.handlers.status({}, ctx);
    const calls: Record<QueryName, () => Promise<unknown>> = {
      overview: () => engine.handlers.overview({}, ctx),
      tagBreakdown: () => engine.handlers.tagBreakdown({ key: 'team' }, ctx),
      costLines: () => engine.handlers.costLines({ limit: 100 }, ctx),
      listSources: () => engine.handlers.listSources({}, ctx),
    };
    const queries = {} as Record<QueryName, Latency>;
    for (const name of QUERY_NAMES) queries[name] = await measureLatency(calls[name], runs);
    const attribution = await benchAttribution(engine.handlers, () => engine.store(), ctx, Math.min(runs, 10));
    return {
      rows: report.rowsImported, workers: deps.importWorkers?.size ?? 0, loadSeconds: (loadedAt - start) / 1000, fileBytes, importSeconds, startRssBytes, importPeakRssBytes,
      databaseBytes: status.databaseBytes, queries, attribution,
    };
  } finally {
    sampler.stop();
    engine.dispose();
  }
}
