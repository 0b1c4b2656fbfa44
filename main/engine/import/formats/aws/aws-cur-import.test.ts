/**
 * The AWS fixtures through the whole import: detected format, rows read / imported / rejected,
 * per-currency totals to the cent (computed here from the files, or by hand where the cost is
 * derived), and the key columns as the engine's queries return them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactSum, readCsv, toCents } from '../../../../../test/support/csv.js';
import { fixture, importPaths, testEngine, type TestEngine } from '../../../../../test/support/engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'cc-aws-'));

async function imported(file: string, acceptPartial = false): Promise<{ engine: TestEngine; report: Awaited<ReturnType<typeof importPaths>>['sources'][number] }> {
  const engine = await testEngine();
  const result = await importPaths(engine, [fixture(`aws-cur/${file}`)], acceptPartial);
  const report = result.sources[0];
  if (!report) throw new Error('no report');
  return { engine, report };
}

function totalsOf(report: { totals: Record<string, { billedCost: string; effectiveCost: string }> }, currency: string): [bigint, bigint] {
  const totals = report.totals[currency];
  return [toCents(totals?.billedCost ?? 'none'), toCents(totals?.effectiveCost ?? 'none')];
}

/** SUM of a cost_lines column for the lines matching a text column (x_ columns are stored, not shown by the overview). */
function sumOf(engine: TestEngine, column: string, where = '1 = 1'): number {
  return Number(engine.store().scalar(`SELECT TOTAL(${column}) FROM cost_lines WHERE ${where}`));
}

describe('koku_test_cur.csv (legacy CUR whose header has one column more than its rows)', () => {
  it('imports every row with the missing trailing cell empty, says so, and totals exact to the cent', async () => {
    const rows = readCsv(fixture('aws-cur/koku_test_cur.csv'));
    const engine = await testEngine();
    const result = await importPaths(engine, [fixture('aws-cur/koku_test_cur.csv')]);
    const report = result.sources[0];
    if (!report) throw new Error('no report');
    expect(result.committed).toBe(true);
    expect(report.format).toBe('aws-cur-legacy');
    expect(report).toMatchObject({ status: 'imported', rowsRead: 19, rowsImported: 19, rowsRejected: 0 });
    expect(report.warnings).toContain('19 rows had fewer fields than the header (131); the missing trailing fields were read as empty.');
    const currency = Object.keys(report.totals)[0] ?? '';
    expect(toCents(report.totals[currency]?.billedCost ?? '')).toBe(toCents(exactSum(rows.map((r) => r['lineItem/UnblendedCost'] ?? ''))));
    expect((await engine.call('status', {})).costLines).toBeGreaterThanOrEqual(19);
  });
});

describe('koku_2023-06-01_with-costCategory.csv (legacy CUR, NOK, savings plan covered usage, cost categories)', () => {
  it('imports 3 lines: billed = unblended, effective = savings plan effective cost, to the cent', async () => {
    const rows = readCsv(fixture('aws-cur/koku_2023-06-01_with-costCategory.csv'));
    const { engine, report } = await imported('koku_2023-06-01_with-costCategory.csv');
    expect(report.format).toBe('aws-cur-legacy');
    expect(report).toMatchObject({ status: 'imported', rowsRead: 3, rowsImported: 3, rowsRejected: 0 });
    // Every line is SavingsPlanCoveredUsage: 3 × 10 NOK billed, 3 × 0.1 NOK effective.
    expect(rows.every((r) => r['lineItem/LineItemType'] === 'SavingsPlanCoveredUsage')).toBe(true);
    expect(totalsOf(report, 'NOK')).toEqual([
      toCents(exactSum(rows.map((r) => r['lineItem/UnblendedCost'] ?? ''))),
      toCents(exactSum(rows.map((r) => r['savingsPlan/SavingsPlanEffectiveCost'] ?? ''))),
    ]);
    expect(totalsOf(report, 'NOK')).toEqual([3000n, 30n]);

    const overview = await engine.call('overview', {});
    expect(overview.currency).toBe('NOK');
    expect(overview.bySubAccount.map((b) => b.key)).toEqual(['0099999999999']);
    expect(overview.byService.map((b) => b.key)).toEqual(['Amazon Elastic Compute Cloud']);
    expect(overview.byRegion.map((b) => b.key)).toEqual(['us-west-1']);
    expect(overview.tagKeys).toEqual(expect.arrayContaining(['costCategory/cost_env', 'costCategory/name', 'costCategory/qe_source']));
    // noTags/user:* columns are not resource tags: they stay extras.
    expect(overview.tagKeys).not.toContain('app');
    expect(report.extraColumns).toContain('noTags/user:app');
    const env = await engine.call('tagBreakdown', { key: 'costCategory/cost_env' });
    expect(env.rows.map((r) => [r.key, Math.round(r.effectiveCost * 100)])).toEqual([['prod', 30]]);
    // Covered usage is Committed; the file's savingsPlan/SavingsPlanArn is empty, so no commitment is named.
    const covered = await engine.call('costLines', { where: { PricingCategory: 'Committed', ChargeCategory: 'Usage' } });
    expect(covered.total).toBe(3);
  });
});

