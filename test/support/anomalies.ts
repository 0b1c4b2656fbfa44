/** Hand-made anomalies, shaped as `detectAnomalies` returns them, for alert tests. */
import type { Anomaly, AnomalyDimension } from '../../shared/forecast.js';

export interface AnomalyFacts {
  day: string;
  impact: number;
  expected?: number;
  dimension?: AnomalyDimension;
  value?: string | null;
  currency?: string;
}

export function anomaly(facts: AnomalyFacts): Anomaly {
  const dimension = facts.dimension ?? 'ServiceName';
  const value = dimension === 'total' ? null : (facts.value ?? 'Amazon EC2');
  const currency = facts.currency ?? 'USD';
  const expected = facts.expected ?? 100;
  const actual = expected + facts.impact;
  return {
    key: `${dimension}=${value ?? ''}@${currency}/effective@${facts.day}`,
    series: { dimension, value },
    currency,
    cost: 'effective',
    day: facts.day,
    actual,
    expected,
    lower: expected - 20,
    upper: expected + 20,
    impact: facts.impact,
    percent: expected === 0 ? null : (facts.impact / Math.abs(expected)) * 100,
    direction: facts.impact >= 0 ? 'spike' : 'drop',
    score: 6,
    rootCauses: [{ dimension: 'RegionId', value: 'us-east-1', impact: facts.impact, share: 1 }],
  };
}
