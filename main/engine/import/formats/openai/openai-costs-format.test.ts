import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exactSum, readCsv, toCents } from '../../../../../test/support/csv.js';
import { fixture, importPaths, testEngine } from '../../../../../test/support/engine.js';
import { linesOf, runDocument, runTable } from './adapter-harness.js';
import { openaiCostsFormat } from './openai-costs-format.js';

const json = (name: string): unknown => JSON.parse(readFileSync(fixture(`openai/${name}`), 'utf8'));

/** The amounts of a Costs API document as the text JSON numbers print as, independently of the adapter. */
function amountsOf(document: unknown): string[] {
  const page = document as { data: Array<{ results: Array<{ amount: { value: number } }> }> };
  return page.data.flatMap((bucket) => bucket.results.map((r) => String(r.amount.value)));
}

describe('OpenAI Costs API (mapper)', () => {
  it('the published example: one result, its bucket times as ISO, USD, no model', () => {
    const mapped = runDocument(openaiCostsFormat, json('openapi_example_organization_costs.json'));
    expect(mapped.format).toBe('openai-costs-api');
    expect(linesOf(mapped)).toEqual([
      expect.objectContaining({
        ProviderName: 'OpenAI', ServiceName: 'OpenAI API', ServiceCategory: 'AI and Machine Learning', ChargeCategory: 'Usage',
        ChargePeriodStart: '2024-11-01T00:00:00Z', ChargePeriodEnd: '2024-11-02T00:00:00Z', BilledCost: '0.06', EffectiveCost: '0.06',
        BillingCurrency: 'USD', ChargeDescription: 'OpenAI API costs', x_Model: null, SubAccountId: null,
      }),
    ]);
  });

  it('a multi-bucket page grouped by line item and project: model and token type from the line item', () => {
    const lines = linesOf(runDocument(openaiCostsFormat, json('costs_multi_bucket.json')));
    expect(lines.map((l) => [l.ChargePeriodStart, l.BilledCost, l.x_Model, l.x_TokenType, l.SubAccountId, l.x_ApiKey, l.x_Workload])).toEqual([
      ['2025-03-01T00:00:00Z', '1.2345678901', 'gpt-4o-2024-08-06', 'input', 'proj_alpha', 'key_a', 'inference'],
      ['2025-03-01T00:00:00Z', '0.5', 'gpt-4o-2024-08-06', 'cached-read', 'proj_alpha', 'key_a', 'inference'],
      ['2025-03-01T00:00:00Z', '3.75', 'gpt-4o-2024-08-06', 'output', 'proj_beta', 'key_b', 'inference'],
      ['2025-03-02T00:00:00Z', '0.02', 'text-embedding-3-small', 'input', 'proj_alpha', null, 'embedding'],
      ['2025-03-02T00:00:00Z', '10', null, null, null, null, null],
    ]);
    expect(lines[0]).toMatchObject({ SkuId: 'gpt-4o-2024-08-06, input', ChargeDescription: 'gpt-4o-2024-08-06, input', ResourceId: 'key_a', ResourceType: 'API key', SubAccountType: 'Project' });
  });

  it('refuses documents of other shapes (a usage page is not a cost page)', () => {
    expect(openaiCostsFormat.tabulateJson?.(json('openapi_example_organization_usage_completions.json'))).toBeNull();
    expect(openaiCostsFormat.tabulateJson?.({ data: [] })).toBeNull();
    expect(openaiCostsFormat.tabulateJson?.([1, 2])).toBeNull();
  });
});

describe('OpenAI dashboard cost export (CSV)', () => {
  const path = fixture('openai/dashboard_cost_export.csv');
  const [header = [], ...rows] = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;

  it('maps the documented columns; an empty bucket carries no line', () => {
    const mapped = runTable(openaiCostsFormat, header, rows);
    expect(mapped.format).toBe('openai-costs-csv');
    expect(mapped.results[0]).toEqual([]);
    expect(linesOf(mapped).map((l) => [l.BilledCost, l.x_Model, l.x_TokenType, l.x_Tokens, l.ConsumedUnit, l.SubAccountName, l.BillingAccountId, l.x_User])).toEqual([
      ['4.125000000000000000000000000000', 'gpt-4.1-2025-04-14', 'input', '1650000', 'tokens', 'Web app', 'org-demo', 'user-abc'],
      ['0.060000000000000000000000000000', null, null, null, null, 'Web app', 'org-demo', 'user-abc'],
      ['12.8', 'gpt-4.1-2025-04-14', 'output', '1600000', 'tokens', 'Web app', 'org-demo', 'user-abc'],
    ]);
    expect(mapped.mapper.warnings?.()).toEqual(['1 bucket without an amount (days without charges) carried no cost.']);
  });
});

describe('OpenAI costs through the engine', () => {
  it.each(['openapi_example_organization_costs.json', 'costs_multi_bucket.json'])('%s: every result imported, USD total exact to the cent', async (name) => {
    const expected = exactSum(amountsOf(json(name)));
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture(`openai/${name}`)]);
    const report = sources[0];
    expect(report?.status, report?.message ?? report?.errors[0]?.message).toBe('imported');
    expect(report?.format).toBe('openai-costs-api');
    expect(report?.rowsRead).toBe(amountsOf(json(name)).length);
    expect(report?.rowsRejected).toBe(0);
    expect(toCents(report?.totals.USD?.billedCost ?? '')).toBe(toCents(expected));
    expect(toCents(report?.totals.USD?.effectiveCost ?? '')).toBe(toCents(expected));
  });

  it('costs_multi_bucket.json: 15.5045678901 USD; lines filterable by model and project', async () => {
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [fixture('openai/costs_multi_bucket.json')]);
    expect(sources[0]?.totals.USD?.billedCost).toBe('15.5045678901');
    const gpt4o = await engine.call('costLines', { where: { x_Model: 'gpt-4o-2024-08-06' } });
    expect(gpt4o.lines.map((l) => l.effectiveCost).sort()).toEqual([0.5, 1.2345678901, 3.75]);
    const beta = await engine.call('costLines', { where: { SubAccountId: 'proj_beta' } });
    expect(beta.total).toBe(1);
  });

  it('dashboard_cost_export.csv: 4 rows read, the empty bucket imports with no line, 16.985 USD', async () => {
    const path = fixture('openai/dashboard_cost_export.csv');
    const expected = exactSum(readCsv(path).map((r) => r.amount_value ?? ''));
    const engine = await testEngine();
    const { sources } = await importPaths(engine, [path]);
    expect(sources[0]).toMatchObject({ status: 'imported', format: 'openai-costs-csv', rowsRead: 4, rowsImported: 4, rowsRejected: 0 });
    expect(toCents(sources[0]?.totals.USD?.billedCost ?? '')).toBe(toCents(expected));
    expect(toCents(expected)).toBe(1699n);
  });

  it('a malformed amount is rejected with its row number; nothing imported unless accepted', async () => {
    const engine = await testEngine();
    const refused = await importPaths(engine, [fixture('openai/costs_malformed.json')]);
    expect(refused.committed).toBe(false);
    expect(refused.sources[0]?.errors).toEqual([{ row: 3, message: 'Row 3 BilledCost "12,5" is not a number.' }]);
    const accepted = await importPaths(engine, [fixture('openai/costs_malformed.json')], true);
    expect(accepted.sources[0]).toMatchObject({ rowsImported: 1, totals: { USD: { billedCost: '1.500000' } } });
  });
});
