/**
 * Budgets: an amount per period (month, quarter or year) for one node of any dimension, with
 * thresholds on actual spend and on the forecast, and the probability of breaching it.
 * Plain data shared by the engine, the CLI and the UI.
 */
import type { SliceDimension } from './forecast.js';

export type BudgetPeriod = 'month' | 'quarter' | 'year';

/**
 * The node a budget watches, as a forecast slice: `by` is `total` (no value), a FOCUS column
 * (`ServiceName`, `ProviderName`, `SubAccountName`, `RegionId`, `x_Model`, …), `tag:<key>` or
 * `alloc:<dimension>`; `value` is that column's (or tag's) value, `(not set)` for lines without one.
 */
export interface BudgetNode {
  by: SliceDimension;
  value?: string;
}

/** A period's planned amount; `period` is a label: `2026-03` (month), `2026-Q1` (quarter), `2026` (year). */
export interface PlannedAmount {
  period: string;
  amount: number;
}

/** The same amount every period, or an amount planned per period (periods without one have no budget). */
export type BudgetAmount = { kind: 'fixed'; amount: number } | { kind: 'planned'; periods: PlannedAmount[] };

export interface Budget {
  id: number;
  name: string;
  node: BudgetNode;
  period: BudgetPeriod;
  /** ISO 4217 code; the budget counts costs billed in this currency (no conversion). */
  currency: string;
  amount: BudgetAmount;
  /** Percentages of the amount that raise a flag, ascending (default 50, 80, 100). */
  thresholds: number[];
  createdAt: string;
  updatedAt: string;
}

/** What `saveBudget` takes: a new budget (no id) or the replacement of one (its id). */
export interface BudgetInput {
  id?: number;
  name: string;
  node: BudgetNode;
  period: BudgetPeriod;
  currency: string;
  amount: BudgetAmount;
  /** Default: 50, 80, 100. */
  thresholds?: number[];
}

export const DEFAULT_BUDGET_THRESHOLDS: readonly number[] = [50, 80, 100];

/** One calendar period: label and first/last day (inclusive, YYYY-MM-DD). */
export interface PeriodSpan {
  label: string;
  start: string;
  end: string;
  days: number;
  /** Days of the period up to and including the as-of day (0 before it starts). */
  daysElapsed: number;
}

/** The period-end total the forecast expects, with its intervals. */
export interface PeriodEndForecast {
  /** Actual to date plus the expected rest of the period. */
  total: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** Standard deviation of the total under the stated assumption (see docs/alerts-and-budgets.md). */
  sd: number;
  /** The forecast model of the slice (from `forecast`). */
  model: string;
}

/**
 * - `over`: actual spend already exceeds the amount.
 * - `at-risk`: the forecast reaches the amount, or the breach probability is at least 50%.
 * - `watch`: a threshold is crossed by the actual spend or by the forecast.
 * - `ok`: none of these; `no-budget`: a planned budget has no amount for this period.
 * - `unavailable`: the node's costs cannot be read (e.g. `alloc:` before any allocation); see `note`.
 */
export type BudgetLevel = 'over' | 'at-risk' | 'watch' | 'ok' | 'no-budget' | 'unavailable';

export interface BudgetStatus {
  budget: Budget;
  period: PeriodSpan;
  /** The amount for this period (null: a planned budget without one). */
  amount: number | null;
  /** Effective cost of the node in the period up to the as-of day. */
  actual: number;
  /** Null when no forecast could be made (the reason is in `note`) or the period is over. */
  forecast: PeriodEndForecast | null;
  percentActual: number | null;
  percentForecast: number | null;
  /** Thresholds (percent) reached by the actual spend / by the forecast period-end total. */
  crossedActual: number[];
  crossedForecast: number[];
  /** P(period-end total > amount), 0–1; null without an amount. */
  breachProbability: number | null;
  level: BudgetLevel;
  note: string | null;
}

export interface BudgetStatusQuery {
  /** A day (YYYY-MM-DD) inside the periods to report; default: the last day with costs. */
  date?: string;
  /** Only this budget. */
  id?: number;
}

export interface BudgetStatusReport {
  /** The last day counted as actual (YYYY-MM-DD); null in an empty workspace. */
  asOf: string | null;
  statuses: BudgetStatus[];
}
