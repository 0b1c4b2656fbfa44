/**
 * What to do when the engine says an import raised new alerts: a desktop notification where the
 * host can show one (the desktop app's `window.app.notify`, with the text of
 * `shared/alert-notification.ts`), an in-app message otherwise (the browser edition).
 */
import { alertNotification, newAlertsWords } from '../../../../shared/alert-notification.js';
import type { AlertsEvent } from '../../../../shared/alerts.js';

export type AlertNotice =
  | { via: 'desktop'; title: string; body: string }
  | { via: 'in-app'; message: string }
  | null;

export function alertNotice(event: AlertsEvent, canNotify: boolean): AlertNotice {
  if (event.newAlerts <= 0) return null;
  if (canNotify) return { via: 'desktop', ...alertNotification(event) };
  const count = newAlertsWords(event);
  const top = event.top[0];
  // The engine's title already names the series (or budget), the day and the deviation.
  const detail = top ? ` ${event.incidents === 1 ? '' : 'Largest: '}${top.title}.` : '';
  return { via: 'in-app', message: `${count}.${detail} See Alerts.` };
}
