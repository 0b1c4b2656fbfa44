/** Changing an alert: a status along the lifecycle, a comment, an owner; "expected" may teach a pattern. */
import type { Alert, AlertUpdate } from '../../../shared/alerts.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { inTransaction } from '../db/transaction.js';
import { readAlert, writeChange } from './alert-store.js';
import { defaultRecurrence, patternFrom, rememberPattern } from './expected-patterns.js';
import { refusedMove } from './lifecycle.js';

export function updateAlert(store: Store, update: AlertUpdate, at: string): Alert {
  const alert = readAlert(store, update.key);
  if (!alert) throw new EngineError('NOT_FOUND', `There is no alert with the key "${update.key}".`);
  if (update.status !== undefined) {
    const refused = refusedMove(alert.status, update.status);
    if (refused) throw new EngineError('BAD_REQUEST', refused);
  }
  inTransaction(store, () => {
    const change: Parameters<typeof writeChange>[2] = { from: alert.status, to: update.status ?? alert.status, at };
    if (update.comment !== undefined) change.comment = update.comment;
    if (update.owner !== undefined) change.owner = update.owner === '' ? null : update.owner;
    writeChange(store, alert.key, change);
    if (update.status === 'expected') {
      const recurrence = update.remember ?? defaultRecurrence(alert.anomaly);
      if (recurrence !== 'none') rememberPattern(store, patternFrom(alert.key, alert.anomaly, recurrence, update.comment ?? null), at);
    }
  });
  const changed = readAlert(store, alert.key);
  if (!changed) throw new EngineError('INTERNAL', `The alert "${alert.key}" vanished while it was changed.`);
  return changed;
}
