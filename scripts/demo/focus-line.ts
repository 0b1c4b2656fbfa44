/**
 * One FOCUS 1.2 cost line from a meter (what is charged: account, service, resource, SKU,
 * prices, tags, AI attributes) and a charge (which day, how much). Shared by the demo data and
 * the benchmark files, so both write the same, valid shape.
 */
import { isoTimestamp, monthOf, monthStart, nextMonthStart } from './calendar.js';
import { costUnits, formatCost, formatPrice, formatQuantity, formatUnits, PRICE_DECIMALS, QUANTITY_DECIMALS, toUnits } from './decimal-text.js';
import { csvLine } from './csv-line.js';

/**
 * The columns written, in order: the 21 mandatory FOCUS columns, the optional ones a real
 * export fills, SubAccountType and InvoiceId (FOCUS 1.2, so the file is detected as 1.2), and
 * the AI extension columns.
 */
export const FOCUS_HEADER = [
  'BillingAccountId', 'BillingAccountName', 'SubAccountId', 'SubAccountName', 'SubAccountType',
  'InvoiceId', 'InvoiceIssuerName', 'ProviderName', 'PublisherName',
  'BillingPeriodStart', 'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd',
  'ChargeCategory', 'ChargeClass', 'ChargeDescription', 'ChargeFrequency',
  'ServiceCategory', 'ServiceSubcategory', 'ServiceName',
  'RegionId', 'RegionName', 'AvailabilityZone', 'ResourceId', 'ResourceName', 'ResourceType',
  'SkuId', 'SkuPriceId', 'SkuMeter', 'PricingCategory', 'PricingUnit', 'PricingQuantity',
  'ListUnitPrice', 'ContractedUnitPrice', 'ConsumedQuantity', 'ConsumedUnit',
  'BillingCurrency', 'ListCost', 'ContractedCost', 'BilledCost', 'EffectiveCost', 'Tags',
  'x_Model', 'x_TokenType', 'x_Tokens', 'x_GpuHours', 'x_Workload', 'x_ApiKey', 'x_User',
] as const;

export type FocusHeaderColumn = (typeof FOCUS_HEADER)[number];
export type FocusRecord = Record<FocusHeaderColumn, string>;

export const CURRENCY = 'USD';

export interface BillingAccount {
  providerName: string;
  publisherName: string;
  invoiceIssuerName: string;
  id: string;
  name: string;
  /** Invoice ids are this prefix and the billing month, e.g. INV-AWS-202608. */
  invoicePrefix: string;
}

export interface SubAccount {
  id: string;
  name: string;
  type: string;
}

export interface Region {
  id: string;
  name: string;
}

export interface Resource {
  id: string;
  name: string;
  type: string;
}

/** Extension attributes of AI lines (the x_ columns). */
export interface AiAttributes {
  model?: string;
  tokenType?: 'input' | 'output' | 'cached-read' | 'cache-write' | 'reasoning';
  workload?: 'training' | 'inference' | 'fine-tuning' | 'embedding';
  apiKey?: string;
  user?: string;
  /** x_GpuHours = PricingQuantity × this (GPUs per instance, for instance-hour SKUs). */
  gpusPerPricingUnit?: number;
  /** x_Tokens = ConsumedQuantity (token SKUs). */
  countsTokens?: boolean;
}

/** Something that is charged again and again: a SKU on a resource in an account. */
export interface Meter {
  /** Unique within its catalog; not written to the file. */
  key: string;
  account: BillingAccount;
  subAccount: SubAccount | null;
  /** Defaults to the account's publisher (differs for marketplace models, e.g. Claude on Bedrock). */
  publisherName?: string;
  serviceName: string;
  serviceCategory: string;
  serviceSubcategory: string;
  chargeCategory: 'Usage' | 'Purchase' | 'Credit';
  chargeFrequency: 'Usage-Based' | 'Recurring' | 'One-Time';
  chargeDescription: string;
  pricingCategory: 'Standard' | 'Committed' | 'Dynamic' | 'Other' | null;
  region: Region | null;
  availabilityZone?: string;
  resource: Resource | null;
  skuId: string | null;
  skuPriceId: string | null;
  skuMeter?: string;
  pricingUnit: string;
  consumedUnit: string | null;
  /** Consumed units in one pricing unit (1000 tokens in "1000 Tokens"). */
  consumedPerPricingUnit: number;
  listUnitPrice: number;
  contractedUnitPrice: number;
  /** Tags as JSON object text, or null for untagged lines. */
  tags: string | null;
  ai?: AiAttributes;
}

/**
 * A charge: a priced quantity (cost = quantity × unit price), or a fixed amount without a
 * price (credits: FOCUS wants ListCost = ContractedCost = BilledCost there).
 */
