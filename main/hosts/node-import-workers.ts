/**
 * The Node host's import workers (EngineDeps.importWorkers): worker_threads running the engine's
 * import worker, started on first use and kept for later files. A worker holds the process open
 * only while it has requests; a worker that fails rejects its requests (the engine then reads the
 * file in its own thread) and is started afresh on the next request.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ImportWorkers } from '../engine/index.js';
import { failThread, poolRequest, type Thread as PoolThread } from './import-worker-pool.js';

const ENTRY = new URL('./import-worker-thread.mjs', import.meta.url);

/** One thread less than the machine has: the engine's thread inserts while the workers convert. */
export function defaultImportWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

type Thread = PoolThread<Worker>;

export interface NodeImportWorkers extends ImportWorkers {
  /** Stops the threads (they are started again on the next request). */
  terminate(): Promise<void>;
}

export function nodeImportWorkers(size = defaultImportWorkerCount(), entry: URL = ENTRY): NodeImportWorkers {
  const threads: Array<Thread | undefined> = new Array<Thread | undefined>(size);

  const fail = (index: number, thread: Thread, error: Error): void => failThread(threads, index, thread, error, (worker) => void worker.terminate());

  const start = (index: number): Thread => {
    const worker = new Worker(entry);
    worker.unref();
    const thread: Thread = { worker, pending: [] };
    worker.on('message', (reply: unknown) => {
      thread.pending.shift()?.resolve(reply);
      if (thread.pending.length === 0) worker.unref();
    });
    worker.on('error', (error) => fail(index, thread, error));
    worker.on('exit', (code) => fail(index, thread, new Error(`import worker ${index} exited (${code})`)));
    return thread;
  };

  return {
    size,
    // A worker holds the process open only while it has requests.
    request: poolRequest(threads, {
      start,
      post: (thread, message, transfer) => {
        thread.worker.ref();
        thread.worker.postMessage(message, transfer);
      },
      unqueued: (thread) => {
        if (thread.pending.length === 0) thread.worker.unref();
      },
    }),
    async terminate() {
      const running = threads.splice(0, size, ...new Array<Thread | undefined>(size)).filter((t): t is Thread => t !== undefined);
      await Promise.all(running.map((t) => t.worker.terminate()));
    },
  };
}
