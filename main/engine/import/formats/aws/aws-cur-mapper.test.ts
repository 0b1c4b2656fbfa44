import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exactSum, readCsv } from '../../../../../test/support/csv.js';
import { fixture } from '../../../../../test/support/engine.js';
import { COST_COLUMNS } from '../../../db/cost-columns.js';
import type { RecordMapper } from '../format-adapter.js';
import { awsCurFormat } from './aws-cur-format.js';

type Line = Record<string, string | null>;

function records(path: string): string[][] {
  return Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;
}

function named(values: Array<string | null>): Line {
  return Object.fromEntries(COST_COLUMNS.map((c, i) => [c.name, values[i] ?? null]));
}

/** Maps every record of a file; a rejected record becomes its reason. */
function mapAll(header: string[], rows: string[][]): { mapper: RecordMapper; lines: Line[]; rejected: string[] } {
  const mapper = awsCurFormat.mapper(header);
  const lines: Line[] = [];
  const rejected: string[] = [];
  for (const row of rows) {
    const out = mapper.map(row);
    if (typeof out === 'string') rejected.push(out);
    else lines.push(...out.map((l) => named(l.values)));
  }
  return { mapper, lines, rejected };
}

const COMMITMENTS = records(fixture('aws-cur/cur-bedrock-commitments.csv'));
const [HEADER = [], ...ROWS] = COMMITMENTS;
const byId = (lines: Line[]): Map<string, Line> => new Map(lines.map((l, i) => [`li-${String(i + 1).padStart(3, '0')}`, l]));

