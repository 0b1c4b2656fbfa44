/** Budgets → labels, sentences and table rows; the budget form ↔ the engine's input (pure, tested beside). */
import type { Alert } from '../../../../shared/alerts.js';
import type { Budget, BudgetInput, BudgetLevel, BudgetPeriod, BudgetStatus, BudgetStatusReport } from '../../../../shared/budgets.js';
import { DEFAULT_BUDGET_THRESHOLDS } from '../../../../shared/budgets.js';
import type { SliceDimension } from '../../../../shared/forecast.js';
import { formatMoney } from '../../format/money.js';
import { seriesLabel } from '../forecast/forecast-view.js';

export const LEVEL_LABEL: Record<BudgetLevel, string> = {
  over: 'Over budget',
  'at-risk': 'At risk',
  watch: 'Watch',
  ok: 'On track',
  'no-budget': 'No budget this period',
  unavailable: 'Cannot be read',
};

/** Worst first: the order of the overview card and of the list. */
export const LEVEL_ORDER: readonly BudgetLevel[] = ['over', 'at-risk', 'watch', 'unavailable', 'ok', 'no-budget'];

export const PERIOD_LABEL: Record<BudgetPeriod, string> = { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

export function nodeLabel(node: Budget['node']): string {
  return seriesLabel({ dimension: node.by, value: node.by === 'total' ? null : node.value ?? '(not set)' });
}

/** "62%", "under 1%", "over 99%", "—". */
export function probabilityWords(p: number | null): string {
  if (p === null) return '—';
  if (p > 0 && p < 0.005) return 'under 1%';
  if (p < 1 && p > 0.995) return 'over 99%';
  return `${Math.round(p * 100)}%`;
}

function pct(v: number | null): string {
  return v === null ? '—' : `${Math.round(v)}%`;
}

/** "50% by actual spend; 80% and 100% by the forecast", or "none". */
export function thresholdWords(s: Pick<BudgetStatus, 'crossedActual' | 'crossedForecast'>): string {
  const list = (xs: number[]) => (xs.length <= 1 ? xs.map((x) => `${x}%`).join('') : `${xs.slice(0, -1).map((x) => `${x}%`).join(', ')} and ${xs.at(-1)}%`);
  const forecastOnly = s.crossedForecast.filter((t) => !s.crossedActual.includes(t));
  const parts = [
    ...(s.crossedActual.length ? [`${list(s.crossedActual)} by actual spend`] : []),
    ...(forecastOnly.length ? [`${list(forecastOnly)} by the forecast`] : []),
  ];
  return parts.length ? parts.join('; ') : 'none';
}

/** The status of one budget in a sentence (the list's text alternative to its bars and chips). */
export function budgetSentence(s: BudgetStatus): string {
  const cur = s.budget.currency;
  const head = `${s.budget.name} (${s.period.label}, ${s.period.daysElapsed} of ${s.period.days} days)`;
  if (s.level === 'unavailable') return `${head}: its costs cannot be read.${s.note ? ` ${s.note}` : ''}`;
  if (s.amount === null) return `${head}: no amount is planned for this period; ${formatMoney(s.actual, cur)} spent.`;
  const parts = [`${head}: ${formatMoney(s.actual, cur)} spent of ${formatMoney(s.amount, cur)} (${pct(s.percentActual)})`];
  if (s.forecast) {
    parts.push(`forecast ${formatMoney(s.forecast.total, cur)} by the end of the period (${pct(s.percentForecast)}; 80%: ${formatMoney(s.forecast.lo80, cur)}–${formatMoney(s.forecast.hi80, cur)})`);
    parts.push(`${probabilityWords(s.breachProbability)} chance of going over`);
  }
  return `${parts.join('; ')}. ${LEVEL_LABEL[s.level]}. Thresholds crossed: ${thresholdWords(s)}.${s.note ? ` ${s.note}` : ''}`;
}

/** "3 budgets: 1 over budget, 1 at risk, 1 on track." */
export function statusOverview(report: BudgetStatusReport): string {
  const n = report.statuses.length;
  if (n === 0) return 'No budgets yet.';
  const counts = LEVEL_ORDER.map((level) => [level, report.statuses.filter((s) => s.level === level).length] as const).filter(([, c]) => c > 0);
  return `${n === 1 ? '1 budget' : `${n} budgets`}${report.asOf ? ` as of ${report.asOf}` : ''}: ${counts.map(([level, c]) => `${c} ${LEVEL_LABEL[level].toLowerCase()}`).join(', ')}.`;
}

/** The statuses worst first (level order, then highest breach probability). */
export function worstFirst(statuses: readonly BudgetStatus[]): BudgetStatus[] {
  return [...statuses].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || (b.breachProbability ?? -1) - (a.breachProbability ?? -1));
}

