import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCents } from '../../../test/support/csv.js';
import { importPaths, testEngine } from '../../../test/support/engine.js';
import { formatTenBillionths, parseTenBillionths, writeFocusFile } from '../../../test/support/focus-file.js';

describe('money does not drift', () => {
  it('200,000 lines with 10-decimal, tiny and negative amounts: report and database totals equal the exact sum to the cent', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cc-drift-')), 'many.csv');
    const generated = await writeFocusFile(path, 200_000, 7);
    const exact = formatTenBillionths(generated.billedTenBillionths);
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [path]);
    expect(sources[0]?.rowsImported).toBe(200_000);
    // The report's exact accumulator keeps every decimal the file has.
    expect(parseTenBillionths(sources[0]?.totals.USD?.billedCost ?? '')).toBe(generated.billedTenBillionths);
    // The database sums floats with SQLite's compensated SUM, through the daily rollup.
    const overview = await engine.call('overview', {});
    expect(toCents(overview.total.billedCost)).toBe(toCents(exact));
    const byDay = overview.byDay.reduce((cents, d) => cents + toCents(d.billedCost.toFixed(6)), 0n);
    expect(byDay - toCents(exact)).toBeLessThanOrEqual(28n); // 28 days, each rounded to the cent once
  });
});
