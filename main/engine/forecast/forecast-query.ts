/** The `forecast` method: a slice's series from the rollups, each forecast by `forecastSeries`. */
import type { CostMeasure, ForecastQuery, SeriesForecast, SliceDimension } from '../../../shared/forecast.js';
import type { Store } from '../db/store.js';
import { dayFromIso, isoDay } from '../import/values.js';
import { forecastSeries } from './forecast-series.js';
import { denseSeries, lastDataDay, readSeries, resolveCurrency, type SeriesByValue } from './series-source.js';
import { sum } from './stats.js';
import { periodOf } from './calendar.js';

export const DEFAULT_HORIZON = 30;
export const DEFAULT_HISTORY = 365;
export const DEFAULT_LIMIT = 20;

/** The stable id of a series: `<by>=<value>@<currency>/<cost>`. */
export function seriesKey(by: SliceDimension, value: string | null, currency: string, cost: CostMeasure): string {
  return `${by}=${value ?? ''}@${currency}/${cost}`;
}

export function forecast(store: Store, query: ForecastQuery): SeriesForecast[] {
  const { by } = query.slice;
  const cost = query.slice.cost ?? 'effective';
  const currency = resolveCurrency(store, query.slice.currency, by);
  if (currency === null) return [];
  const lastDay = lastDataDay(store, currency, by);
  if (lastDay === null) return [];
  // Days after the last day with data are not billed yet: as zero-cost days they would pull the forecast to zero.
  const toDay = query.asOf ? Math.min(dayFromIso(query.asOf) as number, lastDay) : lastDay;
  const horizon = query.horizon ?? DEFAULT_HORIZON;
  const window = { currency, cost, fromDay: toDay - (query.history ?? DEFAULT_HISTORY) + 1, toDay };
  // The projections' actual to date needs the year so far, even when the history is shorter.
  const readFrom = Math.min(window.fromDay, periodOf('year', toDay + 1).start);
  const { inWindow: series, before } = splitAt(readSeries(store, by, { ...window, fromDay: readFrom }, query.slice.value), window.fromDay);
  const wanted = query.slice.value ?? (by === 'total' ? null : undefined);
  if (wanted !== undefined && !series.has(wanted)) series.set(wanted, new Map());
  const ranked = [...series.entries()]
    .map(([value, days]) => ({ value, days, spend: Math.abs(sum([...days.values()])) }))
    .sort((a, b) => b.spend - a.spend || String(a.value).localeCompare(String(b.value)))
    .slice(0, query.slice.value === undefined ? (query.limit ?? DEFAULT_LIMIT) : 1);
  return ranked.map(({ value, days }): SeriesForecast => {
    const dense = denseSeries(days, toDay);
    const earlier = before.get(value);
    const result = forecastSeries(dense.values, dense.firstDay, horizon, (from) => (earlier ? sum([...earlier].filter(([day]) => day >= from).map(([, amount]) => amount)) : 0));
    return {
      key: seriesKey(by, value, currency, cost),
      series: { dimension: by, value },
      currency,
      cost,
      status: result.status,
      model: result.model,
      reason: result.reason,
      notes: result.notes,
      history: dense.values.map((v, i) => ({ day: isoDay(dense.firstDay + i), value: v })),
      forecast: result.forecast.map((f) => ({ day: isoDay(f.day), mean: f.mean, lo80: f.lo80, hi80: f.hi80, lo95: f.lo95, hi95: f.hi95 })),
      projections: result.projections,
      backtest: result.backtest,
      candidates: result.candidates,
      monthlyCharge: result.monthlyCharge,
      horizonTotal: result.horizonTotal,
    };
  });
}

/** The series' days from `fromDay` on (the history) and those before it (only for the actual to date). */
function splitAt(series: SeriesByValue, fromDay: number): { inWindow: SeriesByValue; before: SeriesByValue } {
  const inWindow: SeriesByValue = new Map();
  const before: SeriesByValue = new Map();
  for (const [value, days] of series) {
    for (const [day, amount] of days) {
      const target = day >= fromDay ? inWindow : before;
      let row = target.get(value);
      if (!row) target.set(value, (row = new Map()));
      row.set(day, amount);
    }
  }
  return { inWindow, before };
}
