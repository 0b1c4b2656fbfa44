/**
 * Budget threshold alerts: each threshold a budget's actual spend or forecast period-end total
 * has reached in the current period becomes an alert, once per (budget, period, basis, threshold),
 * ever. See docs/alerts-and-budgets.md ("Budget alerts").
 */
import type { BudgetBasis, BudgetCrossing } from '../../../shared/alerts.js';
import type { BudgetStatus, BudgetStatusReport } from '../../../shared/budgets.js';
import type { Store } from '../db/store.js';
import { budgetTitle } from './alert-title.js';
import { insertAlert, knownKeys } from './alert-store.js';

/** Reads every budget's status for the period containing the last day with costs. */
export type BudgetReader = (store: Store) => BudgetStatusReport;

export interface BudgetCandidate {
  key: string;
  crossing: BudgetCrossing;
  title: string;
}

export function budgetAlertKey(budgetId: number, period: string, basis: BudgetBasis, threshold: number): string {
  return `budget:${budgetId}/${period}/${basis}/${threshold}`;
}

/**
 * The crossings one status shows, the lead first (the highest threshold reached by the actual
 * spend, else by the forecast). A threshold the actual spend has reached is not raised again on the
 * forecast: the actual alert says more.
 */
export function crossingsOf(status: BudgetStatus, asOf: string): BudgetCandidate[] {
  const { budget, period, amount } = status;
  if (amount === null || amount <= 0 || status.level === 'unavailable') return [];
  const over = status.actual > amount;
  // The probability says something only while the period is open and not already overspent.
  const probability = status.forecast !== null && !over ? status.breachProbability : null;
  const candidates: BudgetCandidate[] = [];
  const add = (basis: BudgetBasis, threshold: number, value: number): void => {
    const crossing: BudgetCrossing = {
      budgetId: budget.id, budgetName: budget.name, node: budget.node, currency: budget.currency,
      period: period.label, periodStart: period.start, periodEnd: period.end, threshold, basis, amount, value,
      percent: (value / amount) * 100, breachProbability: probability, asOf,
    };
    candidates.push({ key: budgetAlertKey(budget.id, period.label, basis, threshold), crossing, title: budgetTitle(crossing) });
  };
  const byActual = new Set(status.crossedActual);
  for (const t of [...status.crossedActual].sort((a, b) => b - a)) add('actual', t, status.actual);
  const total = status.forecast?.total;
  if (total !== undefined) for (const t of [...status.crossedForecast].sort((a, b) => b - a)) if (!byActual.has(t)) add('forecast', t, total);
  return candidates;
}

/**
 * Stores the crossings not seen before, as `new`; those of one budget raised together form one
 * incident (its lead's key). Returns the keys raised. Call inside a transaction.
 */
export function raiseBudgetAlerts(store: Store, report: BudgetStatusReport, at: string): string[] {
  if (report.asOf === null) return [];
  const asOf = report.asOf;
  const raised: string[] = [];
  for (const status of report.statuses) {
    const candidates = crossingsOf(status, asOf);
    const known = knownKeys(store, candidates.map((c) => c.key));
    const fresh = candidates.filter((c) => !known.has(c.key));
    const incident = fresh.length > 1 ? (fresh[0]?.key ?? null) : null;
    for (const c of fresh) {
      insertAlert(store, { subject: { kind: 'budget', key: c.key, budget: c.crossing }, title: c.title, status: 'new', at, suppressedBy: null, comment: null, incident });
      raised.push(c.key);
    }
  }
  return raised;
}
