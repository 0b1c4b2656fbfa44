/** Budget status from its facts, against figures worked out by hand (see each test's comment). */
import { describe, expect, it } from 'vitest';
import type { Budget } from '../../../shared/budgets.js';
import type { ForecastPoint } from '../../../shared/forecast.js';
import { Z80, Z95 } from './breach.js';
import { amountFor, statusOf, type StatusFacts } from './budget-status.js';
import { periodOf } from './periods.js';

const budget: Budget = {
  id: 1,
  name: 'EC2',
  node: { by: 'ServiceName', value: 'Amazon EC2' },
  period: 'month',
  currency: 'USD',
  amount: { kind: 'fixed', amount: 3000 },
  thresholds: [50, 80, 100],
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
};

function point(day: string, mean: number, sd: number): ForecastPoint {
  return { day, mean, lo80: mean - Z80 * sd, hi80: mean + Z80 * sd, lo95: mean - Z95 * sd, hi95: mean + Z95 * sd };
}

function facts(over: Partial<StatusFacts>): StatusFacts {
  return {
    budget,
    period: periodOf('month', '2026-10-28', '2026-10-28'),
    asOf: '2026-10-28',
    actual: 2800,
    points: [point('2026-10-29', 100, 10), point('2026-10-30', 100, 10), point('2026-10-31', 100, 10), point('2026-11-01', 999, 10)],
    model: 'holt-winters',
    forecastNote: null,
    ...over,
  };
}

describe('statusOf', () => {
  it('mid-period: 2800 spent, three days of Normal(100, 10) left', () => {
    // Total 3100, Var = 0.85·300 + 0.15·30² = 390 (ρ = 0.15), sd 19.7484. Actual 93.33% crosses 50
    // and 80; the forecast 103.33% crosses all three. P(> 3000) = Φ(100 / 19.7484) = Φ(5.064) ≈ 1.
    // 80%: 3100 ± 1.28155 × 19.7484 = ± 25.309; 95%: ± 1.95996 × 19.7484 = ± 38.706.
    // November's point is outside the period and ignored.
    const status = statusOf(facts({}));
    expect(status.amount).toBe(3000);
    expect(status.percentActual).toBeCloseTo(93.333, 3);
    expect(status.percentForecast).toBeCloseTo(103.333, 3);
    expect(status.crossedActual).toEqual([50, 80]);
    expect(status.crossedForecast).toEqual([50, 80, 100]);
    expect(status.forecast).toMatchObject({ total: 3100, model: 'holt-winters' });
    expect(status.forecast?.sd).toBeCloseTo(19.7484, 4);
    expect(status.forecast?.lo80).toBeCloseTo(3074.691, 2);
    expect(status.forecast?.hi95).toBeCloseTo(3138.706, 2);
    expect(status.breachProbability).toBeCloseTo(1, 5);
    expect(status.level).toBe('at-risk');
    expect(status.note).toBeNull();
  });

  it('a larger budget: watch, with a small breach probability', () => {
    // Amount 3150: actual 88.9% (50, 80), forecast 98.4% (50, 80); P = 1 − Φ(50 / 19.7484) = 1 − Φ(2.5319) = 0.0057.
    const status = statusOf(facts({ budget: { ...budget, amount: { kind: 'fixed', amount: 3150 } } }));
    expect(status.crossedActual).toEqual([50, 80]);
    expect(status.crossedForecast).toEqual([50, 80]);
    expect(status.breachProbability).toBeCloseTo(0.0057, 4);
    expect(status.level).toBe('watch');
  });

  it('ok below every threshold; over once the actual exceeds the amount', () => {
    // Amount 10000: 28% and 31%, nothing crossed, P ≈ 0.
    const roomy = statusOf(facts({ budget: { ...budget, amount: { kind: 'fixed', amount: 10000 } } }));
    expect(roomy).toMatchObject({ crossedActual: [], crossedForecast: [], level: 'ok' });
    expect(roomy.breachProbability).toBeLessThan(1e-9);
    const over = statusOf(facts({ actual: 3001 }));
    expect(over.level).toBe('over');
    expect(over.crossedActual).toEqual([50, 80, 100]);
    expect(over.breachProbability).toBe(1);
  });

  it('a planned budget uses the amount of its period, and has none for an unplanned period', () => {
    const planned: Budget = { ...budget, amount: { kind: 'planned', periods: [{ period: '2026-09', amount: 1000 }, { period: '2026-10', amount: 5600 }] } };
    expect(amountFor(planned, '2026-10')).toBe(5600);
    expect(amountFor(planned, '2026-11')).toBeNull();
    expect(statusOf(facts({ budget: planned })).percentActual).toBeCloseTo(50, 9);
    const unplanned = statusOf(facts({ budget: planned, period: periodOf('month', '2026-11-15', '2026-10-28'), actual: 0 }));
    expect(unplanned).toMatchObject({ amount: null, percentActual: null, breachProbability: null, level: 'no-budget' });
  });

  it('a period that is over: the actual is final, no forecast, the probability is 0 or 1', () => {
    const september = periodOf('month', '2026-09-10', '2026-10-28');
    expect(statusOf(facts({ period: september, actual: 2900, points: [] }))).toMatchObject({
      forecast: null, breachProbability: 0, level: 'watch', note: 'The period is over: the actual spend is final.',
    });
    expect(statusOf(facts({ period: september, actual: 3000.01, points: [] }))).toMatchObject({ breachProbability: 1, level: 'over' });
  });

  it('a future period is all forecast: every one of its days is needed', () => {
    const november = periodOf('month', '2026-11-15', '2026-10-28');
    const days = Array.from({ length: 30 }, (_, i) => point(`2026-11-${String(i + 1).padStart(2, '0')}`, 90, 0));
    // 30 × 90 = 2700 with no spread: 90%, P = 0.
    expect(statusOf(facts({ period: november, actual: 0, points: [point('2026-10-29', 1, 0), ...days] }))).toMatchObject({
      actual: 0, forecast: { total: 2700 }, percentForecast: 90, breachProbability: 0, crossedForecast: [50, 80], level: 'watch',
    });
    // One November day missing: no forecast, said why.
    expect(statusOf(facts({ period: november, actual: 0, points: days.slice(1), forecastNote: null })).note).toBe('The forecast does not reach the end of 2026-11.');
  });

  it('says so when there is no forecast or no cost in the currency', () => {
    expect(statusOf(facts({ points: [], model: null, forecastNote: 'Fewer than 2 days with data.' }))).toMatchObject({ forecast: null, breachProbability: null, note: 'Fewer than 2 days with data.', crossedActual: [50, 80] });
    expect(statusOf(facts({ asOf: null, actual: 0, points: [] }))).toMatchObject({ actual: 0, note: 'There are no costs in USD yet.', level: 'ok' });
  });
});
