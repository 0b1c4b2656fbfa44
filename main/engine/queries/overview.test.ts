import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths, testEngine } from '../../../test/support/engine.js';
import { seeded } from '../../../test/support/focus-file.js';

const HEADER = 'BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,ContractedCost,EffectiveCost,BilledCost,InvoiceIssuerName,ListCost,PricingQuantity,PricingUnit,ProviderName,PublisherName,ServiceCategory,ServiceName,SubAccountId,RegionId,ResourceId,Tags';

/** 600 lines over 2026-08-20..2026-10-10 with random providers, services, resources and tags. */
function writeFile(): string {
  const random = seeded(3);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines = [HEADER];
  for (let i = 0; i < 600; i++) {
    const day = new Date(Date.UTC(2026, 7, 20) + Math.floor(random() * 52) * 86_400_000).toISOString().slice(0, 10);
    const cost = (random() * 100 - 5).toFixed(4);
    const currency = random() < 0.2 ? 'EUR' : 'USD';
    const tags = pick(['{"team":"a","env":"prod"}', '{"team":"b"}', '{" team ":"a"}', '', '{"env":"dev"}']);
    lines.push([
      'acct', 'Acct', currency, '2026-08-01', '2026-11-01', 'Usage', '', 'x', `${day}T00:00:00Z`, `${day}T01:00:00Z`, cost, cost, cost, 'X', cost, '1', 'u',
      pick(['AWS', 'Azure', 'GCP']), 'X', pick(['Compute', 'AI and Machine Learning']), pick(['s1', 's2', 's3', 's4']), pick(['sub1', 'sub2']),
      pick(['r1', 'r2', '']), `res-${Math.floor(random() * 40)}`, tags ? `"${tags.replaceAll('"', '""')}"` : '',
    ].join(','));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'cc-overview-')), 'random.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const RANGES: Array<{ from?: string; to?: string }> = [{}, { from: '2026-09-01', to: '2026-09-30' }, { from: '2026-08-25', to: '2026-10-03' }, { from: '2026-09-15' }, { to: '2026-08-31' }, { from: '2026-10-11' }];

describe('overview from rollups equals the same questions asked of the lines', () => {
  it.each(RANGES)('range %o: totals, days, breakdowns, tags and top resources', async (range) => {
    const engine = await testEngine();
    await importPaths(engine, [writeFile()]);
    const store = engine.store();
    const where = `day BETWEEN ${range.from ? Date.parse(range.from) / 86_400_000 : -1e9} AND ${range.to ? Date.parse(range.to) / 86_400_000 : 1e9}`;
    const lineSum = (sql: string) => store.all<{ key: string | null; cost: number }>(sql).map((r) => [r.key ?? '(not set)', Math.round(r.cost * 100)]);
    const cur = `(SELECT id FROM dict WHERE value = 'USD')`;
    for (const currency of ['USD', 'EUR']) {
      const overview = await engine.call('overview', { ...range, currency, top: 100 });
      const curId = `(SELECT id FROM dict WHERE value = '${currency}')`;
      const total = store.all<{ cost: number }>(`SELECT TOTAL(EffectiveCost) AS cost FROM cost_lines WHERE BillingCurrency = ${curId} AND ${where}`)[0]?.cost ?? 0;
      expect(Math.round(Number(overview.total.effectiveCost) * 100)).toBe(Math.round(total * 100));
      const byService = lineSum(`SELECT d.value AS key, TOTAL(EffectiveCost) AS cost FROM cost_lines l LEFT JOIN dict d ON d.id = l.ServiceName WHERE BillingCurrency = ${curId} AND ${where} GROUP BY l.ServiceName`);
      expect(overview.byService.map((b) => [b.key, Math.round(b.effectiveCost * 100)]).sort()).toEqual(byService.sort());
      const byRegion = lineSum(`SELECT d.value AS key, TOTAL(EffectiveCost) AS cost FROM cost_lines l LEFT JOIN dict d ON d.id = l.RegionId WHERE BillingCurrency = ${curId} AND ${where} GROUP BY l.RegionId`);
      expect(overview.byRegion.map((b) => [b.key, Math.round(b.effectiveCost * 100)]).sort()).toEqual(byRegion.sort());
      expect(overview.byDay.length).toBe(Number(store.scalar(`SELECT COUNT(DISTINCT day) FROM cost_lines WHERE BillingCurrency = ${curId} AND ${where}`)));
      const resources = lineSum(`SELECT d.value AS key, TOTAL(EffectiveCost) AS cost FROM cost_lines l JOIN dict d ON d.id = l.ResourceId WHERE BillingCurrency = ${curId} AND ${where} GROUP BY l.ResourceId ORDER BY cost DESC LIMIT 100`);
      expect(overview.topResources.map((r) => [r.resourceId, Math.round(r.effectiveCost * 100)]).sort()).toEqual(resources.sort());
    }
    // Drill-down: the count comes from the rollup, the lines from an index; both equal the line level.
    const filterSets: Array<Record<string, string>> = [{}, { ServiceName: 's2' }, { ProviderName: 'AWS' }, { ServiceName: 's1', RegionId: 'r1' }];
    for (const columns of filterSets) {
      const page = await engine.call('costLines', { ...range, currency: 'USD', where: columns, limit: 7 });
      const filter = Object.entries(columns).map(([c, v]) => ` AND "${c}" = (SELECT id FROM dict WHERE value = '${v}')`).join('');
      expect(page.total).toBe(Number(store.scalar(`SELECT COUNT(*) FROM cost_lines WHERE BillingCurrency = ${cur} AND ${where}${filter}`)));
      const expectedRows = store.all<{ row: number }>(`SELECT row_number AS row FROM cost_lines WHERE BillingCurrency = ${cur} AND ${where}${filter} ORDER BY ABS(EffectiveCost) DESC, source_id, row_number LIMIT 7`);
      expect(page.lines.map((l) => l.row)).toEqual(expectedRows.map((r) => r.row));
    }
    // Tag keys are trimmed (" team " and "team" are one key); untagged = lines without the key.
    const team = await engine.call('tagBreakdown', { ...range, currency: 'USD', key: 'team', top: 100 });
    const teamOf = `CASE WHEN t.value IS NULL THEN '(untagged)' ELSE t.value END`;
    const expected = lineSum(`SELECT ${teamOf} AS key, TOTAL(EffectiveCost) AS cost FROM cost_lines l LEFT JOIN tag_pairs t ON t.tags = l.Tags AND t.key = 'team' WHERE BillingCurrency = ${cur} AND ${where} GROUP BY 1`);
    expect(team.rows.map((r) => [r.key, Math.round(r.effectiveCost * 100)]).sort()).toEqual(expected.sort());
  });
});
