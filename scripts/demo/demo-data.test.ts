import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { AI_COLUMNS, isCostColumn } from '../../main/engine/db/cost-columns.js';
import { FOCUS_COLUMNS } from '../../main/engine/import/formats/focus-columns.js';
import { dayNumber, isWeekend } from './calendar.js';
import { TEAMS } from './demo-accounts.js';
import { DEMO_LAST_DAY, DEMO_SEED, demoCsv } from './demo-data.js';

type Row = Record<string, string>;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T00:00:00Z$/;
const DECIMAL = /^-?\d+(\.\d{1,10})?$/;
const CHARGE_CATEGORIES = new Set(['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment']);
const CHARGE_FREQUENCIES = new Set(['One-Time', 'Recurring', 'Usage-Based']);
const SERVICE_CATEGORIES = new Set([
  'AI and Machine Learning', 'Analytics', 'Business Applications', 'Compute', 'Databases', 'Developer Tools', 'Multicloud',
  'Identity', 'Integration', 'Internet of Things', 'Management and Governance', 'Media', 'Migration', 'Mobile', 'Networking',
  'Security', 'Storage', 'Web', 'Other',
]);
const FINE_TUNING_INCIDENT = ['2026-09-19', '2026-09-20'];
const RETRY_LOOP_INCIDENT = ['2026-10-14', '2026-10-15'];

let csv: string;
let header: string[];
let rows: Row[];

beforeAll(() => {
  csv = demoCsv(DEMO_SEED);
  const parsed = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  header = parsed.meta.fields ?? [];
  rows = parsed.data;
});

/** Decimal text → BigInt in 1e-10 units (the file never has more than 10 decimals). */
function units(text: string): bigint {
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 10n ** 10n + BigInt(fraction.padEnd(10, '0'));
  return text.startsWith('-') ? -value : value;
}

const day = (row: Row): string => (row.ChargePeriodStart ?? '').slice(0, 10);
const sumBy = (selected: Row[], key: (row: Row) => string, value: (row: Row) => number): Map<string, number> => {
  const sums = new Map<string, number>();
  for (const row of selected) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return sums;
};
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const tagsOf = (row: Row): Record<string, string> => (row.Tags ? (JSON.parse(row.Tags) as Record<string, string>) : {});

describe('demo data: reproducible', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(demoCsv(DEMO_SEED) === csv).toBe(true);
  });

  it('gives different output for a different seed, with the same rows', () => {
    const other = demoCsv(DEMO_SEED + 1);
    expect(other === csv).toBe(false);
    expect(other.split('\n').length).toBe(csv.split('\n').length);
  });
});

