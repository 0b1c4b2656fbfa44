import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths, testEngine } from '../../../test/support/engine.js';
import { seeded } from '../../../test/support/focus-file.js';
import { buildRollups } from './rollups.js';

const HEADER = 'BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,ContractedCost,EffectiveCost,BilledCost,InvoiceIssuerName,ListCost,PricingQuantity,PricingUnit,ProviderName,PublisherName,ServiceCategory,ServiceName,SubAccountId,SubAccountName,RegionId,RegionName,ResourceId,ResourceName,Tags';

/** Lines whose resources change names and services within a day, with and without regions, accounts, tags. */
function writeFile(): string {
  const random = seeded(5);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lines = [HEADER];
  for (let i = 0; i < 3000; i++) {
    const day = new Date(Date.UTC(2026, 0, 25) + Math.floor(random() * 40) * 86_400_000).toISOString().slice(0, 10);
    const cost = (random() * 50 - 3).toFixed(pick([2, 6, 10]));
    const resource = pick(['', 'r-1', 'r-2', 'r-3', 'r-4', 'r-5']);
    const tags = pick(['{"team":"a","env":"prod"}', '{" team ":"b"}', '', '{"env":"dev","n":3}', '{}']);
    lines.push([
      'acct', 'Acct', pick(['USD', 'EUR', 'usd']), '2026-01-01', '2026-04-01', pick(['Usage', 'Credit']), '', 'x', `${day}T00:00:00Z`, '',
      cost, cost, cost, 'X', cost, '1', 'u', pick(['AWS', 'GCP']), 'X', pick(['Compute', 'Storage', '']), pick(['s1', 's2', 's3']),
      pick(['sub-1', 'sub-2', '']), pick(['Sub One', '', 'Sub Two']), pick(['r1', '', '']), pick(['Region One', '']), resource,
      resource ? pick([`${resource}-name`, `${resource}-old`, '']) : '', tags ? `"${tags.replaceAll('"', '""')}"` : '',
    ].join(','));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'cc-rollups-')), 'lines.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const TABLES = {
  daily_cost: 'SELECT * FROM daily_cost ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11',
  daily_dim: 'SELECT * FROM daily_dim ORDER BY 1, 2, 3, 4, 5, 6',
  daily_resource: 'SELECT * FROM daily_resource ORDER BY 1, 2, 3, 4',
  monthly_resource: 'SELECT * FROM monthly_resource ORDER BY 1, 2, 3, 4',
};

describe('rollups accumulated while loading equal the rollups SQL builds from the lines', () => {
  it('daily cube, dimensions and tags, resources by day (MAX names) and by month: the same rows, sums to 1e-9', async () => {
    const engine = await testEngine();
    const result = await importPaths(engine, [writeFile()]);
    expect(result.committed).toBe(true);
    const store = engine.store();
    const round = (value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e9) / 1e9 : value);
    const snapshot = () => Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, (store.db.exec(sql)[0]?.values ?? []).map((row) => row.map(round))]));
    const accumulated = snapshot();
    expect(accumulated.daily_resource?.length).toBeGreaterThan(100);
    store.exec('BEGIN');
    for (const table of Object.keys(TABLES)) store.exec(`DELETE FROM ${table}`);
    buildRollups(store, [1]);
    store.exec('COMMIT');
    expect(snapshot()).toEqual(accumulated);
  });
});
