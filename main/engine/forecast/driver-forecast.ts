/**
 * Driver-based forecast of AI spend: each model's mean daily tokens (per token type) over a basis
 * window × the price book's price for that model and token type × a traffic growth rate
 * (compounded daily), beside the time-series forecast of the model's own cost series.
 */
import type { DriverForecast, DriverForecastQuery, ModelDriverForecast, TokenDriver } from '../../../shared/forecast.js';
import type { TokenPriceKind } from '../../../shared/model.js';
import type { Store } from '../db/store.js';
import { dayFromIso, isoDay } from '../import/values.js';
import { findModelPrice } from '../pricing/price-lookup.js';
import { workspacePriceBook } from '../pricing/workspace-price-book.js';
import { forecast, DEFAULT_HORIZON } from './forecast-query.js';
import { resolveCurrency } from './series-source.js';

export const DEFAULT_BASIS = 28;
/** Growth is given per this many days. */
const GROWTH_PERIOD = 30;

/** The price kind of an x_TokenType as importers write it (input, output, cached-read, cache-write, reasoning…). */
export function priceKindOf(tokenType: string): TokenPriceKind | null {
  const t = tokenType.toLowerCase();
  if (/cache[sd]?[-_ ]?(read|hit)|cached/.test(t)) return 'cachedInput';
  if (/(write|creation).*1h|1h.*(write|creation)/.test(t)) return 'cacheWrite1h';
  if (/write|creation/.test(t)) return 'cacheWrite';
  if (/output|reasoning|completion/.test(t)) return 'output';
  if (/input|prompt/.test(t)) return 'input';
  return null;
}

interface UsageRow {
  model: string;
  provider: string | null;
  token_type: string | null;
  tokens: number;
  cost: number;
  [key: string]: string | number | null;
}

export function driverForecast(store: Store, query: DriverForecastQuery): DriverForecast {
  const horizon = query.horizon ?? DEFAULT_HORIZON;
  const growth = query.growth ?? 0;
  const basis = query.basis ?? DEFAULT_BASIS;
  const currency = resolveCurrency(store, query.currency, 'x_Model');
  const empty: DriverForecast = { currency, horizon, growth, basisFrom: null, basisTo: null, models: [], total: [], notes: [] };
  const currencyId = currency === null ? null : store.scalar('SELECT id FROM dict WHERE value = ?', [currency]);
  if (typeof currencyId !== 'number') return { ...empty, notes: ['There is no cost in this currency.'] };
  const last = query.asOf ? dayFromIso(query.asOf) : store.scalar('SELECT MAX(day) FROM cost_lines WHERE BillingCurrency = ? AND x_Tokens IS NOT NULL AND x_Model IS NOT NULL', [currencyId]);
  if (typeof last !== 'number') return { ...empty, notes: ['No line has token usage (x_Model and x_Tokens), so there is nothing to drive a forecast.'] };
  const from = last - basis + 1;
  const rows = store.all<UsageRow>(
    `SELECT m.value AS model, p.value AS provider, t.value AS token_type, g.tokens, g.cost
     FROM (SELECT x_Model, ProviderName, x_TokenType, TOTAL(x_Tokens) AS tokens, TOTAL(EffectiveCost) AS cost FROM cost_lines
           WHERE BillingCurrency = ? AND day BETWEEN ? AND ? AND x_Model IS NOT NULL GROUP BY 1, 2, 3) g
     JOIN dict m ON m.id = g.x_Model LEFT JOIN dict p ON p.id = g.ProviderName LEFT JOIN dict t ON t.id = g.x_TokenType
     ORDER BY m.value`,
    [currencyId, from, last],
  );
  // A model first used inside the basis is averaged over the days since it started, not the whole basis.
  const started = new Map(
    store
      .all<{ model: string; first: number }>(
        `SELECT m.value AS model, g.first FROM (SELECT x_Model, MIN(day) AS first FROM cost_lines WHERE BillingCurrency = ? AND x_Model IS NOT NULL AND day <= ? GROUP BY x_Model) g
         JOIN dict m ON m.id = g.x_Model`,
        [currencyId, last],
      )
      .map((r) => [r.model, r.first]),
  );
  const book = workspacePriceBook(store).book;
  const priceDay = isoDay(last);
  const notes: string[] = [];
  const daily = Math.pow(1 + growth, 1 / GROWTH_PERIOD);
  const byModel = new Map<string, UsageRow[]>();
  for (const row of rows) byModel.set(row.model, [...(byModel.get(row.model) ?? []), row]);
  const totals = new Array<number>(horizon).fill(0);
  const models: ModelDriverForecast[] = [];
  for (const [model, usage] of byModel) {
    const price = findModelPrice(book, model, priceDay);
    const priced = price !== null && price.currency === currency;
    if (price && !priced) notes.push(`${model}: the price book prices it in ${price.currency}, not ${currency}; no driver cost.`);
    if (!price) notes.push(`${model}: not in the price book; no driver cost.`);
    // One driver per token type (the same model may come from several providers).
    const days = last - Math.max(from, started.get(model) ?? from) + 1;
    const tokensByType = new Map<string, number>();
    for (const row of usage) if (row.token_type !== null && row.tokens !== 0) tokensByType.set(row.token_type, (tokensByType.get(row.token_type) ?? 0) + row.tokens);
    const drivers: TokenDriver[] = [];
    let costPerDay = 0;
    for (const [tokenType, tokens] of tokensByType) {
      const kind = priceKindOf(tokenType);
      const text = priced && kind ? price.perMillion[kind] : undefined;
      const pricePerMillion = text === undefined ? null : Number(text);
      const tokensPerDay = tokens / days;
      if (priced && pricePerMillion === null) notes.push(`${model}: no price for "${tokenType}" tokens; they add no driver cost.`);
      drivers.push({ tokenType, tokensPerDay, pricePerMillion });
      if (pricePerMillion !== null) costPerDay += (tokensPerDay * pricePerMillion) / 1e6;
    }
    let horizonCost = 0;
    for (let k = 1; k <= horizon; k++) {
      const cost = costPerDay * Math.pow(daily, k);
      totals[k - 1] = (totals[k - 1] as number) + cost;
      horizonCost += cost;
    }
    const [series] = forecast(store, { slice: { by: 'x_Model', value: model, currency: currency as string }, horizon, asOf: isoDay(last) });
    models.push({
      model,
      provider: [...new Set(usage.map((r) => r.provider).filter((p): p is string => p !== null))].join(', ') || null,
      priceId: priced ? `${price.provider}:${price.models[0] ?? model}@${price.effectiveFrom}` : null,
      drivers,
      costPerDay,
      horizonCost,
      actualPerDay: usage.reduce((s, r) => s + r.cost, 0) / days,
      timeSeries: series && series.model && series.horizonTotal ? { model: series.model, horizonCost: series.horizonTotal.mean, lo80: series.horizonTotal.lo80, hi80: series.horizonTotal.hi80 } : null,
    });
  }
  models.sort((a, b) => b.horizonCost - a.horizonCost || a.model.localeCompare(b.model));
  return {
    currency,
    horizon,
    growth,
    basisFrom: isoDay(from),
    basisTo: isoDay(last),
    models,
    total: totals.map((value, k) => ({ day: isoDay(last + k + 1), value })),
    notes,
  };
}
