import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOCUS_COLUMNS } from '../main/engine/import/formats/focus-columns.js';
import { createEngine } from '../main/engine/index.js';
import { inProcessContext } from '../scripts/demo/engine-context.js';
import { fixedClockDeps } from '../scripts/demo/demo-workspace.js';
import { benchMeters, serviceCount, subAccountCount, tagCombinations } from './bench-catalog.js';
import { writeLargeFocusFile } from './large-focus-file.js';
import { createRandom } from '../scripts/demo/prng.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cost-council-bench-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bench catalog', () => {
  it('has the cardinalities of a large export', () => {
    expect(serviceCount()).toBe(50);
    expect(subAccountCount()).toBe(20);
    expect(new Set(tagCombinations()).size).toBe(200);
    const meters = benchMeters(createRandom(1));
    expect(new Set(meters.map((m) => m.meter.resource?.id)).size).toBe(10_000);
    expect(new Set(meters.map((m) => m.meter.serviceName)).size).toBe(50);
  });
});

describe('writeLargeFocusFile', () => {
  it('writes exactly the asked rows, with every mandatory column, the same bytes for the same seed', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    await writeLargeFocusFile(a, { rows: 3000, seed: 5, resources: 500 });
    await writeLargeFocusFile(b, { rows: 3000, seed: 5, resources: 500 });
    const text = await readFile(a, 'utf8');
    expect(text === (await readFile(b, 'utf8'))).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(3000);
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(FOCUS_COLUMNS.filter((c) => c.mandatory).map((c) => c.name)));
    const days = new Set(parsed.data.map((r) => r.ChargePeriodStart?.slice(0, 10)));
    expect(days.size).toBe(92);
  });

  it('imports through the real engine with no rejected rows', async () => {
    const path = join(dir, 'import.csv');
    await writeLargeFocusFile(path, { rows: 5000, seed: 9 });
    const engine = createEngine(await fixedClockDeps());
    try {
      const result = await engine.handlers.importFiles({ files: [{ kind: 'path', path }] }, inProcessContext());
      expect(result.committed).toBe(true);
      expect(result.sources[0]).toMatchObject({ status: 'imported', format: 'focus-1.2', rowsImported: 5000, rowsRejected: 0 });
      const teams = await engine.handlers.tagBreakdown({ key: 'team', top: 100 }, inProcessContext());
      expect(teams.rows.length).toBe(11); // 10 teams and the untagged lines
    } finally {
      engine.dispose();
    }
  });
});
