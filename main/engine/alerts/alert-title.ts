/** The sentence that names an alert in lists and notifications, and its short summary. */
import type { Alert, AlertSummary, BudgetCrossing } from '../../../shared/alerts.js';
import { SLICE_COLUMN_LABELS, type Anomaly } from '../../../shared/forecast.js';
import { amount, signedAmount } from '../text/amount.js';

/** A slice column's label inside a sentence: "service", "sub-account", but "AI model". */
function columnWords(dimension: string): string {
  const label = (SLICE_COLUMN_LABELS as Readonly<Record<string, string>>)[dimension];
  return label === undefined ? dimension : label.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

/** "total spend", "service Amazon EC2", "team search (allocated)", "tag team = platform". */
function seriesLabel(series: Anomaly['series']): string {
  const { dimension } = series;
  if (dimension === 'total') return 'total spend';
  const value = series.value ?? '(not set)';
  if (dimension.startsWith('alloc:')) return `${dimension.slice('alloc:'.length)} ${value} (allocated)`;
  if (dimension.startsWith('tag:')) return `tag ${dimension.slice('tag:'.length)} = ${value}`;
  return `${columnWords(dimension)} ${value}`;
}

/** e.g. "Spike in service Amazon EC2 on 2026-10-03: +1,234.50 USD (+85%)". */
export function alertTitle(anomaly: Anomaly): string {
  const kind = anomaly.direction === 'spike' ? 'Spike' : 'Drop';
  const percent = anomaly.percent === null ? '' : ` (${signedAmount(anomaly.percent, 0)}%)`;
  return `${kind} in ${seriesLabel(anomaly.series)} on ${anomaly.day}: ${signedAmount(anomaly.impact)} ${anomaly.currency}${percent}`;
}

/** "64%", "under 1%", "over 99%": a rounded 0% or 100% would claim certainty the forecast does not have. */
function percentWords(p: number): string {
  if (p > 0 && p < 0.005) return 'under 1%';
  if (p < 1 && p > 0.995) return 'over 99%';
  return `${Math.round(p * 100)}%`;
}

/**
 * e.g. 'Budget "AI platform", 2026-10: actual spend reached 80%: 8,123.45 of 10,000.00 USD (81.2%); breach probability 64%'
 * or 'Budget "AI platform", 2026-10: forecast reaches 100%: 10,512.30 of 10,000.00 USD by 2026-10-31 (105.1%); breach probability 72%'.
 */
export function budgetTitle(c: BudgetCrossing): string {
  const what = c.basis === 'actual' ? `actual spend reached ${c.threshold}%` : `forecast reaches ${c.threshold}%`;
  const by = c.basis === 'forecast' ? ` by ${c.periodEnd}` : '';
  const probability = c.breachProbability === null ? '' : `; breach probability ${percentWords(c.breachProbability)}`;
  return `Budget "${c.budgetName}", ${c.period}: ${what}: ${amount(c.value)} of ${amount(c.amount)} ${c.currency}${by} (${c.percent.toFixed(1)}%)${probability}`;
}

/** The summary of an incident's lead alert; `related` is how many other new alerts its incident has. */
export function alertSummary(alert: Alert, related: number): AlertSummary {
  const more = related === 0 ? '' : ` and ${related} related ${alert.kind === 'budget' ? (related === 1 ? 'threshold' : 'thresholds') : related === 1 ? 'series' : 'series'}`;
  const title = `${alert.title}${more}`;
  if (alert.kind === 'budget') {
    const b = alert.budget;
    return { key: alert.key, kind: 'budget', title, day: b.asOf, currency: b.currency, impact: b.value - (b.amount * b.threshold) / 100, direction: 'spike', related };
  }
  const a = alert.anomaly;
  return { key: alert.key, kind: 'anomaly', title, day: a.day, currency: a.currency, impact: a.impact, direction: a.direction, related };
}
