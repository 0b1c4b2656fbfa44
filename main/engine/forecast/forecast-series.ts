/**
 * One series' forecast: the candidates' rolling-origin backtests, the choice (lowest backtest
 * error), the forecast with intervals from the chosen model's own backtest errors, and the
 * period projections (their intervals: the forecast days' sum, period-sum.ts). Pure: day numbers in, plain data out (docs/forecasting.md).
 */
import type { BacktestScore, CandidateScore, ForecastModel, ForecastStatus, PeriodProjection } from '../../../shared/forecast.js';
import { backtestOrigins, errorsByStep, runBacktest, scoreBacktest, type BacktestRun } from './backtest.js';
import { isFirstOfMonth, periodOf } from './calendar.js';
import { CANDIDATES, COMBINED, FORECASTERS, MODEL_NAMES, RANKED_MODELS } from './candidates.js';
import { meanOfRuns } from './models/combination.js';
import { boundsAt, intervalModel, type IntervalModel } from './intervals.js';
import { detectMonthlyCharge } from './monthly-charge.js';
import { seasonalNaiveScale } from './models/seasonal-naive.js';
import { isoDay } from '../import/values.js';
import { interval, periodEndTotal, Z80, Z95 } from './period-sum.js';
import { mean, sum } from './stats.js';
import { cleanOutliers } from './outliers.js';
import { HOLT_WINTERS_MIN_DAYS } from './models/holt-winters.js';
import { WEEK } from './models/types.js';
import { plural } from '../text/plural.js';
import { amount } from '../text/amount.js';

/** Fewer days than this: the mean of the last week instead of the candidates. */
export const SHORT_HISTORY_DAYS = 14;
/** Fewer days with a cost than this: no forecast. */
export const MIN_DAYS = 2;
/** The backtest's first origin leaves at least this many days to fit on (the whole history when shorter). */
const MIN_TRAINING_DAYS = 28;