export type Charge =
  | { meter: Meter; day: number; quantity: number }
  | { meter: Meter; day: number; amount: number };

/** Tags as JSON text, keys in the given order (stable bytes). */
export function tagsJson(tags: Readonly<Record<string, string>>): string {
  return JSON.stringify(tags);
}

export function focusRecord(charge: Charge): FocusRecord {
  const { meter, day } = charge;
  const ai = meter.ai ?? {};
  const record: FocusRecord = {
    BillingAccountId: meter.account.id,
    BillingAccountName: meter.account.name,
    SubAccountId: meter.subAccount?.id ?? '',
    SubAccountName: meter.subAccount?.name ?? '',
    SubAccountType: meter.subAccount?.type ?? '',
    InvoiceId: `${meter.account.invoicePrefix}-${monthOf(day).replace('-', '')}`,
    InvoiceIssuerName: meter.account.invoiceIssuerName,
    ProviderName: meter.account.providerName,
    PublisherName: meter.publisherName ?? meter.account.publisherName,
    BillingPeriodStart: isoTimestamp(monthStart(day)),
    BillingPeriodEnd: isoTimestamp(nextMonthStart(day)),
    ChargePeriodStart: isoTimestamp(day),
    ChargePeriodEnd: isoTimestamp(day + 1),
    ChargeCategory: meter.chargeCategory,
    ChargeClass: '',
    ChargeDescription: meter.chargeDescription,
    ChargeFrequency: meter.chargeFrequency,
    ServiceCategory: meter.serviceCategory,
    ServiceSubcategory: meter.serviceSubcategory,
    ServiceName: meter.serviceName,
    RegionId: meter.region?.id ?? '',
    RegionName: meter.region?.name ?? '',
    AvailabilityZone: meter.availabilityZone ?? '',
    ResourceId: meter.resource?.id ?? '',
    ResourceName: meter.resource?.name ?? '',
    ResourceType: meter.resource?.type ?? '',
    SkuId: meter.skuId ?? '',
    SkuPriceId: meter.skuPriceId ?? '',
    SkuMeter: meter.skuMeter ?? '',
    PricingCategory: meter.pricingCategory ?? '',
    PricingUnit: '',
    PricingQuantity: '',
    ListUnitPrice: '',
    ContractedUnitPrice: '',
    ConsumedQuantity: '',
    ConsumedUnit: '',
    BillingCurrency: CURRENCY,
    ListCost: '',
    ContractedCost: '',
    BilledCost: '',
    EffectiveCost: '',
    Tags: meter.tags ?? '',
    x_Model: ai.model ?? '',
    x_TokenType: ai.tokenType ?? '',
    x_Tokens: '',
    x_GpuHours: '',
    x_Workload: ai.workload ?? '',
    x_ApiKey: ai.apiKey ?? '',
    x_User: ai.user ?? '',
  };
  if ('amount' in charge) {
    const amount = formatCost(toUnits(charge.amount, 2) * 10 ** 8);
    record.ListCost = amount;
    record.ContractedCost = amount;
    record.BilledCost = amount;
    record.EffectiveCost = amount;
    return record;
  }
  const quantity = toUnits(charge.quantity, QUANTITY_DECIMALS);
  const listPrice = toUnits(meter.listUnitPrice, PRICE_DECIMALS);
  const contractedPrice = toUnits(meter.contractedUnitPrice, PRICE_DECIMALS);
  const contractedCost = formatCost(costUnits(quantity, contractedPrice));
  record.PricingUnit = meter.pricingUnit;
  record.PricingQuantity = formatQuantity(quantity);
  record.ListUnitPrice = formatPrice(listPrice);
  record.ContractedUnitPrice = formatPrice(contractedPrice);
  record.ListCost = formatCost(costUnits(quantity, listPrice));
  // No commitment discounts in these files: billed = effective = contracted.
  record.ContractedCost = contractedCost;
  record.BilledCost = contractedCost;
  record.EffectiveCost = contractedCost;
  if (meter.consumedUnit !== null) {
    const consumed = formatUnits(Math.round(quantity * meter.consumedPerPricingUnit), QUANTITY_DECIMALS);
    record.ConsumedQuantity = consumed;
    record.ConsumedUnit = meter.consumedUnit;
    if (ai.countsTokens) record.x_Tokens = consumed;
  }
  if (ai.gpusPerPricingUnit !== undefined) record.x_GpuHours = formatUnits(Math.round(quantity * ai.gpusPerPricingUnit), QUANTITY_DECIMALS);
  return record;
}

export function focusHeaderLine(): string {
  return csvLine(FOCUS_HEADER);
}

export function focusCsvLine(charge: Charge): string {
  const record = focusRecord(charge);
  return csvLine(FOCUS_HEADER.map((column) => record[column]));
}
