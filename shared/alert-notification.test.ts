import { describe, expect, it } from 'vitest';
import { alertNotification, NOTIFICATION_BODY_LIMIT, NOTIFICATION_TITLE_LIMIT } from './alert-notification.js';
import type { AlertSummary } from './alerts.js';

function summary(title: string): AlertSummary {
  return { key: title, kind: 'anomaly', title, day: '2026-10-14', currency: 'USD', impact: 100, direction: 'spike', related: 0 };
}

describe('alertNotification', () => {
  it('names the count and lists the largest alerts, then how many more', () => {
    expect(alertNotification({ newAlerts: 1, incidents: 1, top: [summary('Spike in ServiceName Claude API on 2026-10-14: +1651.26 USD (+142%)')] })).toEqual({
      title: 'Cost Council: 1 new cost alert',
      body: 'Spike in ServiceName Claude API on 2026-10-14: +1651.26 USD (+142%)',
    });
    expect(alertNotification({ newAlerts: 5, incidents: 5, top: [summary('A'), summary('B'), summary('C')] })).toEqual({
      title: 'Cost Council: 5 new cost alerts',
      body: 'A\nB\nC\n…and 2 more in the alert centre.',
    });
  });

  it('counts incidents, not series: one spike seen in four series is one line', () => {
    // 6 alerts in 2 incidents: the title names both counts, the body one line per incident, none "more".
    expect(alertNotification({ newAlerts: 6, incidents: 2, top: [summary('Spike in total spend … and 3 related series'), summary('Budget "AI", 2026-10 … and 1 related threshold')] })).toEqual({
      title: 'Cost Council: 2 new cost incidents (6 alerts)',
      body: 'Spike in total spend … and 3 related series\nBudget "AI", 2026-10 … and 1 related threshold',
    });
    expect(alertNotification({ newAlerts: 4, incidents: 1, top: [summary('S and 3 related series')] }).title).toBe('Cost Council: 1 new cost incident (4 alerts)');
    // Five incidents, three described: two more.
    expect(alertNotification({ newAlerts: 9, incidents: 5, top: [summary('A'), summary('B'), summary('C')] }).body).toBe('A\nB\nC\n…and 2 more in the alert centre.');
  });

  it('clips to the desktop shell’s limits (title 120, body 500 characters)', () => {
    expect([NOTIFICATION_TITLE_LIMIT, NOTIFICATION_BODY_LIMIT]).toEqual([120, 500]);
    const long = alertNotification({ newAlerts: 3, incidents: 3, top: [summary('x'.repeat(300)), summary('y'.repeat(300)), summary('z'.repeat(300))] });
    expect(long.body).toHaveLength(500);
    expect(long.body.endsWith('…')).toBe(true);
  });
});
