/** Alerts → labels, sentences, table rows and the lifecycle's allowed actions (pure, tested beside). */
import type { Alert, AlertKind, AlertStatus, AlertTransition, BudgetCrossing, ExpectedPattern, ExpectedRecurrence } from '../../../../shared/alerts.js';
import type { Anomaly, AnomalySettings, SliceDimension } from '../../../../shared/forecast.js';
import { formatMoney } from '../../format/money.js';
import { nodeLabel, probabilityWords } from '../budgets/budget-view.js';
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

export const KIND_LABEL: Record<AlertKind, string> = { anomaly: 'Anomaly', budget: 'Budget' };

/** The day an alert is about: the anomaly's day, or the last day with costs a budget crossing was seen on. */
export function alertDay(a: Alert): string {
  return a.kind === 'anomaly' ? a.anomaly.day : a.budget.asOf;
}

/** "Service: Amazon Bedrock", or 'Budget "AI platform", 2026-10'. */
export function alertSubject(a: Alert): string {
  return a.kind === 'anomaly' ? seriesLabel(a.anomaly.series) : `Budget "${a.budget.budgetName}", ${a.budget.period}`;
}

/** "+$600.26 (+1,177%)" for an anomaly; "80% reached by actual spend" for a budget. */
export function alertChange(a: Alert): string {
  if (a.kind === 'anomaly') return `${signedMoney(a.anomaly.impact, a.anomaly.currency)} (${percentWords(a.anomaly.percent)})`;
  return `${a.budget.threshold}% reached by ${a.budget.basis === 'actual' ? 'actual spend' : 'the forecast'}`;
}

/**
 * 'On 2026-10-27, the actual spend of budget "AI platform" (Service: Amazon Bedrock) for 2026-10 reached $8,123.45 of
 * $10,000.00 (81.2%), past its 80% threshold. The probability of ending the period over the budget was 64%.'
 */
export function budgetCrossingSentence(b: BudgetCrossing): string {
  const cur = b.currency;
  const whose = `budget "${b.budgetName}" (${nodeLabel(b.node)}) for ${b.period}`;
  const what = b.basis === 'actual'
    ? `the actual spend of ${whose} reached ${formatMoney(b.value, cur)}`
    : `the forecast of ${whose} expected ${formatMoney(b.value, cur)} by ${b.periodEnd}`;
  const probability = b.breachProbability === null ? '' : ` The probability of ending the period over the budget was ${probabilityWords(b.breachProbability)}.`;
  return `On ${b.asOf}, ${what} of ${formatMoney(b.amount, cur)} (${b.percent.toFixed(1)}%), past its ${b.threshold}% threshold.${probability}`;
}

/** The sentence that describes an alert in its dialog. */
export function alertSentence(a: Alert): string {
  return a.kind === 'anomaly' ? anomalySentence(a.anomaly) : budgetCrossingSentence(a.budget);
}

/** One row of the alert centre: an incident, its lead alert (the largest) and the others. */
export interface IncidentRow {
  incident: string;
  lead: Alert;
  related: Alert[];
}

/**
 * The alerts grouped by incident, in the engine's order (an incident's alerts come together,
 * largest first); the first alert of each incident leads it.
 */
export function incidentRows(alerts: readonly Alert[]): IncidentRow[] {
  const rows = new Map<string, IncidentRow>();
  for (const a of alerts) {
    const row = rows.get(a.incident);
    if (row) row.related.push(a);
    else rows.set(a.incident, { incident: a.incident, lead: a, related: [] });
  }
  return [...rows.values()];
}

/** "and 3 related series", "and 1 related threshold", or "". */
export function relatedWords(row: IncidentRow): string {
  const n = row.related.length;
  if (n === 0) return '';
  return row.lead.kind === 'budget' ? `and ${n} related threshold${n === 1 ? '' : 's'}` : `and ${n} related series`;
}

/**
 * The incident's status in words: the lead's when all agree, else e.g. "New (2), Acknowledged (1)".
 */
export function incidentStatusWords(row: IncidentRow): string {
  const counts = new Map<AlertStatus, number>();
  for (const a of [row.lead, ...row.related]) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  if (counts.size === 1) return STATUS_LABEL[row.lead.status];
  return [...counts].map(([status, n]) => `${STATUS_LABEL[status]} (${n})`).join(', ');
}

/** The actions an incident offers: every next step at least one of its alerts allows. */
export function incidentActions(row: IncidentRow): AlertAction[] {
  const all = new Set([row.lead, ...row.related].flatMap((a) => allowedActions(a.status)));
  return (['acknowledged', 'resolved', 'expected'] as const).filter((action) => all.has(action));
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
