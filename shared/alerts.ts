/**
 * Alerts: anomalies (from `detectAnomalies`) and budget threshold crossings kept in the workspace
 * with a lifecycle, an owner, comments and a history, grouped into incidents, plus the "expected"
 * patterns the user's feedback teaches. See docs/alerts-and-budgets.md.
 */
import type { BudgetNode } from './budgets.js';
import type { Anomaly } from './forecast.js';

/** What raised an alert: an anomalous day of a series, or a budget crossing one of its thresholds. */
export type AlertKind = 'anomaly' | 'budget';

export const ALERT_KINDS: readonly AlertKind[] = ['anomaly', 'budget'];

/** A threshold crossed by the spend so far (`actual`) or by the forecast period-end total (`forecast`). */
export type BudgetBasis = 'actual' | 'forecast';

/** A budget crossing one of its thresholds in one period: what a `budget` alert records. */
export interface BudgetCrossing {
  budgetId: number;
  /** The budget's name when the alert was raised. */
  budgetName: string;
  node: BudgetNode;
  currency: string;
  /** The period's label (`2026-10`, `2026-Q4`, `2026`) and its first and last day. */
  period: string;
  periodStart: string;
  periodEnd: string;
  /** The threshold crossed, in percent of the amount. */
  threshold: number;
  basis: BudgetBasis;
  /** The budget's amount for the period. */
  amount: number;
  /** The spend to date (`actual`) or the forecast period-end total (`forecast`). */
  value: number;
  /** value ÷ amount × 100. */
  percent: number;
  /** P(period-end total > amount) when the alert was raised; null when the period is over or has no forecast. */
  breachProbability: number | null;
  /** The last day with costs counted. */
  asOf: string;
}

/**
 * new → acknowledged → resolved | expected; new → resolved | expected directly.
 * `resolved` and `expected` are final.
 */
export type AlertStatus = 'new' | 'acknowledged' | 'resolved' | 'expected';

export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'resolved', 'expected'];

/** One change of an alert: a status change, or (from = to) a comment or a new owner. */
export interface AlertTransition {
  /** ISO timestamp. */
  at: string;
  /** Null for the alert's creation. */
  from: AlertStatus | null;
  to: AlertStatus;
  /** The comment given with this change. */
  comment: string | null;
  /** The owner after this change. */
  owner: string | null;
}

interface AlertBase {
  /**
   * One alert per key, ever: the anomaly's key (series + day), or for a budget alert
   * `budget:<id>/<period>/<basis>/<threshold>`.
   */
  key: string;
  status: AlertStatus;
  /**
   * The incident it belongs to: the key of the incident's first largest alert (its own key when
   * it stands alone). Alerts of one incident are one event seen in several series (or several
   * thresholds of one budget crossed at once); see docs/alerts-and-budgets.md.
   */
  incident: string;
  /** A sentence naming the series or budget, the day or period and the deviation (for lists and notifications). */
  title: string;
  owner: string | null;
  /** The latest comment. */
  comment: string | null;
  raisedAt: string;
  updatedAt: string;
  /** The expected pattern that matched it when it was detected (it then starts as `expected`). */
  suppressedBy: number | null;
  /** Oldest first; the first entry is the creation. */
  history: AlertTransition[];
}

export interface AnomalyAlert extends AlertBase {
  kind: 'anomaly';
  /** The anomaly as detected when the alert was raised. */
  anomaly: Anomaly;
}

export interface BudgetAlert extends AlertBase {
  kind: 'budget';
  /** The crossing as seen when the alert was raised. */
  budget: BudgetCrossing;
}

export type Alert = AnomalyAlert | BudgetAlert;

export interface AlertQuery {
  /** Only these statuses (default: all). */
  status?: AlertStatus | AlertStatus[];
  /** Only this kind (default: both). */
  kind?: AlertKind;
  /** Only the alerts of this budget. */
  budgetId?: number;
  /** At most this many incidents (each with all its alerts; a lone alert is one), newest day first (1–1,000, default 200). */
  limit?: number;
}

export interface AlertList {
  alerts: Alert[];
  /** Counts of every alert in the workspace by status (for a badge: `counts.new`). */
  counts: Record<AlertStatus, number>;
}

/**
 * How an "expected" alert is remembered (docs/alerts-and-budgets.md):
 * - `weekday`: the same series and direction on the same weekday;
 * - `day-of-month`: the same series and direction on the same day of the month (monthly charges);
 * - `any-day`: the same series and direction on any day;
 * - `none`: not remembered (a one-off).
 * Default: `day-of-month` for an anomaly on the 1st of a month, else `weekday`.
 */
export type ExpectedRecurrence = 'weekday' | 'day-of-month' | 'any-day' | 'none';

export interface AlertUpdate {
  key: string;
  /** The new status; leave it out to only comment or change the owner. */
  status?: Exclude<AlertStatus, 'new'>;
  comment?: string;
  /** The person who owns the follow-up; an empty string clears it. */
  owner?: string;
  /** With status `expected` on an anomaly alert: how to remember it (budget alerts teach nothing). */
  remember?: ExpectedRecurrence;
}

/**
 * The same change for every alert of an incident: each alert whose lifecycle allows the move
 * gets it (and its own history entry); alerts already there or final are left as they are.
 */
export interface IncidentUpdate extends Omit<AlertUpdate, 'key'> {
  incident: string;
}

/** A pattern the user said is expected: later anomalies that match it are not raised. */
export interface ExpectedPattern {
  id: number;
  /** The series key of the anomaly (`<by>=<value>@<currency>/<cost>`). */
  seriesKey: string;
  series: Anomaly['series'];
  currency: string;
  direction: Anomaly['direction'];
  recurrence: Exclude<ExpectedRecurrence, 'none'>;
  /** ISO weekday 1 (Monday) – 7 (Sunday), for `weekday`. */
  weekday: number | null;
  /** 1–31, for `day-of-month`. */
  dayOfMonth: number | null;
  /** The largest |impact| it covers: 1.5 × the taught anomaly's |impact| (a far larger one is news). */
  maxImpact: number;
  /** The alert that taught it. */
  fromAlert: string;
  comment: string | null;
  createdAt: string;
}

/** A short description of an alert, for the `alerts` event and notifications. */
export interface AlertSummary {
  key: string;
  kind: AlertKind;
  /** The title of the incident's lead alert, followed by "and N related series" when it has more. */
  title: string;
  day: string;
  currency: string;
  /** The anomaly's impact; for a budget alert, how far the spend (or forecast) is past the threshold. */
  impact: number;
  direction: Anomaly['direction'];
  /** The other new alerts of its incident. */
  related: number;
}

export interface AlertRefresh {
  /** Alerts raised by this refresh (status `new`): budget alerts first, then anomalies, largest |impact| first. */
  raised: Alert[];
  /** The incidents those alerts belong to (one notification line each). */
  incidents: number;
  /** Anomalies that matched an expected pattern (stored as `expected`, not raised). */
  suppressed: number;
  /** Anomalies that already had an alert. */
  known: number;
}

/** The payload of the `alerts` engine event. */
export interface AlertsEvent {
  newAlerts: number;
  /** The incidents the new alerts form (one event seen in several series is one incident). */
  incidents: number;
  /** The lead alert of the first few incidents (at most 3): budget alerts first, then largest |impact|. */
  top: AlertSummary[];
}
