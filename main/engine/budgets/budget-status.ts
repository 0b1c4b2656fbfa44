/**
 * Budget status: for each budget, the period containing the chosen day, the actual spend of its
 * node so far, the period-end total the forecast expects (with intervals), the thresholds crossed
 * and the probability of breaching (breach.ts, over the distribution of forecast/period-sum.ts). Forecasts come from the `forecast` of the node's
 * slice, so the budget and the forecast screen agree.
 */
import type { Budget, BudgetLevel, BudgetStatus, BudgetStatusQuery, BudgetStatusReport, PeriodEndForecast, PeriodSpan } from '../../../shared/budgets.js';
import type { ForecastPoint, ForecastQuery, SeriesForecast } from '../../../shared/forecast.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { addCompensated, compensatedTotal } from '../db/tuple-table.js';
import { daysBetween } from '../alerts/calendar.js';
import { forecast } from '../forecast/forecast-query.js';
import { lastDataDay, readSeries } from '../forecast/series-source.js';
import { dayFromIso, isoDay } from '../import/values.js';
import { interval, periodEndTotal, Z80, Z95, type TotalDistribution } from '../forecast/period-sum.js';
import { breachProbability } from './breach.js';
import { listBudgets, readBudget } from './budget-store.js';
import { periodOf } from './periods.js';

export type Forecaster = (store: Store, query: ForecastQuery) => SeriesForecast[];

/** The longest forecast the engine makes (ForecastQuery.horizon). */
const MAX_HORIZON = 366;
const MIN_HISTORY = 365;
const MAX_HISTORY = 1095;

/** The amount of the period with that label: the fixed amount, or the planned one (null: none planned). */
export function amountFor(budget: Budget, label: string): number | null {
  if (budget.amount.kind === 'fixed') return budget.amount.amount;
  return budget.amount.periods.find((p) => p.period === label)?.amount ?? null;
}

export interface StatusFacts {
  budget: Budget;
  period: PeriodSpan;
  /** The last day with costs in the budget's currency (null: none). */
  asOf: string | null;
  /** Spend of the node from the period's start to min(end, asOf). */
  actual: number;
  /** Daily forecast after asOf (any days; those in the period are used). */
  points: readonly ForecastPoint[];
  model: string | null;
  /** Why there is no forecast (when there is none). */
  forecastNote: string | null;
  /** Set when the node's costs cannot be read at all: the status says only this. */
  unavailable?: string;
}

function levelOf(amount: number | null, actual: number, percentForecast: number | null, probability: number | null, crossed: boolean): BudgetLevel {
  if (amount === null) return 'no-budget';
  if (actual > amount) return 'over';
  if ((percentForecast !== null && percentForecast >= 100) || (probability !== null && probability >= 0.5)) return 'at-risk';
  return crossed ? 'watch' : 'ok';
}

function restOfPeriod(facts: StatusFacts): { days: ForecastPoint[]; needed: number } {
  const { period, asOf } = facts;
  const first = asOf === null || asOf < period.start ? period.start : asOf;
  const needed = daysBetween(first, period.end) + (asOf === null || asOf < period.start ? 1 : 0);
  const days = facts.points.filter((p) => p.day > (asOf ?? '') && p.day >= period.start && p.day <= period.end);
  return { days, needed };
}

/** The status from its facts (pure: the hand-computed tests call it directly). */
export function statusOf(facts: StatusFacts): BudgetStatus {
  const { budget, period, asOf, actual } = facts;
  const amount = amountFor(budget, period.label);
  if (facts.unavailable !== undefined) {
    return {
      budget, period, amount, actual: 0, forecast: null, percentActual: null, percentForecast: null,
      crossedActual: [], crossedForecast: [], breachProbability: null, level: 'unavailable', note: facts.unavailable,
    };
  }
  let distribution: TotalDistribution | null = null;
  let forecastTotal: PeriodEndForecast | null = null;
  let note: string | null = null;
  if (asOf === null) {
    note = `There are no costs in ${budget.currency} yet.`;
  } else if (period.end <= asOf) {
    note = 'The period is over: the actual spend is final.';
    distribution = { mean: actual, sd: 0 };
  } else {
    const rest = restOfPeriod(facts);
    if (rest.days.length === rest.needed && facts.model !== null) {
      distribution = periodEndTotal(actual, rest.days);
      const [lo80, hi80] = interval(distribution, Z80);
      const [lo95, hi95] = interval(distribution, Z95);
      forecastTotal = { total: distribution.mean, lo80, hi80, lo95, hi95, sd: distribution.sd, model: facts.model };
    } else {
      note = facts.forecastNote ?? `The forecast does not reach the end of ${period.label}.`;
    }
  }
  const percentActual = amount === null ? null : (actual / amount) * 100;
  const percentForecast = amount === null || forecastTotal === null ? null : (forecastTotal.total / amount) * 100;
  const crossedActual = percentActual === null ? [] : budget.thresholds.filter((t) => percentActual >= t);
  const crossedForecast = percentForecast === null ? [] : budget.thresholds.filter((t) => percentForecast >= t);
  const probability = amount === null || distribution === null ? null : breachProbability(distribution, amount);
  return {
    budget,
    period,
    amount,
    actual,
    forecast: forecastTotal,
    percentActual,
    percentForecast,
    crossedActual,
    crossedForecast,
    breachProbability: probability,
    level: levelOf(amount, actual, percentForecast, probability, crossedActual.length + crossedForecast.length > 0),
    note,
  };
}

