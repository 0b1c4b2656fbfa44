import { describe, expect, it } from 'vitest';
import { seeded } from '../../../test/support/focus-file.js';
import { nodeEngineDeps } from '../../hosts/node-host.js';
import { addCompensated, compensatedTotal, TupleTable } from './tuple-table.js';

describe('TupleTable', () => {
  it('gives tuples dense indexes in order of first insertion, through growth and appended groups', () => {
    const table = new TupleTable(3, 1, 4);
    const key = new Int32Array(3);
    const seen = new Map<string, number>();
    const random = seeded(2);
    for (let i = 0; i < 20_000; i++) {
      key[0] = Math.floor(random() * 40);
      key[1] = -Math.floor(random() * 3);
      key[2] = Math.floor(random() * 200) * 65_537;
      const text = key.join(',');
      const index = i % 7 === 0 && !seen.has(text) ? table.append(key) : table.indexOf(key);
      if (!seen.has(text)) seen.set(text, seen.size);
      expect(index).toBe(seen.get(text));
    }
    expect(table.size).toBe(seen.size);
    [...seen.keys()].forEach((text, index) => expect([0, 1, 2].map((f) => table.at(index, f)).join(',')).toBe(text));
  });
});

describe('compensated sums', () => {
  it('are the very doubles SQLite\'s TOTAL gives for the same values in the same order', async () => {
    const { sql } = await nodeEngineDeps();
    const db = new sql.Database();
    const random = seeded(9);
    const values = Array.from({ length: 5000 }, () => (random() - 0.3) * 10 ** Math.floor(random() * 12 - 6));
    values.push(1e16, 1, -1e16, 3.4e-7);
    const sums = new Float64Array(2);
    for (const value of values) addCompensated(sums, 0, value);
    db.run('CREATE TABLE v (x REAL)');
    const insert = db.prepare('INSERT INTO v VALUES (?)');
    for (const value of values) insert.run([value]);
    insert.free();
    const total = db.exec('SELECT TOTAL(x) FROM v')[0]?.values[0]?.[0];
    expect(compensatedTotal(sums, 0)).toBe(total);
    db.close();
  });
});