/** The budget form: text as typed. */
export interface BudgetForm {
  name: string;
  by: SliceDimension;
  value: string;
  period: BudgetPeriod;
  currency: string;
  kind: 'fixed' | 'planned';
  amount: string;
  /** One period a line: "2026-11 3000" (a colon or equals sign between also works). */
  planned: string;
  thresholds: string;
}

export function budgetForm(budget: Budget | null, currency: string): BudgetForm {
  return {
    name: budget?.name ?? '',
    by: budget?.node.by ?? 'total',
    value: budget?.node.value ?? '',
    period: budget?.period ?? 'month',
    currency: budget?.currency ?? currency,
    kind: budget?.amount.kind ?? 'fixed',
    amount: budget?.amount.kind === 'fixed' ? String(budget.amount.amount) : '',
    planned: budget?.amount.kind === 'planned' ? budget.amount.periods.map((p) => `${p.period} ${p.amount}`).join('\n') : '',
    thresholds: (budget?.thresholds ?? DEFAULT_BUDGET_THRESHOLDS).join(', '),
  };
}

const PERIOD_PATTERN: Record<BudgetPeriod, { re: RegExp; example: string }> = {
  month: { re: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2026-11' },
  quarter: { re: /^\d{4}-Q[1-4]$/, example: '2026-Q4' },
  year: { re: /^\d{4}$/, example: '2026' },
};

function positive(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  const n = Number(t);
  return t !== '' && Number.isFinite(n) && n > 0 ? n : null;
}

/** The form → the engine's input, or every mistake at once (nothing is saved then). */
export function budgetInputOf(form: BudgetForm, id?: number): { input: BudgetInput } | { errors: string[] } {
  const errors: string[] = [];
  if (form.name.trim() === '') errors.push('Give the budget a name.');
  if (form.by !== 'total' && form.value.trim() === '') errors.push('Name the value the budget watches (e.g. a service name).');
  if (!/^[A-Z]{3}$/.test(form.currency.trim())) errors.push('The currency is a three-letter code such as USD.');
  let amount: BudgetInput['amount'] | null = null;
  if (form.kind === 'fixed') {
    const n = positive(form.amount);
    if (n === null) errors.push('The amount must be a number above 0.');
    else amount = { kind: 'fixed', amount: n };
  } else {
    const { re, example } = PERIOD_PATTERN[form.period];
    const periods: Array<{ period: string; amount: number }> = [];
    form.planned.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').forEach((line, i) => {
      const m = /^(\S+?)\s*[:=]?\s*([\d.,]+)$/.exec(line);
      const n = m ? positive(m[2] ?? '') : null;
      if (!m || !re.test(m[1] ?? '') || n === null) errors.push(`Planned line ${i + 1} ("${line}") should read like "${example} 3000".`);
      else if (periods.some((p) => p.period === m[1])) errors.push(`Planned line ${i + 1} repeats ${m[1]}.`);
      else periods.push({ period: m[1] as string, amount: n });
    });
    if (periods.length === 0 && !errors.some((e) => e.startsWith('Planned'))) errors.push('Plan an amount for at least one period.');
    amount = { kind: 'planned', periods };
  }
  const thresholds = form.thresholds.split(/[,\s]+/).filter((t) => t !== '').map((t) => Number(t.replace(/%$/, '')));
  if (thresholds.some((t) => !Number.isFinite(t) || t <= 0 || t > 1000)) errors.push('Thresholds are percentages above 0, such as 50, 80, 100.');
  if (errors.length > 0 || amount === null) return { errors };
  return {
    input: {
      ...(id !== undefined ? { id } : {}),
      name: form.name.trim(),
      node: form.by === 'total' ? { by: 'total' } : { by: form.by, value: form.value.trim() },
      period: form.period,
      currency: form.currency.trim(),
      amount,
      thresholds: [...new Set(thresholds)].sort((a, b) => a - b),
    },
  };
}

/** Alerts per budget (all statuses, and how many are new), from a list of budget alerts. */
export function alertCountsByBudget(alerts: readonly Alert[]): Map<number, { total: number; new: number }> {
  const counts = new Map<number, { total: number; new: number }>();
  for (const a of alerts) {
    if (a.kind !== 'budget') continue;
    const c = counts.get(a.budget.budgetId) ?? { total: 0, new: 0 };
    c.total += 1;
    if (a.status === 'new') c.new += 1;
    counts.set(a.budget.budgetId, c);
  }
  return counts;
}

/** "3 alerts, 2 new", "1 alert", "No alerts". */
export function alertCountWords(c: { total: number; new: number } | undefined): string {
  if (!c || c.total === 0) return 'No alerts';
  return `${c.total} alert${c.total === 1 ? '' : 's'}${c.new > 0 ? `, ${c.new} new` : ''}`;
}
