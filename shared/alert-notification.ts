/**
 * The desktop notification for an `alerts` event: what the renderer passes to
 * `window.app.notify` (ShellApi) when an import raises new alerts. Pure, and within the shell's
 * limits (title ≤ 120, body ≤ 500 characters), so the preload never refuses it.
 */
import type { AlertsEvent } from './alerts.js';

export const NOTIFICATION_TITLE_LIMIT = 120;
export const NOTIFICATION_BODY_LIMIT = 500;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * "3 new cost alerts" when each alert is its own incident, else "1 new cost incident (4 alerts)":
 * one event seen in several series is announced once.
 */
export function newAlertsWords(event: Pick<AlertsEvent, 'newAlerts' | 'incidents'>): string {
  const alerts = event.newAlerts === 1 ? '1 new cost alert' : `${event.newAlerts} new cost alerts`;
  if (event.incidents >= event.newAlerts) return alerts;
  const incidents = event.incidents === 1 ? '1 new cost incident' : `${event.incidents} new cost incidents`;
  return `${incidents} (${event.newAlerts} alerts)`;
}

/** One notification per import: one line per incident (its lead alert, "and N related series"). */
export function alertNotification(event: AlertsEvent): { title: string; body: string } {
  const title = `Cost Council: ${newAlertsWords(event)}`;
  const lines = event.top.map((alert) => alert.title);
  const more = event.incidents - event.top.length;
  if (more > 0) lines.push(`…and ${more} more in the alert centre.`);
  return { title: clip(title, NOTIFICATION_TITLE_LIMIT), body: clip(lines.join('\n'), NOTIFICATION_BODY_LIMIT) };
}
