import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactSum, readCsv, toCents } from '../../../../../test/support/csv.js';
import { fixture, importPaths, testEngine } from '../../../../../test/support/engine.js';

const COMMITTED = new Set(['reservation', 'savingsplan']);
const squash = (text: string | undefined): string => (text ?? '').replace(/[\s_-]/g, '').toLowerCase();

/**
 * The file's totals by Microsoft's FOCUS conversion, computed here from the CSV: billed leaves out
 * commitment-covered usage (the purchase was billed), effective leaves out commitment purchases
 * and refunds (amortised onto usage).
 */
function expectedTotals(file: string, cost: string): { billed: string; effective: string } {
  const rows = readCsv(fixture(`azure/${file}`));
  const field = (row: Record<string, string>, name: string): string => {
    const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? (row[key] ?? '') : '';
  };
  const committed = (r: Record<string, string>): boolean => COMMITTED.has(squash(field(r, 'PricingModel')));
  const billed = rows.filter((r) => !(squash(field(r, 'ChargeType')) === 'usage' && committed(r)));
  const effective = rows.filter((r) => !(['purchase', 'refund'].includes(squash(field(r, 'ChargeType'))) && committed(r)));
  return { billed: exactSum(billed.map((r) => r[cost] ?? '')), effective: exactSum(effective.map((r) => r[cost] ?? '')) };
}

const FIXTURES = [
  { file: 'ftk_EA_ActualCost_Small.csv', format: 'azure-ea', rows: 11, currency: 'USD', cost: 'Cost' },
  { file: 'ftk_EA_AmortizedCost_Small.csv', format: 'azure-ea', rows: 28, currency: 'USD', cost: 'Cost' },
  { file: 'koku_azure_camelCased.csv', format: 'azure-payg', rows: 3, currency: 'USD', cost: 'preTaxCost' },
  { file: 'koku_costreport_a243c6f2-199f-4074-9a2c-40e671cf1584.csv', format: 'azure-payg', rows: 3, currency: 'USD', cost: 'PreTaxCost' },
  { file: 'koku_camel_azure_version_2.csv', format: 'azure-mca', rows: 4, currency: 'USD', cost: 'costInBillingCurrency' },
  { file: 'azure_mca_openai_tokens.csv', format: 'azure-mca', rows: 7, currency: 'EUR', cost: 'CostInBillingCurrency' },
  { file: 'azure_ea_tags_without_braces.csv', format: 'azure-ea', rows: 5, currency: 'GBP', cost: 'CostInBillingCurrency' },
  { file: 'azure_de_localised_headers.csv', format: 'azure-legacy-v1', rows: 3, currency: 'EUR', cost: 'PreTaxCost (PreTaxCost)' },
];

