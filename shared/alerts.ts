/**
 * Alerts: anomalies (from `detectAnomalies`) kept in the workspace with a lifecycle, an owner,
 * comments and a history, plus the "expected" patterns the user's feedback teaches.
 * See docs/alerts-and-budgets.md.
 */
import type { Anomaly } from './forecast.js';

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

export interface Alert {
  /** The anomaly's key (series + day): one alert per anomaly, ever. */
  key: string;
  status: AlertStatus;
  /** The anomaly as detected when the alert was raised. */
  anomaly: Anomaly;
  /** A sentence naming the series, the day and the deviation (for lists and notifications). */
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

export interface AlertQuery {
  /** Only these statuses (default: all). */
  status?: AlertStatus | AlertStatus[];
  /** At most this many, newest anomaly day first (1–1,000, default 200). */
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
  /** With status `expected`: how to remember it. */
  remember?: ExpectedRecurrence;
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
  title: string;
  day: string;
  currency: string;
  impact: number;
  direction: Anomaly['direction'];
}

export interface AlertRefresh {
  /** Alerts raised by this refresh (status `new`), largest |impact| first. */
  raised: Alert[];
  /** Anomalies that matched an expected pattern (stored as `expected`, not raised). */
  suppressed: number;
  /** Anomalies that already had an alert. */
  known: number;
}

/** The payload of the `alerts` engine event. */
export interface AlertsEvent {
  newAlerts: number;
  /** The largest few (at most 3), largest |impact| first. */
  top: AlertSummary[];
}
