import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import type { SourceReport } from '../../../../shared/model.js';
import type { CallContext } from '../../../../shared/rpc.js';
import { exactSum, readCsv, toCents } from '../../../../test/support/csv.js';
import { fixture, importPaths, testEngine, type TestEngine } from '../../../../test/support/engine.js';
import { nodeEngineDeps } from '../../../hosts/node-host.js';
import type { ByteSource } from '../../deps.js';
import { createEngine } from '../../engine.js';

const containers = (name: string) => fixture(`containers/${name}`);
const SAMPLE = fixture('focus/e2e/ai-services-sample.csv');
const CREDITS = fixture('focus/awkward/negative-credits.csv');
const CURRENCIES = fixture('focus/awkward/two-currencies.csv');
const scratch = mkdtempSync(join(tmpdir(), 'cc-containers-'));

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Per-currency billed and effective totals of a plain CSV, computed without the engine. */
function expectedTotals(path: string): Record<string, { billedCost: string; effectiveCost: string }> {
  const rows = readCsv(path);
  const currencies = [...new Set(rows.map((r) => (r.BillingCurrency ?? '').toUpperCase()))];
  return Object.fromEntries(currencies.map((c) => {
    const of = rows.filter((r) => (r.BillingCurrency ?? '').toUpperCase() === c);
    return [c, { billedCost: exactSum(of.map((r) => r.BilledCost ?? '')), effectiveCost: exactSum(of.map((r) => r.EffectiveCost ?? '')) }];
  }));
}

function inCents(totals: SourceReport['totals']): Record<string, [bigint, bigint]> {
  return Object.fromEntries(Object.entries(totals).map(([c, t]) => [c, [toCents(t.billedCost), toCents(t.effectiveCost)]]));
}

async function importOne(path: string): Promise<{ engine: TestEngine; report: SourceReport | undefined; committed: boolean }> {
  const engine = await testEngine();
  const result = await importPaths(engine, [path]);
  return { engine, report: result.sources[0], committed: result.committed };
}

/** An engine whose host opens sources through `open` (fake byte sources, counted reads). */
async function engineWith(open: (ref: { kind: string; path?: string }) => Promise<ByteSource>) {
  const deps = { ...(await nodeEngineDeps()), now: () => Date.parse('2026-11-01T00:00:00Z'), openSource: open };
  const engine = createEngine(deps as Parameters<typeof createEngine>[0]);
  const ctx: CallContext = { requestId: 1, cancelled: false, emit: () => undefined };
  return {
    importFiles: (paths: string[]) => engine.handlers.importFiles({ files: paths.map((path) => ({ kind: 'path' as const, path })) }, ctx),
    status: () => engine.handlers.status({}, ctx),
  };
}

describe('gzip', () => {
  it('a gzip of a FOCUS file imports with the plain file\'s rows and totals; the SHA-256 is over the .gz bytes', async () => {
    const { report } = await importOne(containers('ai-services-sample.csv.gz'));
    expect(report).toMatchObject({ file: 'ai-services-sample.csv.gz', status: 'imported', format: 'focus-1.0', rowsImported: readCsv(SAMPLE).length });
    expect(inCents(report?.totals ?? {})).toEqual(inCents(expectedTotals(SAMPLE)));
    expect(report?.sha256).toBe(sha256(containers('ai-services-sample.csv.gz')));
    expect(report?.sizeBytes).toBe(readFileSync(containers('ai-services-sample.csv.gz')).length);
  });

  it('a multi-member gzip (as AWS writes) is read to its end', async () => {
    const { report } = await importOne(containers('ai-services-sample.multi-member.csv.gz'));
    expect(report).toMatchObject({ status: 'imported', rowsImported: 15 });
    expect(inCents(report?.totals ?? {})).toEqual(inCents(expectedTotals(SAMPLE)));
  });

  it('gzipped JSON Lines and a gzipped JSON array are read like the plain CSV', async () => {
    for (const name of ['negative-credits.jsonl.gz', 'negative-credits.json.gz']) {
      const { report } = await importOne(containers(name));
      expect(report, name).toMatchObject({ status: 'imported', format: 'focus-1.0', rowsImported: 3 });
      expect(report?.totals).toEqual(expectedTotals(CREDITS));
    }
  });

  it('a truncated gzip is refused with a clear reason and the workspace is unchanged', async () => {
    const engine = await testEngine();
    await importPaths(engine, [CURRENCIES]);
    const before = await engine.call('overview', {});
    const result = await importPaths(engine, [CREDITS, containers('ai-services-sample.truncated.csv.gz')]);
    expect(result.committed).toBe(false);
    expect(result.sources.map((s) => s.status)).toEqual(['not-imported', 'failed']);
    expect(result.sources[1]?.message).toMatch(/^ai-services-sample\.truncated\.csv\.gz is a damaged or truncated gzip file \(.+\); nothing was imported from it\.$/);
    expect(await engine.call('overview', {})).toEqual(before);
  });

  it('a gzip whose last bytes (the length field) are cut off is refused too', async () => {
    const whole = readFileSync(containers('ai-services-sample.csv.gz'));
    const path = join(scratch, 'cut-trailer.csv.gz');
    writeFileSync(path, whole.subarray(0, whole.length - 3));
    const { report } = await importOne(path);
    expect(report?.status).toBe('failed');
    expect(report?.message).toMatch(/cut-trailer\.csv\.gz is a damaged or truncated gzip file/);
  });
});

