/**
 * Raising alerts: anomaly detection over the recent days of every currency, each anomaly not
 * seen before stored once (its key is the series + day), as `new`, or as `expected` when it
 * matches a pattern the user taught; and each budget threshold newly crossed (budget-alerts.ts).
 * See docs/alerts-and-budgets.md.
 */
import type { Alert, AlertRefresh, AlertsEvent } from '../../../shared/alerts.js';
import type { Anomaly, AnomalyQuery, AnomalySettings } from '../../../shared/forecast.js';
import { readSetting, writeSetting } from '../db/settings.js';
import type { Store } from '../db/store.js';
import { inTransaction } from '../db/transaction.js';
import { isoDay } from '../import/values.js';
import { alertSummary, alertTitle } from './alert-title.js';
import { anomalyAlertsOn, insertAlert, knownKeys, readAlert, setIncident } from './alert-store.js';
import { groupIncidents } from './incidents.js';
import { raiseBudgetAlerts, type BudgetReader } from './budget-alerts.js';
import { readAnomalySettings } from './anomaly-settings.js';
import { addDays, daysBetween } from './calendar.js';
import { listPatterns, matchingPattern } from './expected-patterns.js';

/** Anomaly detection (fc-engine's detectAnomalies, called inside the engine's queue). */
export type Detect = (store: Store, query: AnomalyQuery & { settings: AnomalySettings }) => Anomaly[];

/** Days scanned when nothing was scanned before (or the last scan is recent). */
export const SCAN_DAYS = 30;
/** Days before the previous scan's last day scanned again (costs arrive late). */
export const RESCAN_DAYS = 7;
/** Never scan more than this many days back. */
export const MAX_SCAN_DAYS = 366;

/** The first day to scan, given the last day with data and the last day the previous scan saw. */
export function scanFrom(lastDay: string, previousTo: string | undefined): string {
  const recent = addDays(lastDay, -(SCAN_DAYS - 1));
  if (previousTo === undefined) return recent;
  const resume = addDays(previousTo, -(RESCAN_DAYS - 1));
  if (resume >= recent) return recent;
  return daysBetween(resume, lastDay) >= MAX_SCAN_DAYS ? addDays(lastDay, -(MAX_SCAN_DAYS - 1)) : resume;
}

/** Each currency with costs and its last day. */
function currencies(store: Store): Array<{ currency: string; lastDay: string }> {
  return store
    .all<{ currency: string; last: number }>(
      `SELECT d.value AS currency, MAX(c.day) AS last FROM daily_dim c JOIN dict d ON d.id = c.currency
       WHERE c.kind = 0 GROUP BY d.value ORDER BY d.value`,
    )
    .map((row) => ({ currency: row.currency, lastDay: isoDay(row.last) }));
}

function scannedThrough(store: Store): Record<string, string> {
  const stored = readSetting(store, 'alerts-scan');
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const result: Record<string, string> = {};
  for (const [currency, day] of Object.entries(stored)) if (typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)) result[currency] = day;
  return result;
}

/**
 * Groups the anomaly alerts of the days that got new ones into incidents (all of each day's
 * alerts, so a late-arriving series joins the incident its day already has).
 */
function regroup(store: Store, days: readonly string[]): void {
  const alerts = anomalyAlertsOn(store, days);
  const incidents = groupIncidents(alerts.flatMap((a) => (a.kind === 'anomaly' ? [a.anomaly] : [])));
  const byIncident = new Map<string | null, string[]>();
  for (const a of alerts) {
    const incident = incidents.get(a.key) ?? null;
    byIncident.set(incident, [...(byIncident.get(incident) ?? []), a.key]);
  }
  for (const [incident, keys] of byIncident) setIncident(store, keys, incident);
}

function refreshOf(store: Store, raisedKeys: readonly string[], suppressed: number, known: number): AlertRefresh {
  const raised = raisedKeys.map((key) => readAlert(store, key)).filter((alert): alert is Alert => alert !== null);
  return { raised, incidents: new Set(raised.map((a) => a.incident)).size, suppressed, known };
}

/** Raises the budget crossings not seen before (after a budget is saved); nothing about anomalies. */
export function refreshBudgetAlerts(store: Store, readBudgets: BudgetReader, at: string): AlertRefresh {
  const report = readBudgets(store);
  return inTransaction(store, () => refreshOf(store, raiseBudgetAlerts(store, report, at), 0, 0));
}

/**
 * Detects and stores anomalies and budget crossings; returns what was raised (budget alerts
 * first). `at` is the ISO time written to the new alerts.
 */
export function refreshAlerts(store: Store, detect: Detect, at: string, readBudgets: BudgetReader): AlertRefresh {
  const settings = readAnomalySettings(store);
  const previous = scannedThrough(store);
  const anomalies: Anomaly[] = [];
  const scanned: Record<string, string> = { ...previous };
  for (const { currency, lastDay } of currencies(store)) {
    anomalies.push(...detect(store, { settings, currency, from: scanFrom(lastDay, previous[currency]), to: lastDay }));
    scanned[currency] = lastDay;
  }
  // Largest first, so the event's "top" and the list agree; a key met twice in one run counts once.
  anomalies.sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.key.localeCompare(b.key));
  const budgets = readBudgets(store);
  return inTransaction(store, () => {
    const known = knownKeys(store, anomalies.map((a) => a.key));
    const alreadyKnown = new Set(known);
    const patterns = listPatterns(store);
    const raisedKeys: string[] = raiseBudgetAlerts(store, budgets, at);
    let suppressed = 0;
    let knownCount = 0;
    for (const anomaly of anomalies) {
      if (known.has(anomaly.key)) {
        knownCount += 1;
        continue;
      }
      known.add(anomaly.key);
      const pattern = matchingPattern(patterns, anomaly);
      const title = alertTitle(anomaly);
      if (pattern) {
        const comment = `Matches expected pattern #${pattern.id} (taught by ${pattern.fromAlert}).`;
        insertAlert(store, { subject: { kind: 'anomaly', anomaly }, title, status: 'expected', at, suppressedBy: pattern.id, comment, incident: null });
        suppressed += 1;
      } else {
        insertAlert(store, { subject: { kind: 'anomaly', anomaly }, title, status: 'new', at, suppressedBy: null, comment: null, incident: null });
        raisedKeys.push(anomaly.key);
      }
    }
    writeSetting(store, 'alerts-scan', scanned);
    regroup(store, [...new Set(anomalies.filter((a) => !alreadyKnown.has(a.key)).map((a) => a.day))]);
    return refreshOf(store, raisedKeys, suppressed, knownCount);
  });
}

/**
 * The `alerts` event for what a refresh raised (null when it raised nothing): one line per
 * incident, its lead (the first raised of it) naming how many related alerts came with it.
 */
export function alertsEvent(refresh: AlertRefresh): AlertsEvent | null {
  if (refresh.raised.length === 0) return null;
  const incidents = new Map<string, Alert[]>();
  for (const alert of refresh.raised) incidents.set(alert.incident, [...(incidents.get(alert.incident) ?? []), alert]);
  const top = [...incidents.values()].slice(0, 3).map((members) => alertSummary(members[0] as Alert, members.length - 1));
  return { newAlerts: refresh.raised.length, incidents: incidents.size, top };
}
