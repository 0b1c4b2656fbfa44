/**
 * AWS Cost and Usage Report in its three namings (see aws-columns.ts):
 * `aws-cur-legacy` (CSV, `lineItem/UnblendedCost`), `aws-cur-athena` (snake_case legacy CUR, as
 * Athena and the Parquet delivery name it) and `aws-cur2` (Data Exports CUR 2.0, with MAP columns).
 */
import type { FormatAdapter, FormatMatch, RecordMapper } from '../format-adapter.js';
import { AwsHeader } from './aws-columns.js';
import { AwsCurMapper } from './aws-cur-mapper.js';

/** Columns every CUR has; a header needs a few of them to be taken for a CUR at all. */
const SIGNATURE = [
  'identity_line_item_id', 'line_item_line_item_type', 'line_item_usage_start_date', 'line_item_usage_account_id',
  'line_item_product_code', 'line_item_unblended_cost', 'line_item_currency_code', 'bill_payer_account_id',
  'bill_billing_period_start_date', 'line_item_usage_type',
];
const MIN_SIGNATURE = 3;

/** What a line cannot do without, by snake_case name and legacy name (for messages). */
const REQUIRED: ReadonlyArray<{ names: string[]; legacy: string; snake: string }> = [
  { names: ['line_item_usage_start_date', 'identity_time_interval'], legacy: 'lineItem/UsageStartDate', snake: 'line_item_usage_start_date' },
  { names: ['line_item_unblended_cost'], legacy: 'lineItem/UnblendedCost', snake: 'line_item_unblended_cost' },
  { names: ['line_item_currency_code'], legacy: 'lineItem/CurrencyCode', snake: 'line_item_currency_code' },
];

function variantOf(header: AwsHeader): 'aws-cur-legacy' | 'aws-cur-athena' | 'aws-cur2' {
  if (header.isLegacy()) return 'aws-cur-legacy';
  // CUR 2.0 has maps, and account names that legacy CUR never had.
  if (header.hasMaps() || header.has('bill_payer_account_name') || header.has('line_item_usage_account_name')) return 'aws-cur2';
  return 'aws-cur-athena';
}

export const awsCurFormat: FormatAdapter = {
  name: 'AWS Cost and Usage Report',
  family: 'aws',
  detect(header): FormatMatch | null {
    const aws = new AwsHeader(header);
    const found = SIGNATURE.filter((name) => aws.has(name)).length;
    if (found < MIN_SIGNATURE) return null;
    const legacy = aws.isLegacy();
    const missing = REQUIRED.filter((r) => aws.field(...r.names) < 0).map((r) => (legacy ? r.legacy : r.snake));
    return { format: variantOf(aws), score: found / SIGNATURE.length, missing };
  },
  mapper(header): RecordMapper {
    return new AwsCurMapper(new AwsHeader(header));
  },
};
