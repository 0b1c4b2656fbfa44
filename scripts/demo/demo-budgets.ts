/** Budgets saved in the demo workspace, so budget status shows something from the first start. */
import type { BudgetInput } from '../../shared/budgets.js';

export const DEMO_BUDGETS: readonly BudgetInput[] = [
  { name: 'All cloud and AI, Q4 2026', node: { by: 'total' }, period: 'quarter', currency: 'USD', amount: { kind: 'fixed', amount: 1_080_000 } },
  {
    name: 'Anthropic, monthly plan',
    node: { by: 'ProviderName', value: 'Anthropic' },
    period: 'month',
    currency: 'USD',
    amount: { kind: 'planned', periods: [
      { period: '2026-08', amount: 25_000 },
      { period: '2026-09', amount: 28_000 },
      { period: '2026-10', amount: 30_000 },
      { period: '2026-11', amount: 32_000 },
      { period: '2026-12', amount: 32_000 },
    ] },
  },
  { name: 'Search team, monthly', node: { by: 'tag:team', value: 'search' }, period: 'month', currency: 'USD', amount: { kind: 'fixed', amount: 75_000 } },
  { name: 'Research team, quarterly', node: { by: 'tag:team', value: 'research' }, period: 'quarter', currency: 'USD', amount: { kind: 'fixed', amount: 750_000 }, thresholds: [50, 75, 90, 100] },
];