/** Compensated sum of the node's daily costs over [from, to]. */
function actualOf(store: Store, budget: Budget, from: string, to: string): number {
  if (to < from) return 0;
  const window = { currency: budget.currency, cost: 'effective' as const, fromDay: dayFromIso(from) as number, toDay: dayFromIso(to) as number };
  const series = readSeries(store, budget.node.by, window, budget.node.value);
  const days = series.get(budget.node.by === 'total' ? null : (budget.node.value ?? null));
  const sum = new Float64Array(2);
  for (const value of days?.values() ?? []) addCompensated(sum, 0, value);
  return compensatedTotal(sum, 0);
}

function factsOf(store: Store, budget: Budget, date: string | null, forecaster: Forecaster): StatusFacts {
  const lastDay = lastDataDay(store, budget.currency, budget.node.by);
  const asOf = lastDay === null ? null : isoDay(lastDay);
  const period = periodOf(budget.period, date ?? asOf ?? '1970-01-01', asOf);
  if (asOf === null) return { budget, period, asOf, actual: 0, points: [], model: null, forecastNote: null };
  const actual = actualOf(store, budget, period.start, period.end < asOf ? period.end : asOf);
  const horizon = daysBetween(asOf, period.end);
  if (horizon <= 0) return { budget, period, asOf, actual, points: [], model: null, forecastNote: null };
  if (horizon > MAX_HORIZON) {
    return { budget, period, asOf, actual, points: [], model: null, forecastNote: `${period.label} ends more than ${MAX_HORIZON} days after the last day with costs (${asOf}): too far to forecast.` };
  }
  const history = Math.min(MAX_HISTORY, Math.max(MIN_HISTORY, daysBetween(period.start, asOf) + 1));
  const slice = { by: budget.node.by, currency: budget.currency, cost: 'effective' as const, ...(budget.node.value === undefined ? {} : { value: budget.node.value }) };
  const series = forecaster(store, { slice, horizon, history, asOf })[0];
  if (!series || series.status === 'no-forecast' || series.model === null) {
    return { budget, period, asOf, actual, points: [], model: null, forecastNote: series?.reason ?? 'No forecast could be made for this node.' };
  }
  return { budget, period, asOf, actual, points: series.forecast, model: series.model, forecastNote: null };
}

function lastDayOfWorkspace(store: Store): string | null {
  const day = store.scalar('SELECT MAX(day) FROM daily_dim WHERE kind = 0');
  return typeof day === 'number' ? isoDay(day) : null;
}

/** The facts, or (when the node cannot be read, e.g. an allocated dimension before any allocation) why not. */
function safeFactsOf(store: Store, budget: Budget, date: string | null, forecaster: Forecaster): StatusFacts {
  try {
    return factsOf(store, budget, date, forecaster);
  } catch (error) {
    if (!(error instanceof EngineError) || error.code === 'INTERNAL') throw error;
    const period = periodOf(budget.period, date ?? '1970-01-01', null);
    return { budget, period, asOf: null, actual: 0, points: [], model: null, forecastNote: null, unavailable: error.message };
  }
}

export function budgetStatus(store: Store, query: BudgetStatusQuery, forecaster: Forecaster = forecast): BudgetStatusReport {
  let budgets: Budget[];
  if (query.id !== undefined) {
    const budget = readBudget(store, query.id);
    if (!budget) throw new EngineError('NOT_FOUND', `There is no budget #${query.id}.`);
    budgets = [budget];
  } else {
    budgets = listBudgets(store);
  }
  const asOf = lastDayOfWorkspace(store);
  const date = query.date ?? asOf;
  return { asOf, statuses: budgets.map((budget) => statusOf(safeFactsOf(store, budget, date, forecaster))) };
}
