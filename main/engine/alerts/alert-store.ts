/**
 * Alerts and their history in the workspace (tables `alerts`, `alert_history`). The `anomaly`
 * column holds the alert's subject as JSON: the anomaly, or a budget alert's crossing.
 */
import { ALERT_STATUSES, type Alert, type AlertKind, type AlertStatus, type AlertTransition, type BudgetCrossing } from '../../../shared/alerts.js';
import type { Anomaly } from '../../../shared/forecast.js';
import type { Store } from '../db/store.js';
import { seriesKeyOf } from './expected-patterns.js';

type AlertRow = {
  key: string;
  kind: string;
  incident: string | null;
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

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The fields an alert relies on; a workspace may come from anyone. */
function parseAnomaly(text: string): Anomaly | null {
  const r = parseObject(text);
  if (!r) return null;
  const ok = typeof r.key === 'string' && typeof r.day === 'string' && typeof r.currency === 'string' && typeof r.impact === 'number'
    && (r.direction === 'spike' || r.direction === 'drop') && typeof r.series === 'object' && r.series !== null && Array.isArray(r.rootCauses);
  return ok ? (r as unknown as Anomaly) : null;
}

function parseCrossing(text: string): BudgetCrossing | null {
  const r = parseObject(text);
  if (!r) return null;
  const numbers = ['budgetId', 'threshold', 'amount', 'value', 'percent'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
  const texts = ['budgetName', 'currency', 'period', 'periodStart', 'periodEnd', 'asOf'].every((k) => typeof r[k] === 'string');
  const ok = numbers && texts && (r.basis === 'actual' || r.basis === 'forecast') && typeof r.node === 'object' && r.node !== null
    && (r.breachProbability === null || typeof r.breachProbability === 'number');
  return ok ? (r as unknown as BudgetCrossing) : null;
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
    if (!isStatus(row.status)) continue;
    const common = {
      key: row.key,
      status: row.status,
      incident: row.incident ?? row.key,
      title: row.title,
      owner: row.owner,
      comment: row.comment,
      raisedAt: row.raised_at,
      updatedAt: row.updated_at,
      suppressedBy: row.suppressed_by,
      history: history.get(row.key) ?? [],
    };
    if (row.kind === 'budget') {
      const budget = parseCrossing(row.anomaly);
      if (budget) alerts.push({ ...common, kind: 'budget', budget });
    } else if (row.kind === 'anomaly') {
      const anomaly = parseAnomaly(row.anomaly);
      if (anomaly) alerts.push({ ...common, kind: 'anomaly', anomaly });
    }
  }
  return alerts;
}

const COLUMNS = 'key, kind, incident, status, anomaly, title, owner, comment, raised_at, updated_at, suppressed_by';
const SELECT_ALERT = `SELECT ${COLUMNS} FROM alerts`;

export function readAlert(store: Store, key: string): Alert | null {
  return alertsOfRows(store, store.all<AlertRow>(`${SELECT_ALERT} WHERE key = ?`, [key]))[0] ?? null;
}

export interface AlertFilter {
  /** Null: every status. */
  statuses: readonly AlertStatus[] | null;
  kind?: AlertKind;
  budgetId?: number;
  limit: number;
}

/**
 * Alerts matching the filter, newest day first; on a day, budget alerts first, then incidents by
 * their largest |impact|, each incident's alerts together, largest |impact| first. The filter
 * picks incidents: every alert of an incident any of whose alerts matches. At most `limit`
 * incidents (an alert outside any incident is one).
 */
export function queryAlerts(store: Store, filter: AlertFilter): Alert[] {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (filter.statuses) {
    where.push('status IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.statuses));
  }
  if (filter.kind !== undefined) {
    where.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.budgetId !== undefined) {
    where.push('budget_id = ?');
    params.push(filter.budgetId);
  }
  // The filter picks incidents (any of whose alerts matches) and the limit counts them; each comes
  // with all its alerts: a list showing part of an incident would show part of one event as if it
  // were the whole, and an action on the incident would reach alerts the list did not show.
  const incidentOrder = `day DESC, kind = 'budget' DESC, lead_impact DESC, COALESCE(incident, key)`;
  const sql = `SELECT ${COLUMNS} FROM (
      SELECT *, DENSE_RANK() OVER (ORDER BY ${incidentOrder}) AS incident_rank FROM (
        SELECT *, MAX(ABS(impact)) OVER (PARTITION BY day, COALESCE(incident, key)) AS lead_impact FROM alerts
        ${where.length > 0 ? `WHERE COALESCE(incident, key) IN (SELECT COALESCE(incident, key) FROM alerts WHERE ${where.join(' AND ')})` : ''}))
    WHERE incident_rank <= ?
    ORDER BY ${incidentOrder}, ABS(impact) DESC, series_key LIKE 'total=%' DESC, key`;
  return alertsOfRows(store, store.all<AlertRow>(sql, [...params, filter.limit]));
}

/** Every alert of an incident (an alert outside any incident is its own). */
export function incidentAlerts(store: Store, incident: string): Alert[] {
  return alertsOfRows(store, store.all<AlertRow>(`${SELECT_ALERT} WHERE COALESCE(incident, key) = ? ORDER BY ABS(impact) DESC, series_key LIKE 'total=%' DESC, key`, [incident]));
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

export type AlertSubject = { kind: 'anomaly'; anomaly: Anomaly } | { kind: 'budget'; key: string; budget: BudgetCrossing };

export interface NewAlert {
  subject: AlertSubject;
  title: string;
  status: 'new' | 'expected';
  at: string;
  suppressedBy: number | null;
  /** The creation's comment (e.g. which pattern suppressed it). */
  comment: string | null;
  /** The incident's key (null: on its own). */
  incident: string | null;
}

function rowOfSubject(subject: AlertSubject): { key: string; seriesKey: string; day: string; impact: number; json: string; budgetId: number | null } {
  if (subject.kind === 'anomaly') {
    const a = subject.anomaly;
    return { key: a.key, seriesKey: seriesKeyOf(a), day: a.day, impact: a.impact, json: JSON.stringify(a), budgetId: null };
  }
  const b = subject.budget;
  // `impact` only orders budget alerts in lists: the actual spend before the forecast, the highest
  // threshold first (thresholds are at most 1000%), as crossingsOf picks an incident's lead.
  const order = (b.basis === 'actual' ? 1000 : 0) + b.threshold;
  return { key: subject.key, seriesKey: `budget:${b.budgetId}`, day: b.asOf, impact: order, json: JSON.stringify(b), budgetId: b.budgetId };
}

export function insertAlert(store: Store, alert: NewAlert): string {
  const row = rowOfSubject(alert.subject);
  store.run(
    `INSERT INTO alerts (key, kind, status, series_key, day, impact, anomaly, title, owner, comment, raised_at, updated_at, suppressed_by, budget_id, incident)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)`,
    [row.key, alert.subject.kind, alert.status, row.seriesKey, row.day, row.impact, row.json, alert.title, alert.at, alert.at, alert.suppressedBy, row.budgetId, alert.incident],
  );
  appendHistory(store, row.key, { at: alert.at, from: null, to: alert.status, comment: alert.comment, owner: null });
  return row.key;
}

/** The anomaly alerts of these days (for grouping them into incidents). */
export function anomalyAlertsOn(store: Store, days: readonly string[]): Alert[] {
  if (days.length === 0) return [];
  return alertsOfRows(store, store.all<AlertRow>(`${SELECT_ALERT} WHERE kind = 'anomaly' AND day IN (SELECT value FROM json_each(?)) ORDER BY key`, [JSON.stringify(days)]));
}

/** Puts these alerts in one incident (null: each on its own). */
export function setIncident(store: Store, keys: readonly string[], incident: string | null): void {
  store.run('UPDATE alerts SET incident = ? WHERE key IN (SELECT value FROM json_each(?))', [incident, JSON.stringify(keys)]);
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
