/** The sentence that names an alert in lists and notifications, and its short summary. */
import type { AlertSummary } from '../../../shared/alerts.js';
import type { Anomaly } from '../../../shared/forecast.js';

function seriesLabel(series: Anomaly['series']): string {
  if (series.dimension === 'total') return 'total spend';
  return `${series.dimension} ${series.value ?? '(not set)'}`;
}

function signed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  return value < 0 ? `−${text}` : `+${text}`;
}

/** e.g. "Spike in ServiceName Amazon EC2 on 2026-10-03: +1234.50 USD (+85%)". */
export function alertTitle(anomaly: Anomaly): string {
  const kind = anomaly.direction === 'spike' ? 'Spike' : 'Drop';
  const percent = anomaly.percent === null ? '' : ` (${signed(anomaly.percent, 0)}%)`;
  return `${kind} in ${seriesLabel(anomaly.series)} on ${anomaly.day}: ${signed(anomaly.impact, 2)} ${anomaly.currency}${percent}`;
}

export function alertSummary(key: string, title: string, anomaly: Anomaly): AlertSummary {
  return { key, title, day: anomaly.day, currency: anomaly.currency, impact: anomaly.impact, direction: anomaly.direction };
}
