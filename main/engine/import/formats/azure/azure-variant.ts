/**
 * Which Azure cost details schema a header is. Actual and amortized exports share one header, so
 * the cost view is not part of the format id: the mapper applies Microsoft's row rules, which are
 * correct for either view (see azure-charge.ts), and reports which view the rows showed.
 *
 * - azure-legacy-v1: the 2019-10-01 EA usage details (DepartmentName, SubscriptionGuid, PreTaxCost).
 * - azure-payg:      the 2019-11-01 pay-as-you-go (MOSP) usage-only schema (SubscriptionGuid,
 *                    UsageDateTime, PreTaxCost, ServiceTier, Currency), PascalCase or camelCase.
 * - azure-mca:       Microsoft Customer Agreement cost details (pricing currency, exchange rate,
 *                    product id, service period, partner/reseller columns).
 * - azure-ea:        Enterprise Agreement cost details (2020-01-01 to 2024-08-01), also the shape of
 *                    pay-as-you-go cost details downloads.
 */
import type { FormatMatch } from '../format-adapter.js';
import { AzureColumns, type AzureField } from './azure-fields.js';

export type AzureVariant = 'azure-legacy-v1' | 'azure-payg' | 'azure-mca' | 'azure-ea';

/** Columns that only Azure cost details have; two of them are needed to claim a file. */
const MARKERS: readonly AzureField[] = ['meterCategory', 'meterId', 'meterName', 'meterSubCategory', 'consumedService'];
/** The columns that make up the signature (for the score). */
const SIGNATURE: readonly AzureField[] = [
  'subscriptionId', 'date', 'cost', 'currency', 'quantity', 'unitOfMeasure', 'resourceId', 'resourceLocation',
  'tags', 'additionalInfo', ...MARKERS,
];
const MCA_ONLY: readonly AzureField[] = ['pricingCurrency', 'costInPricingCurrency', 'exchangeRate', 'productId', 'servicePeriodStart', 'previousInvoiceId', 'partnerName', 'resellerName'];
const LEGACY_ONLY: readonly AzureField[] = ['departmentName', 'accountName', 'accountOwnerId'];
const REQUIRED: ReadonlyArray<{ field: AzureField; label: string }> = [
  { field: 'date', label: 'Date (or UsageDateTime)' },
  { field: 'cost', label: 'CostInBillingCurrency (or Cost / PreTaxCost)' },
  { field: 'currency', label: 'BillingCurrency (or BillingCurrencyCode / Currency)' },
];

export function azureVariant(columns: AzureColumns): AzureVariant {
  // SubscriptionGuid alone is not enough: the Consumption API's "modern" usage details use it too.
  const legacy = columns.english.some((n) => /^(UsageDateTime|PreTaxCost)$/i.test(n));
  if (legacy) return LEGACY_ONLY.some((f) => columns.has(f)) ? 'azure-legacy-v1' : 'azure-payg';
  return MCA_ONLY.some((f) => columns.has(f)) ? 'azure-mca' : 'azure-ea';
}

export function detectAzure(header: readonly string[]): FormatMatch | null {
  const columns = new AzureColumns(header);
  const markers = MARKERS.filter((f) => columns.has(f)).length;
  if (markers < 2 || !(columns.has('cost') || columns.has('subscriptionId'))) return null;
  return {
    format: azureVariant(columns),
    score: SIGNATURE.filter((f) => columns.has(f)).length / SIGNATURE.length,
    missing: REQUIRED.filter((r) => !columns.has(r.field)).map((r) => r.label),
  };
}
