import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../../test/support/engine.js';
import { downgradeTo } from '../../../test/support/older-workspace.js';
import { readMetric } from './metric-store.js';

/** Day number of a UTC calendar date, computed independently of the engine's parser. */
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

const SEARCHES = ['date,team,searches', '2026-01-05,search,120000', '2026-01-05,ads,"1,500"', '2026-01-06,search,80000.5', ''].join('\n');

describe('imported business metrics', () => {
  it('imports date,<dimension>,<metric> rows and reads them back per value and day', async () => {
    const engine = await testEngine();
    const report = await engine.call('importMetrics', { text: SEARCHES });
    expect(report).toMatchObject({ imported: true, name: 'searches', dimension: 'team', rowsRead: 3, rowsImported: 3, values: 2, from: '2026-01-05', to: '2026-01-06', problemCount: 0 });
    expect(readMetric(engine.store(), 'searches')).toEqual([
      { dimension: 'team', value: 'ads', day: day(2026, 1, 5), amount: 1500 },
      { dimension: 'team', value: 'search', day: day(2026, 1, 5), amount: 120000 },
      { dimension: 'team', value: 'search', day: day(2026, 1, 6), amount: 80000.5 },
    ]);
    // 120000 + 1500 + 80000.5
    expect(await engine.call('listMetrics', {})).toEqual([
      { name: 'searches', dimension: 'team', values: 2, rows: 3, from: '2026-01-05', to: '2026-01-06', total: 201500.5, sources: ['pasted text'] },
    ]);
    expect(engine.events).toContainEqual({ name: 'dataChanged', payload: { tables: ['metrics'] } });
  });

  it('reads a file by path: BOM, CRLF, a tag dimension, day-first dates decided from the whole file, a name given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metric-'));
    const path = join(dir, 'users.csv');
    writeFileSync(path, '\uFEFFDate,tag:product,users\r\n04/01/2026,chat,10\r\n13/01/2026,chat,12\r\n');
    const engine = await testEngine();
    const report = await engine.call('importMetrics', { file: { kind: 'path', path }, name: 'active users' });
    expect(report).toMatchObject({ imported: true, file: 'users.csv', name: 'active users', dimension: 'tag:product' });
    // 13/01 can only be day-first, so 04/01 is 4 January.
    expect(readMetric(engine.store(), 'active users').map((r) => [r.value, r.day, r.amount])).toEqual([
      ['chat', day(2026, 1, 4), 10],
      ['chat', day(2026, 1, 13), 12],
    ]);
    expect(readMetric(engine.store(), 'active users')[0]?.dimension).toBe('tag:product');
  });

  it.each([
    ['a bad date', 'date,team,searches\n2026-01-05,search,10\n2026-02-30,search,11\n', [{ row: 3, message: 'date "2026-02-30" is not a date.' }]],
    ['a bad number', 'date,team,searches\n2026-01-05,search,ten\n', [{ row: 2, message: 'amount "ten" is not a number.' }]],
    ['a negative number and an empty value', 'date,team,searches\n2026-01-05,,-3\n', [{ row: 2, message: 'the team is empty; amount -3 is negative.' }]],
    ['a missing column', 'date,searches\n2026-01-05,10\n', [{ row: 1, message: 'The header must have three columns: date, the dimension (e.g. team) and the metric (e.g. searches); it has 2 (date, searches).' }]],
    ['a short row', 'date,team,searches\n2026-01-05,search\n', [{ row: 2, message: 'has 2 cells; expected 3 (date, team, searches).' }]],
    ['a repeated day', 'date,team,searches\n2026-01-05,search,1\n2026-01-05T12:00:00Z,search,2\n', [{ row: 3, message: 'repeats the day and team of row 2.' }]],
    ['no date column', 'when,team,searches\n2026-01-05,search,1\n', [{ row: 1, message: 'The first column must be "date"; it is "when".' }]],
  ])('refuses a file with %s, naming the row, and leaves the workspace unchanged', async (_what, text, problems) => {
    const engine = await testEngine();
    await engine.call('importMetrics', { text: 'date,team,searches\n2026-01-01,search,5\n' });
    const before = await engine.call('exportWorkspace', {});
    const events = engine.events.length;
    const report = await engine.call('importMetrics', { text });
    expect(report.imported).toBe(false);
    expect(report.rowsImported).toBe(0);
    expect(report.problems).toEqual(problems);
    expect(report.problemCount).toBe(problems.length);
    expect((await engine.call('exportWorkspace', {})).bytes).toEqual(before.bytes);
    expect(engine.events.length).toBe(events);
    expect(readMetric(engine.store(), 'searches')).toEqual([{ dimension: 'team', value: 'search', day: day(2026, 1, 1), amount: 5 }]);
  });

  it('lists every bad row, not only the first', async () => {
    const engine = await testEngine();
    const report = await engine.call('importMetrics', { text: 'date,team,searches\nx,a,1\n2026-01-01,b,1\ny,c,z\n' });
    expect(report.problems.map((p) => p.row)).toEqual([2, 4]);
    expect(report.problems[1]?.message).toBe('date "y" is not a date; amount "z" is not a number.');
    expect(readMetric(engine.store(), 'searches')).toEqual([]);
  });

  it('a later file replaces the days it repeats and adds the others; another dimension under the same name is refused', async () => {
    const engine = await testEngine();
    await engine.call('importMetrics', { text: SEARCHES });
    const again = await engine.call('importMetrics', { text: 'date,team,searches\n2026-01-06,search,90000\n2026-01-07,search,70000\n' });
    expect(again).toMatchObject({ imported: true, rowsImported: 2, rowsReplaced: 1 });
    expect(readMetric(engine.store(), 'searches').filter((r) => r.value === 'search').map((r) => r.amount)).toEqual([120000, 90000, 70000]);
    const other = await engine.call('importMetrics', { text: 'date,project,searches\n2026-01-06,x,1\n' });
    expect(other.imported).toBe(false);
    expect(other.problems[0]?.message).toMatch(/already stored per team, not per project/);
  });

  it('deletes a metric, and says so when there is none of that name', async () => {
    const engine = await testEngine();
    await engine.call('importMetrics', { text: SEARCHES });
    expect(await engine.call('deleteMetric', { name: 'searches' })).toEqual([]);
    expect(readMetric(engine.store(), 'searches')).toEqual([]);
    await expect(engine.call('deleteMetric', { name: 'searches' })).rejects.toThrow(/no imported metric named "searches"/);
  });

  it('refuses requests without exactly one of file or text', async () => {
    const engine = await testEngine();
    await expect(engine.call('importMetrics', {})).rejects.toThrow(/either file or text/);
    await expect(engine.call('importMetrics', { text: 'a', file: { kind: 'path', path: '/x' } })).rejects.toThrow(/either file or text/);
    await expect(engine.call('importMetrics', { file: { kind: 'path', path: '' } })).rejects.toThrow('file must be a path or a file.');
  });

  it('reports a file that cannot be read instead of throwing', async () => {
    const engine = await testEngine();
    const report = await engine.call('importMetrics', { file: { kind: 'path', path: '/nonexistent/metric.csv' } });
    expect(report.imported).toBe(false);
    expect(report.problems[0]?.message).toMatch(/metric\.csv cannot be read/);
  });

  it('a schema-5 workspace gains the metrics table when opened', async () => {
    const engine = await testEngine();
    downgradeTo(engine.store(), 5);
    const { bytes } = await engine.call('exportWorkspace', {});
    const reopened = await testEngine(bytes);
    expect((await reopened.call('importMetrics', { text: SEARCHES })).imported).toBe(true);
  });
});
