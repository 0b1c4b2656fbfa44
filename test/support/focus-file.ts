/** Writes FOCUS files of any size for tests, with a seeded generator and the exact expected totals. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../../scripts/demo/prng.js';

const HEADER = [
  'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodStart', 'BillingPeriodEnd', 'ChargeCategory',
  'ChargeClass', 'ChargeDescription', 'ChargePeriodStart', 'ChargePeriodEnd', 'ContractedCost', 'EffectiveCost', 'BilledCost',
  'InvoiceIssuerName', 'ListCost', 'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory',
  'ServiceName', 'ResourceId', 'Tags',
];

/** A small deterministic PRNG: the demo generator's mulberry32, under the name the tests know. */
export const seeded: (seed: number) => () => number = mulberry32;

export interface GeneratedFile {
  rows: number;
  /** The exact sum of the BilledCost texts, in units of 1e-10. */
  billedTenBillionths: bigint;
}

/**
 * Writes `rows` lines whose costs have up to 10 decimals, many of them tiny (token-priced lines
 * of 3.4e-7 that rounding to micro-units would lose), and some negative credits.
 */
export async function writeFocusFile(path: string, rows: number, seed = 1): Promise<GeneratedFile> {
  const random = seeded(seed);
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\n`);
  let total = 0n;
  for (let i = 0; i < rows; i++) {
    const kind = random();
    let tenBillionths: bigint;
    if (kind < 0.5) tenBillionths = 3400n; // 0.00000034
    else if (kind < 0.95) tenBillionths = BigInt(Math.floor(random() * 5e12)); // up to 500.00
    else tenBillionths = -BigInt(Math.floor(random() * 1e11)); // credits up to -10.00
    total += tenBillionths;
    const cost = formatTenBillionths(tenBillionths);
    const day = 1 + (i % 28);
    const d = `2026-09-${String(day).padStart(2, '0')}`;
    const line = [
      '111122223333', 'Acme', 'USD', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z', 'Usage', '', 'Generated', `${d}T00:00:00Z`,
      `${d}T01:00:00Z`, cost, cost, cost, 'Example', cost, '1', 'Requests', 'Example', 'Example', 'AI and Machine Learning',
      `Service ${i % 7}`, `res-${i % 1000}`, `"{""team"":""t${i % 5}""}"`,
    ].join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows, billedTenBillionths: total };
}

export function formatTenBillionths(value: bigint): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const text = magnitude.toString().padStart(11, '0');
  return `${negative ? '-' : ''}${text.slice(0, -10)}.${text.slice(-10)}`;
}

/** A decimal string with at most 10 decimals → units of 1e-10. */
export function parseTenBillionths(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const value = BigInt(whole) * 10_000_000_000n + BigInt(fraction.padEnd(10, '0').slice(0, 10));
  return negative ? -value : value;
}
