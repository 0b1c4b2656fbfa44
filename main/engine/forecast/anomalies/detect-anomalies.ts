/** The `detectAnomalies` method: every series of the chosen dimensions, scanned day by day; nothing is stored. */
import type { Anomaly, AnomalyQuery, AnomalySettings } from '../../../../shared/forecast.js';
import type { Store } from '../../db/store.js';
import { dayFromIso, isoDay } from '../../import/values.js';
import { seriesKey } from '../forecast-query.js';
import { denseSeries, hasAllocDaily, lastDataDay, readSeries, resolveCurrency } from '../series-source.js';
import { rootCauses } from './root-cause.js';
import { seriesAnomalies } from './series-anomalies.js';

/** Days reported by default (before `to`). */
export const DEFAULT_REPORT_DAYS = 30;
/** Days of history before the reported ones that train the models. */
export const TRAINING_DAYS = 365;

export function detectAnomalies(store: Store, query: AnomalyQuery & { settings: AnomalySettings }): Anomaly[] {
  const { settings } = query;
  const first = settings.dimensions[0] ?? 'total';
  const currency = resolveCurrency(store, query.currency, first);
  if (currency === null) return [];
  const lastDay = lastDataDay(store, currency, first);
  if (lastDay === null) return [];
  // Days after the last day with data are not billed yet: as zero-cost days they would all be drops.
  const toDay = query.to ? Math.min(dayFromIso(query.to) as number, lastDay) : lastDay;
  const fromDay = query.from ? (dayFromIso(query.from) as number) : toDay - DEFAULT_REPORT_DAYS + 1;
  const currencyId = store.scalar('SELECT id FROM dict WHERE value = ?', [currency]);
  const window = { currency, cost: settings.cost, fromDay: fromDay - TRAINING_DAYS, toDay };
  const anomalies: Anomaly[] = [];
  for (const dimension of settings.dimensions) {
    if (dimension.startsWith('alloc:') && !hasAllocDaily(store)) continue;
    for (const [value, days] of readSeries(store, dimension, window)) {
      const dense = denseSeries(days, toDay);
      const found = seriesAnomalies(dense.values, dense.firstDay, fromDay - dense.firstDay, settings);
      for (const a of found) {
        const day = dense.firstDay + a.index;
        const impact = a.actual - a.expected;
        const series = { dimension, value };
        anomalies.push({
          key: `${seriesKey(dimension, value, currency, settings.cost)}@${isoDay(day)}`,
          series,
          currency,
          cost: settings.cost,
          day: isoDay(day),
          actual: a.actual,
          expected: a.expected,
          lower: a.lower,
          upper: a.upper,
          impact,
          percent: a.expected === 0 ? null : (100 * impact) / Math.abs(a.expected),
          direction: a.direction,
          score: a.score,
          rootCauses: typeof currencyId === 'number' ? rootCauses(store, { parent: series, currencyId, cost: settings.cost, day, impact }) : [],
        });
      }
    }
  }
  // Newest first, then the largest.
  return anomalies.sort((a, b) => b.day.localeCompare(a.day) || Math.abs(b.impact) - Math.abs(a.impact) || a.key.localeCompare(b.key));
}
