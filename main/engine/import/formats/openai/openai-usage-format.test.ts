import { readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCents } from '../../../../../test/support/csv.js';
import { fixture, importPaths, testEngine } from '../../../../../test/support/engine.js';
import { linesOf, runDocument, runTable } from './adapter-harness.js';
import { openaiUsageFormat } from './openai-usage-format.js';

const json = (name: string): unknown => JSON.parse(readFileSync(fixture(`openai/${name}`), 'utf8'));
const EXAMPLES = readdirSync(fixture('openai')).filter((f) => f.startsWith('openapi_example_organization_usage_'));

/** What each published Usage API example becomes: the quantity it reports and its unit. */
const EXAMPLE_QUANTITY: Record<string, [string, string]> = {
  audio_speeches: ['45', 'Characters'],
  audio_transcriptions: ['20', 'Seconds'],
  code_interpreter_sessions: ['1', 'Sessions'],
  embeddings: ['16', 'Tokens'],
  file_search_calls: ['2', 'Requests'],
  images: ['2', 'Images'],
  moderations: ['16', 'Tokens'],
  vector_stores: ['1024', 'Bytes'],
  web_search_calls: ['2', 'Requests'],
};

describe('OpenAI Usage API examples (every published example imports)', () => {
  it.each(EXAMPLES)('%s: one row, usage lines at cost 0 (the examples name no model)', async (name) => {
    const kind = name.replace('openapi_example_organization_usage_', '').replace('.json', '');
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture(`openai/${name}`)]);
    const report = sources[0];
    expect(report?.status, report?.message ?? report?.errors[0]?.message).toBe('imported');
    expect(report).toMatchObject({ format: 'openai-usage-api', rowsRead: 1, rowsImported: 1, rowsRejected: 0 });
    expect(toCents(report?.totals.USD?.billedCost ?? '')).toBe(0n);
    expect(report?.warnings.join('\n')).toContain('imported with cost 0');
    const lines = linesOf(runDocument(openaiUsageFormat, json(name)));
    if (kind === 'completions') {
      // input 1000 = 500 uncached + 400 cached + 100 cache-write; output 500.
      expect(lines.map((l) => [l.x_TokenType, l.x_Tokens])).toEqual([['input', '500'], ['cached-read', '400'], ['cache-write', '100'], ['output', '500']]);
      expect(report?.warnings).toContain(
        'The API response says more pages follow (has_more: true): this file holds only part of the period; import the following pages (next_page) too.',
      );
    } else {
      const [quantity, unit] = EXAMPLE_QUANTITY[kind] ?? [];
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ ConsumedQuantity: quantity, ConsumedUnit: unit, BilledCost: '0', ChargePeriodStart: '2024-11-01T00:00:00Z' });
    }
    expect(lines.every((l) => (l.ChargeDescription ?? '').endsWith('(not priced: no list price)'))).toBe(true);
  });
});

