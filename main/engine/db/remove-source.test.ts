import { describe, expect, it } from 'vitest';
import { fixture, importPaths, testEngine } from '../../../test/support/engine.js';

describe('removeSource', () => {
  it('removes a file’s lines and rollups; the other files’ figures are as if it had never been imported', async () => {
    const both = await testEngine();
    await importPaths(both, [fixture('focus/awkward/two-currencies.csv'), fixture('focus/awkward/negative-credits.csv')]);
    const [first] = await both.call('listSources', {});
    const status = await both.call('removeSource', { id: first?.id ?? 0 });
    expect(status).toMatchObject({ sources: 1, costLines: 3 });
    const only = await testEngine();
    await importPaths(only, [fixture('focus/awkward/negative-credits.csv')]);
    expect(await both.call('overview', {})).toEqual(await only.call('overview', {}));
    expect((await both.call('tagBreakdown', { key: 'team' })).rows).toEqual((await only.call('tagBreakdown', { key: 'team' })).rows);
    // The same file can be imported again afterwards (its hash is no longer in the workspace).
    const again = await importPaths(both, [fixture('focus/awkward/two-currencies.csv')], false, 'keep-both');
    expect(again.sources[0]?.status).toBe('imported');
  });

  it('says which file does not exist', async () => {
    const engine = await testEngine();
    await expect(engine.call('removeSource', { id: 42 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'There is no imported file number 42 in this workspace.' });
    await expect(engine.call('removeSource', { id: -1 } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
