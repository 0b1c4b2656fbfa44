import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exactSum, readCsv, toCents } from '../../../../../test/support/csv.js';
import { fixture, importPaths, testEngine } from '../../../../../test/support/engine.js';
import { linesOf, runDocument, runTable } from '../openai/adapter-harness.js';
import { anthropicCostFormat, PRIORITY_TIER_NOTE } from './anthropic-cost-format.js';
import { anthropicUsageFormat } from './anthropic-usage-format.js';

const json = (name: string): unknown => JSON.parse(readFileSync(fixture(`anthropic/${name}`), 'utf8'));
const table = (name: string): { header: string[]; rows: string[][] } => {
  const [header = [], ...rows] = Papa.parse<string[]>(readFileSync(fixture(`anthropic/${name}`), 'utf8'), { skipEmptyLines: true }).data;
  return { header, rows };
};

/** The report's amounts in cents, as dollar text by exponent (independent of the adapter's shift). */
function centAmounts(document: unknown): string[] {
  const report = document as { data: Array<{ results: Array<{ amount: string }> }> };
  return report.data.flatMap((bucket) => bucket.results.map((r) => `${r.amount}e-2`));
}

describe('Anthropic cost report (Admin API)', () => {
  const mapped = runDocument(anthropicCostFormat, json('cost_report.json'));

  it('turns amounts in cents (decimal strings) into dollars exactly', () => {
    expect(mapped.format).toBe('anthropic-cost-report-api');
    expect(linesOf(mapped).map((l) => [l.BilledCost, l.x_Model, l.x_TokenType, l.SubAccountId, l.ChargeDescription])).toEqual([
      ['1.2378912', 'claude-sonnet-4-20250514', 'input', 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', 'Claude Sonnet 4 Usage - Input Tokens'],
      ['45.00', 'claude-sonnet-4-20250514', 'output', 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', 'Claude Sonnet 4 Usage - Output Tokens'],
      ['0.005', 'claude-3-5-haiku-20241022', 'cached-read', null, 'Claude Haiku 3.5 Usage - Cache Read'],
      ['2.50', null, null, 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', 'Web Search Usage'],
      ['0.125', null, null, 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', 'Code Execution Usage'],
      ['0.375', 'claude-sonnet-4-20250514', 'cache-write', 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ', 'Claude Sonnet 4 Usage - Cache Write (1h)'],
    ]);
  });

  it('fills the provider, service, period and SKU columns', () => {
    expect(linesOf(mapped)[0]).toMatchObject({
      ProviderName: 'Anthropic', ServiceName: 'Claude API', ServiceCategory: 'AI and Machine Learning', ChargeCategory: 'Usage',
      ChargePeriodStart: '2025-08-01T00:00:00Z', ChargePeriodEnd: '2025-08-02T00:00:00Z', BillingCurrency: 'USD', RegionId: 'global',
      SkuId: 'claude-sonnet-4-20250514, uncached_input_tokens', x_Workload: 'inference', SubAccountType: 'Workspace',
    });
    expect(linesOf(mapped)[3]).toMatchObject({ SkuId: 'web_search', x_Workload: null, RegionId: null });
    expect(mapped.mapper.warnings?.()).toEqual([PRIORITY_TIER_NOTE]);
  });

  it('imports with the exact total 4924.28912 cents = 49.2428912 USD', async () => {
    const expected = exactSum(centAmounts(json('cost_report.json')));
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('anthropic/cost_report.json')]);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'anthropic-cost-report-api', rowsRead: 6, rowsImported: 6, rowsRejected: 0 });
    expect(sources[0]?.totals.USD?.billedCost).toBe('49.2428912');
    expect(toCents(sources[0]?.totals.USD?.effectiveCost ?? '')).toBe(toCents(expected));
  });

  it('rejects an amount that is not a decimal, with its row number', async () => {
    const engine = await testEngine();
    const { committed, sources } = await importPaths(engine, [fixture('anthropic/cost_report_malformed.json')]);
    expect(committed).toBe(false);
    expect(sources[0]?.errors).toEqual([{ row: 3, message: 'Row 3 amount "12.3.4" is not a decimal number of cents.' }]);
  });
});

describe('Anthropic Console cost export (CSV)', () => {
  it('maps dollars, list prices, display model names as ids, workspaces and keys', () => {
    const { header, rows } = table('console_cost_export.csv');
    const mapped = runTable(anthropicCostFormat, header, rows);
    expect(mapped.format).toBe('anthropic-console-cost-csv');
    expect(linesOf(mapped).map((l) => [l.BilledCost, l.ListCost, l.x_Model, l.x_TokenType, l.SubAccountName, l.x_ApiKey, l.ResourceName])).toEqual([
      ['1.25', '1.25', 'claude-haiku-4-5', 'input', 'Default', 'apikey_01AAA', 'support-bot'],
      ['3.10', '3.10', 'claude-haiku-4-5', 'output', 'Default', 'apikey_01AAA', 'support-bot'],
      ['0.12', '0.12', 'claude-sonnet-4-5', 'cached-read', 'Research', 'apikey_01BBB', 'analyst'],
      ['0.45', '0.50', 'claude-sonnet-4-5', 'cache-write', 'Research', 'apikey_01BBB', 'analyst'],
      ['0.20', '0.20', null, null, 'Research', 'apikey_01BBB', 'analyst'],
    ]);
    expect(linesOf(mapped)[0]).toMatchObject({ ChargePeriodStart: '2026-08-04', ChargePeriodEnd: '2026-08-05T00:00:00Z', ChargeDescription: 'Claude Haiku 4.5 input_no_cache' });
  });

  it('imports with the file\'s own total', async () => {
    const path = fixture('anthropic/console_cost_export.csv');
    const expected = exactSum(readCsv(path).map((r) => r.cost_usd ?? ''));
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [path]);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'anthropic-console-cost-csv', rowsImported: 5 });
    expect(toCents(sources[0]?.totals.USD?.billedCost ?? '')).toBe(toCents(expected));
    expect(toCents(expected)).toBe(512n);
  });
});

