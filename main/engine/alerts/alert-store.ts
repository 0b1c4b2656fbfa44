/** Alerts and their history in the workspace (tables `alerts`, `alert_history`). */
import { ALERT_STATUSES, type Alert, type AlertStatus, type AlertTransition } from '../../../shared/alerts.js';
import type { Anomaly } from '../../../shared/forecast.js';
import type { Store } from '../db/store.js';
import { seriesKeyOf } from './expected-patterns.js';

type AlertRow = {
  key: string;
  status: string;
  anomaly: string;
  title: string;
  owner: string | null;
  comment: string | null;
  raised_at: string;
  updated_at: string;
  suppressed_by: number | null;
};

type HistoryRow = {
  alert_key: string;
  at: string;
  from_status: string | null;
  to_status: string;
  comment: string | null;
  owner: string | null;
};

function isStatus(value: unknown): value is AlertStatus {
  return typeof value === 'string' && (ALERT_STATUSES as readonly string[]).includes(value);
}

/** The fields an alert relies on; a workspace may come from anyone. */
function parseAnomaly(text: string): Anomaly | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const r = value as Record<string, unknown>;
    const ok = typeof r.key === 'string' && typeof r.day === 'string' && typeof r.currency === 'string' && typeof r.impact === 'number'
      && (r.direction === 'spike' || r.direction === 'drop') && typeof r.series === 'object' && r.series !== null && Array.isArray(r.rootCauses);
    return ok ? (value as Anomaly) : null;
  } catch {
    return null;
  }
}

function transitionOf(row: HistoryRow): AlertTransition | null {
  if (!isStatus(row.to_status) || (row.from_status !== null && !isStatus(row.from_status))) return null;
  return { at: row.at, from: row.from_status, to: row.to_status, comment: row.comment, owner: row.owner };
}

function alertsOfRows(store: Store, rows: AlertRow[]): Alert[] {
  if (rows.length === 0) return [];
  const history = new Map<string, AlertTransition[]>();
  const historyRows = store.all<HistoryRow>(
    'SELECT alert_key, at, from_status, to_status, comment, owner FROM alert_history WHERE alert_key IN (SELECT value FROM json_each(?)) ORDER BY alert_key, seq',
    [JSON.stringify(rows.map((row) => row.key))],
  );
  for (const row of historyRows) {
    const transition = transitionOf(row);
    if (!transition) continue;
    const list = history.get(row.alert_key) ?? [];
    list.push(transition);
    history.set(row.alert_key, list);
  }
  const alerts: Alert[] = [];
  for (const row of rows) {
    const anomaly = parseAnomaly(row.anomaly);
    if (!anomaly || !isStatus(row.status)) continue;
    alerts.push({
      key: row.key,
      status: row.status,
      anomaly,
      title: row.title,
      owner: row.owner,
      comment: row.comment,
      raisedAt: row.raised_at,
      updatedAt: row.updated_at,
      suppressedBy: row.suppressed_by,
      history: history.get(row.key) ?? [],
    });
  }
  return alerts;
}

const SELECT_ALERT = 'SELECT key, status, anomaly, title, owner, comment, raised_at, updated_at, suppressed_by FROM alerts';

export function readAlert(store: Store, key: string): Alert | null {
  return alertsOfRows(store, store.all<AlertRow>(`${SELECT_ALERT} WHERE key = ?`, [key]))[0] ?? null;
}

/** Alerts of the given statuses (all when null), newest anomaly day first, then largest |impact|. */
export function queryAlerts(store: Store, statuses: readonly AlertStatus[] | null, limit: number): Alert[] {
  const where = statuses ? 'WHERE status IN (SELECT value FROM json_each(?))' : '';
  const params = statuses ? [JSON.stringify(statuses), limit] : [limit];
  return alertsOfRows(store, store.all<AlertRow>(`${SELECT_ALERT} ${where} ORDER BY day DESC, ABS(impact) DESC, key LIMIT ?`, params));
}

export function alertCounts(store: Store): Record<AlertStatus, number> {
  const counts: Record<AlertStatus, number> = { new: 0, acknowledged: 0, resolved: 0, expected: 0 };
  for (const row of store.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM alerts GROUP BY status')) {
    if (isStatus(row.status)) counts[row.status] = row.n;
  }
  return counts;
}

/** Which of these keys already have an alert. */
export function knownKeys(store: Store, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const rows = store.all<{ key: string }>('SELECT key FROM alerts WHERE key IN (SELECT value FROM json_each(?))', [JSON.stringify(keys)]);
  return new Set(rows.map((row) => row.key));
}

function appendHistory(store: Store, key: string, transition: AlertTransition): void {
  store.run(
    `INSERT INTO alert_history (alert_key, seq, at, from_status, to_status, comment, owner)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM alert_history WHERE alert_key = ?), ?, ?, ?, ?, ?)`,
    [key, key, transition.at, transition.from, transition.to, transition.comment, transition.owner],
  );
}

export interface NewAlert {
  anomaly: Anomaly;
  title: string;
  status: 'new' | 'expected';
  at: string;
  suppressedBy: number | null;
  /** The creation's comment (e.g. which pattern suppressed it). */
  comment: string | null;
}

export function insertAlert(store: Store, alert: NewAlert): void {
  const { anomaly } = alert;
  store.run(
    `INSERT INTO alerts (key, status, series_key, day, impact, anomaly, title, owner, comment, raised_at, updated_at, suppressed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
    [anomaly.key, alert.status, seriesKeyOf(anomaly), anomaly.day, anomaly.impact, JSON.stringify(anomaly), alert.title, alert.at, alert.at, alert.suppressedBy],
  );
  appendHistory(store, anomaly.key, { at: alert.at, from: null, to: alert.status, comment: alert.comment, owner: null });
}

/** Records a change: the new status, the latest comment and owner (unchanged when left out; null clears the owner). */
export function writeChange(store: Store, key: string, change: { from: AlertStatus; to: AlertStatus; at: string; comment?: string; owner?: string | null }): void {
  const sets = ['status = ?', 'updated_at = ?'];
  const params: Array<string | null> = [change.to, change.at];
  if (change.comment !== undefined) {
    sets.push('comment = ?');
    params.push(change.comment);
  }
  if (change.owner !== undefined) {
    sets.push('owner = ?');
    params.push(change.owner);
  }
  store.run(`UPDATE alerts SET ${sets.join(', ')} WHERE key = ?`, [...params, key]);
  const owner = store.scalar('SELECT owner FROM alerts WHERE key = ?', [key]);
  appendHistory(store, key, { at: change.at, from: change.from, to: change.to, comment: change.comment ?? null, owner: typeof owner === 'string' ? owner : null });
}
