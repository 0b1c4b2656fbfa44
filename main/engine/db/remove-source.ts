/** Removes one imported file and everything derived from it, in one transaction. */
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from './store.js';

/** Tables with a `source_id`, the lines last (the rollups are derived from them). */
const DERIVED = ['daily_dim', 'daily_cost', 'daily_resource', 'monthly_resource', 'cost_lines'] as const;

/** Deletes a source's rows; the caller holds the transaction. */
export function deleteSourceRows(store: Store, id: number): void {
  for (const table of DERIVED) store.run(`DELETE FROM ${table} WHERE source_id = ?`, [id]);
  store.run('DELETE FROM sources WHERE id = ?', [id]);
}

export function removeSource(store: Store, id: number): void {
  if (store.scalar('SELECT id FROM sources WHERE id = ?', [id]) === null) {
    throw new EngineError('NOT_FOUND', `There is no imported file number ${id} in this workspace.`);
  }
  store.exec('BEGIN');
  try {
    deleteSourceRows(store, id);
    store.exec('COMMIT');
  } catch (error) {
    store.exec('ROLLBACK');
    throw error;
  }
}