describe('OpenAI completions usage grouped by model: priced from the price book', () => {
  const mapped = runDocument(openaiUsageFormat, json('usage_completions_by_model.json'));
  const lines = linesOf(mapped);

  it('one line per token type, costs exact from list prices on the usage day', () => {
    expect(mapped.format).toBe('openai-usage-api');
    expect(lines.map((l) => [l.x_Model, l.x_TokenType, l.x_Tokens, l.BilledCost, l.ListCost])).toEqual([
      // gpt-4o-mini: 1,000,000 uncached × $0.15, 200,000 cached × $0.075, 300,000 output × $0.60 per 1M.
      ['gpt-4o-mini-2024-07-18', 'input', '1000000', '0.15000000', '0.15000000'],
      ['gpt-4o-mini-2024-07-18', 'cached-read', '200000', '0.015000000', '0.015000000'],
      ['gpt-4o-mini-2024-07-18', 'output', '300000', '0.18000000', '0.18000000'],
      // o3 on 2025-06-01, before the 2025-06-10 price cut: $10 input, $40 output.
      ['o3-2025-04-16', 'input', '500000', '5.00000000', '5.00000000'],
      ['o3-2025-04-16', 'output', '100000', '4.00000000', '4.00000000'],
      // gpt-4.1 batch: half of $2 / $0.50 / $8.
      ['gpt-4.1-2025-04-14', 'input', '1000000', '1.000000000', '2.00000000'],
      ['gpt-4.1-2025-04-14', 'cached-read', '1000000', '0.250000000', '0.50000000'],
      ['gpt-4.1-2025-04-14', 'output', '400000', '1.600000000', '3.20000000'],
      // o3 on 2025-06-15, after the cut: $2 input, $8 output.
      ['o3-2025-04-16', 'input', '500000', '1.00000000', '1.00000000'],
      ['o3-2025-04-16', 'output', '100000', '0.80000000', '0.80000000'],
      // Audio tokens and fine-tuned models are not in the price book: cost 0.
      ['gpt-4o-audio-preview-2024-12-17', 'input', '1000', '0', null],
      ['gpt-4o-audio-preview-2024-12-17', 'output', '500', '0', null],
      ['ft:gpt-4o-mini-2024-07-18:acme::abc123', 'input', '1000', '0', null],
      ['ft:gpt-4o-mini-2024-07-18:acme::abc123', 'output', '100', '0', null],
    ]);
  });

  it('marks estimates in the description, the pricing columns and the extras', () => {
    expect(lines[0]).toMatchObject({
      ChargeDescription: 'gpt-4o-mini-2024-07-18 completions input tokens (estimated from list prices)',
      SkuId: 'gpt-4o-mini-2024-07-18, input', ListUnitPrice: '0.15', PricingQuantity: '1.000000', PricingUnit: '1M Tokens',
      ConsumedUnit: 'Tokens', x_Workload: 'inference', x_ApiKey: 'key_a', x_User: 'user_1', SubAccountId: 'proj_alpha', BillingCurrency: 'USD',
    });
    expect(JSON.parse(lines[0]?.extras ?? '{}')).toMatchObject({ x_CostSource: 'price book (estimated)', x_PriceBookAsOf: '2026-11-29', num_model_requests: '140' });
    expect(JSON.parse(lines[10]?.extras ?? '{}')).toMatchObject({ x_CostSource: 'none (no list price)' });
  });

  it('says in the report what was estimated, what was not priced, and the non-standard tier', () => {
    expect(mapped.mapper.warnings?.()).toEqual([
      '10 lines priced from the price book as of 2026-11-29 (3 of them Batch API usage, at the batch discount): list-price estimates, not billed amounts; each is marked "(estimated from list prices)".',
      '4 lines imported with cost 0: the price book has no price for gpt-4o-audio-preview-2024-12-17 audio tokens (audio rates are not in the price book) (2), ft:gpt-4o-mini-2024-07-18:acme::abc123 (2).',
      '1 row on service tier "flex" priced at standard-tier list prices (that tier is billed differently).',
    ]);
  });

  it('imports with the hand-computed total: 0.345 + 9.00 + 2.85 + 1.80 = 13.995 USD', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('openai/usage_completions_by_model.json')]);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'openai-usage-api', rowsRead: 6, rowsImported: 6, rowsRejected: 0 });
    expect(sources[0]?.totals.USD?.billedCost).toBe('13.995000');
    const o3 = await engine.call('costLines', { where: { x_Model: 'o3-2025-04-16', x_TokenType: 'output' } });
    expect(o3.lines.map((l) => l.billedCost).sort()).toEqual([0.8, 4]);
  });
});

describe('OpenAI dashboard activity export (TSV, a superset of the API fields)', () => {
  const text = readFileSync(fixture('openai/dashboard_usage_export.tsv'), 'utf8');
  const [header = [], ...rows] = Papa.parse<string[]>(text, { delimiter: '\t', skipEmptyLines: true }).data;

  it('maps rows like API results: 3,000,000 uncached + 1,000,000 cached + 1,000,000 output of gpt-4o-mini; gpt-4.1-nano', () => {
    const mapped = runTable(openaiUsageFormat, header, rows);
    expect(mapped.format).toBe('openai-usage-csv');
    expect(linesOf(mapped).map((l) => [l.x_Model, l.x_TokenType, l.BilledCost, l.ResourceName, l.SubAccountName])).toEqual([
      ['gpt-4o-mini-2024-07-18', 'input', '0.45000000', 'web-prod', 'Web app'],
      ['gpt-4o-mini-2024-07-18', 'cached-read', '0.075000000', 'web-prod', 'Web app'],
      ['gpt-4o-mini-2024-07-18', 'output', '0.60000000', 'web-prod', 'Web app'],
      ['gpt-4.1-nano', 'input', '1.00000000', 'web-prod', 'Web app'],
      ['gpt-4.1-nano', 'output', '0.80000000', 'web-prod', 'Web app'],
    ]);
  });

  it('imports through the engine (tab-delimited) with the estimated total 2.925 USD', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('openai/dashboard_usage_export.tsv')]);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'openai-usage-csv', rowsImported: 2, totals: { USD: { billedCost: '2.925000' } } });
  });
});

describe('malformed usage', () => {
  it('rejects inconsistent and non-numeric token counts with the row number', async () => {
    const engine = await testEngine();
    const refused = await importPaths(engine, [fixture('openai/usage_malformed.json')]);
    expect(refused.committed).toBe(false);
    expect(refused.sources[0]?.errors).toEqual([
      { row: 2, message: 'Row 2 input_tokens (100) is less than its cached (300) and cache-write (0) tokens.' },
      { row: 3, message: 'Row 3 output_tokens "lots" is not a number.' },
    ]);
    const accepted = await importPaths(engine, [fixture('openai/usage_malformed.json')], true);
    expect(accepted.sources[0]).toMatchObject({ rowsImported: 1, totals: { USD: { billedCost: '0.150000' } } });
  });

  it('refuses a usage result of an unknown kind with the reason', () => {
    const mapped = runDocument(openaiUsageFormat, {
      object: 'page', data: [{ object: 'bucket', start_time: 1748736000, end_time: 1748822400, results: [{ object: 'organization.usage.teleport.result', n: 1 }] }],
    });
    expect(mapped.results).toEqual(['has a usage result of an unknown kind ("organization.usage.teleport.result")']);
  });
});
