/**
 * The Azure cost details fields this importer reads, with every name each one has had: current
 * PascalCase exports (EA, MCA), camelCase exports and API payloads, the 2019 usage-details schemas
 * (SubscriptionGuid, UsageDateTime, PreTaxCost) and localised headers (via azure-locale.ts).
 * Names are matched without regard to case, so "MeterSubCategory" also finds "meterSubcategory".
 * Sources: Microsoft Learn "Understand cost details fields" and the dataset schema pages for EA,
 * MCA and pay-as-you-go (versions 2019-10-01 to 2024-08-01).
 */
import { englishColumnName } from './azure-locale.js';

export const AZURE_FIELDS = {
  subscriptionId: ['SubscriptionId', 'SubscriptionGuid'],
  subscriptionName: ['SubscriptionName'],
  billingAccountId: ['BillingAccountId'],
  billingAccountName: ['BillingAccountName'],
  billingProfileId: ['BillingProfileId'],
  billingProfileName: ['BillingProfileName'],
  billingPeriodStart: ['BillingPeriodStartDate'],
  billingPeriodEnd: ['BillingPeriodEndDate'],
  date: ['Date', 'UsageDateTime', 'UsageDate', 'UsageStart'],
  cost: ['CostInBillingCurrency', 'Cost', 'PreTaxCost'],
  currency: ['BillingCurrencyCode', 'BillingCurrency', 'Currency'],
  pricingCurrency: ['PricingCurrency', 'PricingCurrencyCode'],
  costInPricingCurrency: ['CostInPricingCurrency'],
  exchangeRate: ['ExchangeRatePricingToBilling'],
  paygCost: ['PaygCostInBillingCurrency'],
  quantity: ['Quantity', 'UsageQuantity', 'ConsumedQuantity'],
  unitOfMeasure: ['UnitOfMeasure', 'Unit'],
  effectivePrice: ['EffectivePrice', 'ResourceRate'],
  unitPrice: ['UnitPrice'],
  payGPrice: ['PayGPrice'],
  meterCategory: ['MeterCategory'],
  meterSubCategory: ['MeterSubCategory'],
  meterName: ['MeterName'],
  meterId: ['MeterId'],
  productName: ['ProductName', 'Product'],
  productId: ['ProductId', 'ProductIdentifier'],
  partNumber: ['PartNumber'],
  resourceId: ['ResourceId', 'InstanceId', 'InstanceName'],
  resourceName: ['ResourceName'],
  resourceType: ['ResourceType'],
  resourceLocation: ['ResourceLocationNormalized', 'ResourceLocation', 'Location'],
  availabilityZone: ['AvailabilityZone'],
  consumedService: ['ConsumedService'],
  chargeType: ['ChargeType'],
  frequency: ['Frequency'],
  pricingModel: ['PricingModel'],
  reservationId: ['ReservationId'],
  reservationName: ['ReservationName'],
  benefitId: ['BenefitId'],
  benefitName: ['BenefitName'],
  tags: ['Tags'],
  additionalInfo: ['AdditionalInfo'],
  publisherName: ['PublisherName'],
  publisherType: ['PublisherType'],
  partnerName: ['PartnerName'],
  invoiceId: ['InvoiceId'],
  // Markers only (kept as extras): they tell the schema generation apart.
  accountOwnerId: ['AccountOwnerId'],
  accountName: ['AccountName'],
  departmentName: ['DepartmentName'],
  serviceTier: ['ServiceTier'],
  servicePeriodStart: ['ServicePeriodStartDate'],
  previousInvoiceId: ['PreviousInvoiceId'],
  resellerName: ['ResellerName'],
} as const satisfies Record<string, readonly string[]>;

export type AzureField = keyof typeof AZURE_FIELDS;

const FIELD_NAMES = Object.keys(AZURE_FIELDS) as AzureField[];

/** Where each field sits in a header (−1 when absent), resolved once per file. */
export class AzureColumns {
  private readonly positions = new Map<AzureField, number>();
  /** The header's names as written, and as English field names. */
  readonly names: readonly string[];
  readonly english: readonly string[];

  constructor(header: readonly string[]) {
    this.names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
    this.english = header.map(englishColumnName);
    const byName = new Map<string, number>();
    this.english.forEach((name, i) => {
      const key = name.toLowerCase();
      if (!byName.has(key)) byName.set(key, i);
    });
    for (const field of FIELD_NAMES) {
      const found = AZURE_FIELDS[field].map((alias) => byName.get(alias.toLowerCase())).find((p) => p !== undefined);
      this.positions.set(field, found ?? -1);
    }
  }

  at(field: AzureField): number {
    return this.positions.get(field) ?? -1;
  }

  has(field: AzureField): boolean {
    return this.at(field) >= 0;
  }

  /** The column name the file uses for a field (for messages), or the field's first alias. */
  nameOf(field: AzureField): string {
    const position = this.at(field);
    return position >= 0 ? (this.names[position] ?? AZURE_FIELDS[field][0]) : AZURE_FIELDS[field][0];
  }
}
