import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exactSum, readCsv, toCents } from '../../../../../test/support/csv.js';
import { fixture, importPaths, testEngine } from '../../../../../test/support/engine.js';
import { linesOf, runDocument, runTable, type Mapped } from '../openai/adapter-harness.js';
import { opencostFormat } from './opencost-format.js';

const COMPONENT_COLUMNS = ['CPUCost', 'RAMCost', 'NetworkCost', 'PVCost', 'GPUCost'];
const csv = (name: string): Mapped => {
  const [header = [], ...rows] = Papa.parse<string[]>(readFileSync(fixture(`kubernetes/${name}`), 'utf8'), { skipEmptyLines: true }).data;
  return runTable(opencostFormat, header, rows);
};
const json = (name: string): unknown => JSON.parse(readFileSync(fixture(`kubernetes/${name}`), 'utf8'));

/** A CSV's expected total, independently: each row's TotalCost, or the sum of its components when it has none. */
function csvTotal(name: string): string {
  const rows = readCsv(fixture(`kubernetes/${name}`));
  return exactSum(rows.flatMap((r) => ((r.TotalCost ?? '') !== '' ? [r.TotalCost ?? ''] : COMPONENT_COLUMNS.map((c) => r[c] ?? ''))));
}

/** An allocation API document's expected total: the sum of its allocations' totalCost. */
function apiTotal(name: string): string {
  const document = json(name) as { data: Array<Record<string, { totalCost: number }>> };
  return exactSum(document.data.flatMap((set) => Object.values(set).map((a) => String(a.totalCost))));
}

describe('OpenCost CSV export (mapper)', () => {
  it('basic: one line per component; TotalCost float noise (4.6000000000000005) reported, components kept', () => {
    const mapped = csv('opencost_csv_export_basic.csv');
    expect(mapped.format).toBe('opencost-csv');
    const lines = linesOf(mapped);
    expect(lines.map((l) => [l.SkuId, l.BilledCost, l.ServiceCategory, l.ChargeDescription])).toEqual([
      ['cpu', '0.3', 'Compute', 'Kubernetes CPU'],
      ['gpu', '0.8', 'Compute', 'Kubernetes GPU'],
      ['ram', '0.6', 'Compute', 'Kubernetes RAM'],
      ['pv', '2', 'Storage', 'Kubernetes persistent volumes'],
      ['network', '0.9', 'Networking', 'Kubernetes network'],
    ]);
    expect(lines[0]).toMatchObject({
      ProviderName: 'Kubernetes', PublisherName: 'OpenCost', ServiceName: 'Kubernetes', ChargeCategory: 'Usage', BillingCurrency: 'USD',
      ChargePeriodStart: '2021-01-01', ChargePeriodEnd: '2021-01-02T00:00:00Z', SubAccountId: null, Tags: null,
      ResourceId: 'test-namespace/test-controller-name/test-pod/test-container', ResourceName: 'test-container', ResourceType: 'Kubernetes container',
    });
    expect(JSON.parse(lines[0]?.extras ?? '{}')).toMatchObject({ CPUCoreUsageAverage: '0.1', GPUs: '2' });
    expect(JSON.parse(lines[0]?.extras ?? '{}')).not.toHaveProperty('ControllerKind');
    expect(mapped.mapper.warnings?.()).toEqual([
      'The export has no currency column: USD assumed (OpenCost reports in its configured currency, USD by default).',
      '1 row: TotalCost differs from the sum of its components by less than 1e-9 (float rounding in the export); the components were kept.',
    ]);
  });

  it('merged schema change: the old row has no TotalCost (sum of its components), the Label_ column becomes a tag', () => {
    const mapped = csv('opencost_csv_export_merged_schema_change.csv');
    expect(linesOf(mapped).map((l) => [l.ChargePeriodStart, l.SkuId, l.BilledCost, l.Tags, l.ResourceId])).toEqual([
      ['2021-01-01', 'cpu', '0.3', '{"app":"app1"}', 'test-namespace'],
      ['2021-01-01', 'ram', '0.6', '{"app":"app1"}', 'test-namespace'],
      ['2021-01-02', 'cpu', '1', null, 'test-namespace'],
    ]);
    expect(mapped.mapper.warnings?.()).toContain('1 row without a TotalCost (rows merged from an older export): the cost is the sum of the components present.');
  });

  it('with labels: the Labels JSON and the Label_ columns become Tags; an all-zero allocation keeps one zero line', () => {
    const lines = linesOf(csv('opencost_csv_export_with_labels.csv'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ SkuId: 'total', BilledCost: '0', Tags: '{"test-label1":"test-value1","test-label2":"test-value2"}' });
  });

  it('GPU workloads: GPU spend on its own lines; what TotalCost holds beyond the components is one more line', () => {
    const mapped = csv('opencost_csv_export_gpu.csv');
    const lines = linesOf(mapped);
    expect(lines.filter((l) => l.SkuId === 'gpu').map((l) => [l.ResourceName, l.BilledCost])).toEqual([['pytorch', '58.88'], ['vllm', '29.44'], ['pytorch', '58.88']]);
    expect(lines.filter((l) => l.SkuId === 'unitemised').map((l) => [l.ChargePeriodStart, l.BilledCost, l.ChargeDescription])).toEqual([
      ['2025-05-01', '0.010', 'Kubernetes cost not itemised by component'],
    ]);
    expect(lines[0]?.Tags).toBe('{"app":"trainer","team":"research"}');
    expect(mapped.mapper.warnings?.()).toContain(
      '1 row: TotalCost differs from the sum of the component costs by 0.010 in all (load balancer, shared and external costs are not itemised in the CSV export; the API rounds each figure); each difference is a line "Kubernetes cost not itemised by component", so the totals equal TotalCost.',
    );
  });
});

