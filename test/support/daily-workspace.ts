/**
 * Writes a workspace whose one file was stored at a daily grain (for the browser test, which
 * cannot load the engine itself): 240 hourly lines of $1.25 (10 a day for 24 days, one service and
 * resource), forced by a small line-level budget, so 24 daily groups of 10 lines.
 * Run: `node --import tsx test/support/daily-workspace.ts <dir>`; prints the workspace's path.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallContext } from '../../shared/rpc.js';
import { Store } from '../../main/engine/db/store.js';
import { importBatch } from '../../main/engine/import/import-batch.js';
import { nodeEngineDeps } from '../../main/hosts/node-host.js';

const HEADER = 'BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargeClass,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,ContractedCost,EffectiveCost,BilledCost,InvoiceIssuerName,ListCost,PricingQuantity,PricingUnit,ProviderName,PublisherName,ServiceCategory,ServiceName,ResourceId';

export async function writeDailyWorkspace(dir: string): Promise<string> {
  const csv = join(dir, 'hourly-bill.csv');
  const lines = [HEADER];
  for (let i = 0; i < 240; i++) {
    const day = String(1 + Math.floor(i / 10)).padStart(2, '0');
    const hour = String(i % 10).padStart(2, '0');
    lines.push(`acct-1,Acme,USD,2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,Usage,,Tokens,2026-03-${day}T${hour}:00:00Z,2026-03-${day}T${hour}:59:59Z,1.25,1.25,1.25,AWS,1.25,1,Tokens,AWS,AWS,AI and Machine Learning,Amazon Bedrock,r-1`);
  }
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const deps = await nodeEngineDeps();
  const store = Store.create(deps.sql);
  const ctx: CallContext = { requestId: 1, cancelled: false, emit: () => undefined };
  try {
    const result = await importBatch(store, deps, { files: [{ kind: 'path', path: csv }] }, ctx, { lineLevelBudgetBytes: store.sizeBytes() + 8192 });
    if (result.sources[0]?.grain !== 'daily') throw new Error('the file was not stored at a daily grain');
    const path = join(dir, 'daily.costcouncil');
    writeFileSync(path, store.export());
    return path;
  } finally {
    store.close();
  }
}

if (process.argv[2]) process.stdout.write(await writeDailyWorkspace(process.argv[2]));
