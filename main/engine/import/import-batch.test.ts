import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../shared/rpc.js';
import { exactSum, readCsv, toCents, toCsv } from '../../../test/support/csv.js';
import { fixture, importPaths, testEngine } from '../../../test/support/engine.js';
import { FOCUS_COLUMNS } from './formats/focus-columns.js';

const MANDATORY = FOCUS_COLUMNS.filter((c) => c.mandatory).map((c) => c.name);
const SPEC_DIR = fixture('focus');
const specFiles = readdirSync(SPEC_DIR).filter((f) => f.endsWith('.csv'));
const scratch = mkdtempSync(join(tmpdir(), 'cc-import-'));

/** Placeholder values for the mandatory columns some spec examples leave out (they show only the columns of their scenario). */
const PLACEHOLDERS: Record<string, string> = {
  BillingAccountId: 'acct-1', BillingAccountName: 'Spec example', BillingCurrency: 'USD', ChargeClass: '',
  ChargeDescription: 'FOCUS spec example', ContractedCost: '0', InvoiceIssuerName: 'Example', ListCost: '0',
  PricingQuantity: '', PricingUnit: '', ProviderName: 'Example', PublisherName: 'Example',
  ServiceCategory: 'Compute', ServiceName: 'Example service',
};

function completed(file: string): string {
  const rows = readCsv(join(SPEC_DIR, file)).map((row) => {
    const filled: Record<string, string> = { ...row };
    for (const column of MANDATORY) if (!(column in filled)) filled[column] = PLACEHOLDERS[column] ?? '';
    return filled;
  });
  const path = join(scratch, `completed-${file}`);
  writeFileSync(path, toCsv(rows));
  return path;
}

describe('FOCUS 1.2 spec examples', () => {
  it.each(specFiles)('%s: refused with the exact list of missing mandatory columns, or imported with exact totals', async (file) => {
    const header = Object.keys(readCsv(join(SPEC_DIR, file))[0] ?? {});
    const missing = MANDATORY.filter((c) => !header.includes(c));
    const engine = await testEngine();
    const result = await importPaths(engine, [join(SPEC_DIR, file)]);
    const report = result.sources[0];
    if (missing.length > 0) {
      expect(result.committed).toBe(false);
      expect(report?.status).toBe('failed');
      expect(report?.missingColumns).toEqual(missing);
      expect(report?.message).toContain(missing[0]);
      expect((await engine.call('status', {})).costLines).toBe(0);
    } else {
      expect(report?.status).toBe('imported');
      expect(report?.rowsRejected).toBe(0);
      expect(report?.rowsImported).toBe(readCsv(join(SPEC_DIR, file)).length);
    }
  });

  /** Rows of the published examples with an impossible time (hour 30), which must be rejected. */
  const SPEC_TYPOS: Record<string, { row: number; message: string }> = {
    'commitment_discount_purchase_scenario_2.csv': { row: 4, message: 'Row 4 ChargePeriodEnd "2023-02-01T30:00:00Z" is not a date.' },
    'commitment_discount_purchase_scenario_3.csv': { row: 5, message: 'Row 5 ChargePeriodEnd "2023-02-01T30:00:00Z" is not a date.' },
  };

  it.each(Object.entries(SPEC_TYPOS))('%s: the spec\'s impossible time is rejected with its row; the rest imports when accepted', async (file, typo) => {
    const engine = await testEngine();
    const refused = await importPaths(engine, [completed(file)]);
    expect(refused.committed).toBe(false);
    expect(refused.sources[0]?.errors).toEqual([typo]);
    const accepted = await importPaths(engine, [completed(file)], true);
    expect(accepted.sources[0]?.rowsImported).toBe(readCsv(join(SPEC_DIR, file)).length - 1);
  });

  it.each(specFiles.filter((f) => !(f in SPEC_TYPOS)))('%s completed with the mandatory columns: every row imports, totals exact to the cent', async (file) => {
    const path = completed(file);
    const rows = readCsv(path);
    const engine = await testEngine();
    const result = await importPaths(engine, [path]);
    const report = result.sources[0];
    expect(report?.status, report?.errors[0]?.message).toBe('imported');
    expect(report?.format).toMatch(/^focus-1\.[012]$/);
    expect(report?.rowsImported).toBe(rows.length);
    const plain = rows.every((r) => /^-?[\d.eE+-]*$/.test((r.BilledCost ?? '').trim()));
    if (plain) {
      const expected = exactSum(rows.map((r) => r.BilledCost ?? ''));
      expect(toCents(report?.totals.USD?.billedCost ?? '0')).toBe(toCents(expected));
      const overview = await engine.call('overview', {});
      expect(toCents(overview.total.billedCost)).toBe(toCents(expected));
    }
  });

  it('reads the spreadsheet-formatted SaaS example amounts ("$10,100.00 ") as the spec means them', async () => {
    const engine = await testEngine();
    const result = await importPaths(engine, [join(SPEC_DIR, 'simple_saas_agreements_c.csv')]);
    expect(result.sources[0]?.totals.USD?.billedCost).toBe('35800.000000');
  });
});

