import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../../test/support/engine.js';
import { COST_COLUMNS } from '../../../db/cost-columns.js';
import { azureFormat } from './azure-format.js';

type Line = Record<string, string | null>;

function table(file: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(fixture(`azure/${file}`), 'utf8').replace(/^\uFEFF/, '');
  const [header = [], ...rows] = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;
  return { header, rows };
}

function mapped(header: readonly string[], record: readonly string[]): { line: Line; extras: Record<string, string> | null } {
  const result = azureFormat.mapper(header).map(record);
  if (typeof result === 'string') throw new Error(result);
  expect(result).toHaveLength(1);
  const [first] = result;
  if (!first) throw new Error('no line');
  return { line: Object.fromEntries(COST_COLUMNS.map((c, i) => [c.name, first.values[i] ?? null])), extras: first.extras ? (JSON.parse(first.extras) as Record<string, string>) : null };
}

function lineOf(file: string, row: number): Line {
  const { header, rows } = table(file);
  return mapped(header, rows[row] ?? []).line;
}

describe('Azure EA actual cost (finops-toolkit sample)', () => {
  it('a reservation purchase: billed, not effective; commitment from BenefitId', () => {
    expect(lineOf('ftk_EA_ActualCost_Small.csv', 0)).toMatchObject({
      ProviderName: 'Microsoft', PublisherName: 'Microsoft', InvoiceIssuerName: 'Microsoft',
      BillingAccountId: '8611537', BillingAccountName: 'Trey Research Demo (DO NOT USE)', BillingAccountType: 'Billing Account',
      SubAccountId: '1caaa5a3-2b66-438e-8ab4-bce37d518c5d', SubAccountName: 'Cost Management Research', SubAccountType: 'Subscription',
      BillingPeriodStart: '2023-09-01T00:00:00Z', BillingPeriodEnd: '2023-10-01T00:00:00Z',
      ChargePeriodStart: '2023-09-21T00:00:00Z', ChargePeriodEnd: '2023-09-22T00:00:00Z',
      ChargeCategory: 'Purchase', ChargeFrequency: 'Recurring', PricingCategory: 'Committed',
      BilledCost: '3.25', EffectiveCost: '0', BillingCurrency: 'USD',
      ServiceName: 'Azure Reservations', ServiceCategory: 'Management and Governance', RegionId: 'uksouth',
      CommitmentDiscountId: '/providers/Microsoft.Capacity/reservationOrders/49ed0e4d-8e0c-4f1f-af2c-67c865056615/reservations/',
      CommitmentDiscountName: 'VM_RI_06-21-2023_18-56', CommitmentDiscountType: 'Reservation', CommitmentDiscountCategory: 'Usage',
      CommitmentDiscountStatus: null, ConsumedQuantity: null,
    });
  });

  it('storage usage: tags without braces become an object; quantity in 10K blocks', () => {
    const line = lineOf('ftk_EA_ActualCost_Small.csv', 1);
    expect(line).toMatchObject({
      ChargeCategory: 'Usage', ChargeFrequency: 'Usage-Based', PricingCategory: 'Standard', BilledCost: '0.00004', EffectiveCost: '0.00004',
      ServiceName: 'Storage Accounts', ServiceCategory: 'Storage', RegionId: 'eastus2', RegionName: 'EastUS2',
      ResourceType: 'microsoft.storage/storageaccounts', ResourceName: 'dbstoragewp6hglwvvrad2',
      PricingQuantity: '0.0004', PricingUnit: '10000 Units', ConsumedUnit: 'Units', SkuMeter: 'GRS List and Create Container Operations',
      ChargeDescription: 'Tiered Block Blob - GRS - List and Create Container Operations - US East 2',
    });
    expect(Number(line.ConsumedQuantity)).toBe(4);
    expect(Number(line.ContractedCost)).toBeCloseTo(0.00004, 12);
    expect(Number(line.ListCost)).toBeCloseTo(0.00004, 12);
    expect(JSON.parse(line.Tags ?? '')).toEqual({ CostCenter: '1234', env: 'prod', org: 'trey', application: 'databricks', 'databricks-environment': 'true' });
  });

  it('keeps the columns it does not map as extras', () => {
    const { header, rows } = table('ftk_EA_ActualCost_Small.csv');
    const { extras } = mapped(header, rows[1] ?? []);
    expect(extras).toMatchObject({ MeterCategory: 'Storage', ConsumedService: 'Microsoft.Storage', ChargeType: 'Usage', ResourceGroup: 'databricks-rg-PeskyData-s6taefbli5c5e' });
    expect(extras).not.toHaveProperty('Cost');
  });
});

