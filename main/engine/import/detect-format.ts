/**
 * Which format a header belongs to. FOCUS files are imported; for the other families the
 * signature lets the refusal say what the file is, instead of "unknown".
 */
import type { FormatId } from '../../../shared/model.js';
import { FOCUS_COLUMNS } from './focus-columns.js';

export interface Detection {
  format: FormatId | null;
  /** Human name of the family, for messages. */
  family: string;
  /** Whether this version of Cost Council imports it. */
  supported: boolean;
}

/** Header names compared without case and surrounding spaces (and a stray BOM). */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase();
}

const FOCUS_BY_NAME = new Map(FOCUS_COLUMNS.map((c) => [c.name.toLowerCase(), c]));

interface Signature {
  family: string;
  format: FormatId;
  anyOf: string[];
}

// Columns that only one family's exports carry (lower case).
const OTHER_SIGNATURES: Signature[] = [
  { family: 'AWS Cost and Usage Report', format: 'aws-cur', anyOf: ['lineitem/unblendedcost', 'line_item_unblended_cost', 'lineitem/usageaccountid'] },
  { family: 'Azure cost details export', format: 'azure-cost-details', anyOf: ['costinbillingcurrency', 'pretaxcost', 'meterid', 'subscriptionguid'] },
  { family: 'Google Cloud billing export', format: 'gcp-billing-export', anyOf: ['billing_account_id', 'service.description', 'sku.description'] },
  { family: 'OpenCost allocation export', format: 'opencost-allocation', anyOf: ['cpucost', 'gpucost', 'ramcost', 'totalcost'] },
  { family: 'Oracle Cloud cost report', format: 'oci-cost-report', anyOf: ['lineitem/referenceno', 'cost/mycost'] },
];

/** How many FOCUS column names a header must have to be treated as FOCUS. */
const FOCUS_MIN_MATCHES = 5;

export function detectFormat(header: readonly string[]): Detection {
  const names = header.map(normaliseHeader);
  const focusMatches = names.filter((n) => FOCUS_BY_NAME.has(n));
  const hasCost = names.includes('billedcost') || names.includes('effectivecost');
  if (focusMatches.length >= FOCUS_MIN_MATCHES && hasCost) {
    return { format: `focus-${focusVersion(names)}`, family: 'FOCUS', supported: true };
  }
  for (const signature of OTHER_SIGNATURES) {
    if (signature.anyOf.some((column) => names.includes(column))) {
      return { format: signature.format, family: signature.family, supported: false };
    }
  }
  return { format: null, family: 'unknown', supported: false };
}

/** The lowest FOCUS version that has every FOCUS column the header uses. */
function focusVersion(names: readonly string[]): '1.0' | '1.1' | '1.2' {
  let version: '1.0' | '1.1' | '1.2' = '1.0';
  for (const name of names) {
    const column = FOCUS_BY_NAME.get(name);
    if (column && column.since > version) version = column.since;
  }
  return version;
}
