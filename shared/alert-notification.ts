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

export function alertNotification(event: AlertsEvent): { title: string; body: string } {
  const title = event.newAlerts === 1 ? 'Cost Council: 1 new cost alert' : `Cost Council: ${event.newAlerts} new cost alerts`;
  const lines = event.top.map((alert) => alert.title);
  const more = event.newAlerts - event.top.length;
  if (more > 0) lines.push(`…and ${more} more in the alert centre.`);
  return { title: clip(title, NOTIFICATION_TITLE_LIMIT), body: clip(lines.join('\n'), NOTIFICATION_BODY_LIMIT) };
}