describe('OpenCost allocation API (mapper)', () => {
  it('the published 2-day namespace example: window times, cluster as sub-account, components with adjustments', () => {
    const mapped = runDocument(opencostFormat, json('opencost_allocation_compute_api_example_2d_by_namespace.json'));
    expect(mapped.format).toBe('opencost-allocation-api');
    expect(mapped.results).toHaveLength(3);
    expect(linesOf(mapped).map((l) => [l.ResourceId, l.SkuId, l.BilledCost, l.ConsumedQuantity, l.ConsumedUnit])).toEqual([
      ['kube-system', 'cpu', '0.408822', '21.588536', 'Core-Hours'],
      ['kube-system', 'ram', '0.016647', '7042690751.326794', 'Byte-Hours'],
      ['opencost/opencost/opencost-75dc7dcc49-xdx5t', 'cpu', '0.01817', '0.95949', 'Core-Hours'],
      ['opencost/opencost/opencost-75dc7dcc49-xdx5t', 'ram', '0.012474', '5277197583.375299', 'Byte-Hours'],
      ['prometheus', 'total', '0', null, null],
    ]);
    expect(linesOf(mapped)[0]).toMatchObject({
      SubAccountId: 'cluster-one', SubAccountType: 'Cluster', ChargePeriodStart: '2023-01-18T11:38:45Z', ChargePeriodEnd: '2023-01-20T11:38:45Z',
      ResourceType: 'Kubernetes namespace', Tags: null,
    });
    expect(linesOf(mapped)[2]).toMatchObject({ ResourceType: 'Kubernetes pod', ResourceName: 'opencost-75dc7dcc49-xdx5t' });
    expect(JSON.parse(linesOf(mapped)[2]?.extras ?? '{}')).toMatchObject({ Node: 'ip-192-168-20-42.ap-southeast-2.compute.internal', ProviderID: 'i-064548f89b9d35c11' });
  });

  it('GPU pods: x_GpuHours on the GPU line, load balancer and shared costs itemised, the API\'s rounding as its own line', () => {
    const mapped = runDocument(opencostFormat, json('opencost_allocation_api_gpu_by_pod.json'));
    const lines = linesOf(mapped);
    expect(lines.filter((l) => l.ResourceId === 'ml-training/trainer/trainer-7d9f-abcde' && l.ChargePeriodStart === '2025-05-01T00:00:00Z')
      .map((l) => [l.SkuId, l.BilledCost, l.x_GpuHours])).toEqual([
      ['cpu', '2.204', null], // 2.304 − 0.1 adjustment
      ['gpu', '59.00', '48'], // 58.88 + 0.12 adjustment
      ['ram', '0.512', null],
      ['pv', '0.24', null],
      ['network', '0.01', null],
      ['loadbalancer', '0.5', null],
      ['shared', '1.25', null],
      ['unitemised', '0.00001', null], // totalCost 63.71601 − 63.716
    ]);
    expect(lines.filter((l) => l.ResourceId === '__idle__').map((l) => [l.SkuId, l.BilledCost])).toEqual([['cpu', '10.5'], ['gpu', '20'], ['ram', '3.25'], ['cpu', '5']]);
    expect(lines.find((l) => l.SkuId === 'gpu')?.Tags).toBe('{"app":"trainer","team":"research"}');
  });

  it('does not claim other JSON documents', () => {
    expect(opencostFormat.tabulateJson?.({ object: 'page', data: [{ object: 'bucket', start_time: 1, results: [] }] })).toBeNull();
    expect(opencostFormat.tabulateJson?.({ data: [{ starting_at: '2025-01-01T00:00:00Z', results: [] }] })).toBeNull();
    expect(opencostFormat.tabulateJson?.([{ a: 1 }])).toBeNull();
  });
});

