/** Runs `job` in a transaction: committed when it returns, rolled back (nothing changed) when it throws. */
import type { Store } from './store.js';

export function inTransaction<T>(store: Store, job: () => T): T {
  store.exec('BEGIN');
  try {
    const result = job();
    store.exec('COMMIT');
    return result;
  } catch (error) {
    store.exec('ROLLBACK');
    throw error;
  }
}
