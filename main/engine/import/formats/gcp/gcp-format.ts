/**
 * Google Cloud Billing export (BigQuery standard or detailed usage cost), flattened to CSV or read
 * from BigQuery's JSON Lines export. Both arrive with the same dot-path header (the JSON Lines
 * reader flattens nested records the same way), so one format id covers both; the mapper reads
 * label and credit arrays whether they are JSON or Python literals.
 */
import type { FormatAdapter, FormatMatch } from '../format-adapter.js';
import { GcpColumns, type GcpField } from './gcp-fields.js';
import { gcpMapper } from './gcp-mapper.js';

const SIGNATURE: readonly GcpField[] = [
  'billingAccountId', 'serviceId', 'serviceDescription', 'skuId', 'skuDescription', 'usageStart', 'usageEnd', 'projectId',
  'cost', 'currency', 'usageAmount', 'usageUnit', 'credits', 'invoiceMonth', 'costType', 'region',
];
const REQUIRED: readonly GcpField[] = ['usageStart', 'cost', 'currency'];
/** Fewer signature columns than this and the file is not a billing export at all. */
const MIN_SIGNATURE = 4;

export function detectGcp(header: readonly string[]): FormatMatch | null {
  const columns = new GcpColumns(header);
  const found = SIGNATURE.filter((f) => columns.has(f)).length;
  if (found < MIN_SIGNATURE || !(columns.has('skuDescription') || columns.has('serviceDescription'))) return null;
  return {
    format: 'gcp-billing-export',
    score: found / SIGNATURE.length,
    missing: REQUIRED.filter((f) => !columns.has(f)).map((f) => columns.nameOf(f)),
  };
}

export const gcpBillingFormat: FormatAdapter = {
  name: 'Google Cloud billing export',
  family: 'gcp',
  detect: detectGcp,
  mapper: gcpMapper,
};
