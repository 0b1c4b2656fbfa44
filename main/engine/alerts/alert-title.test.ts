import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../shared/forecast.js';
import { alertTitle } from './alert-title.js';

function anomaly(dimension: Anomaly['series']['dimension'], value: string | null, impact: number, expected: number): Anomaly {
  return {
    key: 'k', series: { dimension, value }, currency: 'USD', cost: 'effective', day: '2026-10-26',
    actual: expected + impact, expected, lower: 0, upper: 0, impact, percent: expected === 0 ? null : (100 * impact) / expected,
    direction: impact >= 0 ? 'spike' : 'drop', score: 9, rootCauses: [],
  };
}

describe('alert titles', () => {
  it('name the series in words a council uses, not column ids', () => {
    expect(alertTitle(anomaly('total', null, 1000, 1000))).toBe('Spike in total spend on 2026-10-26: +1,000.00 USD (+100%)');
    expect(alertTitle(anomaly('ServiceName', 'Amazon EC2', 400, 100))).toBe('Spike in service Amazon EC2 on 2026-10-26: +400.00 USD (+400%)');
    expect(alertTitle(anomaly('SubAccountName', null, -90, 100))).toBe('Drop in sub-account (not set) on 2026-10-26: −90.00 USD (−90%)');
    expect(alertTitle(anomaly('x_Model', 'claude-sonnet-4', 60, 0))).toBe('Spike in AI model claude-sonnet-4 on 2026-10-26: +60.00 USD');
    expect(alertTitle(anomaly('alloc:team', 'search', 601.684, 49.58))).toBe('Spike in team search (allocated) on 2026-10-26: +601.68 USD (+1,214%)');
    expect(alertTitle(anomaly('tag:project', 'helpdesk', 55, 110))).toBe('Spike in tag project = helpdesk on 2026-10-26: +55.00 USD (+50%)');
  });
});
