import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exactSum, readCsv, toCents } from '../../../../../test/support/csv.js';
import { fixture, importPaths, testEngine } from '../../../../../test/support/engine.js';
import { COST_COLUMNS } from '../../../db/cost-columns.js';
import { flattenObject } from '../../readers/json-records.js';
import type { CanonicalLine } from '../format-adapter.js';
import { gcpBillingFormat } from './gcp-format.js';

type Line = Record<string, string | null>;
const asRecord = (line: CanonicalLine): Line => Object.fromEntries(COST_COLUMNS.map((c, i) => [c.name, line.values[i] ?? null]));

/** Credit amounts read with a regular expression, independently of the adapter's literal parser. */
function creditAmounts(cell: string): string[] {
  return [...cell.matchAll(/['"]amount['"]\s*:\s*(-?[\d.]+(?:e-?\d+)?)/gi)].map((m) => m[1] ?? '0');
}

const KOKU = [
  { file: 'koku_202011_30c31bca571d9b7f3b2c8459dd8bc34a_2020-11-08_2020-11-11.csv', rows: 25, credits: 8 },
  { file: 'koku_2022-08-01_5.csv', rows: 9, credits: 0 },
];

describe('Google Cloud billing export, flattened CSV (koku samples)', () => {
  it.each(KOKU)('$file: every row imported, usage lines plus one line per credit, totals to the cent', async ({ file, rows, credits }) => {
    const data = readCsv(fixture(`gcp/${file}`));
    const expected = exactSum([...data.map((r) => r.cost ?? ''), ...data.flatMap((r) => creditAmounts(r.credits ?? ''))]);
    const engine = await testEngine();
    const { committed, sources } = await importPaths(engine, [fixture(`gcp/${file}`)]);
    expect(committed).toBe(true);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'gcp-billing-export', rowsRead: rows, rowsImported: rows, rowsRejected: 0 });
    expect(toCents(sources[0]?.totals.USD?.billedCost ?? '')).toBe(toCents(expected));
    expect(toCents(sources[0]?.totals.USD?.effectiveCost ?? '')).toBe(toCents(expected));
    expect((await engine.call('costLines', { where: { ChargeCategory: 'Credit' } })).total).toBe(credits);
    expect((await engine.call('costLines', {})).total).toBe(rows + credits);
  });

  it('maps a row and its Python-literal credit', () => {
    const text = readFileSync(fixture(`gcp/${KOKU[0]?.file}`), 'utf8');
    const [header = [], record = []] = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;
    const lines = gcpBillingFormat.mapper(header).map(record);
    if (typeof lines === 'string') throw new Error(lines);
    const [usage, credit] = lines.map(asRecord);
    expect(lines).toHaveLength(2);
    expect(usage).toMatchObject({
      ProviderName: 'Google Cloud', PublisherName: 'Google Cloud', BillingAccountId: '000000-B0BBA4-940A77', SubAccountId: 'billing-example-00000',
      SubAccountName: 'cloud-billing', SubAccountType: 'Project', ServiceName: 'Security Command Center', ServiceCategory: 'Security',
      SkuId: 'D5A4-0C3E-4DA4', ChargeDescription: 'Event Threat Detection Log Ingest Bytes', ChargeCategory: 'Usage', ChargeFrequency: 'Usage-Based',
      ChargePeriodStart: '2020-11-09 23:00:00+00:00', ChargePeriodEnd: '2020-11-10 00:00:00+00:00',
      BillingPeriodStart: '2020-11-01T00:00:00Z', BillingPeriodEnd: '2020-12-01T00:00:00Z',
      BilledCost: '5e-06', EffectiveCost: '5e-06', ContractedCost: '5e-06', BillingCurrency: 'USD', RegionId: 'global',
      ConsumedQuantity: '24909.0', ConsumedUnit: 'bytes', PricingQuantity: '2.3198314011096954e-05', PricingUnit: 'gibibyte', Tags: null,
    });
    expect(credit).toMatchObject({
      ChargeCategory: 'Credit', ChargeDescription: 'FreeTrial:Credit-000000-B0BBA4-940A77', BilledCost: '-5e-06', EffectiveCost: '-5e-06',
      SubAccountId: 'billing-example-00000', ServiceName: 'Security Command Center', ChargePeriodStart: '2020-11-09 23:00:00+00:00',
      PricingQuantity: null, ConsumedQuantity: null, ContractedCost: null,
    });
    expect(JSON.parse(lines[1]?.extras ?? '')).toEqual({ 'credit.id': 'FreeTrial:Credit-000000-B0BBA4-940A77', 'credit.type': 'PROMOTION' });
  });

  it('reads Python-literal labels into Tags and keeps the unmapped columns as extras', () => {
    const text = readFileSync(fixture(`gcp/${KOKU[0]?.file}`), 'utf8');
    const [header = [], ...records] = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;
    const lines = gcpBillingFormat.mapper(header).map(records[3] ?? []);
    if (typeof lines === 'string') throw new Error(lines);
    expect(asRecord(lines[0] as CanonicalLine).Tags).toBe('{"goog-resource-type":"bigquery_resource"}');
    expect(JSON.parse(lines[0]?.extras ?? '')).toMatchObject({ 'service.id': '5490-F7B7-8DF6', cost_type: 'regular', 'location.location': 'us', partition_date: '2020-11-09 00:00:00+00:00' });
  });

  it('rejects a row with a clear reason', () => {
    const text = readFileSync(fixture(`gcp/${KOKU[0]?.file}`), 'utf8');
    const [header = [], record = []] = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;
    const mapper = gcpBillingFormat.mapper(header);
    const withCell = (name: string, value: string): string[] => record.map((cell, i) => (header[i] === name ? value : cell));
    expect(mapper.map(withCell('cost', 'n/a!'))).toBe('cost "n/a!" is not a number');
    expect(mapper.map(withCell('credits', "[{'name': 'x', 'amount': 'lots'}]"))).toBe('credit amount "lots" is not a number');
  });
});

describe('Google Cloud billing export, BigQuery JSON Lines (own fixture)', () => {
  const file = fixture('gcp/gcp_billing_export_sample.jsonl');

  it('imports 5 rows as 5 lines plus 8 credit lines; totals by hand', async () => {
    // Costs 12.345678 + 0.75 + 1.0 + 5.86 + 1.5 (tax) = 21.455678; credits −1.234567 −0.5 −0.25 −0.1 −0.2 −0.05 −2.0 −0.5 = −4.834567.
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [file]);
    expect(sources[0]).toMatchObject({
      status: 'imported', format: 'gcp-billing-export', rowsRead: 5, rowsImported: 5, rowsRejected: 0,
      totals: { USD: { billedCost: '16.621111', effectiveCost: '16.621111' } },
    });
    expect((await engine.call('costLines', { where: { ChargeCategory: 'Credit' } })).total).toBe(8);
    expect((await engine.call('costLines', { where: { ChargeCategory: 'Tax' } })).lines.map((l) => l.billedCost)).toEqual([1.5]);
    const cud = await engine.call('costLines', { where: { CommitmentDiscountType: 'Committed Use Discount', ChargeCategory: 'Credit' } });
    expect(cud.lines.map((l) => l.effectiveCost).sort((a, b) => a - b)).toEqual([-2, -0.2]);
  });

  it('tags: resource labels over project labels, credits carry the tags of their usage', async () => {
    const engine = await testEngine();
    await importPaths(engine, [file]);
    const team = await engine.call('tagBreakdown', { key: 'team' });
    // ml: 12.345678 + 0.75 + 1.0 − (1.234567 + 0.5 + 0.25 + 0.1 + 0.2 + 0.05) = 11.761111; research: 5.86 − 2.5 = 3.36.
    expect(team.rows.find((r) => r.key === 'ml')?.effectiveCost).toBeCloseTo(11.761111, 9);
    expect(team.rows.find((r) => r.key === 'research')?.effectiveCost).toBeCloseTo(3.36, 9);
    expect(team.rows.find((r) => r.key === 'platform')).toBeUndefined();
    const costCenter = await engine.call('tagBreakdown', { key: 'cost-center' });
    expect(costCenter.rows.find((r) => r.key === 'research')?.effectiveCost).toBeCloseTo(16.621111 - 1.5, 9);
  });

  it('Gemini token SKUs and GPU SKUs carry the AI columns', () => {
    const objects = readFileSync(file, 'utf8').trim().split('\n').map((line) => flattenObject(JSON.parse(line) as Record<string, unknown>));
    const header = [...new Set(objects.flatMap((o) => [...o.keys()]))];
    const mapper = gcpBillingFormat.mapper(header);
    const lineOf = (index: number): Line => {
      const lines = mapper.map(header.map((key) => objects[index]?.get(key) ?? ''));
      if (typeof lines === 'string') throw new Error(lines);
      return asRecord(lines[0] as CanonicalLine);
    };
    expect(lineOf(1)).toMatchObject({ x_Model: 'gemini-2.5-flash', x_TokenType: 'input', x_Tokens: '2500000', x_Workload: 'inference', ServiceCategory: 'AI and Machine Learning', RegionId: 'global' });
    expect(lineOf(2)).toMatchObject({ x_Model: 'gemini-2.5-flash', x_TokenType: 'output', x_Tokens: '400000' });
    expect(lineOf(3)).toMatchObject({ x_GpuHours: '2', x_Model: null, ServiceName: 'Compute Engine', RegionId: 'us-central1', AvailabilityZone: 'us-central1-a', ResourceName: 'trainer-1' });
    expect(lineOf(0)).toMatchObject({ ListCost: '12.987654', ContractedUnitPrice: '0.031611', Tags: '{"cost-center":"research","team":"ml","env":"prod"}' });
    expect(lineOf(4)).toMatchObject({ ChargeCategory: 'Tax', ChargeFrequency: null, PricingCategory: null, SubAccountId: '' });
  });
});
