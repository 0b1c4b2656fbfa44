import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../../shared/rpc.js';
import { seeded } from '../../../../test/support/focus-file.js';
import { nodeEngineDeps } from '../../../hosts/node-host.js';
import { nodeImportWorkers } from '../../../hosts/node-import-workers.js';
import { Store } from '../../db/store.js';
import type { EngineDeps } from '../../deps.js';
import { costLines } from '../../queries/cost-lines.js';
import { listSources } from '../../queries/sources.js';
import { importBatch } from '../import-batch.js';
import type { LoaderName } from '../load/load-source.js';

const scratch = mkdtempSync(join(tmpdir(), 'cc-daily-'));
const workers = nodeImportWorkers(2);
afterAll(async () => {
  await workers.terminate();
});

const HEADER = [
  'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodStart', 'BillingPeriodEnd', 'ChargeCategory', 'ChargeClass',
  'ChargeDescription', 'ChargePeriodStart', 'ChargePeriodEnd', 'ContractedCost', 'EffectiveCost', 'BilledCost', 'InvoiceIssuerName',
  'ListCost', 'ListUnitPrice', 'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory', 'ServiceName',
  'ResourceId', 'Tags', 'x_Model', 'x_Tokens', 'Note',
];

interface Expected {
  path: string;
  lines: number;
  /** Per group key (day, the dimensions that vary): first row number, line count, first start, last end, token sum (null: none). */
  groups: Map<string, { row: number; lines: number; start: string; end: string; tokens: bigint | null }>;
  /** Exact billed and effective sums per currency, in units of 1e-10. */
  billed: Map<string, bigint>;
  effective: Map<string, bigint>;
}

const TEN = 10_000_000_000n;
const tenBillionths = (text: string): bigint => {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * TEN + BigInt(fraction.padEnd(10, '0'));
  return negative ? -value : value;
};
const cents = (units: bigint): bigint => (units >= 0n ? (units + TEN / 200n) / (TEN / 100n) : -((-units + TEN / 200n) / (TEN / 100n)));

/**
 * Hourly lines over 4 days, few distinct dimension values, so that many lines share a day group;
 * the expected groups are worked out here from the text (every value written in its canonical form,
 * so equal text is an equal dictionary id).
 */