describe('zip', () => {
  it('each CSV inside becomes its own source (archive › entry) in one all-or-nothing batch; other entries are ignored', async () => {
    const { engine, report, committed } = await importOne(containers('two-bills.zip'));
    expect(committed).toBe(true);
    const sources = await engine.call('listSources', {});
    expect(sources.map((s) => s.file)).toEqual(['two-bills.zip › september/negative-credits.csv', 'two-bills.zip › two-currencies.csv']);
    expect(report).toMatchObject({ file: 'two-bills.zip › september/negative-credits.csv', status: 'imported', rowsImported: 3 });
    expect(sources[0]?.totals).toEqual(expectedTotals(CREDITS));
    expect(sources[1]?.totals).toEqual(expectedTotals(CURRENCIES));
    // An entry is identified by its content: the same CSV imported plain later is a duplicate.
    const again = await importPaths(engine, [CURRENCIES]);
    expect(again.sources[0]?.status).toBe('duplicate');
  });

  it('a zip with no CSV, JSON or Parquet file is refused and says what it holds', async () => {
    const { report, committed } = await importOne(containers('no-bills.zip'));
    expect(committed).toBe(false);
    expect(report).toMatchObject({ file: 'no-bills.zip', status: 'failed', message: 'no-bills.zip contains no CSV, JSON or Parquet file (it holds notes.txt, invoice.pdf).' });
  });

  it('a streamed zip (data descriptors, zip64 local header) is read from its central directory', async () => {
    const { report } = await importOne(containers('streamed-data-descriptor.zip'));
    expect(report).toMatchObject({ file: 'streamed-data-descriptor.zip › two-currencies.csv', status: 'imported', rowsImported: readCsv(CURRENCIES).length });
    expect(report?.totals).toEqual(expectedTotals(CURRENCIES));
  });

  it('a truncated zip and a zip whose entry fails its checksum are refused', async () => {
    const whole = readFileSync(containers('two-bills.zip'));
    const cut = join(scratch, 'cut.zip');
    writeFileSync(cut, whole.subarray(0, whole.length - 40));
    expect((await importOne(cut)).report?.message).toMatch(/^cut\.zip is not a readable zip archive/);

    const stored = zipSync({ 'bill.csv': [new Uint8Array(readFileSync(CREDITS)), { level: 0 }] });
    const at = Buffer.from(stored).indexOf('Credit');
    stored[at] = 'c'.charCodeAt(0);
    const corrupt = join(scratch, 'corrupt.zip');
    writeFileSync(corrupt, stored);
    expect((await importOne(corrupt)).report?.message).toBe('corrupt.zip › bill.csv is damaged: its content does not match its checksum.');
  });

  it('a zip entry may itself be gzipped', async () => {
    const path = join(scratch, 'nested.zip');
    writeFileSync(path, zipSync({ 'exports/bill.csv.gz': [new Uint8Array(readFileSync(containers('ai-services-sample.csv.gz'))), { level: 0 }] }));
    const { report } = await importOne(path);
    expect(report).toMatchObject({ file: 'nested.zip › exports/bill.csv.gz', status: 'imported', rowsImported: 15 });
  });
});

