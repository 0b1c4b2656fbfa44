/**
 * Plain data of the forecasting and anomaly engine (see docs/forecasting.md): what a forecast,
 * a driver-based AI forecast and an anomaly look like on both sides of the engine's port.
 * Days are ISO dates (YYYY-MM-DD, UTC); money is in the series' currency, as numbers.
 */

/** FOCUS columns a series can be cut by (beside the total, tags and allocated dimensions). */
export const SLICE_COLUMNS = ['ProviderName', 'ServiceCategory', 'ServiceName', 'SubAccountName', 'RegionId', 'ChargeCategory', 'x_Model'] as const;
export type SliceColumn = (typeof SLICE_COLUMNS)[number];

/** Each slice column as a council names it (screens, alert titles): one list for the engine and the renderer. */
export const SLICE_COLUMN_LABELS: Readonly<Record<SliceColumn, string>> = {
  ProviderName: 'Provider',
  ServiceCategory: 'Service category',
  ServiceName: 'Service',
  SubAccountName: 'Sub-account',
  RegionId: 'Region',
  ChargeCategory: 'Charge category',
  x_Model: 'AI model',
};

/**
 * What a series is cut by: the total, a FOCUS column, `tag:<key>` (the values of one tag key) or
 * `alloc:<dimension>` (an allocated dimension, from the attribution rollup `alloc_daily`).
 */
export type SliceDimension = 'total' | SliceColumn | `tag:${string}` | `alloc:${string}`;

/** What the workspace can be cut by, for a slice picker. */
export interface SliceDimensions {
  /** The FOCUS columns (always offered). */
  columns: SliceColumn[];
  /** Tag keys with costs, sorted: each is offered as `tag:<key>`. */
  tagKeys: string[];
  /** Allocated dimensions in `alloc_daily` (empty without allocations): each is `alloc:<dimension>`. */
  allocated: string[];
}

/** Which cost a series sums: FOCUS BilledCost or EffectiveCost (amortised, after discounts). */
export type CostMeasure = 'billed' | 'effective';

export interface SliceSpec {
  by: SliceDimension;
  /**
   * One value of the dimension (e.g. "Amazon EC2"); `(not set)` for lines without one. Unset:
   * one series per value (the largest ones by spend, see `ForecastQuery.limit`).
   */
  value?: string;
  /** Default: effective. */
  cost?: CostMeasure;
  /** Default: the currency with the largest spend. */
  currency?: string;
}

export interface ForecastQuery {
  slice: SliceSpec;
  /** Days to forecast after the last day of history: 1–366, default 30. */
  horizon?: number;
  /** Days of history the models see, counted back from the last day: 14–1,095, default 365. */
  history?: number;
  /** The last day of history (YYYY-MM-DD), at most the last day with data in the currency (the default). */
  asOf?: string;
  /** With no `slice.value`: at most this many series (largest spend first), 1–200, default 20. */
  limit?: number;
}

/** The candidate models (docs/forecasting.md). */
export type ForecastModel =
  /** Each day repeats the same weekday one week earlier. */
  | 'seasonal-naive'
  /** Each day is the mean of the same weekday over the last four weeks. */
  | 'seasonal-mean'
  /** Holt-Winters additive: level, trend and a weekly seasonal cycle. */
  | 'holt-winters'
  /** Holt-Winters with a damped trend (the trend fades out over the horizon). */
  | 'holt-winters-damped'
  /** A least-squares line through the history, plus the mean weekday effect. */
  | 'linear-trend'
  /** The mean of the Holt-Winters, damped Holt-Winters and linear-trend forecasts (a combination is steadier than any one of them). */
  | 'combination'
  /** Short histories: the mean of the last (up to) seven days, flat. */
  | 'recent-mean';

export interface DayValue {
  day: string;
  value: number;
}

/**
 * One forecast day. The bounds come from the model's own backtest errors, so they need not be
 * symmetric around the mean (a model that under-forecast in its backtest gets a higher interval).
 */
