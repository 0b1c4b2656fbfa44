import { describe, expect, it } from 'vitest';
import { fixture, importPaths, testEngine } from '../../../test/support/engine.js';

const first = fixture('focus/overlap/acct111-sep-first-export.csv');
const reexport = fixture('focus/overlap/acct111-sep-reexport.csv');
const otherAccount = fixture('focus/overlap/acct222-sep.csv');

describe('overlapping re-exports', () => {
  it('a re-export of the same account and period is not imported until the user decides, and says which file it overlaps', async () => {
    const engine = await testEngine();
    await importPaths(engine, [first]);
    const held = await engine.call('importFiles', { files: [{ kind: 'path', path: reexport }] });
    expect(held.committed).toBe(false);
    expect(held.needsDecision).toBe('overlapping');
    expect(held.sources[0]).toMatchObject({
      status: 'not-imported', rowsImported: 0,
      overlaps: [{ file: 'acct111-sep-first-export.csv', period: { start: '2026-09-01T00:00:00Z', end: '2026-09-11T00:00:00Z' } }],
    });
    expect(held.sources[0]?.message).toContain('covers the same account and period as acct111-sep-first-export.csv');
    expect((await engine.call('overview', {})).total.effectiveCost).toBe('100.000000');
  });

  it('replace: the older file leaves, the re-export lands, in one transaction', async () => {
    const engine = await testEngine();
    await importPaths(engine, [first, otherAccount]);
    const result = await engine.call('importFiles', { files: [{ kind: 'path', path: reexport }], overlapping: 'replace' });
    expect(result.committed).toBe(true);
    expect((await engine.call('listSources', {})).map((s) => s.file)).toEqual(['acct222-sep.csv', 'acct111-sep-reexport.csv']);
    expect((await engine.call('overview', {})).total.effectiveCost).toBe('215.000000'); // 15 × 11 + 10 × 5
  });

  it('keep both: both files stay (the user says the periods are different costs)', async () => {
    const engine = await testEngine();
    await importPaths(engine, [first]);
    const result = await engine.call('importFiles', { files: [{ kind: 'path', path: reexport }], overlapping: 'keep-both' });
    expect(result.committed).toBe(true);
    expect((await engine.call('overview', {})).total.effectiveCost).toBe('265.000000');
  });

  it('another account in the same period, the next part of a split export, or the same file twice, is not an overlap', async () => {
    const engine = await testEngine();
    await importPaths(engine, [first]);
    expect((await importPaths(engine, [otherAccount])).committed).toBe(true);
    expect((await importPaths(engine, [fixture('focus/overlap/acct111-sep-part2.csv')])).committed).toBe(true);
    expect((await importPaths(engine, [first])).sources[0]?.status).toBe('duplicate');
  });
});