export interface DayForecast {
  day: number;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface SeriesResult {
  status: ForecastStatus;
  model: ForecastModel | null;
  reason: string;
  notes: string[];
  forecast: DayForecast[];
  projections: PeriodProjection[];
  backtest: BacktestScore | null;
  candidates: CandidateScore[];
  monthlyCharge: number | null;
  horizonTotal: { mean: number; lo80: number; hi80: number; lo95: number; hi95: number } | null;
}

const PERIODS = ['month', 'quarter', 'year'] as const;

function round(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** Intervals for histories too short for a backtest: the recent days' spread, normal quantiles. */
function spreadIntervals(y: readonly number[], horizon: number): IntervalModel {
  const recent = y.slice(-28);
  const m = mean(recent);
  const variance = recent.length > 1 ? recent.reduce((s, v) => s + (v - m) * (v - m), 0) / (recent.length - 1) : m * m;
  const sd = Math.sqrt(variance * (1 + 1 / Math.min(7, recent.length)));
  return { scale: new Float64Array(Math.max(1, horizon)).fill(sd), lo95: -1.959964, lo80: -1.281552, hi80: 1.281552, hi95: 1.959964 };
}

/**
 * Bounds of a total whose mean is `centre` and whose spread is that of the sum of `days` (correlated
 * days, period-sum.ts: the same distribution as a budget's period-end total).
 */
function sumBounds(centre: number, days: readonly DayForecast[]): { lo80: number; hi80: number; lo95: number; hi95: number } {
  const total = { mean: centre, sd: periodEndTotal(0, days).sd };
  const [lo80, hi80] = interval(total, Z80);
  const [lo95, hi95] = interval(total, Z95);
  return { lo80, hi80, lo95, hi95 };
}

function noForecast(reason: string, notes: string[]): SeriesResult {
  return { status: 'no-forecast', model: null, reason, notes, forecast: [], projections: [], backtest: null, candidates: [], monthlyCharge: null, horizonTotal: null };
}

/** The notes about how the data reads: credits and days without cost. */
function dataNotes(y: readonly number[]): string[] {
  const notes: string[] = [];
  const zeros = y.filter((v) => v === 0).length;
  const credits = y.filter((v) => v < 0).length;
  if (zeros > 0) notes.push(`${zeros} of ${y.length} days ${zeros === 1 ? 'has' : 'have'} no cost; ${zeros === 1 ? 'it counts as a zero-cost day' : 'they count as zero-cost days'}.`);
  if (credits > 0) notes.push(`${plural(credits, 'day is a net credit', 'days are net credits')} (negative cost); ${credits === 1 ? 'it is' : 'they are'} kept as ${credits === 1 ? 'it is' : 'they are'}.`);
  return notes;
}

/**
 * Forecasts `horizon` days after the history y (day numbers firstDay …), and projects the month,
 * quarter and year holding the first forecast day (forecasting past the horizon when needed).
 * `spentBefore(periodStart)`: the cost from periodStart to the day before firstDay, which a
 * history shorter than the period leaves out of y but the period's actual to date holds.
 */
export function forecastSeries(y: readonly number[], firstDay: number, horizon: number, spentBefore: (periodStart: number) => number = () => 0): SeriesResult {
  const n = y.length;
  const notes = dataNotes(y);
  const withCost = y.filter((v) => v !== 0).length;
  if (withCost < MIN_DAYS) return noForecast(`no forecast: fewer than ${MIN_DAYS} days with a cost (${withCost}).`, notes);
  const start = firstDay + n;
  const reach = Math.max(horizon, periodOf('year', start).end - start + 1);
  const monthly = n >= 5 * 7 ? detectMonthlyCharge(y, firstDay) : null;
  const series = monthly ? monthly.adjusted : [...y];
  if (monthly) notes.push(`A monthly charge on the 1st (about ${amount(monthly.charge)} a month, ${plural(monthly.days.length, 'month')} seen) is modelled apart from the daily series and added back on each 1st.`);

  let model: ForecastModel;
  let reason: string;
  let status: ForecastStatus = 'ok';
  let candidates: CandidateScore[] = [];
  let intervals: IntervalModel;
  let fitted = series;
  if (n < SHORT_HISTORY_DAYS) {
    model = 'recent-mean';
    status = 'short-history';
    // The model's name says 7 days; under a week it is the mean of the days there are.
    const meanOf = n < WEEK ? `the mean of the last ${n} days` : MODEL_NAMES['recent-mean'];
    reason = `short history: fewer than ${SHORT_HISTORY_DAYS} days (${n}), so ${meanOf}, flat, with intervals from the days' spread; no backtest.`;
    intervals = spreadIntervals(series, reach);
  } else if (n <= HOLT_WINTERS_MIN_DAYS) {
    // Two weeks exactly: the candidates could start, but no day is left to test them on.
    model = 'seasonal-naive';
    status = 'short-history';
    reason = `short history: ${n} days leave no day for a backtest, so the ${MODEL_NAMES['seasonal-naive']}, with intervals from the days' spread.`;
    intervals = spreadIntervals(series, reach);
  } else {
    // Models see the series without its outlier days; scores and intervals use the days as they were.
    const { cleaned, outliers, shifts } = cleanOutliers(series);
    if (outliers > 0) notes.push(`${plural(outliers, 'outlier day')} (incidents, one-off charges) ${outliers === 1 ? 'was' : 'were'} replaced by ${outliers === 1 ? 'its' : 'their'} expected value to fit the models; the intervals still allow for such days.`);
    fitted = cleaned;
    // A level shift's days are restored to their raw values once a week of them is seen: an origin
    // inside that week would see days the cleaning still held back then (look-ahead), so it is left out.
    const origins = backtestOrigins(n, horizon, Math.min(MIN_TRAINING_DAYS, Math.max(HOLT_WINTERS_MIN_DAYS, n - WEEK))).filter(
      (origin) => !shifts.some((shift) => shift.from < origin && origin <= shift.to),
    );
    const scale = seasonalNaiveScale(series);
    const single = CANDIDATES.map(([name, forecaster]) => ({ name, run: runBacktest(cleaned, forecaster, origins, horizon) }));
    const parts = COMBINED.map((name) => (single.find((r) => r.name === name) as (typeof single)[number]).run.forecasts);
    const combined = { name: 'combination' as ForecastModel, run: { origins, forecasts: meanOfRuns(parts), horizon } };
    const runs = [...single, combined].map((r) => ({ ...r, score: scoreBacktest(series, r.run, scale) }));
    const mae = (r: (typeof runs)[number]): number => (r.score.points === 0 ? Infinity : meanAbsolute(series, r.run));
    const ranked = runs.map((r) => ({ ...r, mae: mae(r) })).sort((a, b) => a.mae - b.mae || rank(a.name) - rank(b.name));
    // A simpler model within 1% of the best is preferred: the gain is noise.
    const best = ranked[0] as (typeof ranked)[number];
    const chosen = ranked.filter((r) => r.mae <= best.mae * 1.01).sort((a, b) => rank(a.name) - rank(b.name))[0] as (typeof ranked)[number];
    candidates = ranked.map((r) => ({ model: r.name, backtest: r.score }));
    model = chosen.name;
    const naive = runs[0] as (typeof runs)[number];
    reason =
      chosen.name === 'seasonal-naive'
        ? `lowest backtest error of ${runs.length} candidates: ${MODEL_NAMES[model]} (MASE ${fmt(chosen.score.mase)}).`
        : `lowest backtest error of ${runs.length} candidates: ${MODEL_NAMES[model]}, MASE ${fmt(chosen.score.mase)} against ${fmt(naive.score.mase)} for the weekly seasonal naive.`;
    if (n < 8 * 7) reason += ` History is short (${n} days), so the backtest rests on few days.`;
    intervals = intervalModel(errorsByStep(series, chosen.run), reach) ?? spreadIntervals(series, reach);
  }
  const nonNegative = y.every((v) => v >= 0);
  const clip = (v: number): number => (nonNegative ? Math.max(0, v) : v);
  const means = (FORECASTERS[model](fitted, [n], reach)[0] as Float64Array).map((v) => clip(v));
  const forecast: DayForecast[] = [];
  for (let k = 1; k <= reach; k++) {
    const day = start + k - 1;
    const charge = monthly && isFirstOfMonth(day) ? monthly.charge : 0;
    const centre = (means[k - 1] as number) + charge;
    const b = boundsAt(intervals, k, centre);
    forecast.push({ day, mean: centre, lo80: clip(b.lo80), hi80: clip(b.hi80), lo95: clip(b.lo95), hi95: clip(b.hi95) });
  }
  const projections = PERIODS.map((period): PeriodProjection => {
    const p = periodOf(period, start);
    const actualToDate = sum(y.filter((_, i) => firstDay + i >= p.start)) + (p.start < firstDay ? spentBefore(p.start) : 0);
    const steps = p.end - start + 1;
    const rest = forecast.slice(0, steps);
    const forecastRest = sum(rest.map((f) => f.mean));
    const centre = actualToDate + forecastRest;
    const b = sumBounds(centre, rest);
    const floor = (v: number): number => (nonNegative ? Math.max(actualToDate, v) : v);
    return {
      period,
      label: p.label,
      start: isoDay(p.start),
      end: isoDay(p.end),
      actualToDate,
      forecastRest,
      mean: centre,
      lo80: floor(b.lo80),
      hi80: floor(b.hi80),
      lo95: floor(b.lo95),
      hi95: floor(b.hi95),
      withinHorizon: steps <= horizon,
    };
  });
  const horizonMean = sum(forecast.slice(0, horizon).map((f) => f.mean));
  const total = sumBounds(horizonMean, forecast.slice(0, horizon));
  const atLeastZero = (v: number): number => (nonNegative ? Math.max(0, v) : v);
  const chosenScore = candidates.find((c) => c.model === model)?.backtest ?? null;
  return {
    status,
    model,
    reason,
    notes,
    forecast: forecast.slice(0, horizon),
    projections,
    backtest: chosenScore,
    candidates,
    monthlyCharge: monthly ? monthly.charge : null,
    horizonTotal: { mean: horizonMean, lo80: atLeastZero(total.lo80), hi80: atLeastZero(total.hi80), lo95: atLeastZero(total.lo95), hi95: atLeastZero(total.hi95) },
  };
}

function fmt(value: number | null): string {
  return value === null ? 'n/a' : round(value);
}

function rank(name: ForecastModel): number {
  return RANKED_MODELS.indexOf(name);
}

/** Mean absolute error over the scored points (full-horizon origins, or all when none is). */
function meanAbsolute(y: readonly number[], run: BacktestRun): number {
  const full = run.origins.some((o) => o + run.horizon <= y.length);
  let total = 0;
  let count = 0;
  run.origins.forEach((origin, i) => {
    if (full && origin + run.horizon > y.length) return;
    const row = run.forecasts[i] as Float64Array;
    for (let k = 0; k < run.horizon && origin + k < y.length; k++) {
      total += Math.abs((y[origin + k] as number) - (row[k] as number));
      count++;
    }
  });
  return count === 0 ? Infinity : total / count;
}