describe('demo data: a valid FOCUS 1.2 file', () => {
  it('has every mandatory FOCUS column and every AI column, and nothing the engine would keep as an extra', () => {
    const mandatory = FOCUS_COLUMNS.filter((c) => c.mandatory).map((c) => c.name);
    expect(mandatory).toHaveLength(21);
    expect(header).toEqual(expect.arrayContaining([...mandatory, ...AI_COLUMNS.map((c) => c.name), 'SubAccountType', 'InvoiceId']));
    expect(header.filter((name) => !isCostColumn(name))).toEqual([]);
  });

  it('has 8k–15k rows covering 2026-08-01 to 2026-10-31, daily', () => {
    expect(rows.length).toBeGreaterThanOrEqual(8000);
    expect(rows.length).toBeLessThanOrEqual(15000);
    const days = new Set(rows.map(day));
    expect(days.size).toBe(92);
    expect([...days].sort()[0]).toBe('2026-08-01');
    expect([...days].sort().at(-1)).toBe(DEMO_LAST_DAY);
  });

  it('fills every mandatory column with a valid value', () => {
    for (const row of rows) {
      for (const column of ['BillingPeriodStart', 'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd']) expect(row[column]).toMatch(ISO_DATE_TIME);
      for (const column of ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost']) expect(row[column]).toMatch(DECIMAL);
      expect(CHARGE_CATEGORIES.has(row.ChargeCategory ?? '')).toBe(true);
      expect(CHARGE_FREQUENCIES.has(row.ChargeFrequency ?? '')).toBe(true);
      expect(SERVICE_CATEGORIES.has(row.ServiceCategory ?? '')).toBe(true);
      expect(row.ChargeClass).toBe('');
      expect(row.BillingCurrency).toBe('USD');
      for (const column of ['BillingAccountId', 'BillingAccountName', 'ChargeDescription', 'InvoiceIssuerName', 'ProviderName', 'PublisherName', 'ServiceName', 'ServiceSubcategory']) {
        expect(row[column], column).not.toBe('');
      }
      expect(row.BillingPeriodStart?.slice(0, 7)).toBe(row.ChargePeriodStart?.slice(0, 7));
    }
  });

  it('prices every usage and purchase line exactly: ListUnitPrice × PricingQuantity = ListCost', () => {
    const priced = rows.filter((r) => r.ChargeCategory === 'Usage' || r.ChargeCategory === 'Purchase');
    expect(priced.length).toBe(rows.length - 3);
    for (const row of priced) {
      expect(row.PricingQuantity).toMatch(DECIMAL);
      expect(row.PricingUnit).not.toBe('');
      // Quantities have 4 decimals and prices 6: the product in 1e-10 units is (q·1e4)(p·1e6).
      const product = (units(row.ListUnitPrice ?? '') / 10n ** 4n) * (units(row.PricingQuantity ?? '') / 10n ** 6n);
      expect(product).toBe(units(row.ListCost ?? ''));
      expect(units(row.ContractedCost ?? '') <= units(row.ListCost ?? '')).toBe(true);
      expect(row.EffectiveCost).toBe(row.BilledCost);
    }
  });

  it('has a negative credit line and a support fee on the first day of each month', () => {
    const credits = rows.filter((r) => r.ChargeCategory === 'Credit');
    expect(credits.map(day)).toEqual(['2026-08-01', '2026-09-01', '2026-10-01']);
    for (const credit of credits) {
      expect(Number(credit.BilledCost)).toBeLessThan(0);
      expect(credit.ListCost).toBe(credit.BilledCost);
      expect(credit.PricingQuantity).toBe('');
    }
    const support = rows.filter((r) => r.ServiceSubcategory === 'Support');
    expect(support.map(day)).toEqual(['2026-08-01', '2026-09-01', '2026-10-01']);
    expect(support.every((r) => r.ChargeCategory === 'Purchase' && r.ChargeFrequency === 'Recurring')).toBe(true);
  });

  it('tags lines with team, project, environment and cost-center, the five teams among them', () => {
    const tagged = rows.filter((r) => r.Tags !== '');
    expect(tagged.length / rows.length).toBeGreaterThan(0.8);
    for (const row of tagged) expect(Object.keys(tagsOf(row))).toEqual(['team', 'project', 'environment', 'cost-center']);
    expect(new Set(tagged.map((r) => tagsOf(r).team))).toEqual(new Set(TEAMS));
    expect(new Set(tagged.map((r) => tagsOf(r).project)).size).toBeGreaterThanOrEqual(6);
  });

  it('spans several providers, sub-accounts and regions, in one currency', () => {
    expect(new Set(rows.map((r) => r.ProviderName))).toEqual(new Set(['AWS', 'Microsoft', 'Google Cloud', 'OpenAI', 'Anthropic']));
    expect(new Set(rows.map((r) => r.SubAccountId)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.RegionId).filter(Boolean)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((r) => r.BillingCurrency))).toEqual(new Set(['USD']));
  });

  it('has GPU hours, tokens by model and token type, and the managed AI services', () => {
    expect(rows.filter((r) => Number(r.x_GpuHours) > 0).length).toBeGreaterThan(500);
    const models = new Set(rows.map((r) => r.x_Model).filter(Boolean));
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'o3', 'text-embedding-3-large', 'claude-sonnet-4', 'claude-haiku']) expect(models).toContain(model);
    expect(new Set(rows.map((r) => r.x_TokenType).filter(Boolean))).toEqual(new Set(['input', 'output', 'cached-read', 'cache-write', 'reasoning']));
    const services = new Set(rows.map((r) => r.ServiceName));
    for (const service of ['Amazon Bedrock', 'Amazon SageMaker', 'Azure OpenAI', 'Vertex AI']) expect(services).toContain(service);
    for (const row of rows.filter((r) => r.x_TokenType !== '')) expect(row.x_Tokens).toBe(row.ConsumedQuantity);
  });
});