describe('koku_2022-07-01-alt-columns_athena-style.csv (snake_case legacy CUR, AWS Marketplace)', () => {
  it('imports 2 lines of zero cost with the Marketplace publisher and aws: tags', async () => {
    const rows = readCsv(fixture('aws-cur/koku_2022-07-01-alt-columns_athena-style.csv'));
    const { engine, report } = await imported('koku_2022-07-01-alt-columns_athena-style.csv');
    expect(report.format).toBe('aws-cur-athena');
    expect(report).toMatchObject({ status: 'imported', rowsRead: 2, rowsImported: 2, rowsRejected: 0 });
    const expected = toCents(exactSum(rows.map((r) => r.line_item_unblended_cost ?? '')));
    expect(totalsOf(report, 'USD')).toEqual([expected, expected]);
    const overview = await engine.call('overview', {});
    expect(overview.byService.map((b) => b.key)).toEqual(['Red Hat® Enterprise Linux®']);
    expect(overview.bySubAccount.map((b) => b.key)).toEqual(['999999']);
    expect(overview.byRegion.map((b) => b.key)).toEqual(['us-east-1']);
    expect(overview.tagKeys).toEqual(['aws:created_by']);
    expect(Number(engine.store().scalar(`SELECT COUNT(*) FROM cost_lines WHERE PublisherName = (SELECT id FROM dict WHERE value = 'AWS Marketplace')`))).toBe(2);
  });
});

describe('CUR 2.0 with MAP columns, as Data Exports CSV, as an Athena query result, and as nested JSON Lines', () => {
  const rows = readCsv(fixture('aws-cur/cur2-map-columns.csv'));
  const billed = toCents(exactSum(rows.map((r) => r.line_item_unblended_cost ?? '')));

  it.each(['cur2-map-columns.csv', 'cur2-athena-query-result.csv', 'cur2-nested-maps.jsonl'])('%s: 5 lines, EUR totals, tags from the maps', async (file) => {
    const { engine, report } = await imported(file);
    expect(report.format).toBe('aws-cur2');
    expect(report).toMatchObject({ status: 'imported', rowsRead: 5, rowsImported: 5, rowsRejected: 0 });
    // No commitments: effective = billed = 2.3424 + 12.5470246720 + 3.528 + 1.19 − 2.00 = 17.607424672.
    expect(totalsOf(report, 'EUR')).toEqual([billed, billed]);
    expect(billed).toBe(1761n);
    const team = await engine.call('tagBreakdown', { key: 'team' });
    expect(team.rows.map((r) => [r.key, Math.round(r.effectiveCost * 10_000)]).sort()).toEqual([['(untagged)', -8100], ['data', 125470], ['ml', 58704]].sort());
    const overview = await engine.call('overview', {});
    expect(overview.tagKeys).toEqual(expect.arrayContaining(['team', 'environment', 'aws:created_by', 'cost center', 'costCategory/CostCenter', 'costCategory/Business Unit']));
    // Named by line_item_usage_account_name, which CUR 2.0 adds.
    expect(overview.bySubAccount.map((b) => b.key).sort()).toEqual(['data-lake', 'ml-platform-prod']);
    expect(overview.byServiceCategory.map((b) => b.key).sort()).toEqual(['AI and Machine Learning', 'Compute', 'Storage']);
    expect(sumOf(engine, 'x_Tokens', `x_Model = (SELECT id FROM dict WHERE value = 'Nova Pro')`)).toBe(4_200_000);
  });
});

