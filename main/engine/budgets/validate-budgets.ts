/** Checks of the budget methods' arguments (untrusted: they come over a port). */
import { DEFAULT_BUDGET_THRESHOLDS, type BudgetAmount, type BudgetInput, type BudgetNode, type BudgetPeriod, type BudgetStatusQuery } from '../../../shared/budgets.js';
import { EngineError } from '../../../shared/rpc.js';
import { dayFromIso } from '../import/values.js';
import { sliceDimension } from '../validate.js';
import { periodStartOfLabel } from './periods.js';

const MAX_NAME = 120;
const MAX_VALUE = 500;
const MAX_PLANNED = 600;
const MAX_THRESHOLDS = 10;
const MAX_AMOUNT = 1e15;
const PERIODS: readonly BudgetPeriod[] = ['month', 'quarter', 'year'];

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function positiveAmount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_AMOUNT) bad(`${field} must be a number above 0 (at most ${MAX_AMOUNT}).`);
  return value;
}

function node(value: unknown): BudgetNode {
  const r = record(value, 'node');
  const by = sliceDimension(r.by, 'node.by');
  if (by === 'total') {
    if (r.value !== undefined) bad('node.value must be left out for the total.');
    return { by };
  }
  if (typeof r.value !== 'string' || r.value.trim() === '' || r.value.length > MAX_VALUE) bad(`node.value must name a value of ${by} (text up to ${MAX_VALUE} characters).`);
  return { by, value: r.value };
}

function amount(value: unknown, period: BudgetPeriod): BudgetAmount {
  const r = record(value, 'amount');
  if (r.kind === 'fixed') return { kind: 'fixed', amount: positiveAmount(r.amount, 'amount.amount') };
  if (r.kind !== 'planned') bad('amount.kind must be "fixed" or "planned".');
  if (!Array.isArray(r.periods) || r.periods.length === 0 || r.periods.length > MAX_PLANNED) bad(`amount.periods must list 1 to ${MAX_PLANNED} planned periods.`);
  const seen = new Set<string>();
  const periods = r.periods.map((entry, i) => {
    const p = record(entry, `amount.periods[${i}]`);
    if (typeof p.period !== 'string') bad(`amount.periods[${i}].period must be text.`);
    const start = periodStartOfLabel(period, p.period.trim());
    if ('problem' in start) bad(`amount.periods[${i}].period ${start.problem}`);
    const label = p.period.trim();
    if (seen.has(label)) bad(`amount.periods lists ${label} twice.`);
    seen.add(label);
    return { period: label, amount: positiveAmount(p.amount, `amount.periods[${i}].amount`) };
  });
  periods.sort((a, b) => a.period.localeCompare(b.period));
  return { kind: 'planned', periods };
}

function thresholds(value: unknown): number[] {
  if (value === undefined) return [...DEFAULT_BUDGET_THRESHOLDS];
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_THRESHOLDS) bad(`thresholds must list 1 to ${MAX_THRESHOLDS} percentages.`);
  const list = value.map((t, i) => {
    if (typeof t !== 'number' || !Number.isFinite(t) || t <= 0 || t > 1000) bad(`thresholds[${i}] must be a percentage above 0 (at most 1000).`);
    return t;
  });
  return [...new Set(list)].sort((a, b) => a - b);
}

export function budgetInput(arg: unknown): BudgetInput {
  const r = record(arg, 'The budget');
  let id: number | undefined;
  if (r.id !== undefined) {
    if (typeof r.id !== 'number' || !Number.isInteger(r.id) || r.id < 1) bad('id must be the number of a budget (leave it out for a new one).');
    id = r.id;
  }
  if (typeof r.name !== 'string' || r.name.trim() === '' || r.name.trim().length > MAX_NAME) bad(`name must be text of 1 to ${MAX_NAME} characters.`);
  if (typeof r.period !== 'string' || !(PERIODS as readonly string[]).includes(r.period)) bad('period must be "month", "quarter" or "year".');
  const period = r.period as BudgetPeriod;
  if (typeof r.currency !== 'string' || !/^[A-Za-z]{3}$/.test(r.currency.trim())) bad('currency must be a currency code such as USD.');
  const input: BudgetInput = {
    name: r.name.trim(),
    node: node(r.node),
    period,
    currency: r.currency.trim().toUpperCase(),
    amount: amount(r.amount, period),
    thresholds: thresholds(r.thresholds),
  };
  if (id !== undefined) input.id = id;
  return input;
}

export function budgetId(arg: unknown): number {
  const id = record(arg, 'The request').id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) bad('id must be the number of a budget.');
  return id;
}

export function budgetStatusQuery(arg: unknown): BudgetStatusQuery {
  const r = record(arg ?? {}, 'The query');
  const query: BudgetStatusQuery = {};
  if (r.date !== undefined && r.date !== '') {
    if (typeof r.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.date) || dayFromIso(r.date) === undefined) bad(`date must be a day (YYYY-MM-DD).`);
    query.date = r.date;
  }
  if (r.id !== undefined) query.id = budgetId({ id: r.id });
  return query;
}