describe('awkward files', () => {
  const awkward = (name: string) => fixture(`focus/awkward/${name}`);

  it('BOM and CRLF: header matched, rows and totals exact', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [awkward('bom-crlf.csv')]);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'focus-1.0', rowsImported: 2, totals: { USD: { billedCost: '11.000000' } } });
  });

  it('quoted newlines and mixed line endings: the description keeps its line breaks', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [awkward('quoted-newlines.csv')]);
    expect(sources[0]).toMatchObject({ status: 'imported', rowsImported: 3, totals: { USD: { billedCost: '6.600000' } } });
    const lines = await engine.call('costLines', { where: { ChargeDescription: 'GPU hours,\nline two\r\nline three' } });
    expect(lines.total).toBe(1);
    expect(lines.lines[0]?.row).toBe(2);
  });

  it('literal NULL, empty cells, scientific notation and 24 decimals', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [awkward('null-and-scientific.csv')]);
    expect(sources[0]).toMatchObject({ status: 'imported', rowsImported: 3 });
    expect(sources[0]?.totals.USD?.billedCost).toBe('150.123457129012');
    const overview = await engine.call('overview', {});
    expect(toCents(overview.total.billedCost)).toBe(15012n);
    expect(overview.topResources.map((r) => r.resourceId)).toEqual(['r-1']);
  });

  it('negative credits and refunds reduce the total', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [awkward('negative-credits.csv')]);
    expect(sources[0]?.totals.USD).toEqual({ billedCost: '74.490000', effectiveCost: '74.490000' });
    expect((await engine.call('overview', {})).total.effectiveCost).toBe('74.490000');
  });

  it('missing mandatory columns: refused with the list, nothing imported', async () => {
    const engine = await testEngine();
    const result = await importPaths(engine, [awkward('missing-mandatory.csv')]);
    expect(result.committed).toBe(false);
    expect(result.sources[0]).toMatchObject({ status: 'failed', missingColumns: ['BillingCurrency', 'ServiceName'] });
    expect(result.sources[0]?.message).toBe('missing-mandatory.csv looks like a FOCUS file (focus-1.0) but lacks 2 required columns: BillingCurrency, ServiceName.');
  });

  it('truncated last line: that row is rejected with its row number, nothing imported unless accepted', async () => {
    const engine = await testEngine();
    const refused = await importPaths(engine, [awkward('truncated-last-line.csv')]);
    expect(refused.committed).toBe(false);
    expect(refused.sources[0]).toMatchObject({ status: 'rejected', rowsRead: 3, rowsRejected: 1, rowsImported: 0 });
    expect(refused.sources[0]?.errors[0]?.row).toBe(4);
    expect(refused.sources[0]?.errors[0]?.message).toMatch(/Row 4 has \d+ fields; the header has 25/);
    expect((await engine.call('status', {})).costLines).toBe(0);

    const accepted = await importPaths(engine, [awkward('truncated-last-line.csv')], true);
    expect(accepted.committed).toBe(true);
    expect(accepted.sources[0]).toMatchObject({ status: 'rejected', rowsImported: 2, totals: { USD: { billedCost: '3.000000' } } });
    expect((await engine.call('status', {})).costLines).toBe(2);
  });

  it('a short row in the middle (trailing empty cells left out) is read with those cells empty, and the report says so', async () => {
    const lines = readFileSync(fixture('focus/awkward/negative-credits.csv'), 'utf8').trimEnd().split('\n');
    // Drop the last cell (x_Model) of the middle row, as exports that omit trailing empties do.
    lines[2] = (lines[2] ?? '').replace(/,[^,]*$/, '');
    const path = join(scratch, 'ragged-middle.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const { sources } = await importPaths(await testEngine(), [path]);
    expect(sources[0]).toMatchObject({ status: 'imported', rowsImported: 3, totals: { USD: { billedCost: '74.490000' } } });
    expect(sources[0]?.warnings).toContain('1 row had fewer fields than the header (25); the missing trailing fields were read as empty.');
  });

  it('values that are not numbers or dates: each row rejected with the reason', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [awkward('bad-values.csv')]);
    expect(sources[0]?.errors).toEqual([
      { row: 3, message: 'Row 3 BilledCost "abc" is not a number.' },
      { row: 4, message: 'Row 4 ChargePeriodStart "31/13/2026" is not a date.' },
    ]);
  });

  it('UTF-16 with BOM and a lower-case currency code', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [awkward('utf16le.csv')]);
    expect(sources[0]).toMatchObject({ status: 'imported', rowsImported: 2, totals: { EUR: { billedCost: '12.000000' } } });
  });

  it('several currencies: totals per currency, never added together', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [awkward('two-currencies.csv')]);
    expect(sources[0]?.totals).toEqual({
      USD: { billedCost: '11.000000', effectiveCost: '10.000000' },
      EUR: { billedCost: '20.000000', effectiveCost: '18.000000' },
    });
    const overview = await engine.call('overview', {});
    expect(overview.currency).toBe('EUR');
    expect(overview.currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
    expect((await engine.call('overview', { currency: 'usd' })).total.effectiveCost).toBe('10.000000');
  });

  it('Windows-1252 text (not valid UTF-8) is read as Windows-1252, with a warning, its text intact', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [awkward('windows-1252.csv')]);
    expect(sources[0]).toMatchObject({ status: 'imported', rowsImported: 1, warnings: ['Read as Windows-1252 (not valid UTF-8).'] });
    const lines = await engine.call('costLines', { where: { ChargeDescription: 'Café €' } });
    expect(lines.total).toBe(1);
  });

  it('binary and compressed files are named for what they are', async () => {
    const gzip = join(scratch, 'bill.csv.gz');
    writeFileSync(gzip, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const garbage = join(scratch, 'garbage.csv');
    writeFileSync(garbage, Buffer.from([1, 0, 2, 0, 255, 254, 0, 0, 7]));
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [gzip, garbage]);
    expect(sources[0]?.message).toMatch(/bill\.csv\.gz is a damaged or truncated gzip file/);
    expect(sources[1]?.message).toMatch(/garbage\.csv contains binary data/);
  });

  it('an unclosed quote is refused with its record number', async () => {
    const path = join(scratch, 'unclosed.csv');
    const good = readFileSync(fixture('focus/awkward/negative-credits.csv'), 'utf8');
    writeFileSync(path, `${good}111122223333,"Acme,USD\n`);
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [path]);
    expect(sources[0]?.status).toBe('failed');
    expect(sources[0]?.message).toMatch(/record 5 has a quote that is never closed/);
  });

  it('a file that is not a bill says so and names its columns', async () => {
    const path = join(scratch, 'people.csv');
    writeFileSync(path, 'name,email\nAda,ada@example.com\n');
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [path]);
    expect(sources[0]?.message).toBe('people.csv is not in a format Cost Council recognises (its columns: name, email).');
  });

});