describe('Azure EA amortized cost (finops-toolkit sample)', () => {
  it('reservation-covered usage: amortised cost is effective, billed is 0', () => {
    expect(lineOf('ftk_EA_AmortizedCost_Small.csv', 0)).toMatchObject({
      ChargeCategory: 'Usage', BilledCost: '0', EffectiveCost: '0.493152', CommitmentDiscountStatus: 'Used',
      CommitmentDiscountType: 'Reservation', CommitmentDiscountName: 'ProdDS1VMReservation', ServiceName: 'Virtual Machine Scale Sets', RegionId: 'eastus',
    });
  });

  it('savings plan usage: type Savings Plan, category Spend', () => {
    expect(lineOf('ftk_EA_AmortizedCost_Small.csv', 1)).toMatchObject({
      BilledCost: '0', EffectiveCost: '0.006000000468', CommitmentDiscountType: 'Savings Plan', CommitmentDiscountCategory: 'Spend', CommitmentDiscountStatus: 'Used',
    });
  });
});

describe('Azure MCA with Azure OpenAI token meters and GPU VMs (own fixture)', () => {
  const file = 'azure_mca_openai_tokens.csv';

  it('a token meter: model, token type and tokens (Quantity × 1K); billing profile as the billing account', () => {
    const line = lineOf(file, 0);
    expect(line).toMatchObject({
      BillingAccountId: 'ABCD-EFGH-BG7-PGB', BillingAccountName: 'Contoso EU', BillingAccountType: 'Billing Profile',
      x_Model: 'gpt-4o-mini-0718', x_TokenType: 'input', x_Workload: 'inference', BillingCurrency: 'EUR', PricingCurrency: 'USD',
      ServiceName: 'Azure AI Services', ServiceCategory: 'AI and Machine Learning', RegionId: 'swedencentral', PricingUnit: '1000 Units',
      ChargePeriodStart: '2024-10-01T00:00:00Z', BillingPeriodEnd: '2024-11-01T00:00:00Z',
    });
    expect(Number(line.x_Tokens)).toBe(1_234_500);
    // Prices are in USD: ×0.92 into EUR.
    expect(Number(line.ContractedCost)).toBeCloseTo(1234.5 * 0.000165 * 0.92, 12);
    expect(Number(line.ContractedUnitPrice)).toBeCloseTo(0.000165 * 0.92, 15);
    expect(line.ListCost).toBe(line.BilledCost);
    expect(JSON.parse(line.Tags ?? '')).toEqual({ team: 'chat', env: 'prod' });
  });

  it('cached input, the GPT-5 family (1M blocks) and embeddings', () => {
    expect(lineOf(file, 2)).toMatchObject({ x_Model: 'gpt-4.1', x_TokenType: 'cached-read', x_Tokens: '2000000' });
    expect(lineOf(file, 3)).toMatchObject({ x_Model: 'gpt-5.4', x_TokenType: 'output', PricingUnit: '1000000 Units' });
    expect(Number(lineOf(file, 3).x_Tokens)).toBe(750_000);
    expect(lineOf(file, 4)).toMatchObject({ x_Model: 'text-embedding-3-small', x_TokenType: 'input', x_Workload: 'embedding' });
  });

  it('GPU VMs: hours × GPUs of the size (10 Hours blocks counted)', () => {
    expect(lineOf(file, 5)).toMatchObject({ x_GpuHours: '10', ServiceName: 'Virtual Machines', x_Model: null });
    expect(lineOf(file, 6)).toMatchObject({ x_GpuHours: '160', ServiceName: 'Virtual Machine Scale Sets', ConsumedQuantity: '20' });
  });
});

