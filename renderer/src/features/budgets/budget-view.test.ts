import { describe, expect, it } from 'vitest';
import type { Budget, BudgetStatus } from '../../../../shared/budgets.js';
import {
  budgetForm, budgetInputOf, budgetSentence, nodeLabel, probabilityWords, statusOverview, thresholdWords, worstFirst,
} from './budget-view.js';

const budget: Budget = {
  id: 1, name: 'Bedrock', node: { by: 'ServiceName', value: 'Amazon Bedrock' }, period: 'month', currency: 'USD',
  amount: { kind: 'fixed', amount: 2000 }, thresholds: [50, 80, 100], createdAt: '', updatedAt: '',
};
const status: BudgetStatus = {
  budget, period: { label: '2026-10', start: '2026-10-01', end: '2026-10-31', days: 31, daysElapsed: 30 }, amount: 2000, actual: 1700,
  forecast: { total: 1750.5, lo80: 1740, hi80: 1761, lo95: 1735, hi95: 1766, sd: 8, model: 'holt-winters' },
  percentActual: 85, percentForecast: 87.525, crossedActual: [50, 80], crossedForecast: [50, 80], breachProbability: 0.001, level: 'watch', note: null,
};

describe('budget view', () => {
  it('names the node a budget watches', () => {
    expect(nodeLabel(budget.node)).toBe('Service: Amazon Bedrock');
    expect(nodeLabel({ by: 'total' })).toBe('Total');
    expect(nodeLabel({ by: 'tag:team', value: 'search' })).toBe('Tag team: search');
  });

  it('words probabilities without claiming certainty', () => {
    expect(probabilityWords(0.001)).toBe('under 1%');
    expect(probabilityWords(0.999)).toBe('over 99%');
    expect(probabilityWords(0.62)).toBe('62%');
    expect(probabilityWords(0)).toBe('0%');
    expect(probabilityWords(1)).toBe('100%');
    expect(probabilityWords(null)).toBe('—');
  });

  it('says which thresholds the actual spend and the forecast crossed', () => {
    expect(thresholdWords({ crossedActual: [50], crossedForecast: [50, 80, 100] })).toBe('50% by actual spend; 80% and 100% by the forecast');
    expect(thresholdWords({ crossedActual: [], crossedForecast: [] })).toBe('none');
    expect(thresholdWords({ crossedActual: [], crossedForecast: [50, 80, 100] })).toBe('50%, 80% and 100% by the forecast');
  });

  it('states a budget in one sentence', () => {
    expect(budgetSentence(status)).toBe(
      'Bedrock (2026-10, 30 of 31 days): $1,700.00 spent of $2,000.00 (85%); forecast $1,750.50 by the end of the period (88%; 80%: $1,740.00–$1,761.00); '
      + 'under 1% chance of going over. Watch. Thresholds crossed: 50% and 80% by actual spend.',
    );
    expect(budgetSentence({ ...status, level: 'unavailable', note: 'No allocations yet.' })).toBe('Bedrock (2026-10, 30 of 31 days): its costs cannot be read. No allocations yet.');
    expect(budgetSentence({ ...status, amount: null, forecast: null, level: 'no-budget' })).toBe('Bedrock (2026-10, 30 of 31 days): no amount is planned for this period; $1,700.00 spent.');
  });

  it('counts budgets by status, worst first', () => {
    const over = { ...status, level: 'over' as const, breachProbability: 1 };
    const risk = { ...status, level: 'at-risk' as const, breachProbability: 0.7 };
    expect(statusOverview({ asOf: '2026-10-30', statuses: [status, over, risk, { ...status }] })).toBe('4 budgets as of 2026-10-30: 1 over budget, 1 at risk, 2 watch.');
    expect(statusOverview({ asOf: null, statuses: [] })).toBe('No budgets yet.');
    expect(worstFirst([{ ...status, level: 'ok' }, status, { ...status, level: 'unavailable' }, risk, over]).map((s) => s.level)).toEqual(['over', 'at-risk', 'watch', 'unavailable', 'ok']);
  });

  it('turns a budget into the form and back', () => {
    const form = budgetForm(budget, 'EUR');
    expect(form).toMatchObject({ name: 'Bedrock', by: 'ServiceName', value: 'Amazon Bedrock', currency: 'USD', kind: 'fixed', amount: '2000', thresholds: '50, 80, 100' });
    expect(budgetInputOf(form, 1)).toEqual({
      input: { id: 1, name: 'Bedrock', node: { by: 'ServiceName', value: 'Amazon Bedrock' }, period: 'month', currency: 'USD', amount: { kind: 'fixed', amount: 2000 }, thresholds: [50, 80, 100] },
    });
    expect(budgetForm(null, 'EUR')).toMatchObject({ name: '', by: 'total', currency: 'EUR', thresholds: '50, 80, 100' });
  });

  it('reads planned amounts one period a line, and total budgets without a value', () => {
    const form = { ...budgetForm(null, 'USD'), name: ' All ', kind: 'planned' as const, period: 'quarter' as const, planned: '2026-Q4 9,000\n\n2027-Q1: 9500.50\n2027-Q2=10000', thresholds: '100 80% 80' };
    expect(budgetInputOf(form)).toEqual({
      input: {
        name: 'All', node: { by: 'total' }, period: 'quarter', currency: 'USD',
        amount: { kind: 'planned', periods: [{ period: '2026-Q4', amount: 9000 }, { period: '2027-Q1', amount: 9500.5 }, { period: '2027-Q2', amount: 10000 }] },
        thresholds: [80, 100],
      },
    });
  });

  it('lists every mistake at once', () => {
    const bad = { ...budgetForm(null, 'usd'), by: 'ServiceName' as const, amount: '0', thresholds: '50, lots' };
    expect(budgetInputOf(bad)).toEqual({
      errors: [
        'Give the budget a name.',
        'Name the value the budget watches (e.g. a service name).',
        'The currency is a three-letter code such as USD.',
        'The amount must be a number above 0.',
        'Thresholds are percentages above 0, such as 50, 80, 100.',
      ],
    });
    const planned = { ...budgetForm(null, 'USD'), name: 'x', kind: 'planned' as const, planned: '2026-13 100\n2026-11 100\n2026-11 200' };
    expect(budgetInputOf(planned)).toEqual({ errors: ['Planned line 1 ("2026-13 100") should read like "2026-11 3000".', 'Planned line 3 repeats 2026-11.'] });
    expect(budgetInputOf({ ...planned, planned: '' })).toEqual({ errors: ['Plan an amount for at least one period.'] });
  });
});