describe('AWS CUR mapper: savings plans, reservations, Bedrock, GPUs (cur-bedrock-commitments.csv)', () => {
  const { mapper, lines, rejected } = mapAll(HEADER, ROWS);
  const line = byId(lines);

  it('maps every line', () => {
    expect(rejected).toEqual([]);
    expect(lines).toHaveLength(17);
  });

  it('bills the unblended cost and amortises as AWS documents; totals checked by hand', () => {
    // Billed: the sum of lineItem/UnblendedCost, 3.7515 + 3.15375 + 0.24 + 0.208 + 0.3 + 982.80 − 982.80
    // + 600.00 + 0 + 120.00 + 3000.00 + 1000.00 + 12.34 − 5.00 − 20.50 + 2.01 + 100.00 = 4816.50325.
    expect(exactSum(lines.map((l) => l.BilledCost ?? ''))).toBe('4816.503250');
    // Effective: the five Bedrock lines (7.65325), SP covered usage at its SP effective cost 550.37,
    // negation 0, SP recurring fee's unused commitment 600.00 − 550.37 = 49.63, RI usage at its
    // reservation effective cost 97.44, RIFee's unused part 5.25 + 10.50 = 15.75, the RI upfront fee
    // and SP upfront fee 0 (amortised), tax 12.34, refund −5.00, EDP −20.50, spot 2.01, support fee 100.00
    // = 809.69325.
    expect(exactSum(lines.map((l) => l.EffectiveCost ?? ''))).toBe('809.693250');
    const effective = Object.fromEntries([...line].map(([id, l]) => [id, l.EffectiveCost]));
    expect(effective).toMatchObject({
      'li-006': '550.37', 'li-007': '0', 'li-008': '49.63', 'li-009': '97.44', 'li-010': '15.75', 'li-011': '0', 'li-012': '0', 'li-017': '100.00',
    });
  });

  it('classifies each line item type', () => {
    const categories = lines.map((l) => l.ChargeCategory);
    expect(categories).toEqual([
      'Usage', 'Usage', 'Usage', 'Usage', 'Usage', // Bedrock
      'Usage', 'Usage', 'Purchase', 'Usage', 'Purchase', 'Purchase', 'Purchase', // SP, negation, SP fee, RI usage, RIFee, RI upfront fee, SP upfront fee
      'Tax', 'Credit', 'Credit', 'Usage', 'Purchase', // tax, refund, EDP discount, spot usage, support fee
    ]);
    expect(line.get('li-008')?.ChargeFrequency).toBe('Recurring');
    expect(line.get('li-011')?.ChargeFrequency).toBe('One-Time');
  });

  it('names the commitment of covered usage and of its fees', () => {
    expect(line.get('li-006')).toMatchObject({
      CommitmentDiscountType: 'Savings Plan', CommitmentDiscountCategory: 'Spend', CommitmentDiscountStatus: 'Used', PricingCategory: 'Committed',
      CommitmentDiscountId: 'arn:aws:savingsplans::123456789012:savingsplan/3f1b2c4d-0000-4000-8000-000000000001',
    });
    expect(line.get('li-009')).toMatchObject({ CommitmentDiscountType: 'Reserved Instance', CommitmentDiscountCategory: 'Usage', CommitmentDiscountStatus: 'Used' });
    expect(line.get('li-010')).toMatchObject({ CommitmentDiscountType: 'Reserved Instance', CommitmentDiscountStatus: null });
    expect(line.get('li-017')?.CommitmentDiscountId).toBeNull();
    expect(line.get('li-016')?.PricingCategory).toBe('Dynamic');
    // The negation repeats the covered hours; they are consumed once, on the covered line.
    expect([line.get('li-006')?.ConsumedQuantity, line.get('li-007')?.ConsumedQuantity]).toEqual(['10', null]);
  });

  it('reads Bedrock model, token type and tokens (usage amount × 1,000 for "1K tokens")', () => {
    const ai = (id: string) => {
      const l = line.get(id);
      return [l?.x_Model, l?.x_TokenType, l?.x_Tokens, l?.x_Workload];
    };
    expect(ai('li-001')).toEqual(['Claude3Sonnet', 'input', '1250500', 'inference']);
    expect(ai('li-002')).toEqual(['Claude3Sonnet', 'output', '210250', 'inference']);
    expect(ai('li-003')).toEqual(['Claude3.5Sonnet-v2', 'cached-read', '800000', 'inference']);
    expect(ai('li-004')).toEqual(['Claude 3.5 Haiku', 'output', '52000', 'inference']);
    expect(ai('li-005')).toEqual(['TitanEmbeddingsG1-Text', 'input', '3000000', 'embedding']);
    expect(line.get('li-004')).toMatchObject({ PublisherName: 'AWS Marketplace', ServiceCategory: 'AI and Machine Learning' });
    expect(ai('li-014')).toEqual([null, null, null, null]);
  });

  it('counts GPU hours of accelerated instances, not of the negation or the reservation fee', () => {
    const gpuHours = Object.fromEntries([...line].filter(([, l]) => l.x_GpuHours !== null).map(([id, l]) => [id, l.x_GpuHours]));
    // p5.48xlarge 10 h × 8, g5.12xlarge 24 h × 4, g6.xlarge 5 h × 1.
    expect(gpuHours).toEqual({ 'li-006': '80', 'li-009': '96', 'li-016': '5' });
  });

  it('maps accounts, service, region and tags', () => {
    expect(line.get('li-006')).toMatchObject({
      ProviderName: 'AWS', BillingAccountId: '123456789012', SubAccountId: '012345678901', ServiceName: 'Amazon Elastic Compute Cloud',
      ServiceCategory: 'Compute', RegionId: 'us-east-1', RegionName: 'US East (N. Virginia)', AvailabilityZone: 'us-east-1b', ResourceId: 'i-0p5train0001',
      ChargePeriodStart: '2024-05-01T00:00:00Z', BillingPeriodStart: '2024-05-01T00:00:00Z', BillingCurrency: 'USD', ListCost: '982.80',
    });
    expect(JSON.parse(line.get('li-006')?.Tags ?? '{}')).toEqual({ team: 'ml', 'aws:createdBy': 'AssumedRole:AROA0000:trainer', 'costCategory/Project': 'pretraining' });
    expect(line.get('li-008')?.Tags).toBeNull();
  });

  it('reports the token unit it had to assume', () => {
    expect(mapper.warnings?.()).toEqual([
      '1 Amazon Bedrock token line with the unit "Units", which does not say how many tokens a unit is: one unit was taken as one token.',
    ]);
  });

  it('rejects a line whose amortisation input is not a number, naming the column', () => {
    const bad = [...(ROWS[5] ?? [])];
    bad[HEADER.indexOf('savingsPlan/SavingsPlanEffectiveCost')] = 'n/a-cost';
    expect(awsCurFormat.mapper(HEADER).map(bad)).toBe('savingsPlan/SavingsPlanEffectiveCost "n/a-cost" is not a number');
  });

  it('keeps the unblended cost, and says so, when the amortisation columns are missing', () => {
    const drop = ['savingsPlan/SavingsPlanEffectiveCost', 'savingsPlan/TotalCommitmentToDate', 'savingsPlan/UsedCommitment'].map((c) => HEADER.indexOf(c));
    const without = (row: string[]) => row.filter((_, i) => !drop.includes(i));
    const { mapper: partial, lines: partialLines } = mapAll(without(HEADER), ROWS.map(without));
    expect(partialLines[5]?.EffectiveCost).toBe('982.80');
    expect(partialLines[7]?.EffectiveCost).toBe('600.00');
    expect(partial.warnings?.()).toContain(
      '1 SavingsPlanCoveredUsage line keeps its unblended cost as effective cost: the file lacks the savings plan or reservation columns AWS amortises them with.',
    );
  });

  it('books a line item type AWS does not document as an Adjustment and reports it', () => {
    const odd = [...(ROWS[12] ?? [])];
    odd[HEADER.indexOf('lineItem/LineItemType')] = 'SurpriseFee';
    const oddMapper = awsCurFormat.mapper(HEADER);
    const out = oddMapper.map(odd);
    expect(typeof out === 'string' ? out : named(out[0]?.values ?? []).ChargeCategory).toBe('Adjustment');
    expect(oddMapper.warnings?.()).toEqual(['1 line of type "SurpriseFee" (not a line item type AWS documents) is an Adjustment at the unblended cost.']);
  });
});

