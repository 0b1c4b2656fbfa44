import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, importPaths, testEngine } from '../../../../../test/support/engine.js';

describe('Azure dates follow the file-level day/month order', () => {
  it('a day-first export (as from a European locale) is read day-first, decided from the whole file', async () => {
    const original = readFileSync(fixture('azure/ftk_EA_ActualCost_Small.csv'), 'utf8');
    // MM/DD/YYYY → DD/MM/YYYY: 09/21/2023 becomes 21/09/2023, which only day-first can read.
    const dayFirst = original.replace(/\b(\d{2})\/(\d{2})\/(\d{4})\b/g, '$2/$1/$3');
    const path = join(mkdtempSync(join(tmpdir(), 'cc-azure-')), 'ea-day-first.csv');
    writeFileSync(path, dayFirst);
    const engine = await testEngine();
    const [usFirst, dayFirstResult] = [
      (await importPaths(await testEngine(), [fixture('azure/ftk_EA_ActualCost_Small.csv')])).sources[0],
      (await importPaths(engine, [path])).sources[0],
    ];
    expect(dayFirstResult?.rowsRejected).toBe(0);
    expect(dayFirstResult?.period).toEqual(usFirst?.period);
    expect(dayFirstResult?.totals).toEqual(usFirst?.totals);
    const days = (await engine.call('overview', {})).byDay.map((d) => d.day);
    expect(days).toEqual(['2023-09-04', '2023-09-05', '2023-09-21']);
  });
});
