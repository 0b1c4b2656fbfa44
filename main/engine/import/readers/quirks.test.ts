import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../../shared/rpc.js';
import { fixture, importPaths, testEngine } from '../../../../test/support/engine.js';
import { nodeEngineDeps, openNodeSource } from '../../../hosts/node-host.js';
import { createEngine } from '../../engine.js';

const quirk = (name: string) => fixture(`quirks/${name}`);
const scratch = mkdtempSync(join(tmpdir(), 'cc-quirks-'));

/** The charge-period starts of the imported lines, by row number. */
async function startsByRow(path: string, acceptPartial = false) {
  const engine = await testEngine();
  const result = await importPaths(engine, [path], acceptPartial);
  const lines = await engine.call('costLines', { limit: 100 });
  const starts = Object.fromEntries(lines.lines.map((l) => [l.row, l.chargePeriodStart]));
  return { report: result.sources[0], starts };
}

describe('encodings', () => {
  it.each(['utf16le-no-bom.csv', 'utf16be-no-bom.csv', 'utf16be-bom.csv'])('%s: UTF-16 told from its NUL bytes or its BOM; text intact', async (name) => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [quirk(name)]);
    expect(sources[0]).toMatchObject({ status: 'imported', rowsImported: 2, warnings: [], totals: { EUR: { billedCost: '12.000000' } } });
    expect((await engine.call('costLines', { where: { ChargeDescription: 'Zürich – café €' } })).total).toBe(1);
    expect((await engine.call('costLines', { where: { ChargeDescription: 'München' } })).total).toBe(1);
  });

  it('UTF-8 text followed by bytes that are not UTF-8 is refused (mixed encodings), not half read as Windows-1252', async () => {
    const { sources } = await importPaths(await testEngine(), [quirk('mixed-encodings.csv')]);
    expect(sources[0]?.status).toBe('failed');
    expect(sources[0]?.message).toMatch(/^mixed-encodings\.csv is not valid UTF-8 text \(bad bytes within bytes 0–\d+\)/);
  });
});

describe('day/month order, decided per file', () => {
  it('day-first: a day above 12 in first place decides; 05/09/2026 is 5 September', async () => {
    const { report, starts } = await startsByRow(quirk('dates-day-first.csv'));
    expect(report).toMatchObject({ status: 'imported', rowsImported: 3, warnings: [], period: { start: '2026-09-05T00:00:00Z', end: '2026-10-01T00:00:00Z' } });
    expect(starts).toEqual({ 2: '2026-09-05T00:00:00Z', 3: '2026-09-13T08:30:00Z', 4: '2026-09-30T00:00:00Z' });
  });

  it('month-first: a day above 12 in second place decides; AM/PM and two-digit years are read', async () => {
    const { report, starts } = await startsByRow(quirk('dates-month-first.csv'));
    expect(report).toMatchObject({ status: 'imported', rowsImported: 3, warnings: [] });
    expect(starts).toEqual({ 2: '2026-09-05T00:00:00Z', 3: '2026-09-13T13:30:00Z', 4: '2026-09-30T00:00:00Z' });
  });

  it('only ambiguous slash dates: read month-first, and the report says so', async () => {
    const { report, starts } = await startsByRow(quirk('dates-ambiguous.csv'));
    expect(report?.status).toBe('imported');
    expect(report?.warnings).toEqual(['Day and month cannot be told apart in dates such as "09/01/2026" (no day above 12 in the file): read as month-first (MM/DD/YYYY).']);
    expect(starts).toEqual({ 2: '2026-09-01T00:00:00Z', 3: '2026-09-02T00:00:00Z', 4: '2026-10-03T00:00:00Z' });
  });

  it('German dotted dates, all ambiguous: read day-first (D.M.YYYY, two-digit years too), and the report says so', async () => {
    const { report, starts } = await startsByRow(quirk('dates-german.csv'));
    expect(report?.warnings).toEqual(['Day and month cannot be told apart in dates such as "01.09.2026" (no day above 12 in the file): read as day-first (DD.MM.YYYY).']);
    expect(starts).toEqual({ 2: '2026-09-01T00:00:00Z', 3: '2026-09-02T13:30:00Z', 4: '2026-09-03T00:00:00Z' });
  });

  it('contradictory dates: the majority order wins; the row that contradicts it is rejected with its number', async () => {
    const refused = await startsByRow(quirk('dates-contradictory.csv'));
    expect(refused.report).toMatchObject({ status: 'rejected', rowsRead: 5, rowsRejected: 1 });
    expect(refused.report?.errors).toEqual([
      { row: 5, message: 'Row 5 ChargePeriodStart "09/16/2026" is month-first (MM/DD/YYYY), but the other dates of this file are day-first (DD/MM/YYYY).' },
    ]);
    expect(refused.report?.warnings).toEqual(['Dates read as day-first (DD/MM/YYYY), as most of them are; rows with month-first dates contradict it and are rejected.']);
    const accepted = await startsByRow(quirk('dates-contradictory.csv'), true);
    expect(accepted.starts[6]).toBe('2026-09-05T00:00:00Z');
  });

  it('every other date shape: ISO variants, GCP, year-first slashes, Unix seconds and milliseconds, nanoseconds, RFC 2822, month names', async () => {
    const { report, starts } = await startsByRow(quirk('dates-shapes.csv'));
    expect(report).toMatchObject({ status: 'imported', rowsImported: 13, warnings: [] });
    // Row r holds 2026-09-(r−1) at 10:00 UTC, each written another way.
    expect(starts).toEqual(Object.fromEntries(Array.from({ length: 13 }, (_, i) => [i + 2, `2026-09-${String(i + 1).padStart(2, '0')}T10:00:00Z`])));
  });
});

