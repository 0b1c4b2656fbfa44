/**
 * What "expected" feedback teaches (docs/alerts-and-budgets.md). A pattern is the series, the
 * direction, a recurrence (same weekday, same day of the month, or any day) and a magnitude band
 * (|impact| up to 1.5 × the taught anomaly's). A later anomaly that matches all four is stored as
 * expected without being raised; one outside the band is news and is raised.
 */
import type { ExpectedPattern, ExpectedRecurrence } from '../../../shared/alerts.js';
import type { Anomaly } from '../../../shared/forecast.js';
import type { Store } from '../db/store.js';
import { dayOfMonth, daysInMonth, isLastDayOfMonth, isoWeekday } from './calendar.js';

/** How much larger than the taught anomaly a matching one may be. */
export const MAGNITUDE_FACTOR = 1.5;

export type PatternRecurrence = Exclude<ExpectedRecurrence, 'none'>;
export type PatternDraft = Omit<ExpectedPattern, 'id' | 'createdAt'>;

/** The series key of an anomaly: its key without the trailing `@<day>`. */
export function seriesKeyOf(anomaly: Anomaly): string {
  const suffix = `@${anomaly.day}`;
  if (anomaly.key.endsWith(suffix)) return anomaly.key.slice(0, -suffix.length);
  return `${anomaly.series.dimension}=${anomaly.series.value ?? ''}@${anomaly.currency}/${anomaly.cost}`;
}

/** Monthly charges land on the 1st: remembered by day of month; anything else by weekday. */
export function defaultRecurrence(anomaly: Anomaly): PatternRecurrence {
  return dayOfMonth(anomaly.day) === 1 ? 'day-of-month' : 'weekday';
}

export function patternFrom(alertKey: string, anomaly: Anomaly, recurrence: PatternRecurrence, comment: string | null): PatternDraft {
  return {
    seriesKey: seriesKeyOf(anomaly),
    series: anomaly.series,
    currency: anomaly.currency,
    direction: anomaly.direction,
    recurrence,
    weekday: recurrence === 'weekday' ? isoWeekday(anomaly.day) : null,
    dayOfMonth: recurrence === 'day-of-month' ? dayOfMonth(anomaly.day) : null,
    maxImpact: Math.abs(anomaly.impact) * MAGNITUDE_FACTOR,
    fromAlert: alertKey,
    comment,
  };
}

/** Day 31 (or 30, 29) taught in a long month also covers the last day of shorter months. */
function sameDayOfMonth(patternDay: number, day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  if (date.getUTCDate() === patternDay) return true;
  return patternDay > daysInMonth(date.getUTCFullYear(), date.getUTCMonth() + 1) && isLastDayOfMonth(day);
}

export function matchesPattern(pattern: ExpectedPattern, anomaly: Anomaly): boolean {
  if (pattern.seriesKey !== seriesKeyOf(anomaly) || pattern.direction !== anomaly.direction) return false;
  if (Math.abs(anomaly.impact) > pattern.maxImpact) return false;
  switch (pattern.recurrence) {
    case 'weekday':
      return pattern.weekday === isoWeekday(anomaly.day);
    case 'day-of-month':
      return pattern.dayOfMonth !== null && sameDayOfMonth(pattern.dayOfMonth, anomaly.day);
    case 'any-day':
      return true;
  }
}

/** The oldest pattern the anomaly matches. */
export function matchingPattern(patterns: readonly ExpectedPattern[], anomaly: Anomaly): ExpectedPattern | undefined {
  return patterns.find((pattern) => matchesPattern(pattern, anomaly));
}

// Storage.

type PatternRow = {
  id: number;
  series_key: string;
  series: string;
  currency: string;
  direction: string;
  recurrence: string;
  weekday: number | null;
  day_of_month: number | null;
  max_impact: number;
  from_alert: string;
  comment: string | null;
  created_at: string;
};

function isSeries(value: unknown): value is Anomaly['series'] {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.dimension === 'string' && (r.value === null || typeof r.value === 'string');
}

/** A stored row, or null when it is not one this version wrote (a workspace may come from anyone). */
function patternOfRow(row: PatternRow): ExpectedPattern | null {
  let series: unknown;
  try {
    series = JSON.parse(row.series) as unknown;
  } catch {
    return null;
  }
  if (!isSeries(series)) return null;
  if (row.direction !== 'spike' && row.direction !== 'drop') return null;
  if (row.recurrence !== 'weekday' && row.recurrence !== 'day-of-month' && row.recurrence !== 'any-day') return null;
  return {
    id: row.id,
    seriesKey: row.series_key,
    series,
    currency: row.currency,
    direction: row.direction,
    recurrence: row.recurrence,
    weekday: row.weekday,
    dayOfMonth: row.day_of_month,
    maxImpact: row.max_impact,
    fromAlert: row.from_alert,
    comment: row.comment,
    createdAt: row.created_at,
  };
}

export function listPatterns(store: Store): ExpectedPattern[] {
  return store
    .all<PatternRow>('SELECT * FROM expected_patterns ORDER BY id')
    .map(patternOfRow)
    .filter((pattern): pattern is ExpectedPattern => pattern !== null);
}

/**
 * Stores what an "expected" alert teaches. The same series, direction and calendar key taught
 * again widens the existing pattern's band (the larger maxImpact) instead of adding a copy.
 */
export function rememberPattern(store: Store, draft: PatternDraft, createdAt: string): number {
  const same = store.scalar(
    `SELECT id FROM expected_patterns WHERE series_key = ? AND direction = ? AND recurrence = ? AND weekday IS ? AND day_of_month IS ?
     ORDER BY id LIMIT 1`,
    [draft.seriesKey, draft.direction, draft.recurrence, draft.weekday, draft.dayOfMonth],
  );
  if (typeof same !== 'number') return insertPattern(store, draft, createdAt);
  store.run('UPDATE expected_patterns SET max_impact = MAX(max_impact, ?) WHERE id = ?', [draft.maxImpact, same]);
  return same;
}

export function insertPattern(store: Store, draft: PatternDraft, createdAt: string): number {
  store.run(
    `INSERT INTO expected_patterns (series_key, series, currency, direction, recurrence, weekday, day_of_month, max_impact, from_alert, comment, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [draft.seriesKey, JSON.stringify(draft.series), draft.currency, draft.direction, draft.recurrence, draft.weekday, draft.dayOfMonth, draft.maxImpact, draft.fromAlert, draft.comment, createdAt],
  );
  return Number(store.scalar('SELECT last_insert_rowid()'));
}

/** False when there is no such pattern. */
export function deletePattern(store: Store, id: number): boolean {
  if (store.scalar('SELECT COUNT(*) FROM expected_patterns WHERE id = ?', [id]) === 0) return false;
  store.run('DELETE FROM expected_patterns WHERE id = ?', [id]);
  return true;
}
