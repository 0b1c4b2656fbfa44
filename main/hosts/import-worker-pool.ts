/**
 * What the Node and the browser import workers (node-import-workers.ts, web-import-workers.ts)
 * share. A worker answers in the order it was sent messages, so each thread keeps a queue of the
 * promises still waiting; a thread that fails rejects them all and is dropped, so the next request
 * starts it afresh. Both hosts bundle this module: it uses neither node:* nor the DOM.
 */
import type { ImportWorkers } from '../engine/index.js';

/** A request waiting for its worker's reply. */
export interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A started worker and its requests, oldest first. */
export interface Thread<W> {
  worker: W;
  pending: Pending[];
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Drops a failed thread from its slot (unless it was already replaced), rejects its requests and stops it. */
export function failThread<W>(threads: Array<Thread<W> | undefined>, index: number, thread: Thread<W>, error: Error, stop: (worker: W) => void): void {
  if (threads[index] === thread) threads[index] = undefined;
  for (const pending of thread.pending.splice(0)) pending.reject(error);
  stop(thread.worker);
}

/** How a host starts a worker and sends it a message. */
export interface PoolHost<W> {
  start(index: number): Thread<W>;
  post(thread: Thread<W>, message: unknown, transfer: ArrayBuffer[]): void;
  /** After a message that could not be sent was taken off the queue again. */
  unqueued?(thread: Thread<W>): void;
}

/**
 * `ImportWorkers.request` over the slots `threads` (one a worker): refuses a worker the pool does
 * not have, starts one on first use, queues the request and sends it. A worker that cannot be
 * started, or a message that cannot be sent (say, a transfer list that is not transferable),
 * rejects the request rather than throwing, as the contract says.
 */
export function poolRequest<W>(threads: Array<Thread<W> | undefined>, host: PoolHost<W>): ImportWorkers['request'] {
  return (index, message, transfer) => {
    if (!Number.isInteger(index) || index < 0 || index >= threads.length) return Promise.reject(new Error(`no import worker ${index}`));
    let thread: Thread<W>;
    try {
      thread = threads[index] ??= host.start(index);
    } catch (error) {
      return Promise.reject(asError(error));
    }
    return new Promise((resolve, reject) => {
      thread.pending.push({ resolve, reject });
      try {
        host.post(thread, message, transfer);
      } catch (error) {
        thread.pending.pop();
        host.unqueued?.(thread);
        reject(asError(error));
      }
    });
  };
}