function writeHourly(name: string, rows: number, seed: number): Expected {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines = [HEADER.join(',')];
  const expected: Expected = { path: join(scratch, name), lines: rows, groups: new Map(), billed: new Map(), effective: new Map() };
  for (let i = 0; i < rows; i++) {
    const day = 1 + Math.floor((i * 4) / rows);
    const hour = String(Math.floor(random() * 24)).padStart(2, '0');
    const start = `2026-03-0${day}T${hour}:00:00Z`;
    const end = `2026-03-0${day}T${hour}:59:59Z`;
    const currency = pick(['USD', 'USD', 'EUR']);
    const billed = pick(['12.5', '-3.25', '0.0000003412', '1234.891234', '7', '0.1000000001']);
    const effective = pick(['0.33', '0.0000000007', '19.99', '-0.5']);
    const service = pick(['Bedrock', 'Vertex AI']);
    const resource = pick(['r-1', 'r-2']);
    const tags = pick(['{"team":"search"}', '{"team":"ads"}', '']);
    const model = pick(['gpt-4o', 'claude', '']);
    const tokens = pick(['1000', '', '12.75']);
    const unitPrice = service === 'Bedrock' ? '0.002' : '0.0015';
    const values = [
      'acct-1', 'Acme', currency, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'Usage', '', 'Tokens', start, end, billed, effective, billed,
      'AWS', billed, unitPrice, '1', 'Tokens', 'AWS', 'AWS', 'AI and Machine Learning', service, resource, tags, model, tokens, `note ${i}`,
    ];
    lines.push(values.map((v) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(','));
    expected.billed.set(currency, (expected.billed.get(currency) ?? 0n) + tenBillionths(billed));
    expected.effective.set(currency, (expected.effective.get(currency) ?? 0n) + tenBillionths(effective));
    const key = [day, currency, service, resource, tags, model].join('|');
    const group = expected.groups.get(key);
    const tokenUnits = tokens === '' ? null : tenBillionths(tokens);
    if (!group) {
      expected.groups.set(key, { row: i + 2, lines: 1, start, end, tokens: tokenUnits });
    } else {
      group.lines++;
      if (start < group.start) group.start = start;
      if (end > group.end) group.end = end;
      if (tokenUnits !== null) group.tokens = (group.tokens ?? 0n) + tokenUnits;
    }
  }
  writeFileSync(expected.path, `${lines.join('\n')}\n`);
  return expected;
}

const ctx: CallContext = { requestId: 1, cancelled: false, emit: () => undefined };

async function depsWithWorkers(): Promise<EngineDeps> {
  return { ...(await nodeEngineDeps()), now: () => Date.parse('2026-11-01T00:00:00Z'), importWorkers: workers, log: { info: () => undefined, warn: () => undefined } };
}

/** A budget the lines of a few hundred rows exceed: the empty workspace plus 16 KB. */
const smallBudget = (store: Store): number => store.sizeBytes() + 16_384;

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

describe('the daily-grain fallback', () => {
  const file = writeHourly('hourly.csv', 600, 7);

  for (const loader of ['records', 'bytes', 'parallel'] as LoaderName[]) {
    it(`stores a source over the budget as daily groups, totals exact, provenance kept (${loader} loader)`, async () => {
      const deps = await depsWithWorkers();
      const store = Store.create(deps.sql);
      const result = await importBatch(store, deps, { files: [{ kind: 'path', path: file.path }] }, ctx, { loader, lineLevelBudgetBytes: smallBudget(store), chunkBytes: 4096 });
      expect(result.committed).toBe(true);
      const report = result.sources[0];
      expect(report?.grain).toBe('daily');
      expect(report?.rowsImported).toBe(600);
      // The file's exact totals, to the cent (and exactly, as decimals).
      for (const [currency, units] of file.billed) {
        expect(cents(tenBillionths(report?.totals[currency]?.billedCost ?? 'x'))).toBe(cents(units));
        expect(cents(tenBillionths(report?.totals[currency]?.effectiveCost ?? 'x'))).toBe(cents(file.effective.get(currency) ?? 0n));
      }
      expect(report?.warnings[0]).toMatch(
        new RegExp(`^Imported at a daily grain: 600 lines would need about \\d+ MB, more than the \\d+ MB the workspace can hold in memory; totals are exact, line-level drill-down shows daily groups \\(${file.groups.size} rows, each with its first row number and its count of lines\\); the provider columns kept as extras are not stored at this grain\\.$`),
      );

      // One row per group, with its first row number, line count, charge period and summed tokens.
      const rows = store.all<{ row: number; lines: number; day: number; start: number; end: number; currency: string; service: string; resource: string; tags: string | null; model: string | null; tokens: number | null; price: number; note: number | null }>(
        `SELECT l.row_number AS row, l.line_count AS lines, l.day, l.ChargePeriodStart AS start, l.ChargePeriodEnd AS "end", c.value AS currency, s.value AS service,
                r.value AS resource, t.value AS tags, m.value AS model, l.x_Tokens AS tokens, l.ListUnitPrice AS price, l.extras AS note
         FROM cost_lines l JOIN dict c ON c.id = l.BillingCurrency JOIN dict s ON s.id = l.ServiceName JOIN dict r ON r.id = l.ResourceId
         LEFT JOIN dict t ON t.id = l.Tags LEFT JOIN dict m ON m.id = l.x_Model`,
      );
      expect(rows).toHaveLength(file.groups.size);
      for (const row of rows) {
        const key = [row.day - Math.floor(Date.parse('2026-03-01T00:00:00Z') / 86_400_000) + 1, row.currency, row.service, row.resource, row.tags ?? '', row.model ?? ''].join('|');
        const group = file.groups.get(key);
        expect(group, key).toBeDefined();
        expect([row.row, row.lines, iso(row.start), iso(row.end)]).toEqual([group?.row, group?.lines, group?.start, group?.end]);
        if (group?.tokens === null) expect(row.tokens).toBeNull();
        else expect(Math.round((row.tokens ?? NaN) * 100)).toBe(Number(cents(group?.tokens ?? 0n)));
        expect(row.price).toBe(row.service === 'Bedrock' ? 0.002 : 0.0015);
        expect(row.note).toBeNull(); // extras are not kept at a daily grain
      }
      // The database sums agree with the file to the cent.
      for (const [currency, units] of file.billed) {
        const sum = Number(store.scalar('SELECT TOTAL(BilledCost) FROM cost_lines WHERE BillingCurrency = (SELECT id FROM dict WHERE value = ?)', [currency]));
        expect(BigInt(Math.round(sum * 100))).toBe(cents(units));
      }
      // The sources list and drill-down say so.
      const [source] = listSources(store);
      expect([source?.grain, source?.rows, source?.storedRows]).toEqual(['daily', 600, file.groups.size]);
      const page = costLines(store, { currency: 'USD', limit: 1000 });
      const usdGroups = [...file.groups.keys()].filter((key) => key.includes('|USD|')).length;
      expect(page.total).toBe(usdGroups);
      expect(page.lines.reduce((n, line) => n + line.lines, 0)).toBe([...file.groups.entries()].filter(([key]) => key.includes('|USD|')).reduce((n, [, g]) => n + g.lines, 0));
      store.close();
    });
  }

  it('keeps the line level when the file fits the budget', async () => {
    const deps = await depsWithWorkers();
    const store = Store.create(deps.sql);
    const result = await importBatch(store, deps, { files: [{ kind: 'path', path: file.path }] }, ctx);
    const report = result.sources[0];
    expect(report?.grain).toBe('line');
    expect(report?.warnings.some((w) => w.includes('daily grain'))).toBe(false);
    expect(store.scalar('SELECT COUNT(*) FROM cost_lines')).toBe(600);
    expect(store.scalar('SELECT COUNT(*) FROM cost_lines WHERE line_count IS NOT NULL')).toBe(0);
    expect(listSources(store)[0]?.grain).toBe('line');
    store.close();
  });

  it('leaves the workspace unchanged when a daily-grain import is refused', async () => {
    const deps = await depsWithWorkers();
    const store = Store.create(deps.sql);
    const bad = join(scratch, 'bad.csv');
    const text = (await import('node:fs')).readFileSync(file.path, 'utf8').split('\n');
    text[500] = text[500]?.replace('2026-03-04T', 'not a date ') ?? '';
    writeFileSync(bad, text.join('\n'));
    const before = store.export();
    const result = await importBatch(store, deps, { files: [{ kind: 'path', path: bad }] }, ctx, { lineLevelBudgetBytes: smallBudget(store) });
    expect(result.committed).toBe(false);
    expect(result.sources[0]?.rowsRejected).toBe(1);
    expect(store.scalar('SELECT COUNT(*) FROM cost_lines')).toBe(0);
    expect(store.scalar('SELECT COUNT(*) FROM sources')).toBe(0);
    expect(store.scalar('SELECT COUNT(*) FROM daily_dim')).toBe(0);
    expect(store.sizeBytes()).toBe(before.length);
    store.close();
  });

  it('counts daily groups in the rollups, so overview line counts match drill-down', async () => {
    const deps = await depsWithWorkers();
    const store = Store.create(deps.sql);
    await importBatch(store, deps, { files: [{ kind: 'path', path: file.path }] }, ctx, { lineLevelBudgetBytes: smallBudget(store) });
    expect(store.scalar('SELECT SUM(lines) FROM daily_cost')).toBe(file.groups.size);
    expect(store.scalar('SELECT SUM(line_count) FROM cost_lines')).toBe(600);
    store.close();
  });
});
