/** Budget crossings → alerts, from statuses worked out by hand (budget-status.test.ts has the same facts). */
import { describe, expect, it } from 'vitest';
import type { Budget } from '../../../shared/budgets.js';
import type { ForecastPoint } from '../../../shared/forecast.js';
import { Z80, Z95 } from '../budgets/breach.js';
import { statusOf, type StatusFacts } from '../budgets/budget-status.js';
import { periodOf } from '../budgets/periods.js';
import { crossingsOf } from './budget-alerts.js';

const budget: Budget = {
  id: 7, name: 'EC2', node: { by: 'ServiceName', value: 'Amazon EC2' }, period: 'month', currency: 'USD',
  amount: { kind: 'fixed', amount: 3000 }, thresholds: [50, 80, 100], createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-01T00:00:00.000Z',
};

function point(day: string, mean: number, sd: number): ForecastPoint {
  return { day, mean, lo80: mean - Z80 * sd, hi80: mean + Z80 * sd, lo95: mean - Z95 * sd, hi95: mean + Z95 * sd };
}

function facts(actual: number, over: Partial<StatusFacts> = {}): StatusFacts {
  return {
    budget, period: periodOf('month', '2026-10-28', '2026-10-28'), asOf: '2026-10-28', actual,
    points: [point('2026-10-29', 100, 10), point('2026-10-30', 100, 10), point('2026-10-31', 100, 10)], model: 'holt-winters', forecastNote: null, ...over,
  };
}

describe('crossingsOf', () => {
  it('raises each threshold on the actual spend, and on the forecast only those the actual has not reached', () => {
    // 2700 spent of 3000 (90%): the actual crosses 50 and 80. Three days of Normal(100, 10) left: the
    // forecast total is 3000 (100%) and crosses 50, 80 and 100, but 50 and 80 are already actual.
    // P(total > 3000) with the mean exactly on the amount is 1 − Φ(0) = 0.5.
    const crossings = crossingsOf(statusOf(facts(2700)), '2026-10-28');
    expect(crossings.map((c) => c.key)).toEqual(['budget:7/2026-10/actual/80', 'budget:7/2026-10/actual/50', 'budget:7/2026-10/forecast/100']);
    const [eighty, fifty, forecast] = crossings;
    expect(eighty?.crossing).toMatchObject({
      budgetId: 7, budgetName: 'EC2', node: budget.node, currency: 'USD', period: '2026-10', periodStart: '2026-10-01', periodEnd: '2026-10-31',
      threshold: 80, basis: 'actual', amount: 3000, value: 2700, percent: 90, asOf: '2026-10-28',
    });
    expect(eighty?.crossing.breachProbability).toBeCloseTo(0.5, 6);
    expect(fifty?.crossing).toMatchObject({ threshold: 50, basis: 'actual', value: 2700 });
    expect(eighty?.title).toBe('Budget "EC2", 2026-10: actual spend reached 80%: 2,700.00 of 3,000.00 USD (90.0%); breach probability 50%');
    expect(forecast?.crossing).toMatchObject({ basis: 'forecast', threshold: 100, value: 3000, percent: 100 });
    expect(forecast?.title).toBe('Budget "EC2", 2026-10: forecast reaches 100%: 3,000.00 of 3,000.00 USD by 2026-10-31 (100.0%); breach probability 50%');
  });

  it('gives no probability once the budget is overspent or the period is over', () => {
    // 3050 > 3000 spent: over, every threshold by the actual, nothing left for the forecast.
    const over = crossingsOf(statusOf(facts(3050)), '2026-10-28');
    expect(over.map((c) => `${c.crossing.basis}/${c.crossing.threshold}`)).toEqual(['actual/100', 'actual/80', 'actual/50']);
    expect(over[0]?.title).toBe('Budget "EC2", 2026-10: actual spend reached 100%: 3,050.00 of 3,000.00 USD (101.7%)');
    expect(over.every((c) => c.crossing.breachProbability === null)).toBe(true);
    // September is over on 2026-10-28: 1600 of 3000 (53.3%) is final, no forecast.
    const september = crossingsOf(statusOf(facts(1600, { period: periodOf('month', '2026-09-15', '2026-10-28'), points: [] })), '2026-10-28');
    expect(september.map((c) => c.key)).toEqual(['budget:7/2026-09/actual/50']);
    expect(september[0]?.crossing.breachProbability).toBeNull();
  });

  it('raises nothing below the thresholds, without an amount, or when the node cannot be read', () => {
    // 1000 + 300 = 1300 expected (43%): nothing crossed.
    expect(crossingsOf(statusOf(facts(1000)), '2026-10-28')).toEqual([]);
    const planned: Budget = { ...budget, amount: { kind: 'planned', periods: [{ period: '2026-11', amount: 10 }] } };
    expect(crossingsOf(statusOf(facts(2700, { budget: planned })), '2026-10-28')).toEqual([]);
    expect(crossingsOf(statusOf(facts(2700, { unavailable: 'No allocation yet.' })), '2026-10-28')).toEqual([]);
  });
});
