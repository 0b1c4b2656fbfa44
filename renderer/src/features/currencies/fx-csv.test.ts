import { describe, expect, it } from 'vitest';
import { parseFxCsv } from './fx-csv.js';

describe('parseFxCsv', () => {
  it('reads rates in any column order and case, the file name as the default source', () => {
    expect(parseFxCsv('\uFEFFRate,From,To,Date\n1.1,EUR,USD,2026-09-01\n', 'ecb.csv')).toEqual({
      ok: true, rates: [{ date: '2026-09-01', from: 'EUR', to: 'USD', rate: 1.1, source: 'ecb.csv' }],
    });
    expect(parseFxCsv('date,from,to,rate,source\n2026-09-01,GBP,USD,1.27,Bank of England\n', 'x.csv')).toMatchObject({ ok: true, rates: [{ source: 'Bank of England' }] });
  });
  it('names missing columns and the row of a bad rate', () => {
    expect(parseFxCsv('date,rate\n2026-09-01,1\n', 'r.csv')).toEqual({ ok: false, message: 'r.csv needs the columns date, from, to and rate; it lacks from, to.' });
    expect(parseFxCsv('date,from,to,rate\n2026-09-01,EUR,USD,1.1\n2026-09-02,EUR,USD,n/a\n', 'r.csv')).toEqual({ ok: false, message: 'r.csv, row 3: the rate "n/a" is not a positive number.' });
  });
});
