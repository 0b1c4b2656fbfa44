/**
 * What to do when the engine says an import raised new alerts: a desktop notification where the
 * host can show one (the desktop app's `window.app.notify`), an in-app message otherwise.
 */
import type { AlertsEvent } from '../../../../shared/alerts.js';
import { formatMoney } from '../../format/money.js';

export type AlertNotice =
  | { via: 'desktop'; title: string; body: string }
  | { via: 'in-app'; message: string }
  | null;

/** The ShellApi caps the title at 120 and the body at 500 characters. */
const TITLE_MAX = 120;
const BODY_MAX = 500;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function alertNotice(event: AlertsEvent, canNotify: boolean): AlertNotice {
  if (event.newAlerts <= 0) return null;
  const title = event.newAlerts === 1 ? '1 new cost alert' : `${event.newAlerts} new cost alerts`;
  const top = event.top[0];
  const detail = top
    ? `${event.newAlerts === 1 ? '' : 'Largest: '}${top.title} (${top.impact < 0 ? '−' : '+'}${formatMoney(Math.abs(top.impact), top.currency)} on ${top.day}).`
    : '';
  if (canNotify) return { via: 'desktop', title: clip(title, TITLE_MAX), body: clip(`${detail} Open the Alerts screen to review.`.trim(), BODY_MAX) };
  return { via: 'in-app', message: `${title}. ${detail}`.trim() };
}
