/**
 * The browser host's import workers (EngineDeps.importWorkers): workers nested in the engine's
 * worker, started on first use. Where nested workers are not available, or one fails, requests
 * are rejected and the engine converts in its own thread.
 */
import type { ImportWorkers } from '../engine/index.js';
import { failThread, poolRequest, type Thread as PoolThread } from './import-worker-pool.js';

type Thread = PoolThread<Worker>;

/** One thread less than the machine has (the engine's thread inserts), at most four; null without nested workers. */
export function webImportWorkers(size = Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1))): ImportWorkers | null {
  if (typeof Worker === 'undefined') return null;
  const threads: Array<Thread | undefined> = new Array<Thread | undefined>(size);

  const fail = (index: number, thread: Thread, error: Error): void => failThread(threads, index, thread, error, (worker) => worker.terminate());

  const start = (index: number): Thread => {
    const worker = new Worker(new URL('./import-worker-web.ts', import.meta.url), { type: 'module', name: `import-worker-${index}` });
    const thread: Thread = { worker, pending: [] };
    worker.addEventListener('message', (event: MessageEvent<unknown>) => thread.pending.shift()?.resolve(event.data));
    worker.addEventListener('error', (event: ErrorEvent) => fail(index, thread, new Error(event.message || 'the import worker failed')));
    worker.addEventListener('messageerror', () => fail(index, thread, new Error('a message to the import worker could not be read')));
    return thread;
  };

  return {
    size,
    request: poolRequest(threads, { start, post: (thread, message, transfer) => thread.worker.postMessage(message, transfer) }),
  };
}