describe('Anthropic usage report (Admin API): priced from the price book', () => {
  const mapped = runDocument(anthropicUsageFormat, json('usage_report.json'));
  const lines = linesOf(mapped);

  it('one line per token type; cache writes by TTL; web searches and long context at cost 0', () => {
    expect(mapped.format).toBe('anthropic-usage-report-api');
    expect(lines.map((l) => [l.x_Model, l.x_TokenType, l.ConsumedQuantity, l.BilledCost])).toEqual([
      // Sonnet 4 per 1M: $3 input, $3.75 5m write, $6 1h write, $0.30 cache read, $15 output.
      ['claude-sonnet-4-20250514', 'input', '1500000', '4.500000'],
      ['claude-sonnet-4-20250514', 'cache-write', '200000', '0.75000000'],
      ['claude-sonnet-4-20250514', 'cache-write', '100000', '0.600000'],
      ['claude-sonnet-4-20250514', 'cached-read', '2000000', '0.60000000'],
      ['claude-sonnet-4-20250514', 'output', '300000', '4.500000'],
      ['claude-sonnet-4-20250514', null, '10', '0'],
      // Haiku 3.5 batch: half of $0.80 and $4.
      ['claude-3-5-haiku-20241022', 'input', '4000000', '1.600000000'],
      ['claude-3-5-haiku-20241022', 'output', '1000000', '2.0000000'],
      // 200k-1M context: long-context rates are not in the book.
      ['claude-sonnet-4-20250514', 'input', '300000', '0'],
      ['claude-sonnet-4-20250514', 'output', '10000', '0'],
      // Opus 4.1: $15 input, $75 output.
      ['claude-opus-4-1-20250805', 'input', '100000', '1.500000'],
      ['claude-opus-4-1-20250805', 'output', '20000', '1.500000'],
      // Claude 3 Sonnet is not in the book.
      ['claude-3-sonnet-20240229', 'input', '1000', '0'],
      ['claude-3-sonnet-20240229', 'output', '100', '0'],
    ]);
    expect(lines[1]).toMatchObject({ SkuId: 'claude-sonnet-4-20250514, cache_creation.ephemeral_5m_input_tokens', ListUnitPrice: '3.75', PricingUnit: '1M Tokens' });
    expect(lines[5]).toMatchObject({ ConsumedUnit: 'Requests', SkuId: 'claude-sonnet-4-20250514, web_search_requests' });
    expect(lines[10]).toMatchObject({ RegionId: 'us', SubAccountId: null, x_ApiKey: 'apikey_01Qz4' });
  });

  it('reports the estimate, the unpriced usage, the tier, US-only inference and the missing pages', () => {
    expect(mapped.mapper.warnings?.()).toEqual([
      '9 lines priced from the price book as of 2026-11-29 (2 of them Batch API usage, at the batch discount): list-price estimates, not billed amounts; each is marked "(estimated from list prices)".',
      '5 lines imported with cost 0: the price book has no price for web search requests (priced per request) (1), claude-sonnet-4-20250514 long-context (200k-1M) usage (2), claude-3-sonnet-20240229 (2).',
      '1 row on service tier "priority" priced at standard-tier list prices (that tier is billed differently).',
      '1 row with US-only inference (inference_geo "us") priced at global list prices; US-only inference may cost more.',
      'The API response says more pages follow (has_more: true): this file holds only part of the period; import the following pages (next_page) too.',
    ]);
  });

  it('imports with the hand-computed total 10.95 + 3.60 + 3.00 = 17.55 USD', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('anthropic/usage_report.json')]);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'anthropic-usage-report-api', rowsRead: 5, rowsImported: 5, rowsRejected: 0 });
    expect(sources[0]?.totals.USD?.billedCost).toBe('17.550000');
    const writes = await engine.call('costLines', { where: { x_TokenType: 'cache-write' } });
    expect(writes.lines.map((l) => l.billedCost).sort()).toEqual([0.6, 0.75]);
  });
});