describe('binary and oversized input', () => {
  it('binary garbage is refused as binary data', async () => {
    const { report } = await importOne(containers('garbage.csv'));
    expect(report).toMatchObject({ status: 'failed', message: 'garbage.csv contains binary data (NUL bytes), not CSV or JSON text.' });
  });

  it('a 2 GB file of one line is refused after reading a few dozen megabytes, without holding it', async () => {
    const size = 2 * 1024 ** 3;
    const piece = new Uint8Array(1 << 20).fill(0x61); // "aaaa…", no newline, ever
    let produced = 0;
    const hugeLine: ByteSource = {
      name: 'one-line.csv',
      size,
      async *chunks() {
        for (let at = 0; at < size; at += piece.length) {
          produced += piece.length;
          yield piece;
        }
      },
    };
    const engine = await engineWith(async () => hugeLine);
    const rssBefore = process.memoryUsage().rss;
    const result = await engine.importFiles(['one-line.csv']);
    expect(result.sources[0]?.status).toBe('failed');
    expect(result.sources[0]?.message).toBe('one-line.csv: record 1 is longer than 32 MB. The file has an unclosed quote or is not a CSV file.');
    expect(produced).toBeLessThan(64 << 20);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(1024 ** 3);
    expect((await engine.status()).costLines).toBe(0);
  });
});

