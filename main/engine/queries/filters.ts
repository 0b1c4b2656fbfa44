/** The day range and currency every overview query shares. */
import { EngineError } from '../../../shared/rpc.js';
import type { OverviewQuery } from '../../../shared/model.js';
import type { Store } from '../db/store.js';
import { dayFromIso } from '../import/values.js';

export interface Scope {
  currencyId: number | null;
  /** The currency of the figures: the one chosen, or the display currency when converting. */
  currency: string | null;
  fromDay: number;
  toDay: number;
  /** Set when every currency is converted into `currency`. */
  display: string | null;
}

const FAR_PAST = -1e9;
const FAR_FUTURE = 1e9;

function dayOrThrow(text: string | undefined, fallback: number, field: string): number {
  if (text === undefined || text === '') return fallback;
  const day = dayFromIso(text);
  if (day === undefined) throw new EngineError('BAD_REQUEST', `${field} "${text}" is not a date (YYYY-MM-DD).`);
  return day;
}

/** Resolves the query's currency (default: the largest spend) and day range. */
export function scopeOf(store: Store, query: OverviewQuery): Scope {
  const fromDay = dayOrThrow(query.from, FAR_PAST, 'from');
  const toDay = dayOrThrow(query.to, FAR_FUTURE, 'to');
  if (query.displayCurrency) {
    const display = query.displayCurrency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(display)) throw new EngineError('BAD_REQUEST', `displayCurrency "${query.displayCurrency}" is not a currency code.`);
    return { currencyId: null, currency: display, fromDay, toDay, display };
  }
  if (query.currency) {
    const id = store.scalar('SELECT id FROM dict WHERE value = ?', [query.currency.toUpperCase()]);
    return { currencyId: typeof id === 'number' ? id : -1, currency: query.currency.toUpperCase(), fromDay, toDay, display: null };
  }
  const row = store.all<{ id: number; value: string }>(
    `SELECT d.id, d.value FROM daily_dim c JOIN dict d ON d.id = c.currency
     WHERE c.kind = 0 AND c.day BETWEEN ? AND ? GROUP BY c.currency ORDER BY ABS(TOTAL(c.effective)) DESC, d.value LIMIT 1`,
    [fromDay, toDay],
  )[0];
  return { currencyId: row?.id ?? null, currency: row?.value ?? null, fromDay, toDay, display: null };
}
