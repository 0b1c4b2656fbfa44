/** Alerts → labels, sentences, table rows and the lifecycle's allowed actions (pure, tested beside). */
import type { Alert, AlertStatus, AlertTransition, ExpectedPattern, ExpectedRecurrence } from '../../../../shared/alerts.js';
import type { Anomaly, AnomalySettings, SliceDimension } from '../../../../shared/forecast.js';
import { formatMoney } from '../../format/money.js';
import { dimensionLabel, seriesLabel } from '../forecast/forecast-view.js';

export const STATUS_LABEL: Record<AlertStatus, string> = { new: 'New', acknowledged: 'Acknowledged', resolved: 'Resolved', expected: 'Expected' };

/** The navigation link's accessible name: "Alerts, 3 new", or "Alerts" when none is new. */
export function alertsNavLabel(newCount: number): string {
  return newCount > 0 ? `Alerts, ${newCount} new` : 'Alerts';
}

export type AlertAction = Exclude<AlertStatus, 'new'>;

/** The buttons an alert offers: the lifecycle's next steps (resolved and expected are final). */
export function allowedActions(status: AlertStatus): AlertAction[] {
  if (status === 'new') return ['acknowledged', 'resolved', 'expected'];
  if (status === 'acknowledged') return ['resolved', 'expected'];
  return [];
}

export const ACTION_LABEL: Record<AlertAction, string> = { acknowledged: 'Acknowledge', resolved: 'Resolve', expected: 'Mark expected' };

export const RECURRENCE_LABEL: Record<ExpectedRecurrence, string> = {
  weekday: 'On the same weekday',
  'day-of-month': 'On the same day of the month',
  'any-day': 'On any day',
  none: 'Do not remember (a one-off)',
};

/** The engine's default: day of month for an anomaly on the 1st (a monthly charge), else the weekday. */
export function defaultRecurrence(day: string): ExpectedRecurrence {
  return day.endsWith('-01') ? 'day-of-month' : 'weekday';
}

function signedMoney(value: number, currency: string): string {
  return `${value < 0 ? '−' : '+'}${formatMoney(Math.abs(value), currency)}`;
}

/** "+1,174%" or "" when the expected value was zero. */
export function percentWords(percent: number | null): string {
  if (percent === null) return 'no expected spend to compare with';
  return `${percent < 0 ? '−' : '+'}${Math.round(Math.abs(percent)).toLocaleString('en-US')}%`;
}

/** "On 2026-10-26, Service: Amazon Bedrock cost $651.26 against an expected $51.00 (normal range $40.00 to $62.00): a spike of +$600.26 (+1,177%)." */
export function anomalySentence(a: Anomaly): string {
  const cur = a.currency;
  return `On ${a.day}, ${seriesLabel(a.series)} cost ${formatMoney(a.actual, cur)} against an expected ${formatMoney(a.expected, cur)} `
    + `(normal range ${formatMoney(a.lower, cur)} to ${formatMoney(a.upper, cur)}): a ${a.direction} of ${signedMoney(a.impact, cur)} (${percentWords(a.percent)}).`;
}

export interface RootCauseRow {
  rank: number;
  label: string;
  dimension: string;
  value: string;
  impact: number;
  /** Share of the anomaly's deviation, rounded percent. */
  share: number;
}

export function rootCauseRows(a: Anomaly): RootCauseRow[] {
  return a.rootCauses.map((c, i) => ({
    rank: i + 1, label: `${dimensionLabel(c.dimension)}: ${c.value}`, dimension: dimensionLabel(c.dimension), value: c.value, impact: c.impact, share: Math.round(c.share * 100),
  }));
}

/** "The largest contributor is Service: Amazon Bedrock, +$600.00 (100% of the deviation); then …" */
export function rootCauseSummary(a: Anomaly): string {
  const rows = rootCauseRows(a);
  const [top, ...rest] = rows;
  if (!top) return 'No child slice explains this deviation: it is spread across the series as a whole.';
  const cur = a.currency;
  const then = rest.slice(0, 2).map((r) => `${r.label} ${signedMoney(r.impact, cur)} (${r.share}%)`);
  return `The largest contributor is ${top.label}, ${signedMoney(top.impact, cur)} (${top.share}% of the deviation)${then.length ? `; then ${then.join(', ')}` : ''}. ${rows.length} contributor${rows.length === 1 ? '' : 's'} ranked by amount.`;
}

export interface HistoryRow {
  at: string;
  what: string;
  comment: string;
  owner: string;
}

/** Each transition in words: "Raised", "New → Acknowledged", "Comment", "Owner changed". */
export function historyRows(history: readonly AlertTransition[]): HistoryRow[] {
  return history.map((t) => ({
    at: t.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'),
    what: t.from === null ? `Raised as ${STATUS_LABEL[t.to].toLowerCase()}` : t.from === t.to ? 'Comment or owner' : `${STATUS_LABEL[t.from]} → ${STATUS_LABEL[t.to]}`,
    comment: t.comment ?? '',
    owner: t.owner ?? '',
  }));
}

/** Alerts whose status is one of `filter` ('all' for every alert). */
export function filterAlerts(alerts: readonly Alert[], filter: AlertStatus | 'all'): Alert[] {
  return filter === 'all' ? [...alerts] : alerts.filter((a) => a.status === filter);
}

/** The settings form: numbers as typed. */
export interface SettingsForm {
  dimensions: SliceDimension[];
  minImpact: string;
  minPercent: string;
  sensitivity: string;
  direction: AnomalySettings['direction'];
}

export function settingsForm(s: AnomalySettings): SettingsForm {
  return { dimensions: [...s.dimensions], minImpact: String(s.minImpact), minPercent: String(s.minPercent), sensitivity: String(s.sensitivity), direction: s.direction };
}

/** The form → the settings to save, or the list of what is wrong (nothing is saved then). */
export function settingsOf(form: SettingsForm): { settings: Partial<AnomalySettings> } | { errors: string[] } {
  const errors: string[] = [];
  const number = (text: string, name: string, min: number, strictlyAbove = false): number => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n) || n < min || (strictlyAbove && n === min)) errors.push(`${name} must be a number ${strictlyAbove ? 'above' : 'of at least'} ${min}.`);
    return n;
  };
  const minImpact = number(form.minImpact, 'Minimum impact', 0);
  const minPercent = number(form.minPercent, 'Minimum change', 0);
  const sensitivity = number(form.sensitivity, 'Sensitivity', 0, true);
  if (form.dimensions.length === 0) errors.push('Choose at least one dimension to watch.');
  if (errors.length > 0) return { errors };
  return { settings: { dimensions: form.dimensions, minImpact, minPercent, sensitivity, direction: form.direction } };
}

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** "Mondays", "day 1 of each month", "any day". */
export function patternWhen(p: Pick<ExpectedPattern, 'recurrence' | 'weekday' | 'dayOfMonth'>): string {
  if (p.recurrence === 'weekday') return WEEKDAYS[(p.weekday ?? 1) - 1] ?? 'the same weekday';
  if (p.recurrence === 'day-of-month') return `day ${p.dayOfMonth ?? '?'} of each month`;
  return 'any day';
}
