/**
 * Loads one source with the fastest loader that gives the general loader's result: the byte-level
 * loader with the host's worker threads (large plain CSV files), the byte-level loader in this
 * thread, or the general loader. A loader that gives up part-way (FastPathUnsupported, workers
 * that fail) has its rows rolled back by `rewind` and the next one reads the file from the start.
 */
import { FastPathUnsupported, loadFast, loadFastParallel, PARALLEL_MIN_BYTES, prepareFast, WorkersFailed } from '../fast/fast-load.js';
import type { FileLoad } from './file-load.js';
import type { ImportWorkers } from '../../deps.js';
import type { RecordSource } from '../readers/record-source.js';
import { tap } from '../sources/byte-access.js';
import type { LoadEnv } from './load-env.js';
import { loadRecords } from './record-load.js';
import { SharedRead } from './shared-read.js';

/** How a file was read (for tests and diagnostics). */
export type LoaderName = 'parallel' | 'bytes' | 'records';

export interface LoadOptions {
  /** A new load for a loader (the import reports progress and refusals from the current one). */
  begin(): FileLoad;
  /** Undoes what a loader that gave up wrote (rows, dictionary entries). */
  rewind(): void;
  /** Tests force a loader; by default the fastest applicable one. */
  only?: LoaderName;
  /** Bytes converted at a time by the byte-level loaders (tests use small chunks). */
  chunkBytes?: number;
}

export async function loadSource(env: LoadEnv, options: LoadOptions): Promise<{ load: FileLoad; loader: LoaderName }> {
  const text = env.source.text;
  const shared = text ? new SharedRead(() => text.chunks()) : null;
  try {
    return await loadWith(env, options, shared);
  } finally {
    await shared?.close();
  }
}

function warmUp(workers: ImportWorkers): void {
  for (let worker = 0; worker < workers.size; worker++) void workers.request(worker, { type: 'hello' }, []).catch(() => undefined);
}

/** The general loader's source: its first read continues the shared one. */
function sharedSource(source: RecordSource, shared: SharedRead | null): RecordSource {
  const text = source.text;
  if (!shared || !text) return source;
  let first = true;
  return {
    ...source,
    records: (onBytes, warnings) => {
      if (!first) return source.records(onBytes, warnings);
      first = false;
      return text.records(tap(shared.read(), onBytes), warnings);
    },
  };
}

async function loadWith(env: LoadEnv, options: LoadOptions, shared: SharedRead | null): Promise<{ load: FileLoad; loader: LoaderName }> {
  const workers = env.deps.importWorkers;
  const parallel = options.only === 'parallel' || (options.only === undefined && env.source.size >= PARALLEL_MIN_BYTES);
  // Workers start (load their code) while the file's first bytes are looked at.
  if (workers && parallel && shared) warmUp(workers);
  const prepared = options.only === 'records' || !shared ? null : await prepareFast(env, shared);
  if (prepared && shared) {
    let bytesLoader = true;
    if (workers && parallel) {
      const load = options.begin();
      try {
        await loadFastParallel(env, load, prepared, shared, workers, options.chunkBytes);
        return { load, loader: 'parallel' };
      } catch (error) {
        if (error instanceof WorkersFailed) env.deps.log.warn(`import workers failed (${error.message}); reading ${env.source.name} in one thread`);
        else if (!(error instanceof FastPathUnsupported)) throw error;
        options.rewind();
        bytesLoader = !(error instanceof FastPathUnsupported) || error.parallelOnly;
      }
    }
    if (bytesLoader) {
      const load = options.begin();
      try {
        await loadFast(env, load, prepared, shared, options.chunkBytes);
        return { load, loader: 'bytes' };
      } catch (error) {
        if (!(error instanceof FastPathUnsupported)) throw error;
        options.rewind();
      }
    }
  }
  const load = options.begin();
  await loadRecords({ ...env, source: sharedSource(env.source, shared) }, load);
  return { load, loader: 'records' };
}
