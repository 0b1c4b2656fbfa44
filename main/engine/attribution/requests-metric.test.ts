/** The `requests` usage metric: ConsumedQuantity of lines whose unit mentions requests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RulePack } from '../../../shared/attribution.js';
import { costs } from '../../../test/support/attribution.js';
import { importPaths, testEngine } from '../../../test/support/engine.js';

const HEADER = 'BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,ContractedCost,EffectiveCost,BilledCost,InvoiceIssuerName,ListCost,PricingQuantity,PricingUnit,ProviderName,PublisherName,ServiceCategory,ServiceName,ResourceId,Tags,ConsumedQuantity,ConsumedUnit';

function line(day: string, cost: string, service: string, team: string, quantity: string, unit: string): string {
  const tags = team ? `"{""team"":""${team}""}"` : '';
  return `1,Acme,USD,2026-09-01T00:00:00Z,2026-10-01T00:00:00Z,Usage,,Line,${day}T00:00:00Z,${day}T01:00:00Z,${cost},${cost},${cost},AWS,${cost},1,Units,AWS,AWS,Compute,${service},r,${tags},${quantity},${unit}`;
}

describe('the requests usage metric', () => {
  it('splits a pool by the requests each team made that month', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'attr-requests-')), 'requests.csv');
    writeFileSync(path, [
      HEADER,
      // search made 300 requests (two lines), web 100; the GB-hours line does not count.
      line('2026-09-01', '3.00', 'API Gateway', 'search', '200', 'Requests'),
      line('2026-09-02', '1.00', 'API Gateway', 'search', '100', '1K Requests'),
      line('2026-09-02', '2.00', 'API Gateway', 'web', '100', 'Requests'),
      line('2026-09-03', '5.00', 'Lambda', 'web', '9000', 'GB-Hours'),
      line('2026-09-04', '40.00', 'Load Balancer', '', '', ''),
    ].join('\n') + '\n');
    const engine = await testEngine();
    expect((await importPaths(engine, [path])).committed).toBe(true);
    const pack: RulePack = {
      format: 'cost-council-rule-pack',
      version: 1,
      dimensions: [{ id: 'team', name: 'Team' }],
      rules: [{ id: 't', name: 'Team tag', enabled: true, dimension: 'team', when: { match: 'all', conditions: [] }, value: { kind: 'column', column: 'tag:team' } }],
      pools: [{
        id: 'lb', name: 'Load balancer', enabled: true, dimension: 'team', source: { kind: 'value', value: null },
        targets: [{ kind: 'value', value: 'search' }, { kind: 'value', value: 'web' }], method: { kind: 'usage', metric: 'requests' },
      }],
    };
    await engine.call('applyRulePack', { pack, mode: 'replace' });
    const [usd] = await engine.call('allocationSummary', { by: 'team' });
    // 40 split 300 : 100 → 30 / 10. search 3 + 1 + 30 = 34, web 2 + 5 + 10 = 17.
    expect(costs(usd)).toEqual({ search: '34.000000', web: '17.000000' });
  });
});
