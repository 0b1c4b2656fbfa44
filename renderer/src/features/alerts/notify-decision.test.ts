import { describe, expect, it } from 'vitest';
import type { AlertsEvent } from '../../../../shared/alerts.js';
import { alertNotice } from './notify-decision.js';

const top = { key: 'k', title: 'Spike in ServiceName Amazon Bedrock on 2026-10-26: +600.13 USD (+1211%)', day: '2026-10-26', currency: 'USD', impact: 600.126, direction: 'spike' as const, kind: 'anomaly' as const, related: 0 };
const event: AlertsEvent = { newAlerts: 3, incidents: 3, top: [top, { ...top, key: 'k2', title: 'Spike in total spend on 2026-10-26: +80.00 USD (+40%)', impact: 80 }] };

describe('what to do when an import raises alerts', () => {
  it('shows a desktop notification naming the count and the top alerts, where the host can', () => {
    // Three new, two described: the third is counted in the last line.
    expect(alertNotice(event, true)).toEqual({
      via: 'desktop',
      title: 'Cost Council: 3 new cost alerts',
      body: 'Spike in ServiceName Amazon Bedrock on 2026-10-26: +600.13 USD (+1211%)\nSpike in total spend on 2026-10-26: +80.00 USD (+40%)\n…and 1 more in the alert centre.',
    });
  });

  it('shows an in-app message in the browser, naming the count and the largest alert', () => {
    expect(alertNotice(event, false)).toEqual({
      via: 'in-app',
      message: '3 new cost alerts. Largest: Spike in ServiceName Amazon Bedrock on 2026-10-26: +600.13 USD (+1211%). See Alerts.',
    });
    expect(alertNotice({ newAlerts: 1, incidents: 1, top: [{ ...top, title: 'Drop in S3', impact: -42 }] }, false)).toEqual({
      via: 'in-app',
      message: '1 new cost alert. Drop in S3. See Alerts.',
    });
  });

  it('names incidents when one event raised several alerts', () => {
    expect(alertNotice({ newAlerts: 4, incidents: 1, top: [{ ...top, title: 'Spike in total spend on 2026-10-26: +600.13 USD (+300%) and 3 related series', related: 3 }] }, false)).toEqual({
      via: 'in-app',
      message: '1 new cost incident (4 alerts). Spike in total spend on 2026-10-26: +600.13 USD (+300%) and 3 related series. See Alerts.',
    });
  });

  it('does nothing when no alert is new', () => {
    expect(alertNotice({ newAlerts: 0, incidents: 0, top: [] }, true)).toBeNull();
    expect(alertNotice({ newAlerts: 0, incidents: 0, top: [] }, false)).toBeNull();
  });

  it('keeps the desktop text within the shell limits (title 120, body 500 characters)', () => {
    const long = alertNotice({ newAlerts: 1, incidents: 1, top: [{ ...top, title: 'x'.repeat(600) }] }, true);
    expect(long?.via).toBe('desktop');
    if (long?.via === 'desktop') {
      expect(long.body).toHaveLength(500);
      expect(long.body.endsWith('…')).toBe(true);
    }
  });
});