describe('AWS CUR mapper: CUR 2.0 map columns', () => {
  it.each(['cur2-map-columns.csv', 'cur2-athena-query-result.csv'])('%s: tags, cost categories and product attributes from the maps', (file) => {
    const [header = [], ...rows] = records(fixture(`aws-cur/${file}`));
    const { lines, rejected } = mapAll(header, rows);
    expect(rejected).toEqual([]);
    expect(lines.map((l) => (l.Tags ? JSON.parse(l.Tags) : null))).toEqual([
      { team: 'ml', environment: 'prod', 'aws:created_by': 'IAMUser:AIDA0000:alice', 'costCategory/CostCenter': 'R&D', 'costCategory/Business Unit': 'Platform' },
      { team: 'data', 'cost center': '4711', 'costCategory/CostCenter': 'Data' },
      { team: 'ml' },
      null,
      null,
    ]);
    expect(lines.map((l) => l.ServiceName)).toEqual(['Amazon Elastic Compute Cloud', 'Amazon Simple Storage Service', 'Amazon Bedrock', 'Amazon Elastic Compute Cloud', 'Amazon Bedrock']);
    expect(lines[2]).toMatchObject({ x_Model: 'Nova Pro', x_TokenType: 'input', x_Tokens: '4200000', RegionId: 'eu-central-1' });
    expect(lines[0]).toMatchObject({ SubAccountName: 'ml-platform-prod', BillingAccountName: 'Example Org Management', InvoiceIssuerName: 'Amazon Web Services EMEA SARL' });
  });

  it('keeps a map cell it cannot read as an extra and reports it', () => {
    const header = ['line_item_usage_start_date', 'line_item_unblended_cost', 'line_item_currency_code', 'line_item_line_item_type', 'resource_tags'];
    const mapper = awsCurFormat.mapper(header);
    const out = mapper.map(['2024-06-01', '1.00', 'USD', 'Usage', 'team:ml;env:prod']);
    expect(typeof out !== 'string' && out[0]?.extras).toBe('{"resource_tags":"team:ml;env:prod"}');
    expect(mapper.warnings?.()).toEqual(["1 resource_tags cell is not a map Cost Council can read; the text is kept with the line's extra columns."]);
  });
});

describe('AWS CUR mapper: koku_test_cur.csv, its rows completed with the missing last cell', () => {
  // The import rejects these rows (130 cells under 131 names); padded, they show what the mapper reads.
  const [header = [], ...rows] = records(fixture('aws-cur/koku_test_cur.csv'));
  const padded = rows.map((r) => [...r, ...new Array<string>(header.length - r.length).fill('')]);
  const { lines, rejected } = mapAll(header, padded);

  it('keeps 13-digit account ids as text and derives the Region from product/location', () => {
    expect(rejected).toEqual([]);
    expect(header.length - (rows[0]?.length ?? 0)).toBe(1);
    expect(exactSum(lines.map((l) => l.BilledCost ?? ''))).toBe(exactSum(readCsv(fixture('aws-cur/koku_test_cur.csv')).map((r) => r['lineItem/UnblendedCost'] ?? '')));
    expect(new Set(lines.map((l) => l.BillingAccountId))).toEqual(new Set(['6838635603105']));
    expect(new Set(lines.map((l) => `${l.RegionName} → ${l.RegionId}`))).toEqual(
      new Set(['US East (N. Virginia) → us-east-1', 'US West (N. California) → us-west-1', 'US West (Oregon) → us-west-2']),
    );
    expect(new Set(lines.map((l) => `${l.ServiceName} / ${l.ServiceCategory}`))).toEqual(new Set(['Amazon Elastic Compute Cloud / Compute']));
  });
});

describe('awsCurFormat.detect', () => {
  it('names the variant and what a file lacks, in its own naming', () => {
    expect(awsCurFormat.detect(HEADER)).toMatchObject({ format: 'aws-cur-legacy', missing: [] });
    expect(awsCurFormat.detect(['identity/LineItemId', 'lineItem/LineItemType', 'lineItem/UsageAccountId', 'lineItem/ProductCode'])).toMatchObject({
      format: 'aws-cur-legacy', missing: ['lineItem/UsageStartDate', 'lineItem/UnblendedCost', 'lineItem/CurrencyCode'],
    });
    expect(awsCurFormat.detect(['line_item_usage_start_date', 'line_item_unblended_cost', 'line_item_currency_code'])?.format).toBe('aws-cur-athena');
    expect(awsCurFormat.detect(['line_item_usage_start_date', 'line_item_unblended_cost', 'line_item_currency_code', 'resource_tags.user_team'])?.format).toBe('aws-cur2');
    expect(awsCurFormat.detect(['BilledCost', 'ChargePeriodStart', 'BillingCurrency'])).toBeNull();
    expect(awsCurFormat.detect(['lineItem/referenceNo', 'lineItem/intervalUsageStart', 'cost/myCost', 'product/region'])).toBeNull();
  });
});
