import { describe, expect, it } from 'vitest';
import { nodeEngineDeps } from '../../../hosts/node-host.js';
import type { SqlValue } from '../../types/sql-js.js';
import { prepareRowBinder, type RowBinder } from './row-binder.js';

const ROWS: SqlValue[][] = [
  [1, 2.5, 'a', null],
  [1, 2.5, 'a', null], // the same values again: nothing is bound again, the row is the same
  [-0, 2 ** 31, 'ü 日本 \u0000 end', 7],
  [-7, 1e-300, '', null],
  [null, null, null, null],
  [3, 3, 'x', 3],
  [3, -1.5, 'x', null],
];

function bind(binder: RowBinder, row: readonly SqlValue[]): void {
  row.forEach((value, i) => {
    if (typeof value === 'number') binder.number(i + 1, value);
    else if (typeof value === 'string') binder.text(i + 1, value);
    else binder.null(i + 1);
  });
  binder.insert();
}

async function rowsWith(direct: boolean): Promise<unknown[]> {
  const { sql } = await nodeEngineDeps();
  const db = new sql.Database();
  db.run('CREATE TABLE t (a INTEGER, b REAL, c TEXT, d INTEGER)');
  const binder = prepareRowBinder(sql, db, 'INSERT INTO t VALUES (?, ?, ?, ?)', 4, direct);
  try {
    for (const row of ROWS) bind(binder, row);
  } finally {
    binder.free();
  }
  const rows = db.exec('SELECT a, typeof(a), b, typeof(b), c, length(CAST(c AS BLOB)), d FROM t ORDER BY rowid')[0]?.values ?? [];
  db.close();
  return rows;
}

describe('prepareRowBinder', () => {
  it('binds through the SQLite C functions exactly as Statement.run binds (integers, doubles, NULL, text with NUL), values repeated or not', async () => {
    const direct = await rowsWith(true);
    expect(direct).toEqual(await rowsWith(false));
    expect(direct).toHaveLength(ROWS.length);
    expect(direct[2]).toEqual([0, 'integer', 2 ** 31, 'real', 'ü 日本 \u0000 end', 15, 7]);
    expect(direct[4]).toEqual([null, 'null', null, 'null', null, null, null]);
  });

  it('an insert that fails says why, and the next rows still go in', async () => {
    const { sql } = await nodeEngineDeps();
    const db = new sql.Database();
    db.run('CREATE TABLE t (a INTEGER NOT NULL)');
    const binder = prepareRowBinder(sql, db, 'INSERT INTO t VALUES (?)', 1);
    binder.null(1);
    expect(() => binder.insert()).toThrow(/NOT NULL constraint failed: t\.a/);
    binder.number(1, 5);
    binder.insert();
    binder.free();
    expect(db.exec('SELECT a FROM t')[0]?.values).toEqual([[5]]);
    db.close();
  });
});
