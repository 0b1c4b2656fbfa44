/** The workspace's exchange rates: read and write, validated, all or nothing. */
import type { FxRate } from '../../../shared/model.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { dayFromIso, isoDay } from '../import/values.js';

const CODE = /^[A-Z]{3}$/;

export function listFxRates(store: Store): FxRate[] {
  return store
    .all<{ from_currency: string; to_currency: string; day: number; rate: number; source: string }>(
      'SELECT from_currency, to_currency, day, rate, source FROM fx_rates ORDER BY from_currency, to_currency, day',
    )
    .map((r) => ({ date: isoDay(r.day), from: r.from_currency, to: r.to_currency, rate: r.rate, source: r.source }));
}

/** Checks every rate first (the message names the first bad one), then writes them in one transaction. */
export function setFxRates(store: Store, rates: readonly FxRate[]): FxRate[] {
  const rows = rates.map((rate, i) => {
    const where = `Rate ${i + 1} (${rate.from}→${rate.to} on ${rate.date})`;
    const from = rate.from.trim().toUpperCase();
    const to = rate.to.trim().toUpperCase();
    if (!CODE.test(from) || !CODE.test(to)) throw new EngineError('BAD_REQUEST', `${where}: currencies must be three-letter codes such as USD.`);
    if (from === to) throw new EngineError('BAD_REQUEST', `${where}: a currency cannot be converted into itself.`);
    const day = dayFromIso(rate.date);
    if (day === undefined) throw new EngineError('BAD_REQUEST', `${where}: the date must be YYYY-MM-DD.`);
    if (!Number.isFinite(rate.rate) || rate.rate <= 0) throw new EngineError('BAD_REQUEST', `${where}: the rate must be a positive number.`);
    if (rate.source.trim() === '') throw new EngineError('BAD_REQUEST', `${where}: say where the rate comes from (its source).`);
    return [from, to, day, rate.rate, rate.source.trim()] as const;
  });
  store.exec('BEGIN');
  try {
    for (const row of rows) store.run('INSERT OR REPLACE INTO fx_rates (from_currency, to_currency, day, rate, source) VALUES (?, ?, ?, ?, ?)', [...row]);
    store.exec('COMMIT');
  } catch (error) {
    store.exec('ROLLBACK');
    throw error;
  }
  return listFxRates(store);
}
