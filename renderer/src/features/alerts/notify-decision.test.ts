import { describe, expect, it } from 'vitest';
import type { AlertsEvent } from '../../../../shared/alerts.js';
import { alertNotice } from './notify-decision.js';

const top = { key: 'k', title: 'Service Amazon Bedrock spiked on 2026-10-26', day: '2026-10-26', currency: 'USD', impact: 600.126, direction: 'spike' as const };
const event: AlertsEvent = { newAlerts: 3, top: [top, { ...top, key: 'k2', title: 'smaller', impact: 80 }] };

describe('what to do when an import raises alerts', () => {
  it('shows a desktop notification naming the count and the top alert, where the host can', () => {
    expect(alertNotice(event, true)).toEqual({
      via: 'desktop',
      title: '3 new cost alerts',
      body: 'Largest: Service Amazon Bedrock spiked on 2026-10-26 (+$600.13 on 2026-10-26). Open the Alerts screen to review.',
    });
  });

  it('shows an in-app message in the browser', () => {
    expect(alertNotice({ newAlerts: 1, top: [{ ...top, impact: -42 }] }, false)).toEqual({
      via: 'in-app',
      message: '1 new cost alert. Service Amazon Bedrock spiked on 2026-10-26 (−$42.00 on 2026-10-26).',
    });
  });

  it('does nothing when no alert is new', () => {
    expect(alertNotice({ newAlerts: 0, top: [] }, true)).toBeNull();
  });

  it('keeps within the shell limits (title 120, body 500 characters)', () => {
    const long = alertNotice({ newAlerts: 2, top: [{ ...top, title: 'x'.repeat(600) }] }, true);
    expect(long?.via).toBe('desktop');
    if (long?.via === 'desktop') {
      expect(long.body).toHaveLength(500);
      expect(long.body.endsWith('…')).toBe(true);
    }
    expect(alertNotice({ newAlerts: 2, top: [] }, true)).toEqual({ via: 'desktop', title: '2 new cost alerts', body: 'Open the Alerts screen to review.' });
  });
});
