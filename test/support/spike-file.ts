/**
 * A small FOCUS file with one clear anomaly, for the forecast and alert tests: 60 days
 * (2026-09-01 to 2026-10-30) of three AWS services with a weekly pattern and a little noise, and
 * on SPIKE_DAY one service (SPIKE_SERVICE) costing SPIKE_EXTRA more than usual.
 */
import { seeded } from './focus-file.js';

export const SPIKE_DAY = '2026-10-26';
export const SPIKE_SERVICE = 'Amazon Bedrock';
export const SPIKE_EXTRA = 600;
export const FIRST_DAY = '2026-09-01';
export const DAYS = 60;

const HEADER = [
  'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodStart', 'BillingPeriodEnd', 'ChargeCategory', 'ChargeClass',
  'ChargeDescription', 'ChargePeriodStart', 'ChargePeriodEnd', 'ContractedCost', 'EffectiveCost', 'BilledCost', 'InvoiceIssuerName', 'ListCost',
  'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory', 'ServiceName', 'SubAccountId', 'SubAccountName',
  'RegionId', 'ResourceId', 'ResourceName', 'Tags', 'x_Model', 'x_TokenType', 'x_Tokens',
];

interface ServiceShape {
  service: string;
  category: string;
  resource: string;
  team: string;
  model: string;
  /** Weekday and weekend cost, before noise. */
  weekday: number;
  weekend: number;
}

const SERVICES: readonly ServiceShape[] = [
  { service: 'Amazon EC2', category: 'Compute', resource: 'i-0abc', team: 'platform', model: '', weekday: 120, weekend: 84 },
  { service: 'Amazon S3', category: 'Storage', resource: 'bucket-logs', team: 'platform', model: '', weekday: 30, weekend: 30 },
  { service: 'Amazon Bedrock', category: 'AI and Machine Learning', resource: 'arn:aws:bedrock:model/claude', team: 'search', model: 'claude-sonnet-4', weekday: 50, weekend: 30 },
];

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function monthBounds(day: string): [string, string] {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${day.slice(0, 7)}-01T00:00:00Z`, `${next}-01T00:00:00Z`];
}

/** The CSV text (deterministic): one line per service and day, costs with two decimals. */
export function spikeFocusCsv(): string {
  const random = seeded(7);
  const start = Date.parse(`${FIRST_DAY}T00:00:00Z`);
  const lines = [HEADER.join(',')];
  for (let i = 0; i < DAYS; i++) {
    const ms = start + i * DAY_MS;
    const day = isoDay(ms);
    const weekend = [0, 6].includes(new Date(ms).getUTCDay());
    const [periodStart, periodEnd] = monthBounds(day);
    for (const s of SERVICES) {
      // ±3% noise keeps the series realistic without hiding the spike.
      let cost = (weekend ? s.weekend : s.weekday) * (1 + (random() - 0.5) * 0.06);
      if (day === SPIKE_DAY && s.service === SPIKE_SERVICE) cost += SPIKE_EXTRA;
      const text = cost.toFixed(2);
      // Bedrock's usage as input tokens (100,000 per dollar), for the driver-based forecast.
      const tokens = s.model ? String(Math.round(cost * 100_000)) : '';
      lines.push([
        'acct-aws', 'AWS billing', 'USD', periodStart, periodEnd, 'Usage', '', `${s.service} usage`, `${day}T00:00:00Z`, `${isoDay(ms + DAY_MS)}T00:00:00Z`,
        text, text, text, 'AWS', text, '1', 'Units', 'AWS', 'AWS', s.category, s.service, '111', 'ml-prod', 'us-east-1', s.resource, s.resource,
        `"{""team"":""${s.team}""}"`, s.model, s.model ? 'input' : '', tokens,
      ].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
