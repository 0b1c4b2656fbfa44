/**
 * Exchange rates from a CSV a user brings (a central bank's table, a finance export):
 * columns date, from, to, rate and optionally source, in any order and case.
 */
import Papa from 'papaparse';
import type { FxRate } from '../../../../shared/model.js';

export type FxCsvResult = { ok: true; rates: FxRate[] } | { ok: false; message: string };

const ALIASES: Record<keyof FxRate, string[]> = {
  date: ['date', 'day', 'valid from', 'effective date'],
  from: ['from', 'from currency', 'base', 'source currency'],
  to: ['to', 'to currency', 'quote', 'target currency'],
  rate: ['rate', 'exchange rate', 'fx rate'],
  source: ['source', 'provider', 'reference'],
};

export function parseFxCsv(text: string, fileName: string): FxCsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header) return { ok: false, message: `${fileName} is empty.` };
  const names = header.map((h) => h.trim().toLowerCase());
  const column = (field: keyof FxRate) => names.findIndex((n) => ALIASES[field].includes(n));
  const positions = { date: column('date'), from: column('from'), to: column('to'), rate: column('rate'), source: column('source') };
  const missing = (['date', 'from', 'to', 'rate'] as const).filter((f) => positions[f] < 0);
  if (missing.length > 0) return { ok: false, message: `${fileName} needs the columns date, from, to and rate; it lacks ${missing.join(', ')}.` };
  const rates: FxRate[] = [];
  for (const [i, row] of rows.entries()) {
    const cell = (p: number) => (p >= 0 ? (row[p] ?? '').trim() : '');
    const rate = Number(cell(positions.rate));
    if (!Number.isFinite(rate) || rate <= 0) return { ok: false, message: `${fileName}, row ${i + 2}: the rate "${cell(positions.rate)}" is not a positive number.` };
    rates.push({ date: cell(positions.date), from: cell(positions.from), to: cell(positions.to), rate, source: cell(positions.source) || fileName });
  }
  return { ok: true, rates };
}