describe('workspace behaviour', () => {
  const good = fixture('focus/awkward/negative-credits.csv');
  const bad = fixture('focus/awkward/missing-mandatory.csv');

  it('a batch is all or nothing: one refused file, nothing imported, the others marked not imported', async () => {
    const engine = await testEngine();
    await importPaths(engine, [fixture('focus/awkward/bom-crlf.csv')]);
    const before = await engine.call('overview', {});
    const result = await importPaths(engine, [good, bad]);
    expect(result.committed).toBe(false);
    expect(result.sources.map((s) => s.status)).toEqual(['not-imported', 'failed']);
    expect(await engine.call('overview', {})).toEqual(before);
    expect((await engine.call('listSources', {})).map((s) => s.file)).toEqual(['bom-crlf.csv']);
    // The dictionary must not keep ids of rolled-back strings: a later import still works.
    // (These small fixtures share an account, a resource and days: kept side by side on purpose.)
    const again = await importPaths(engine, [good], false, 'keep-both');
    expect(again.committed).toBe(true);
    const lines = await engine.call('costLines', { where: { ChargeDescription: 'Refund' } });
    expect(lines.lines[0]?.effectiveCost).toBe(-0.01);
  });

  it('re-importing the same content is detected by hash and not counted twice', async () => {
    const engine = await testEngine();
    await importPaths(engine, [good]);
    const copy = join(scratch, 'renamed-copy.csv');
    writeFileSync(copy, readFileSync(good));
    const result = await importPaths(engine, [copy]);
    expect(result.sources[0]?.status).toBe('duplicate');
    expect(result.sources[0]?.message).toMatch(/already in the workspace \(same content as negative-credits\.csv\)/);
    expect((await engine.call('overview', {})).total.effectiveCost).toBe('74.490000');
    expect((await engine.call('status', {})).sources).toBe(1);
  });

  it('a cancelled import leaves nothing behind', async () => {
    const engine = await testEngine();
    engine.cancel();
    await expect(importPaths(engine, [good])).rejects.toThrowError(EngineError);
    expect((await engine.call('status', {})).costLines).toBe(0);
  });

  it('reports progress, with a final "done" per file', async () => {
    const engine = await testEngine();
    await importPaths(engine, [good, fixture('focus/awkward/bom-crlf.csv')]);
    const done = engine.events.filter((e) => e.name === 'progress' && (e.payload as { phase: string }).phase === 'done');
    expect(done.map((e) => (e.payload as { file: string }).file)).toEqual(['negative-credits.csv', 'bom-crlf.csv']);
    expect(engine.events.some((e) => e.name === 'dataChanged')).toBe(true);
  });

  it('keeps provenance: source file, SHA-256, format, row numbers, extra columns', async () => {
    const engine = await testEngine();
    await importPaths(engine, [good]);
    const [source] = await engine.call('listSources', {});
    expect(source).toMatchObject({ file: 'negative-credits.csv', format: 'focus-1.0', rows: 3, importedAt: '2026-11-01T00:00:00.000Z' });
    expect(source?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const lines = await engine.call('costLines', {});
    expect(lines.lines.map((l) => l.row).sort()).toEqual([2, 3, 4]);
  });

  it('saves and reopens the workspace with the same figures; refuses files that are not workspaces', async () => {
    const engine = await testEngine();
    await importPaths(engine, [good, fixture('focus/awkward/two-currencies.csv')]);
    const { bytes } = await engine.call('exportWorkspace', {});
    const reopened = await testEngine(bytes);
    expect(await reopened.call('overview', {})).toEqual(await engine.call('overview', {}));
    expect(await reopened.call('listSources', {})).toEqual(await engine.call('listSources', {}));
    await expect(testEngine(new Uint8Array([1, 2, 3, 4]))).rejects.toThrow(/not a Cost Council workspace/);
    await expect(reopened.call('openWorkspace', { bytes: readFileSync(good) })).rejects.toThrow(/not a Cost Council workspace/);
    expect((await reopened.call('status', {})).sources).toBe(3 - 1);
  });
});
