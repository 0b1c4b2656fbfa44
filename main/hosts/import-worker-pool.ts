/**
 * What the Node and the browser import workers (node-import-workers.ts, web-import-workers.ts)
 * share. A worker answers in the order it was sent messages, so each thread keeps a queue of the
 * promises still waiting; a thread that fails rejects them all and is dropped, so the next request
 * starts it afresh. Both hosts bundle this module: it uses neither node:* nor the DOM.
 */

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

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The rejection of a request for a worker the pool does not have, or undefined when `index` is one of them. */
export function noSuchWorker(index: number, size: number): Promise<never> | undefined {
  if (Number.isInteger(index) && index >= 0 && index < size) return undefined;
  return Promise.reject(new Error(`no import worker ${index}`));
}

/** Drops a failed thread from its slot (unless it was already replaced), rejects its requests and stops it. */
export function failThread<W>(threads: Array<Thread<W> | undefined>, index: number, thread: Thread<W>, error: Error, stop: (worker: W) => void): void {
  if (threads[index] === thread) threads[index] = undefined;
  for (const pending of thread.pending.splice(0)) pending.reject(error);
  stop(thread.worker);
}

/**
 * Queues a request on `thread` and sends it with `post`; a message that cannot be sent (say, a
 * transfer list that is not transferable) is taken off the queue again, `unqueued` runs, and the
 * promise rejects.
 */
export function enqueue<W>(thread: Thread<W>, post: () => void, unqueued: () => void = () => undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    thread.pending.push({ resolve, reject });
    try {
      post();
    } catch (error) {
      thread.pending.pop();
      unqueued();
      reject(asError(error));
    }
  });
}