describe('older and localised schemas', () => {
  it('2019 pay-as-you-go usage file: InstanceId, ResourceType, the subscription as billing account', () => {
    expect(lineOf('koku_costreport_a243c6f2-199f-4074-9a2c-40e671cf1584.csv', 0)).toMatchObject({
      BillingAccountId: '0039de71-ca37-4a17-a104-17665a50e7fc', BillingAccountType: 'Subscription', SubAccountId: '0039de71-ca37-4a17-a104-17665a50e7fc',
      ResourceId: '/subscriptions/2639de71-ca37-4a17-a104-17665a50e7fc/resourceGroups/COSTMGMT/providers/Microsoft.Compute/virtualMachines/test-vm-1',
      ResourceType: 'Microsoft.Compute/virtualMachines', ServiceName: 'Virtual Machines', RegionId: 'eastus2', RegionName: 'US East 2',
      ChargeCategory: 'Usage', ChargeFrequency: 'Usage-Based', ChargePeriodStart: '2019-07-29T00:00:00Z', Tags: '{"project":"p1"}',
      BillingPeriodStart: null, ContractedCost: '0',
    });
  });

  it('camelCase MCA: resource id from InstanceName, currency from billingCurrency', () => {
    expect(lineOf('koku_camel_azure_version_2.csv', 3)).toMatchObject({
      BillingAccountId: 'NF5V-BI6B-BG7-PGB', BillingCurrency: 'USD', ChargePeriodStart: '2023-08-01T00:00:00Z', RegionId: 'eastus2',
      ResourceName: 'costmgmtdiag', ServiceName: 'Storage Accounts', BilledCost: '0.000000144000000000000000', Tags: '{"project":"p1"}',
    });
  });

  it('German-localised headers: read by the English names in parentheses', () => {
    const line = lineOf('azure_de_localised_headers.csv', 2);
    expect(line).toMatchObject({
      SubAccountId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', SubAccountName: 'Produktion', BillingCurrency: 'EUR', BilledCost: '15.3',
      RegionId: 'germanywestcentral', ServiceName: 'Virtual Machines', x_GpuHours: '5', Tags: '{"abteilung":"ki"}',
    });
  });

  it('a localised file may write decimal commas', () => {
    const { header, rows } = table('azure_de_localised_headers.csv');
    const record = [...(rows[0] ?? [])];
    const cost = header.indexOf('PreTaxCost (PreTaxCost)');
    record[cost] = '4,608';
    expect(mapped(header, record).line.BilledCost).toBe('4.608');
  });
});

describe('malformed rows', () => {
  const { header, rows } = table('ftk_EA_ActualCost_Small.csv');
  const at = (name: string): number => header.indexOf(name);
  const withCell = (name: string, value: string): string[] => {
    const record = [...(rows[1] ?? [])];
    record[at(name)] = value;
    return record;
  };

  it('names the file\'s own column in the reason', () => {
    const mapper = azureFormat.mapper(header);
    expect(mapper.map(withCell('Cost', 'abc'))).toBe('Cost "abc" is not a number');
    expect(mapper.map(withCell('Cost', ''))).toBe('Cost is empty');
    expect(mapper.map(withCell('Date', '13/45/2023'))).toBe('Date "13/45/2023" is not a date');
  });

  it('tags that are not an object do not lose the row: kept as text in the extras', () => {
    const { line, extras } = mapped(header, withCell('Tags', '"team": ml'));
    expect(line.Tags).toBeNull();
    expect(extras?.Tags).toBe('"team": ml');
  });
});