describe('cur-bedrock-commitments.csv (legacy CUR written for this project: Bedrock tokens, savings plan, RI, GPUs)', () => {
  it('imports 17 lines; billed and amortised totals as computed by hand', async () => {
    const { engine, report } = await imported('cur-bedrock-commitments.csv');
    expect(report.format).toBe('aws-cur-legacy');
    expect(report).toMatchObject({ status: 'imported', rowsRead: 17, rowsImported: 17, rowsRejected: 0 });
    // See aws-cur-mapper.test.ts for the sums line by line: billed 4816.50325, effective 809.69325.
    expect(report.totals.USD).toEqual({ billedCost: expect.stringMatching(/^4816\.50325/), effectiveCost: expect.stringMatching(/^809\.69325/) });
    expect(totalsOf(report, 'USD')).toEqual([481650n, 80969n]);
    expect(report.warnings).toHaveLength(1);

    const credits = await engine.call('costLines', { where: { ChargeCategory: 'Credit' } });
    expect(credits.lines.map((l) => l.billedCost).sort()).toEqual([-20.5, -5]);
    const sonnet = await engine.call('costLines', { where: { x_Model: 'Claude3Sonnet' } });
    expect(sonnet.total).toBe(2);
    expect(sumOf(engine, 'x_Tokens')).toBe(1_250_500 + 210_250 + 800_000 + 52_000 + 3_000_000);
    expect(sumOf(engine, 'x_GpuHours')).toBe(80 + 96 + 5);
    const overview = await engine.call('overview', {});
    expect(overview.byServiceCategory.find((b) => b.key === 'AI and Machine Learning')?.billedCost).toBeCloseTo(3.7515 + 3.15375 + 0.24 + 0.208 + 0.3 - 5, 6);
    const team = await engine.call('tagBreakdown', { key: 'team' });
    expect(team.rows.find((r) => r.key === 'ml')?.effectiveCost).toBeCloseTo(3.7515 + 3.15375 + 0.24 + 550.37 + 0 + 97.44, 6);
  });

  it('rejects a line whose savings plan effective cost is not a number, with its row number', async () => {
    const text = readFileSync(fixture('aws-cur/cur-bedrock-commitments.csv'), 'utf8').replace(',550.37,', ',n/a-cost,');
    const path = join(scratch, 'bad-savings-plan.csv');
    writeFileSync(path, text);
    const engine = await testEngine();
    const result = await importPaths(engine, [path]);
    expect(result.committed).toBe(false);
    expect(result.sources[0]?.errors).toEqual([{ row: 7, message: 'Row 7 savingsPlan/SavingsPlanEffectiveCost "n/a-cost" is not a number.' }]);
  });

  it('refuses a CUR without its cost column, naming it', async () => {
    const [header = '', ...lines] = readFileSync(fixture('aws-cur/cur-bedrock-commitments.csv'), 'utf8').split('\n');
    const path = join(scratch, 'no-cost.csv');
    writeFileSync(path, [header.replace('lineItem/UnblendedCost', 'lineItem/SomethingElse'), ...lines].join('\n'));
    const engine = await testEngine();
    const result = await importPaths(engine, [path]);
    expect(result.sources[0]?.status).toBe('failed');
    expect(result.sources[0]?.missingColumns).toEqual(['lineItem/UnblendedCost']);
  });
});