describe('demo data: the patterns are in the data', () => {
  it('uses more tokens on weekdays than at weekends', () => {
    const tokensByDay = sumBy(rows.filter((r) => r.x_Tokens !== ''), day, (r) => Number(r.x_Tokens));
    const normal = [...tokensByDay].filter(([d]) => !RETRY_LOOP_INCIDENT.includes(d));
    const weekday = mean(normal.filter(([d]) => !isWeekend(dayNumber(d))).map(([, v]) => v));
    const weekend = mean(normal.filter(([d]) => isWeekend(dayNumber(d))).map(([, v]) => v));
    expect(weekday / weekend).toBeGreaterThan(1.4);
  });

  it('grows by 5–10 % a month (usage on weekdays, incidents left out), and month 3 costs more than month 1', () => {
    const incidentDays = new Set(['2026-09-18', '2026-09-21', ...FINE_TUNING_INCIDENT, ...RETRY_LOOP_INCIDENT]);
    // Weekdays only: the months have different shares of weekends (August has ten weekend days).
    const usage = rows.filter((r) => r.ChargeCategory === 'Usage' && !incidentDays.has(day(r)) && !isWeekend(dayNumber(day(r))));
    const byDay = sumBy(usage, day, (r) => Number(r.EffectiveCost));
    const monthMean = (month: string): number => mean([...byDay].filter(([d]) => d.startsWith(month)).map(([, v]) => v));
    const [august, september, october] = [monthMean('2026-08'), monthMean('2026-09'), monthMean('2026-10')];
    for (const growth of [september / august, october / september]) {
      expect(growth).toBeGreaterThan(1.05);
      expect(growth).toBeLessThan(1.1);
    }
    const total = sumBy(rows, (r) => day(r).slice(0, 7), (r) => Number(r.EffectiveCost));
    expect((total.get('2026-10') ?? 0) / (total.get('2026-08') ?? 1)).toBeGreaterThan(1.1);
  });

  it('shows the runaway fine-tuning weekend in GPU hours', () => {
    const gpuHours = sumBy(rows.filter((r) => r.x_Workload === 'fine-tuning'), day, (r) => Number(r.x_GpuHours));
    const usual = median([...gpuHours].filter(([d]) => !['2026-09-18', '2026-09-21', ...FINE_TUNING_INCIDENT].includes(d)).map(([, v]) => v));
    for (const incidentDay of FINE_TUNING_INCIDENT) expect((gpuHours.get(incidentDay) ?? 0) / usual).toBeGreaterThan(10);
  });

  it('shows the retry loop as a token spike on claude-haiku for two days', () => {
    const haiku = sumBy(rows.filter((r) => r.x_Model === 'claude-haiku' && r.ProviderName === 'Anthropic'), day, (r) => Number(r.x_Tokens));
    const usual = median([...haiku].filter(([d]) => !RETRY_LOOP_INCIDENT.includes(d) && !isWeekend(dayNumber(d))).map(([, v]) => v));
    for (const incidentDay of RETRY_LOOP_INCIDENT) expect((haiku.get(incidentDay) ?? 0) / usual).toBeGreaterThan(5);
  });
});
