import { describe, expect, it } from 'vitest';
import { alertNotification, NOTIFICATION_BODY_LIMIT, NOTIFICATION_TITLE_LIMIT } from './alert-notification.js';
import type { AlertSummary } from './alerts.js';

function summary(title: string): AlertSummary {
  return { key: title, title, day: '2026-10-14', currency: 'USD', impact: 100, direction: 'spike' };
}

describe('alertNotification', () => {
  it('names the count and lists the largest alerts, then how many more', () => {
    expect(alertNotification({ newAlerts: 1, top: [summary('Spike in ServiceName Claude API on 2026-10-14: +1651.26 USD (+142%)')] })).toEqual({
      title: 'Cost Council: 1 new cost alert',
      body: 'Spike in ServiceName Claude API on 2026-10-14: +1651.26 USD (+142%)',
    });
    expect(alertNotification({ newAlerts: 5, top: [summary('A'), summary('B'), summary('C')] })).toEqual({
      title: 'Cost Council: 5 new cost alerts',
      body: 'A\nB\nC\n…and 2 more in the alert centre.',
    });
  });

  it('clips to the desktop shell’s limits (title 120, body 500 characters)', () => {
    expect([NOTIFICATION_TITLE_LIMIT, NOTIFICATION_BODY_LIMIT]).toEqual([120, 500]);
    const long = alertNotification({ newAlerts: 3, top: [summary('x'.repeat(300)), summary('y'.repeat(300)), summary('z'.repeat(300))] });
    expect(long.body).toHaveLength(500);
    expect(long.body.endsWith('…')).toBe(true);
  });
});