/** A FOCUS file as Parquet, typed as exports type it: timestamps, decimals, a doubles column, a MAP of tags. */
function focusParquet(codec: 'SNAPPY' | 'GZIP' | 'UNCOMPRESSED'): Uint8Array {
  const text = (name: string) => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
  const schema = [
    { name: 'schema', num_children: 22 },
    text('BillingAccountId'), text('BillingCurrency'), text('ChargeCategory'), text('ProviderName'), text('ServiceName'),
    text('BillingAccountName'), text('ChargeClass'), text('ChargeDescription'), text('InvoiceIssuerName'), text('PricingUnit'), text('PublisherName'),
    { name: 'BillingPeriodStart', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
    { name: 'BillingPeriodEnd', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
    { name: 'ContractedCost', type: 'INT32', converted_type: 'DECIMAL', precision: 9, scale: 2, repetition_type: 'OPTIONAL' },
    { name: 'PricingQuantity', type: 'BYTE_ARRAY', converted_type: 'DECIMAL', precision: 20, scale: 3, repetition_type: 'OPTIONAL' },
    { name: 'ChargePeriodStart', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' }, repetition_type: 'OPTIONAL' },
    { name: 'ChargePeriodEnd', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
    { name: 'BilledCost', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, converted_type: 'DECIMAL', precision: 38, scale: 12, repetition_type: 'OPTIONAL' },
    { name: 'EffectiveCost', type: 'INT64', converted_type: 'DECIMAL', precision: 18, scale: 10, repetition_type: 'OPTIONAL' },
    { name: 'ListCost', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
    text('ServiceCategory'),
    { name: 'Tags', converted_type: 'MAP', repetition_type: 'OPTIONAL', num_children: 1 },
    { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
    { name: 'key', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
    { name: 'value', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  ];
  const day = (d: number) => new Date(Date.UTC(2026, 8, d));
  const buffer = parquetWriteBuffer({
    schema: schema as never,
    codec,
    compressors: { GZIP: (input: Uint8Array) => gzipSync(input) },
    columnData: [
      { name: 'BillingAccountId', data: ['acct-1', 'acct-1', 'acct-1'] },
      { name: 'BillingCurrency', data: ['USD', 'USD', 'EUR'] },
      { name: 'ChargeCategory', data: ['Usage', 'Credit', 'Usage'] },
      { name: 'ProviderName', data: ['AWS', 'AWS', 'Microsoft'] },
      { name: 'ServiceName', data: ['Amazon Bedrock', 'Amazon Bedrock', 'Azure OpenAI'] },
      { name: 'BillingAccountName', data: ['Acme', 'Acme', 'Acme'] },
      { name: 'ChargeClass', data: [null, null, 'Correction'] },
      { name: 'ChargeDescription', data: ['Tokens', 'Promotional credit', 'Tokens'] },
      { name: 'InvoiceIssuerName', data: ['AWS', 'AWS', 'Microsoft'] },
      { name: 'PricingUnit', data: ['1K tokens', '1K tokens', '1K tokens'] },
      { name: 'PublisherName', data: ['Anthropic', 'AWS', 'OpenAI'] },
      { name: 'BillingPeriodStart', data: [day(1), day(1), day(1)] },
      { name: 'BillingPeriodEnd', data: [new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 9, 1))] },
      { name: 'ContractedCost', data: [0n, -1n, 12345n] },
      { name: 'PricingQuantity', data: [1500n, 0n, -2n] },
      { name: 'ChargePeriodStart', data: [day(1), day(2), day(3)] },
      { name: 'ChargePeriodEnd', data: [day(2), day(3), day(4)] },
      // 0.000000340000 + 1234.567890123456 − 0.01 (exact only if read without floats)
      { name: 'BilledCost', data: [340000n, 1234567890123456n, -10000000000n] },
      { name: 'EffectiveCost', data: [3400n, 12345678901235n, -100000000n] },
      { name: 'ListCost', data: [0.1, 0.2, null] },
      { name: 'ServiceCategory', data: ['AI and Machine Learning', 'AI and Machine Learning', 'AI and Machine Learning'] },
      { name: 'Tags', data: [{ team: 'search', env: 'prod' }, {}, null] },
    ],
  });
  return new Uint8Array(buffer);
}

describe('Parquet', () => {
  it.each(['SNAPPY', 'GZIP', 'UNCOMPRESSED'] as const)('%s: rows become records; decimals exact, timestamps ISO, a MAP column JSON tags', async (codec) => {
    const path = join(scratch, `focus-${codec}.parquet`);
    writeFileSync(path, focusParquet(codec));
    const { engine, report } = await importOne(path);
    expect(report, report?.message).toMatchObject({ status: 'imported', format: 'focus-1.0', rowsImported: 3, sha256: sha256(path) });
    expect(report?.totals).toEqual({
      USD: { billedCost: '1234.567890463456', effectiveCost: '1234.5678904635' },
      EUR: { billedCost: '-0.010000', effectiveCost: '-0.010000' },
    });
    expect(report?.period).toEqual({ start: '2026-09-01T00:00:00Z', end: '2026-09-04T00:00:00Z' });
    const tags = await engine.call('tagBreakdown', { key: 'team', currency: 'USD' });
    expect(tags.rows.map((r) => r.key)).toContain('search');
  });

  it('a Parquet file inside a zip, stored or deflated, is read', async () => {
    const parquet = focusParquet('SNAPPY');
    for (const level of [0, 6] as const) {
      const path = join(scratch, `parquet-${level}.zip`);
      writeFileSync(path, zipSync({ 'cur/part-00000.snappy.parquet': [parquet, { level }] }));
      const { report } = await importOne(path);
      expect(report, report?.message).toMatchObject({ file: `parquet-${level}.zip › cur/part-00000.snappy.parquet`, status: 'imported', rowsImported: 3 });
    }
  });

  it('a damaged Parquet file is refused with the reason', async () => {
    const parquet = focusParquet('SNAPPY');
    const path = join(scratch, 'cut.parquet');
    writeFileSync(path, parquet.subarray(0, parquet.length - 10));
    const { report } = await importOne(path);
    expect(report?.status).toBe('failed');
    expect(report?.message).toMatch(/^cut\.parquet is not a readable Parquet file \(/);
  });
});

describe('export manifests', () => {
  const sampleTotals = () => inCents(expectedTotals(SAMPLE));
  const sum = (reports: SourceReport[]) => {
    const cents: Record<string, [bigint, bigint]> = {};
    for (const r of reports) for (const [c, [b, e]] of Object.entries(inCents(r.totals))) cents[c] = [(cents[c]?.[0] ?? 0n) + b, (cents[c]?.[1] ?? 0n) + e];
    return cents;
  };

  it('AWS Data Exports: the manifest in metadata/ brings in the listed files under data/ as one batch', async () => {
    const manifest = containers('aws-data-exports/focus-export/metadata/BILLING_PERIOD=2026-10/focus-export-Manifest.json');
    const engine = await testEngine();
    const result = await importPaths(engine, [manifest]);
    expect(result.committed).toBe(true);
    expect(result.sources.map((s) => [s.file, s.status, s.rowsImported])).toEqual([
      ['focus-export-Manifest.json › data/BILLING_PERIOD=2026-10/focus-export-00001.csv.gz', 'imported', 8],
      ['focus-export-Manifest.json › data/BILLING_PERIOD=2026-10/focus-export-00002.csv.gz', 'imported', 7],
    ]);
    expect(sum(result.sources)).toEqual(sampleTotals());
  });

  it('AWS CUR (legacy): reportKeys are found below the manifest\'s billing-period folder', async () => {
    const manifest = containers('aws-cur-legacy/cur/daily-report/20261001-20261101/daily-report-Manifest.json');
    const result = await importPaths(await testEngine(), [manifest]);
    expect(result.sources.map((s) => [s.file, s.status])).toEqual([
      ['daily-report-Manifest.json › 5e9a21c4-7d1b-4f0e-b2a6-0c3d8e9f1a77/daily-report-00001.csv.gz', 'imported'],
      ['daily-report-Manifest.json › 5e9a21c4-7d1b-4f0e-b2a6-0c3d8e9f1a77/daily-report-00002.csv.gz', 'imported'],
    ]);
    expect(sum(result.sources)).toEqual(sampleTotals());
  });

  it('Azure export: the blobs beside manifest.json, plain and gzipped', async () => {
    const manifest = containers('azure-export/exports/focus-cost/20261001-20261031/6c1e2f3a-run/manifest.json');
    const result = await importPaths(await testEngine(), [manifest]);
    expect(result.sources.map((s) => [s.file, s.rowsImported])).toEqual([['manifest.json › part_0_0001.csv', 8], ['manifest.json › part_1_0001.csv.gz', 7]]);
    expect(sum(result.sources)).toEqual(sampleTotals());
  });

  it('a listed file that is missing refuses the whole batch', async () => {
    const folder = join(scratch, 'azure-copy');
    cpSync(containers('azure-export'), folder, { recursive: true });
    const run = join(folder, 'exports/focus-cost/20261001-20261031/6c1e2f3a-run');
    rmSync(join(run, 'part_1_0001.csv.gz'));
    const engine = await testEngine();
    const result = await importPaths(engine, [join(run, 'manifest.json')]);
    expect(result.committed).toBe(false);
    expect(result.sources.map((s) => s.status)).toEqual(['not-imported', 'failed']);
    expect(result.sources[1]?.message).toMatch(/^manifest\.json lists exports\/focus-cost\/20261001-20261031\/6c1e2f3a-run\/part_1_0001\.csv\.gz, which is not beside it/);
    expect((await engine.call('status', {})).costLines).toBe(0);
  });

  it('a manifest dropped in the browser (no path) is refused: drop the listed files instead', async () => {
    const path = containers('azure-export/exports/focus-cost/20261001-20261031/6c1e2f3a-run/manifest.json');
    const engine = await testEngine();
    const result = await engine.call('importFiles', { files: [{ kind: 'blob', name: 'manifest.json', blob: new Blob([readFileSync(path)]) }] });
    expect(result.sources[0]?.status).toBe('failed');
    expect(result.sources[0]?.message).toBe(
      'manifest.json is an Azure Cost Management export manifest listing 2 files (part_0_0001.csv, part_1_0001.csv.gz). This edition cannot open files beside it: drop the listed files instead.',
    );
  });
});
