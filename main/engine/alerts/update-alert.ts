/** Changing an alert or a whole incident: a status along the lifecycle, a comment, an owner; "expected" may teach a pattern. */
import type { Alert, AlertUpdate, IncidentUpdate } from '../../../shared/alerts.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { inTransaction } from '../db/transaction.js';
import { incidentAlerts, readAlert, writeChange } from './alert-store.js';
import { defaultRecurrence, patternFrom, rememberPattern } from './expected-patterns.js';
import { canMove, refusedMove } from './lifecycle.js';

type Change = Omit<AlertUpdate, 'key'>;

/** Writes one alert's change (its own history entry); call inside a transaction, after the checks. */
function applyChange(store: Store, alert: Alert, update: Change, at: string): void {
  const change: Parameters<typeof writeChange>[2] = { from: alert.status, to: update.status ?? alert.status, at };
  if (update.comment !== undefined) change.comment = update.comment;
  if (update.owner !== undefined) change.owner = update.owner === '' ? null : update.owner;
  writeChange(store, alert.key, change);
  // A budget crossing marked expected is planned spend: there is no series pattern to learn.
  if (update.status === 'expected' && alert.kind === 'anomaly') {
    const recurrence = update.remember ?? defaultRecurrence(alert.anomaly);
    if (recurrence !== 'none') rememberPattern(store, patternFrom(alert.key, alert.anomaly, recurrence, update.comment ?? null), at);
  }
}

function refuseRemember(alerts: readonly Alert[], update: Change): void {
  if (update.remember !== undefined && !alerts.some((a) => a.kind === 'anomaly')) {
    throw new EngineError('BAD_REQUEST', 'remember applies to anomaly alerts only: a budget alert marked expected teaches no pattern.');
  }
}

export function updateAlert(store: Store, update: AlertUpdate, at: string): Alert {
  const alert = readAlert(store, update.key);
  if (!alert) throw new EngineError('NOT_FOUND', `There is no alert with the key "${update.key}".`);
  if (update.status !== undefined) {
    const refused = refusedMove(alert.status, update.status);
    if (refused) throw new EngineError('BAD_REQUEST', refused);
  }
  refuseRemember([alert], update);
  inTransaction(store, () => applyChange(store, alert, update, at));
  const changed = readAlert(store, alert.key);
  if (!changed) throw new EngineError('INTERNAL', `The alert "${alert.key}" vanished while it was changed.`);
  return changed;
}

/**
 * The same change for every alert of an incident whose lifecycle allows it (each gets its own
 * history entry); alerts already there or final are left as they are. Refused, changing nothing,
 * when no alert of the incident can make the move. Returns the incident's alerts after the change.
 */
export function updateIncident(store: Store, update: IncidentUpdate, at: string): Alert[] {
  const { incident: named, ...change } = update;
  // A larger series that arrived later takes the lead and the incident's key: a key that was the
  // lead when a dialog opened still names its incident through the alert it belongs to.
  const incident = incidentAlerts(store, named).length > 0 ? named : (readAlert(store, named)?.incident ?? named);
  const members = incidentAlerts(store, incident);
  if (members.length === 0) throw new EngineError('NOT_FOUND', `There is no incident "${named}".`);
  refuseRemember(members, change);
  const status = change.status;
  const targets = status === undefined ? members : members.filter((a) => canMove(a.status, status));
  if (status !== undefined && targets.length === 0) {
    const lead = members[0] as Alert;
    throw new EngineError('BAD_REQUEST', `No alert of this incident can become ${status}: ${refusedMove(lead.status, status) ?? ''}`.trim());
  }
  inTransaction(store, () => {
    for (const alert of targets) applyChange(store, alert, change, at);
  });
  return incidentAlerts(store, incident);
}
