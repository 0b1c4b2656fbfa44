import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, importPaths, testEngine } from '../../../test/support/engine.js';
import { downgradeTo } from '../../../test/support/older-workspace.js';
import { SCHEMA_VERSION } from './schema.js';

describe('workspace migrations', () => {
  it('opens a schema-1 workspace (made by an earlier version), rebuilds its rollups, and answers as a fresh import does', async () => {
    const old = await testEngine(new Uint8Array(readFileSync(fixture('workspaces/schema-v1.costcouncil'))));
    expect(old.store().scalar("SELECT value FROM meta WHERE key = 'schema_version'")).toBe(String(SCHEMA_VERSION));
    const fresh = await testEngine();
    await importPaths(fresh, [fixture('focus/awkward/two-currencies.csv'), fixture('focus/awkward/bom-crlf.csv')]);
    for (const currency of ['USD', 'EUR']) {
      const [a, b] = [await old.call('overview', { currency }), await fresh.call('overview', { currency })];
      expect(a.total).toEqual(b.total);
      expect(a.byService).toEqual(b.byService);
      expect(a.topResources).toEqual(b.topResources);
    }
    expect((await old.call('tagBreakdown', { key: 'team' })).rows).toEqual((await fresh.call('tagBreakdown', { key: 'team' })).rows);
    // Sources from before the daily grain are line by line, one stored row per row.
    const sources = await old.call('listSources', {});
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect([source.grain, source.storedRows]).toEqual(['line', source.rows]);
  });

  it('a workspace of every version from 4 on opens with the same tables, columns and answers as a fresh one', async () => {
    const files = [fixture('focus/awkward/two-currencies.csv')];
    const fresh = await testEngine();
    await importPaths(fresh, files);
    const shape = (engine: typeof fresh) => engine.store().all("SELECT m.name AS tbl, p.name AS col FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1, 2");
    const freshShape = shape(fresh);
    const freshOverview = await fresh.call('overview', {});
    expect(freshOverview.currencies.length).toBe(2);
    for (let version = 4; version < SCHEMA_VERSION; version++) {
      const older = await testEngine();
      await importPaths(older, files);
      downgradeTo(older.store(), version);
      expect(shape(older)).not.toEqual(freshShape);
      const reopened = await testEngine((await older.call('exportWorkspace', {})).bytes);
      expect(reopened.store().scalar("SELECT value FROM meta WHERE key = 'schema_version'"), `from ${version}`).toBe(String(SCHEMA_VERSION));
      expect(shape(reopened), `from ${version}`).toEqual(freshShape);
      expect((await reopened.call('overview', {})).currencies, `from ${version}`).toEqual(freshOverview.currencies);
    }
  });

  it('refuses a workspace from a newer version instead of guessing', async () => {
    const engine = await testEngine();
    engine.store().run("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    const { bytes } = await engine.call('exportWorkspace', {});
    await expect(testEngine(bytes)).rejects.toThrow(/schema version 99/);
  });
});