export interface ForecastPoint {
  day: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** Accuracy of a model on the series' own past (rolling-origin backtest). */
export interface BacktestScore {
  /** Mean absolute percentage error, %, over the days whose actual is not zero; null when all are zero. */
  mape: number | null;
  /** Mean absolute error ÷ in-sample MAE of the weekly seasonal naive: below 1 beats it. Null when that MAE is 0. */
  mase: number | null;
  /** Mean of (forecast − actual): positive when the model over-forecasts. */
  bias: number;
  /** Share (0–1) of actuals inside the 80% interval; null when the model had no intervals to test. */
  coverage80: number | null;
  /** How many forecast origins the backtest used. */
  origins: number;
  /** How many (origin, day) pairs were scored. */
  points: number;
}

export interface CandidateScore {
  model: ForecastModel;
  backtest: BacktestScore;
}

export type ProjectionPeriod = 'month' | 'quarter' | 'year';

/** The total of the calendar period that holds the first forecast day: actual so far + forecast rest. */
export interface PeriodProjection {
  period: ProjectionPeriod;
  /** e.g. "2026-11", "2026-Q4", "2026". */
  label: string;
  start: string;
  end: string;
  /** Sum of actuals from the period's start to the last day of history. */
  actualToDate: number;
  /** Sum of the forecast means for the rest of the period. */
  forecastRest: number;
  /** actualToDate + forecastRest. */
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** False when the period ends after the horizon: the rest was forecast beyond `horizon` to close it. */
  withinHorizon: boolean;
}

export type ForecastStatus =
  /** A chosen model with a backtest. */
  | 'ok'
  /** Fewer than 14 days: a simpler model, said in `reason`. */
  | 'short-history'
  /** Fewer than 2 days with data: no forecast, said in `reason`. */
  | 'no-forecast';

export interface SeriesForecast {
  /** Stable id of the series: `<by>=<value>@<currency>/<cost>` (value empty for the total). */
  key: string;
  series: { dimension: SliceDimension; value: string | null };
  currency: string;
  cost: CostMeasure;
  status: ForecastStatus;
  model: ForecastModel | null;
  /** Why this model, in a sentence, e.g. "short history: fewer than 14 days, so the mean of the last 7 days". */
  reason: string;
  /** How the data was read: gaps filled with zero, a monthly charge on day 1 modelled apart, credit days... */
  notes: string[];
  history: DayValue[];
  forecast: ForecastPoint[];
  projections: PeriodProjection[];
  /** The chosen model's backtest (null when the history is too short for one). */
  backtest: BacktestScore | null;
  /** Every candidate's backtest, best first. */
  candidates: CandidateScore[];
  /** A charge modelled on day 1 of each month apart from the daily series (docs/forecasting.md); null when none. */
  monthlyCharge: number | null;
  /** The sum of the forecast over the horizon, with intervals of the sum (not sums of the daily bounds). */
  horizonTotal: { mean: number; lo80: number; hi80: number; lo95: number; hi95: number } | null;
}

/** Driver-based forecast of AI spend: tokens × price book price × traffic growth. */
export interface DriverForecastQuery {
  /** Days to forecast, 1–366, default 30. */
  horizon?: number;
  /** Traffic growth per 30 days, as a fraction: 0.1 = +10% a month (compounded daily). −0.9–10, default 0. */
  growth?: number;
  /** Days of recent token usage the daily volume is averaged over, 1–365, default 28. */
  basis?: number;
  /** Default: the currency with the largest AI spend. */
  currency?: string;
  /** The last day of history (YYYY-MM-DD); default the last day with token usage. */
  asOf?: string;
}

export interface TokenDriver {
  tokenType: string;
  /** Mean tokens a day over the basis window (a model first used inside it: over the days since it started). */
  tokensPerDay: number;
  /** Price per million tokens from the price book; null when the book has none for this model/type. */
  pricePerMillion: number | null;
}

export interface ModelDriverForecast {
  model: string;
  /** The providers whose lines carry the model, comma-separated. */
  provider: string | null;
  /** The price book entry used (null: unpriced, no driver cost). */
  priceId: string | null;
  drivers: TokenDriver[];
  /** Tokens × price per day at the start of the horizon (before growth). */
  costPerDay: number;
  /** Driver cost over the whole horizon, with growth. */
  horizonCost: number;
  /** What the billing data shows for this model over the basis window, per day (for comparison). */
  actualPerDay: number;
  /** The time-series forecast of the model's own cost series over the same horizon, when it has one. */
  timeSeries: { model: ForecastModel; horizonCost: number; lo80: number; hi80: number } | null;
}

export interface DriverForecast {
  currency: string | null;
  horizon: number;
  growth: number;
  basisFrom: string | null;
  basisTo: string | null;
  models: ModelDriverForecast[];
  /** The sum of every model's driver cost, per forecast day. */
  total: DayValue[];
  /** Human sentences about what could not be priced or read. */
  notes: string[];
}

/** Dimensions anomaly detection scans (each value of each is one series; `total` is the whole). */
export type AnomalyDimension = SliceDimension;

export interface AnomalySettings {
  /** Default: total, ProviderName, ServiceName, SubAccountName. */
  dimensions: AnomalyDimension[];
  /** Smallest |actual − expected| (in the currency) worth raising. Default 50. */
  minImpact: number;
  /** Smallest |actual − expected| ÷ |expected|, in %. Default 20. */
  minPercent: number;
  direction: 'spikes' | 'drops' | 'both';
  /** Robust z (|residual − median| ÷ (1.4826 × MAD)) above which a day is anomalous. Default 4. */
  sensitivity: number;
  /** Default effective. */
  cost: CostMeasure;
}

export const DEFAULT_ANOMALY_SETTINGS: AnomalySettings = {
  dimensions: ['total', 'ProviderName', 'ServiceName', 'SubAccountName'],
  minImpact: 50,
  minPercent: 20,
  direction: 'both',
  sensitivity: 4,
  cost: 'effective',
};

export interface AnomalyQuery {
  /** Any subset; the rest comes from DEFAULT_ANOMALY_SETTINGS. */
  settings?: Partial<AnomalySettings>;
  /** First day to report (YYYY-MM-DD); default 30 days before `to`. Earlier history still trains the models. */
  from?: string;
  /** Last day to report; default the last day with data. */
  to?: string;
  /** Default: the currency with the largest spend. */
  currency?: string;
}

export interface RootCause {
  /** The child dimension, e.g. "ServiceName", "RegionId", "ResourceId", "x_Model", "tag:team". */
  dimension: string;
  value: string;
  /** The child's actual − its expected on that day. */
  impact: number;
  /** impact ÷ the anomaly's impact (can exceed 1 when other children moved the other way). */
  share: number;
}

export interface Anomaly {
  /** Stable id: the series key + "@" + day; the same anomaly gets the same key on every run. */
  key: string;
  series: { dimension: AnomalyDimension; value: string | null };
  currency: string;
  cost: CostMeasure;
  day: string;
  actual: number;
  expected: number;
  /**
   * The normal range at the sensitivity: expected ± sensitivity × robust scale; for a series judged
   * on the log scale (multiplicative costs), expected × e^(∓ sensitivity × scale), wider above
   * than below. A day outside it is flagged (if past the thresholds).
   */
  lower: number;
  upper: number;
  /** actual − expected. */
  impact: number;
  /** impact ÷ |expected| × 100; null when expected is 0. */
  percent: number | null;
  direction: 'spike' | 'drop';
  /** Robust z of the day's residual (of log(actual ÷ expected) on the log scale). */
  score: number;
  /** Child slices ranked by |impact|, largest first (at most 10). */
  rootCauses: RootCause[];
}