describe('Azure cost details fixtures', () => {
  it.each(FIXTURES)('$file: $format, every row imported, totals to the cent', async ({ file, format, rows, currency, cost }) => {
    const engine = await testEngine();
    const { committed, sources } = await importPaths(engine, [fixture(`azure/${file}`)]);
    const report = sources[0];
    expect(committed).toBe(true);
    expect(report).toMatchObject({ status: 'imported', format, rowsRead: rows, rowsImported: rows, rowsRejected: 0 });
    const expected = expectedTotals(file, cost);
    expect(toCents(report?.totals[currency]?.billedCost ?? '')).toBe(toCents(expected.billed));
    expect(toCents(report?.totals[currency]?.effectiveCost ?? '')).toBe(toCents(expected.effective));
    const overview = await engine.call('overview', { currency });
    expect(toCents(overview.total.effectiveCost)).toBe(toCents(expected.effective));
  });

  it('actual view: the reservation purchase is billed, effective leaves it out (by hand: 8.55 and 5.30)', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('azure/ftk_EA_ActualCost_Small.csv')]);
    expect(sources[0]?.totals.USD).toEqual({ billedCost: '8.545007786742', effectiveCost: '5.295007786742' });
    expect(sources[0]?.warnings.some((w) => w.startsWith('Actual cost view: 1 reservation/savings plan purchase'))).toBe(true);
    const purchases = await engine.call('costLines', { where: { ChargeCategory: 'Purchase', ServiceName: 'Azure Reservations' } });
    expect(purchases.lines.map((l) => [l.row, l.billedCost, l.effectiveCost])).toEqual([[2, 3.25, 0]]);
  });

  it('amortized view: covered usage counts in effective only, with status Used', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('azure/ftk_EA_AmortizedCost_Small.csv')]);
    expect(sources[0]?.warnings[0]).toMatch(/^Amortized cost view: 2 commitment-covered/);
    const used = await engine.call('costLines', { where: { CommitmentDiscountStatus: 'Used' } });
    expect(used.lines.map((l) => l.billedCost)).toEqual([0, 0]);
    expect(used.lines.map((l) => l.effectiveCost).reduce((a, b) => a + b, 0)).toBeCloseTo(0.493152 + 0.006000000468, 12);
  });

  it('a header-only export imports as 0 rows without error', async () => {
    const engine = await testEngine();
    const { committed, sources } = await importPaths(engine, [fixture('azure/ftk_EA_NoRows.csv')]);
    expect(committed).toBe(true);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'azure-ea', rowsRead: 0, rowsImported: 0, rowsRejected: 0, totals: {}, period: null });
  });

  it('an export whose currency code is not a code ("MC") is refused row by row, with row numbers', async () => {
    const engine = await testEngine();
    const { committed, sources } = await importPaths(engine, [fixture('azure/koku_azure_version_2.csv')]);
    expect(committed).toBe(false);
    expect(sources[0]).toMatchObject({ status: 'rejected', format: 'azure-ea', rowsRead: 5, rowsRejected: 5 });
    expect(sources[0]?.errors).toEqual([2, 3, 4, 5, 6].map((row) => ({ row, message: `Row ${row} BillingCurrency "MC" is not a currency code.` })));
  });

  it('token meters and GPU VMs carry the AI columns; tags are queryable', async () => {
    const engine = await testEngine();
    await importPaths(engine, [fixture('azure/azure_mca_openai_tokens.csv')]);
    const mini = await engine.call('costLines', { where: { x_Model: 'gpt-4o-mini-0718' } });
    expect(mini.total).toBe(2);
    const output = await engine.call('costLines', { where: { x_Model: 'gpt-4o-mini-0718', x_TokenType: 'output' } });
    expect(output.lines[0]?.effectiveCost).toBeCloseTo(310.2 * 0.00066 * 0.92, 10);
    const teams = await engine.call('tagBreakdown', { key: 'team' });
    expect(teams.rows.map((r) => r.key).sort()).toEqual(['agents', 'chat', 'research', 'search']);
    const overview = await engine.call('overview', {});
    expect(overview.byServiceCategory.map((b) => b.key).sort()).toEqual(['AI and Machine Learning', 'Compute']);
  });

  it('tags written without braces are objects; an unreadable tag cell keeps its row', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('azure/azure_ea_tags_without_braces.csv')]);
    expect(sources[0]?.warnings).toContain('1 row(s) have Tags that are not a JSON object; their tags are kept as text in the extra columns.');
    const teams = await engine.call('tagBreakdown', { key: 'team' });
    // team=ml on rows 2 and 3 (2.64 + 0.00004); the row with "team": ml (unquoted) has no tags.
    expect(teams.rows.find((r) => r.key === 'ml')?.effectiveCost).toBeCloseTo(2.64004, 10);
  });

  it('a saved Consumption API response imports through the same mapper', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('azure/azure_consumption_usage_details.json')]);
    // 73.44 (24 h of NC6s v3) + 1.25 (storage), by hand.
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'azure-ea', rowsImported: 2, totals: { EUR: { billedCost: '74.690000', effectiveCost: '74.690000' } } });
    const gpu = await engine.call('costLines', { where: { ServiceName: 'Virtual Machines', RegionId: 'westeurope' } });
    expect(gpu.total).toBe(1);
  });

  it('a localised file without a currency column is refused, naming the column', async () => {
    const source = readFileSync(fixture('azure/azure_de_localised_headers.csv'), 'utf8');
    const withoutCurrency = source.split(/\r?\n/).map((line) => line.replace(/,[^,]*$/, '')).join('\n');
    const path = join(mkdtempSync(join(tmpdir(), 'cc-azure-')), 'ea-2019-ohne-waehrung.csv');
    writeFileSync(path, withoutCurrency);
    const engine = await testEngine();
    const { committed, sources } = await importPaths(engine, [path]);
    expect(committed).toBe(false);
    expect(sources[0]?.status).toBe('failed');
    expect(sources[0]?.missingColumns).toEqual(['BillingCurrency (or BillingCurrencyCode / Currency)']);
    expect(sources[0]?.message).toContain('Microsoft Azure cost details');
  });
});
