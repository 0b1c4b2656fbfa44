/** Writes a small FOCUS file of daily lines (one per row given), for the forecast and anomaly tests. */
import { writeFileSync } from 'node:fs';

export interface DailyLine {
  day: string;
  cost: number;
  provider?: string;
  service?: string;
  region?: string;
  subAccount?: string;
  resource?: string;
  tags?: Record<string, string>;
  model?: string;
  tokenType?: string;
  tokens?: number;
  currency?: string;
}

const HEADER = [
  'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodStart', 'BillingPeriodEnd', 'ChargeCategory', 'ChargeClass', 'ChargeDescription',
  'ChargePeriodStart', 'ChargePeriodEnd', 'ContractedCost', 'EffectiveCost', 'BilledCost', 'InvoiceIssuerName', 'ListCost', 'PricingQuantity',
  'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory', 'ServiceName', 'ResourceId', 'RegionId', 'SubAccountId', 'SubAccountName',
  'Tags', 'x_Model', 'x_TokenType', 'x_Tokens',
];

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function writeDailyFocus(path: string, lines: readonly DailyLine[]): void {
  const rows = lines.map((l) => {
    const month = l.day.slice(0, 7);
    const cost = l.cost.toFixed(6);
    return [
      'acct-1', 'Acme', l.currency ?? 'USD', `${month}-01T00:00:00Z`, `${month}-28T00:00:00Z`, 'Usage', '', 'test line', `${l.day}T00:00:00Z`, `${l.day}T23:00:00Z`,
      cost, cost, cost, 'Example', cost, '1', 'Units', l.provider ?? 'AWS', l.provider ?? 'AWS', 'Compute', l.service ?? 'Compute',
      l.resource ?? '', l.region ?? 'us-east-1', l.subAccount ?? 'acct-a', l.subAccount ?? 'acct-a', l.tags ? JSON.stringify(l.tags) : '',
      l.model ?? '', l.tokenType ?? '', l.tokens === undefined ? '' : String(l.tokens),
    ].map(csvCell).join(',');
  });
  writeFileSync(path, `${HEADER.join(',')}\n${rows.join('\n')}\n`);
}

/** YYYY-MM-DD of day number `day`. */
export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