describe('the day/month pre-pass', () => {
  const header = 'BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,ContractedCost,EffectiveCost,BilledCost,InvoiceIssuerName,ListCost,PricingQuantity,PricingUnit,ProviderName,PublisherName,ServiceCategory,ServiceName,ResourceId,Tags';
  const line = (start: string, end: string) =>
    `111122223333,Acme,USD,01/09/2026,01/10/2026,Usage,,${'Tokens '.repeat(20)},${start},${end},1,1,1,AWS,1,1,Requests,AWS,AWS,AI and Machine Learning,Amazon Bedrock,r-1,"{""team"":""search""}"`;

  /** An engine that counts how often each file is read from the start. */
  async function countingEngine() {
    const reads = new Map<string, number>();
    const deps = await nodeEngineDeps();
    const engine = createEngine({
      ...deps,
      openSource: async (ref) => {
        const source = await openNodeSource(ref);
        const chunks = source.chunks.bind(source);
        return { ...source, chunks: () => {
          reads.set(source.name, (reads.get(source.name) ?? 0) + 1);
          return chunks();
        } };
      },
    });
    const ctx: CallContext = { requestId: 1, cancelled: false, emit: () => undefined };
    return { reads, importFile: (path: string) => engine.handlers.importFiles({ files: [{ kind: 'path', path }] }, ctx) };
  }

  it('the first megabyte is ambiguous, the last row decides (day-first): the file is read twice, every row day-first', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => line(`0${1 + (i % 9)}/09/2026`, `1${i % 3}/09/2026`));
    const path = join(scratch, 'late-evidence.csv');
    writeFileSync(path, `${header}\n${rows.join('\n')}\n${line('13/09/2026', '14/09/2026')}\n`);
    const engine = await countingEngine();
    const result = await engine.importFile(path);
    expect(result.sources[0]).toMatchObject({ status: 'imported', rowsImported: 12_001, warnings: [], period: { start: '2026-09-01T00:00:00Z' } });
    expect(engine.reads.get('late-evidence.csv')).toBe(2);
  });

  it('evidence in the first batch, or no numeric dates at all: the file is read once', async () => {
    const engine = await countingEngine();
    const decided = join(scratch, 'early-evidence.csv');
    writeFileSync(decided, `${header}\n${line('13/09/2026', '14/09/2026')}\n${Array.from({ length: 12_000 }, () => line('01/09/2026', '02/09/2026')).join('\n')}\n`);
    expect((await engine.importFile(decided)).sources[0]).toMatchObject({ status: 'imported', warnings: [] });
    expect(engine.reads.get('early-evidence.csv')).toBe(1);
    await engine.importFile(fixture('focus/e2e/ai-services-sample.csv'));
    expect(engine.reads.get('ai-services-sample.csv')).toBe(1);
  });
});