describe('Anthropic Console usage export (CSV)', () => {
  it('prices hourly rows from the book; the bucket ends an hour after it starts', () => {
    const { header, rows } = table('console_usage_export.csv');
    const mapped = runTable(anthropicUsageFormat, header, rows);
    expect(mapped.format).toBe('anthropic-console-usage-csv');
    const lines = linesOf(mapped);
    expect(lines.map((l) => [l.x_Model, l.x_TokenType, l.BilledCost])).toEqual([
      ['claude-haiku-4-5-20251001', 'input', '1.000000'],
      ['claude-haiku-4-5-20251001', 'output', '1.000000'],
      ['claude-sonnet-4-5-20250929', 'input', '0.600000'],
      ['claude-sonnet-4-5-20250929', 'cache-write', '0.37500000'],
      ['claude-sonnet-4-5-20250929', 'cached-read', '0.15000000'],
      ['claude-sonnet-4-5-20250929', 'output', '0.750000'],
      ['claude-sonnet-4-5-20250929', null, '0'],
      ['claude-opus-4-6', 'input', '1.0000000'],
      ['claude-opus-4-6', 'output', '1.0000000'],
    ]);
    expect(lines[0]).toMatchObject({ ChargePeriodStart: '2026-03-31 02:00', ChargePeriodEnd: '2026-03-31T03:00:00Z', SubAccountId: 'Default', x_ApiKey: 'support-bot', RegionId: null });
  });

  it('imports with the estimated total 2.00 + 1.875 + 2.00 = 5.875 USD; a bad count is rejected with its row', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('anthropic/console_usage_export.csv')]);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'anthropic-console-usage-csv', rowsImported: 3, totals: { USD: { billedCost: '5.875000' } } });
    const bad = await importPaths(engine, [fixture('anthropic/console_usage_malformed.csv')]);
    expect(bad.sources[0]?.errors).toEqual([{ row: 3, message: 'Row 3 uncached_input_tokens "many" is not a number.' }]);
  });
});