describe('OpenCost through the engine', () => {
  it.each(['opencost_csv_export_basic.csv', 'opencost_csv_export_merged_schema_change.csv', 'opencost_csv_export_with_labels.csv', 'opencost_csv_export_gpu.csv'])(
    '%s: every row imported, the total exact to the cent',
    async (name) => {
      const engine = await testEngine();
      const { sources } = await importPaths(engine, [fixture(`kubernetes/${name}`)]);
      const report = sources[0];
      expect(report?.status, report?.message ?? report?.errors[0]?.message).toBe('imported');
      expect(report).toMatchObject({ format: 'opencost-csv', rowsRead: readCsv(fixture(`kubernetes/${name}`)).length, rowsRejected: 0 });
      expect(toCents(report?.totals.USD?.billedCost ?? '')).toBe(toCents(csvTotal(name)));
    },
  );

  it('opencost_csv_export_gpu.csv: 154.9104 USD in all, 147.20 of it GPU; tags by team', async () => {
    const engine = await testEngine();
    await importPaths(engine, [fixture('kubernetes/opencost_csv_export_gpu.csv')]);
    const gpu = await engine.call('costLines', { where: { SkuId: 'gpu' } });
    expect(gpu.lines.reduce((sum, l) => sum + l.billedCost, 0)).toBeCloseTo(147.2, 9);
    const teams = await engine.call('tagBreakdown', { key: 'team' });
    expect(teams.rows.map((r) => r.key).sort()).toEqual(expect.arrayContaining(['platform', 'research']));
  });

  it.each(['opencost_allocation_compute_api_example_2d_by_namespace.json', 'opencost_allocation_api_gpu_by_pod.json'])(
    '%s: every allocation imported, the total equals the sum of totalCost exactly',
    async (name) => {
      const engine = await testEngine();
      const { sources } = await importPaths(engine, [fixture(`kubernetes/${name}`)]);
      const report = sources[0];
      expect(report?.status, report?.message ?? report?.errors[0]?.message).toBe('imported');
      expect(report).toMatchObject({ format: 'opencost-allocation-api', rowsRejected: 0 });
      expect(report?.totals.USD?.billedCost).toBe(apiTotal(name));
    },
  );

  it('malformed costs and labels are rejected with their row numbers', async () => {
    const engine = await testEngine();
    const { committed, sources } = await importPaths(engine, [fixture('kubernetes/opencost_csv_malformed.csv')]);
    expect(committed).toBe(false);
    expect(sources[0]?.errors).toEqual([
      { row: 3, message: 'Row 3 RAMCost "abc" is not a number.' },
      { row: 4, message: 'Row 4 Labels is not a JSON object: {not json.' },
    ]);
  });
});
