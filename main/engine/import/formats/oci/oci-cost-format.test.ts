import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exactSum, readCsv, toCents } from '../../../../../test/support/csv.js';
import { fixture, importPaths, testEngine } from '../../../../../test/support/engine.js';
import { COST_COLUMNS } from '../../../db/cost-columns.js';
import { ociCostFormat } from './oci-cost-format.js';
import { ociServiceCategory } from './oci-service-category.js';

const FILE = fixture('oci/cost-report-sample.csv');

function mappedLines(): Array<Record<string, string | null>> {
  const [header = [], ...rows] = Papa.parse<string[]>(readFileSync(FILE, 'utf8'), { skipEmptyLines: true }).data;
  const mapper = ociCostFormat.mapper(header);
  return rows.map((row) => {
    const out = mapper.map(row);
    if (typeof out === 'string') throw new Error(out);
    return Object.fromEntries(COST_COLUMNS.map((c, i) => [c.name, out[0]?.values[i] ?? null]));
  });
}

describe('OCI cost report (cost-report-sample.csv, written from Oracle\'s documented columns)', () => {
  it('is detected by its own columns, and names the cost columns a usage report lacks', () => {
    const header = Object.keys(readCsv(FILE)[0] ?? {});
    expect(ociCostFormat.detect(header)).toMatchObject({ format: 'oci-cost-report', missing: [] });
    const usageReport = header.filter((h) => !h.startsWith('cost/'));
    expect(ociCostFormat.detect(usageReport)?.missing).toEqual(['cost/myCost', 'cost/currencyCode']);
    expect(ociCostFormat.detect(['lineItem/UsageStartDate', 'lineItem/UnblendedCost', 'product/region'])).toBeNull();
  });

  it('maps tenancy, compartment, service, region, tags, corrections and GPU hours', () => {
    const lines = mappedLines();
    expect(lines[0]).toMatchObject({
      ProviderName: 'Oracle', BillingAccountId: 'ocid1.tenancy.oc1..aaaaaaaaexampletenancy0000000000000000000000000000000000001',
      SubAccountId: 'ocid1.compartment.oc1..aaaaaaaaexamplecompartmentmldev00000000000000000000000001', SubAccountName: 'ml-dev',
      ServiceName: 'COMPUTE', ServiceCategory: 'Compute', RegionId: 'us-ashburn-1', AvailabilityZone: 'ijdD:US-ASHBURN-AD-1',
      SkuId: 'B97384', ChargeDescription: 'Compute - Standard - E4 - OCPU', PricingQuantity: '2', PricingUnit: 'ONE OCPU HOURS',
      ContractedUnitPrice: '0.025', BilledCost: '0.05', EffectiveCost: '0.05', BillingCurrency: 'USD', ChargeCategory: 'Usage', ChargeClass: null,
      ChargePeriodStart: '2024-05-01T00:00Z', x_GpuHours: null,
    });
    expect(JSON.parse(lines[0]?.Tags ?? '{}')).toEqual({ 'Oracle-Tags.CreatedBy': 'default/alice@example.com', 'Oracle-Tags.CreatedOn': '2024-04-30T08:12:44.123Z', 'ml-ops.team': 'research' });
    expect(lines.map((l) => l.ServiceCategory)).toEqual(['Compute', 'Storage', 'Compute', 'Storage', 'AI and Machine Learning', 'Compute']);
    expect(lines[2]?.x_GpuHours).toBe('4');
    expect(lines[5]?.ChargeClass).toBe('Correction');
  });

  it('imports 6 lines with cost/myCost as billed and effective cost, to the cent', async () => {
    const rows = readCsv(FILE);
    const engine = await testEngine();
    const result = await importPaths(engine, [FILE]);
    const report = result.sources[0];
    expect(report?.format).toBe('oci-cost-report');
    expect(report).toMatchObject({ status: 'imported', rowsRead: 6, rowsImported: 6, rowsRejected: 0 });
    // 0.05 + 0.0017465753 + 8.00 + 0.3 + 1.52 − 0.025 = 9.8467465753
    const expected = toCents(exactSum(rows.map((r) => r['cost/myCost'] ?? '')));
    expect(expected).toBe(985n);
    expect(toCents(report?.totals.USD?.billedCost ?? '')).toBe(expected);
    expect(toCents(report?.totals.USD?.effectiveCost ?? '')).toBe(expected);
    const overview = await engine.call('overview', {});
    expect(overview.byRegion.map((b) => b.key).sort()).toEqual(['eu-frankfurt-1', 'us-ashburn-1', 'us-chicago-1']);
    // The overview names sub-accounts (compartments) by SubAccountName where there is one.
    expect(overview.bySubAccount.map((b) => b.key).sort()).toEqual(['ml-dev', 'shared']);
    const team = await engine.call('tagBreakdown', { key: 'ml-ops.team' });
    expect(team.rows.map((r) => [r.key, Math.round(r.billedCost * 10_000)])).toEqual([['training', 80000], ['research', 15467], ['(untagged)', 3000]]);
  });

  it('rejects a line whose cost is not a number, with its row number', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cc-oci-')), 'bad-cost.csv');
    writeFileSync(path, readFileSync(FILE, 'utf8').replace(',0.0017465753,', ',abc,'));
    const engine = await testEngine();
    const result = await importPaths(engine, [path]);
    expect(result.committed).toBe(false);
    expect(result.sources[0]?.errors).toEqual([{ row: 3, message: 'Row 3 BilledCost "abc" is not a number.' }]);
  });
});

describe('ociServiceCategory', () => {
  it.each([
    ['COMPUTE', 'Compute'], ['BLOCK_STORAGE', 'Storage'], ['OBJECTSTORE', 'Storage'], ['NETWORK', 'Networking'], ['LOAD_BALANCER', 'Networking'],
    ['API_GATEWAY', 'Integration'], ['DATABASE', 'Databases'], ['GENERATIVE_AI', 'AI and Machine Learning'], ['DATA_SCIENCE', 'AI and Machine Learning'],
    ['LOGGING', 'Management and Governance'], ['VAULT', 'Security'], ['SOMETHING_NEW', 'Other'], ['', 'Other'],
  ])('%s → %s', (service, category) => {
    expect(ociServiceCategory(service)).toBe(category);
  });
});
