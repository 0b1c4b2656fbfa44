/**
 * FOCUS columns (1.0, 1.1, 1.2): name, storage kind, since which version, and whether mandatory.
 * Derived from the FOCUS specification's column tables (FinOps Open Cost and Usage Specification,
 * CC-BY-4.0), via ../shared/data/focus/FOCUS_v1.{0,1,2}_columns.csv.
 */
export type ColumnKind = 'string' | 'decimal' | 'time' | 'json';

export interface FocusColumn {
  name: string;
  kind: ColumnKind;
  /** First FOCUS version (of 1.0, 1.1, 1.2) that has the column. */
  since: '1.0' | '1.1' | '1.2';
  mandatory: boolean;
}

export const FOCUS_COLUMNS: readonly FocusColumn[] = [
  { name: 'AvailabilityZone', kind: 'string', since: '1.0', mandatory: false },
  { name: 'BilledCost', kind: 'decimal', since: '1.0', mandatory: true },
  { name: 'BillingAccountId', kind: 'string', since: '1.0', mandatory: true },
  { name: 'BillingAccountName', kind: 'string', since: '1.0', mandatory: true },
  { name: 'BillingAccountType', kind: 'string', since: '1.2', mandatory: false },
  { name: 'BillingCurrency', kind: 'string', since: '1.0', mandatory: true },
  { name: 'BillingPeriodEnd', kind: 'time', since: '1.0', mandatory: true },
  { name: 'BillingPeriodStart', kind: 'time', since: '1.0', mandatory: true },
  { name: 'CapacityReservationId', kind: 'string', since: '1.1', mandatory: false },
  { name: 'CapacityReservationStatus', kind: 'string', since: '1.1', mandatory: false },
  { name: 'ChargeCategory', kind: 'string', since: '1.0', mandatory: true },
  { name: 'ChargeClass', kind: 'string', since: '1.0', mandatory: true },
  { name: 'ChargeDescription', kind: 'string', since: '1.0', mandatory: true },
  { name: 'ChargeFrequency', kind: 'string', since: '1.0', mandatory: false },
  { name: 'ChargePeriodEnd', kind: 'time', since: '1.0', mandatory: true },
  { name: 'ChargePeriodStart', kind: 'time', since: '1.0', mandatory: true },
  { name: 'CommitmentDiscountCategory', kind: 'string', since: '1.0', mandatory: false },
  { name: 'CommitmentDiscountId', kind: 'string', since: '1.0', mandatory: false },
  { name: 'CommitmentDiscountName', kind: 'string', since: '1.0', mandatory: false },
  { name: 'CommitmentDiscountQuantity', kind: 'decimal', since: '1.1', mandatory: false },
  { name: 'CommitmentDiscountStatus', kind: 'string', since: '1.0', mandatory: false },
  { name: 'CommitmentDiscountType', kind: 'string', since: '1.0', mandatory: false },
  { name: 'CommitmentDiscountUnit', kind: 'string', since: '1.1', mandatory: false },
  { name: 'ConsumedQuantity', kind: 'decimal', since: '1.0', mandatory: false },
  { name: 'ConsumedUnit', kind: 'string', since: '1.0', mandatory: false },
  { name: 'ContractedCost', kind: 'decimal', since: '1.0', mandatory: true },
  { name: 'ContractedUnitPrice', kind: 'decimal', since: '1.0', mandatory: false },
  { name: 'EffectiveCost', kind: 'decimal', since: '1.0', mandatory: true },
  { name: 'InvoiceId', kind: 'string', since: '1.2', mandatory: false },
  { name: 'InvoiceIssuerName', kind: 'string', since: '1.0', mandatory: true },
  { name: 'ListCost', kind: 'decimal', since: '1.0', mandatory: true },
  { name: 'ListUnitPrice', kind: 'decimal', since: '1.0', mandatory: false },
  { name: 'PricingCategory', kind: 'string', since: '1.0', mandatory: false },
  { name: 'PricingCurrency', kind: 'string', since: '1.2', mandatory: false },
  { name: 'PricingCurrencyContractedUnitPrice', kind: 'decimal', since: '1.2', mandatory: false },
  { name: 'PricingCurrencyEffectiveCost', kind: 'decimal', since: '1.2', mandatory: false },
  { name: 'PricingCurrencyListUnitPrice', kind: 'decimal', since: '1.2', mandatory: false },
  { name: 'PricingQuantity', kind: 'decimal', since: '1.0', mandatory: true },
  { name: 'PricingUnit', kind: 'string', since: '1.0', mandatory: true },
  { name: 'ProviderName', kind: 'string', since: '1.0', mandatory: true },
  { name: 'PublisherName', kind: 'string', since: '1.0', mandatory: true },
  { name: 'RegionId', kind: 'string', since: '1.0', mandatory: false },
  { name: 'RegionName', kind: 'string', since: '1.0', mandatory: false },
  { name: 'ResourceId', kind: 'string', since: '1.0', mandatory: false },
  { name: 'ResourceName', kind: 'string', since: '1.0', mandatory: false },
  { name: 'ResourceType', kind: 'string', since: '1.0', mandatory: false },
  { name: 'ServiceCategory', kind: 'string', since: '1.0', mandatory: true },
  { name: 'ServiceName', kind: 'string', since: '1.0', mandatory: true },
  { name: 'ServiceSubcategory', kind: 'string', since: '1.1', mandatory: false },
  { name: 'SkuId', kind: 'string', since: '1.0', mandatory: false },
  { name: 'SkuMeter', kind: 'string', since: '1.1', mandatory: false },
  { name: 'SkuPriceDetails', kind: 'json', since: '1.1', mandatory: false },
  { name: 'SkuPriceId', kind: 'string', since: '1.0', mandatory: false },
  { name: 'SubAccountId', kind: 'string', since: '1.0', mandatory: false },
  { name: 'SubAccountName', kind: 'string', since: '1.0', mandatory: false },
  { name: 'SubAccountType', kind: 'string', since: '1.2', mandatory: false },
  { name: 'Tags', kind: 'json', since: '1.0', mandatory: false },
];
