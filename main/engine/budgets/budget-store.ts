/** Budgets in the workspace (table `budgets`; node, amount and thresholds as JSON). */
import type { Budget, BudgetInput } from '../../../shared/budgets.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { budgetInput } from './validate-budgets.js';

type BudgetRow = {
  id: number;
  name: string;
  node: string;
  period: string;
  currency: string;
  amount: string;
  thresholds: string;
  created_at: string;
  updated_at: string;
};

/** A stored row checked as if it came in a request (a workspace may come from anyone); null when invalid. */
function budgetOfRow(row: BudgetRow): Budget | null {
  try {
    const input = budgetInput({
      id: row.id,
      name: row.name,
      node: JSON.parse(row.node) as unknown,
      period: row.period,
      currency: row.currency,
      amount: JSON.parse(row.amount) as unknown,
      thresholds: JSON.parse(row.thresholds) as unknown,
    });
    return { ...input, id: row.id, thresholds: input.thresholds ?? [], createdAt: row.created_at, updatedAt: row.updated_at };
  } catch {
    return null;
  }
}

export function listBudgets(store: Store): Budget[] {
  return store
    .all<BudgetRow>('SELECT * FROM budgets ORDER BY name, id')
    .map(budgetOfRow)
    .filter((budget): budget is Budget => budget !== null);
}

export function readBudget(store: Store, id: number): Budget | null {
  const row = store.all<BudgetRow>('SELECT * FROM budgets WHERE id = ?', [id])[0];
  return row ? budgetOfRow(row) : null;
}

export function saveBudget(store: Store, input: BudgetInput, at: string): Budget {
  const values = [input.name, JSON.stringify(input.node), input.period, input.currency, JSON.stringify(input.amount), JSON.stringify(input.thresholds)];
  let id: number;
  if (input.id === undefined) {
    // Never the id of a deleted budget whose alerts remain: they would be taken for the new budget's.
    id = Number(store.scalar('SELECT MAX(COALESCE((SELECT MAX(id) FROM budgets), 0), COALESCE((SELECT MAX(budget_id) FROM alerts), 0)) + 1'));
    store.run('INSERT INTO budgets (id, name, node, period, currency, amount, thresholds, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [id, ...values, at, at]);
  } else {
    if (store.scalar('SELECT COUNT(*) FROM budgets WHERE id = ?', [input.id]) === 0) throw new EngineError('NOT_FOUND', `There is no budget #${input.id}.`);
    store.run('UPDATE budgets SET name = ?, node = ?, period = ?, currency = ?, amount = ?, thresholds = ?, updated_at = ? WHERE id = ?', [...values, at, input.id]);
    id = input.id;
  }
  const saved = readBudget(store, id);
  if (!saved) throw new EngineError('INTERNAL', `Budget #${id} could not be read back.`);
  return saved;
}

export function deleteBudget(store: Store, id: number): void {
  if (store.scalar('SELECT COUNT(*) FROM budgets WHERE id = ?', [id]) === 0) throw new EngineError('NOT_FOUND', `There is no budget #${id}.`);
  store.run('DELETE FROM budgets WHERE id = ?', [id]);
}
