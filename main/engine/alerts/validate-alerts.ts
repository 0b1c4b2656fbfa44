/** Checks of the alert methods' arguments (untrusted: they come over a port). */
import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus, type AlertUpdate, type IncidentUpdate, type ExpectedRecurrence } from '../../../shared/alerts.js';
import type { AnomalySettings } from '../../../shared/forecast.js';
import { EngineError } from '../../../shared/rpc.js';
import { anomalyQuery } from '../validate.js';
import type { AlertFilter } from './alert-store.js';

const MAX_KEY = 500;
const MAX_COMMENT = 2_000;
const MAX_OWNER = 200;
const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 1_000;
const SETTING_FIELDS: ReadonlySet<string> = new Set(['dimensions', 'minImpact', 'minPercent', 'direction', 'sensitivity', 'cost']);
const RECURRENCES: readonly ExpectedRecurrence[] = ['weekday', 'day-of-month', 'any-day', 'none'];

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function status(value: unknown, field: string): AlertStatus {
  if (typeof value !== 'string' || !(ALERT_STATUSES as readonly string[]).includes(value)) bad(`${field} must be one of ${ALERT_STATUSES.join(', ')}.`);
  return value as AlertStatus;
}

function boundedText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') bad(`${field} must be text.`);
  const text = value.trim();
  if (text.length > max) bad(`${field} is ${text.length} characters; at most ${max}.`);
  return text;
}

export function alertQuery(arg: unknown): AlertFilter {
  const r = record(arg ?? {}, 'The query');
  let statuses: AlertStatus[] | null = null;
  if (r.status !== undefined) {
    const list = Array.isArray(r.status) ? r.status : [r.status];
    statuses = [...new Set(list.map((value, i) => status(value, Array.isArray(r.status) ? `status[${i}]` : 'status')))];
  }
  let limit = DEFAULT_LIMIT;
  if (r.limit !== undefined) {
    if (typeof r.limit !== 'number' || !Number.isInteger(r.limit) || r.limit < 1 || r.limit > MAX_LIMIT) bad(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
    limit = r.limit;
  }
  const filter: AlertFilter = { statuses, limit };
  if (r.kind !== undefined) {
    if (typeof r.kind !== 'string' || !(ALERT_KINDS as readonly string[]).includes(r.kind)) bad(`kind must be one of ${ALERT_KINDS.join(', ')}.`);
    filter.kind = r.kind as AlertKind;
  }
  if (r.budgetId !== undefined) {
    if (typeof r.budgetId !== 'number' || !Number.isInteger(r.budgetId) || r.budgetId < 1) bad('budgetId must be the number of a budget.');
    filter.budgetId = r.budgetId;
  }
  return filter;
}

export function alertUpdate(arg: unknown): AlertUpdate {
  const r = record(arg, 'The alert update');
  if (typeof r.key !== 'string' || r.key === '' || r.key.length > MAX_KEY) bad('key must name an alert (its key).');
  const update: AlertUpdate = { key: r.key };
  if (r.status !== undefined) {
    const next = status(r.status, 'status');
    if (next === 'new') bad('status cannot be set back to new; it can be acknowledged, resolved or expected.');
    update.status = next;
  }
  const comment = boundedText(r.comment, 'comment', MAX_COMMENT);
  const owner = boundedText(r.owner, 'owner', MAX_OWNER);
  if (comment !== undefined && comment !== '') update.comment = comment;
  if (owner !== undefined) update.owner = owner;
  if (r.remember !== undefined) {
    if (typeof r.remember !== 'string' || !(RECURRENCES as readonly string[]).includes(r.remember)) bad(`remember must be one of ${RECURRENCES.join(', ')}.`);
    if (update.status !== 'expected') bad('remember goes only with status "expected".');
    update.remember = r.remember as ExpectedRecurrence;
  }
  if (update.status === undefined && update.comment === undefined && update.owner === undefined) {
    bad('Nothing to change: give a status, a comment or an owner.');
  }
  return update;
}

/** An incident update: the incident's key and the same fields as an alert update. */
export function incidentUpdate(arg: unknown): IncidentUpdate {
  const r = record(arg, 'The incident update');
  if (typeof r.incident !== 'string' || r.incident === '' || r.incident.length > MAX_KEY) bad('incident must name an incident (the key of its lead alert).');
  const { key: _key, ...change } = alertUpdate({ ...r, key: r.incident, incident: undefined });
  return { incident: r.incident, ...change };
}

export function patternId(arg: unknown): number {
  const id = record(arg, 'The request').id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) bad('id must be the number of an expected pattern.');
  return id;
}

/** A subset of the anomaly settings: only known fields, each checked. */
export function anomalySettingsPatch(arg: unknown): Partial<AnomalySettings> {
  const r = record(arg, 'The anomaly settings');
  const unknown = Object.keys(r).filter((key) => !SETTING_FIELDS.has(key));
  if (unknown.length > 0) bad(`Unknown anomaly setting ${unknown.slice(0, 3).join(', ')}; the settings are ${[...SETTING_FIELDS].join(', ')}.`);
  const checked = anomalyQuery({ settings: r }).settings;
  const patch: Partial<AnomalySettings> = {};
  for (const key of Object.keys(r) as Array<keyof AnomalySettings>) Object.assign(patch, { [key]: checked[key] });
  return patch;
}
