/** Writes small FOCUS files with chosen daily costs (for alert and budget tests). */
import { writeFileSync } from 'node:fs';

const HEADER = [
  'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodStart', 'BillingPeriodEnd', 'ChargeCategory', 'ChargeClass',
  'ChargeDescription', 'ChargePeriodStart', 'ChargePeriodEnd', 'ContractedCost', 'EffectiveCost', 'BilledCost', 'InvoiceIssuerName',
  'ListCost', 'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory', 'ServiceName', 'ResourceId', 'RegionId', 'Tags',
];

export interface DailyCost {
  /** YYYY-MM-DD */
  day: string;
  cost: number;
  service?: string;
  currency?: string;
  /** A tag set, e.g. {team: 'search'}. */
  tags?: Record<string, string>;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function monthBounds(day: string): [string, string] {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return [start, end];
}

/** One FOCUS line per entry; EffectiveCost and BilledCost are both `cost`. */
export function writeDailyCosts(path: string, costs: readonly DailyCost[]): void {
  const lines = costs.map((c) => {
    const [periodStart, periodEnd] = monthBounds(c.day);
    const tags = JSON.stringify(c.tags ?? {}).replace(/"/g, '""');
    const cost = c.cost.toFixed(6);
    return [
      '111122223333', 'Acme', c.currency ?? 'USD', `${periodStart}T00:00:00Z`, `${periodEnd}T00:00:00Z`, 'Usage', '', 'Usage',
      `${c.day}T00:00:00Z`, `${nextDay(c.day)}T00:00:00Z`, cost, cost, cost, 'AWS', cost, '1', 'Hours', 'AWS', 'AWS', 'Compute',
      c.service ?? 'Amazon EC2', `r-${c.service ?? 'ec2'}`, 'us-east-1', `"${tags}"`,
    ].join(',');
  });
  writeFileSync(path, `${HEADER.join(',')}\n${lines.join('\n')}\n`);
}

/** `count` days from `first`, each with cost `cost(i, day)`. */
export function days(first: string, count: number, cost: (i: number, day: string) => number, extra: Omit<DailyCost, 'day' | 'cost'> = {}): DailyCost[] {
  const result: DailyCost[] = [];
  let day = first;
  for (let i = 0; i < count; i++) {
    result.push({ day, cost: cost(i, day), ...extra });
    day = nextDay(day);
  }
  return result;
}
