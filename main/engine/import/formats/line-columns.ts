/**
 * For adapters that write canonical lines column by column (AWS CUR, OpenAI, Anthropic, OpenCost): one table
 * of the canonical columns' positions in `CanonicalLine.values` by a short name, and the reading
 * of a record's cell. (Adapters that map columns one to one use `RecordMapper.direct` instead.)
 */
import { isNullToken } from '../values.js';
import { columnPosition } from './canonical-line.js';

export const AT = {
  provider: columnPosition('ProviderName'),
  publisher: columnPosition('PublisherName'),
  issuer: columnPosition('InvoiceIssuerName'),
  invoiceId: columnPosition('InvoiceId'),
  billingAccountId: columnPosition('BillingAccountId'),
  billingAccountName: columnPosition('BillingAccountName'),
  subAccountId: columnPosition('SubAccountId'),
  subAccountName: columnPosition('SubAccountName'),
  subAccountType: columnPosition('SubAccountType'),
  billingPeriodStart: columnPosition('BillingPeriodStart'),
  billingPeriodEnd: columnPosition('BillingPeriodEnd'),
  chargeStart: columnPosition('ChargePeriodStart'),
  chargeEnd: columnPosition('ChargePeriodEnd'),
  chargeCategory: columnPosition('ChargeCategory'),
  chargeFrequency: columnPosition('ChargeFrequency'),
  chargeDescription: columnPosition('ChargeDescription'),
  serviceCategory: columnPosition('ServiceCategory'),
  serviceSubcategory: columnPosition('ServiceSubcategory'),
  serviceName: columnPosition('ServiceName'),
  regionId: columnPosition('RegionId'),
  regionName: columnPosition('RegionName'),
  zone: columnPosition('AvailabilityZone'),
  skuId: columnPosition('SkuId'),
  skuPriceId: columnPosition('SkuPriceId'),
  pricingCategory: columnPosition('PricingCategory'),
  pricingUnit: columnPosition('PricingUnit'),
  pricingQuantity: columnPosition('PricingQuantity'),
  resourceId: columnPosition('ResourceId'),
  resourceName: columnPosition('ResourceName'),
  resourceType: columnPosition('ResourceType'),
  consumedQuantity: columnPosition('ConsumedQuantity'),
  consumedUnit: columnPosition('ConsumedUnit'),
  billed: columnPosition('BilledCost'),
  effective: columnPosition('EffectiveCost'),
  list: columnPosition('ListCost'),
  listUnitPrice: columnPosition('ListUnitPrice'),
  contracted: columnPosition('ContractedCost'),
  currency: columnPosition('BillingCurrency'),
  commitmentId: columnPosition('CommitmentDiscountId'),
  commitmentType: columnPosition('CommitmentDiscountType'),
  commitmentCategory: columnPosition('CommitmentDiscountCategory'),
  commitmentStatus: columnPosition('CommitmentDiscountStatus'),
  tags: columnPosition('Tags'),
  model: columnPosition('x_Model'),
  tokenType: columnPosition('x_TokenType'),
  tokens: columnPosition('x_Tokens'),
  gpuHours: columnPosition('x_GpuHours'),
  workload: columnPosition('x_Workload'),
  apiKey: columnPosition('x_ApiKey'),
  user: columnPosition('x_User'),
} as const;

/** A cell, or null for an absent column, an empty cell or a NULL token. */
export function cell(record: readonly string[], index: number): string | null {
  if (index < 0) return null;
  const text = record[index];
  return text === undefined || isNullToken(text) ? null : text.trim();
}
