/** The columns a condition or a value usually reads, offered in the editors (any other can be typed). */
export const COMMON_COLUMNS: readonly string[] = [
  'ServiceName', 'ServiceCategory', 'ProviderName', 'PublisherName', 'InvoiceIssuerName',
  'SubAccountId', 'SubAccountName', 'BillingAccountId', 'BillingAccountName', 'RegionId', 'RegionName',
  'ResourceId', 'ResourceName', 'ResourceType', 'ChargeCategory', 'ChargeDescription', 'SkuId', 'SkuPriceId', 'PricingUnit',
  'x_Model', 'x_TokenType', 'x_Workload', 'x_ApiKey', 'x_User',
  'BilledCost', 'EffectiveCost', 'ListCost', 'PricingQuantity', 'ConsumedQuantity', 'x_Tokens', 'x_GpuHours',
];

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
