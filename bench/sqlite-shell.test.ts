import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlite3Version, timeSqliteImport } from './sqlite-shell.js';

const version = sqlite3Version();

describe('timeSqliteImport', () => {
  it.skipIf(version === null)('imports a CSV into one table and counts its rows (header excluded)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cost-council-sqlite-'));
    try {
      const path = join(dir, 'with space.csv');
      await writeFile(path, 'a,b\n1,"x,y"\n2,z\n');
      const result = await timeSqliteImport(path);
      expect(result.rows).toBe(2);
      expect(result.seconds).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a path with a double quote', async () => {
    await expect(timeSqliteImport('a"b.csv')).rejects.toThrow(/double quote/);
  });
});
