/**
 * Unit economics: cost per unit of something, as time series (cost per 1K tokens, per request,
 * per GPU hour, per training run, per unit of an imported business metric).
 */

/** What the cost is divided by. */
export type UnitMetric = 'tokens' | 'model' | 'request' | 'gpu-hour' | 'training-run' | 'imported';
export type UnitGrain = 'day' | 'week' | 'month';

export interface UnitEconomicsQuery {
  metric: UnitMetric;
  /** Default: day. Weeks start on Monday (ISO weeks). */
  grain?: UnitGrain;
  /** First and last day (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
  /** Which cost: effective (default, amortised, after discounts) or billed. */
  cost?: 'effective' | 'billed';
  /** The imported metric's name (metric 'imported'). */
  name?: string;
  /** Only this billing currency (default: every currency, a series each). */
  currency?: string;
}

export interface UnitPoint {
  /** The period's first day (YYYY-MM-DD). */
  period: string;
  cost: number;
  /** The quantity in its own unit (tokens, requests, GPU hours, runs, metric units). */
  quantity: number;
  /** cost / (quantity / per); null when the quantity is 0 (a gap, never Infinity). */
  ratio: number | null;
}

export interface UnitSeries {
  id: string;
  label: string;
  currency: string;
  /** One point per period of `UnitEconomics.periods`, in order. */
  points: UnitPoint[];
  /** The whole range: total cost over total quantity. */
  total: { cost: number; quantity: number; ratio: number | null };
}

/** A training run's totals (metric 'training-run'). */
export interface TrainingRunRow {
  run: string;
  /** Where the run's id came from: a tag (`tag:run`) or ResourceId. */
  idFrom: string;
  currency: string;
  cost: number;
  gpuHours: number;
  from: string;
  to: string;
}

export interface UnitEconomics {
  metric: UnitMetric;
  grain: UnitGrain;
  cost: 'effective' | 'billed';
  /** What one unit is: "1K tokens", "request", "GPU hour", "training run", "search". */
  unit: string;
  /** The quantities' unit ("tokens", "requests"…). */
  quantityUnit: string;
  /** Quantity per unit (1000 for 1K tokens, else 1). */
  per: number;
  /** First day of every period from the first to the last day with data. */
  periods: string[];
  /** The overall series first (when there is one), then the largest by cost. */
  series: UnitSeries[];
  /** What is left out and why (e.g. token lines without request counts), how figures were found. */
  notes: string[];
  runs?: TrainingRunRow[];
}
