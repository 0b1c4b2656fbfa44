/** What a feature's handler module needs from the engine to build its handlers. */
import type { EngineDeps } from './deps.js';
import type { Store } from './db/store.js';

export interface HandlerEnv {
  /** The current workspace (it changes when a workspace is opened or created). */
  store(): Store;
  deps: EngineDeps;
  /** Runs a job in the engine's one-at-a-time queue. */
  serialised<T>(job: () => Promise<T>): Promise<T>;
}
