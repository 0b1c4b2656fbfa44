/**
 * One Azure cost details row → one FOCUS cost line. Column positions, caches and the variant's
 * choices are settled once per file; map() does lookups and a few exact decimal products.
 *
 * Derivations (Microsoft's FOCUS conversion, microsoft/finops-toolkit docs-mslearn/focus/convert.md):
 * BillingAccountId/Name from BillingAccount* (EA) or BillingProfile* (MCA); charge and commitment
 * columns per azure-charge.ts; periods end one day after the file's inclusive dates; PricingQuantity
 * = Quantity in UnitOfMeasure blocks and ConsumedQuantity = Quantity × block (usage rows only);
 * ContractedCost = UnitPrice × Quantity and ListCost = PaygCostInBillingCurrency or PayGPrice ×
 * Quantity (× ExchangeRatePricingToBilling where prices are in the pricing currency).
 */
import { columnPosition, emptyValues } from '../canonical-line.js';
import type { CanonicalLine, RecordMapper } from '../format-adapter.js';
import { multiplyDecimals } from '../decimal-text.js';
import { isNullToken, normaliseDecimalText } from '../../values.js';
import { chargeFacts, chargeFrequency, commitmentKind, type ChargeFacts } from './azure-charge.js';
import { CostViewEvidence } from './azure-cost-view.js';
import { AzureDays } from './azure-dates.js';
import type { MapperContext } from '../format-adapter.js';
import { ExtrasWriter } from './azure-extras.js';
import { AzureColumns, type AzureField } from './azure-fields.js';
import { gpuHoursText } from './azure-gpu.js';
import { fromDecimalComma, isLocalisedHeader } from './azure-locale.js';
import { AzureMeters } from './azure-meters.js';
import { AzureRegions } from './azure-region.js';
import { resourceNameOf, resourceTypeOf } from './azure-resource.js';
import { AzureServices } from './azure-services.js';
import { AzureTags } from './azure-tags.js';
import { UnitsOfMeasure } from './azure-units.js';
import { azureVariant } from './azure-variant.js';

const OUT = {
  provider: columnPosition('ProviderName'), publisher: columnPosition('PublisherName'), issuer: columnPosition('InvoiceIssuerName'),
  accountId: columnPosition('BillingAccountId'), accountName: columnPosition('BillingAccountName'), accountType: columnPosition('BillingAccountType'),
  subId: columnPosition('SubAccountId'), subName: columnPosition('SubAccountName'), subType: columnPosition('SubAccountType'),
  periodStart: columnPosition('BillingPeriodStart'), periodEnd: columnPosition('BillingPeriodEnd'),
  chargeStart: columnPosition('ChargePeriodStart'), chargeEnd: columnPosition('ChargePeriodEnd'),
  category: columnPosition('ChargeCategory'), chargeClass: columnPosition('ChargeClass'), description: columnPosition('ChargeDescription'),
  frequency: columnPosition('ChargeFrequency'), serviceCategory: columnPosition('ServiceCategory'), serviceName: columnPosition('ServiceName'),
  serviceSubcategory: columnPosition('ServiceSubcategory'), regionId: columnPosition('RegionId'), regionName: columnPosition('RegionName'),
  zone: columnPosition('AvailabilityZone'), resourceId: columnPosition('ResourceId'), resourceName: columnPosition('ResourceName'),
  resourceType: columnPosition('ResourceType'), skuId: columnPosition('SkuId'), skuMeter: columnPosition('SkuMeter'),
  pricingCategory: columnPosition('PricingCategory'), pricingUnit: columnPosition('PricingUnit'), pricingQuantity: columnPosition('PricingQuantity'),
  consumedQuantity: columnPosition('ConsumedQuantity'), consumedUnit: columnPosition('ConsumedUnit'),
  billed: columnPosition('BilledCost'), effective: columnPosition('EffectiveCost'), list: columnPosition('ListCost'),
  contracted: columnPosition('ContractedCost'), contractedUnitPrice: columnPosition('ContractedUnitPrice'), listUnitPrice: columnPosition('ListUnitPrice'),
  currency: columnPosition('BillingCurrency'), pricingCurrency: columnPosition('PricingCurrency'),
  pricingCurrencyEffective: columnPosition('PricingCurrencyEffectiveCost'),
  commitmentId: columnPosition('CommitmentDiscountId'), commitmentName: columnPosition('CommitmentDiscountName'),
  commitmentType: columnPosition('CommitmentDiscountType'), commitmentCategory: columnPosition('CommitmentDiscountCategory'),
  commitmentStatus: columnPosition('CommitmentDiscountStatus'), tags: columnPosition('Tags'), invoiceId: columnPosition('InvoiceId'),
  model: columnPosition('x_Model'), tokenType: columnPosition('x_TokenType'), tokens: columnPosition('x_Tokens'),
  gpuHours: columnPosition('x_GpuHours'), workload: columnPosition('x_Workload'),
};

/** Fields whose text lands unchanged in a FOCUS column (the rest of the file is kept as extras). */
const COPIED: readonly AzureField[] = [
  'subscriptionId', 'subscriptionName', 'billingPeriodStart', 'billingPeriodEnd', 'date', 'cost', 'currency',
  'pricingCurrency', 'costInPricingCurrency', 'paygCost', 'quantity', 'unitPrice', 'payGPrice', 'meterName', 'productId',
  'productName', 'resourceId', 'resourceName', 'resourceType', 'resourceLocation', 'availabilityZone', 'benefitId',
  'benefitName', 'tags', 'invoiceId', 'partnerName', 'publisherName',
];

/** Fields the mapper reads. */
const READ = [
  'subscriptionId', 'subscriptionName', 'billingPeriodStart', 'billingPeriodEnd', 'date', 'cost', 'currency', 'pricingCurrency',
  'costInPricingCurrency', 'exchangeRate', 'paygCost', 'quantity', 'unitOfMeasure', 'unitPrice', 'payGPrice', 'meterCategory',
  'meterName', 'meterId', 'productName', 'productId', 'resourceId', 'resourceName', 'resourceType', 'resourceLocation',
  'availabilityZone', 'consumedService', 'chargeType', 'frequency', 'pricingModel', 'reservationId', 'reservationName',
  'benefitId', 'benefitName', 'tags', 'additionalInfo', 'publisherName', 'partnerName', 'invoiceId',
] as const satisfies readonly AzureField[];

const RESOURCE_CACHE_LIMIT = 50_000;

function isZero(decimal: string): boolean {
  return /^[+-]?0*\.?0*(?:[eE][+-]?\d+)?$/.test(decimal);
}

/** a × b exactly, or null when either is missing or not a number. */
function product(a: string, b: string | null): string | null {
  if (b === null) return null;
  const x = normaliseDecimalText(a);
  if (b === '1') return typeof x === 'string' ? x : null;
  const y = normaliseDecimalText(b);
  return typeof x === 'string' && typeof y === 'string' ? multiplyDecimals(x, y) : null;
}

export function azureMapper(header: readonly string[], context?: MapperContext): RecordMapper {
  const columns = new AzureColumns(header);
  const variant = azureVariant(columns);
  const localised = isLocalisedHeader(header);
  const mca = variant === 'azure-mca';
  const payg = variant === 'azure-payg';
  const account = mca && columns.has('billingProfileId')
    ? { id: columns.at('billingProfileId'), name: columns.at('billingProfileName'), type: 'Billing Profile' }
    : { id: columns.at('billingAccountId'), name: columns.at('billingAccountName'), type: payg ? 'Subscription' : 'Billing Account' };
  const at = (field: AzureField): number => columns.at(field);
  const P = Object.fromEntries(READ.map((f) => [f, at(f)])) as Record<(typeof READ)[number], number>;

  const used = new Set(COPIED.map(at).filter((p) => p >= 0));
  // The meter id is the SkuId where there is no product id (EA, pay-as-you-go).
  for (const p of [account.id, account.name, columns.has('productId') ? -1 : at('meterId')]) if (p >= 0) used.add(p);
  const extras = columns.names.map((name, index) => ({ name, index })).filter((e) => e.name !== '' && !used.has(e.index));
  const extrasWriter = new ExtrasWriter(extras);
  const extrasWithTags = new ExtrasWriter([...extras, { name: columns.nameOf('tags'), index: P.tags }]);

  const days = new AzureDays(context?.dates);
  const units = new UnitsOfMeasure();
  const regions = new AzureRegions();
  const services = new AzureServices();
  const meters = new AzureMeters();
  const tags = new AzureTags();
  const evidence = new CostViewEvidence();
  const charges = new Map<string, ChargeFacts>();
  const resourceTypes = new Map<string, string>();
  let invalidTags = 0;
  let tokenRows = 0;
  let gpuRows = 0;

  const text = (record: readonly string[], position: number): string => (position >= 0 ? (record[position] ?? '') : '');
  let decimalCommas = 0;
  const number = localised
    ? (t: string): string => {
        const plain = fromDecimalComma(t);
        if (plain !== t) decimalCommas++;
        return plain;
      }
    : (t: string): string => t;
  const frequencyOf = P.frequency >= 0 ? (record: readonly string[]) => chargeFrequency(text(record, P.frequency)) : () => chargeFrequency(null);

  function chargeOf(chargeType: string, pricingModel: string): ChargeFacts {
    const key = `${chargeType}\u0000${pricingModel}`;
    let facts = charges.get(key);
    if (!facts) {
      facts = chargeFacts(chargeType, pricingModel);
      charges.set(key, facts);
    }
    return facts;
  }

  /** resourceTypeOf, cached: a resource has a row a day. */
  function typeOfResource(resourceId: string): string {
    let type = resourceTypes.get(resourceId);
    if (type === undefined) {
      if (resourceTypes.size >= RESOURCE_CACHE_LIMIT) resourceTypes.clear();
      type = resourceTypeOf(resourceId) ?? '';
      resourceTypes.set(resourceId, type);
    }
    return type;
  }

  /** Price → billing currency: MCA prices are in the pricing currency. */
  function rateOf(record: readonly string[], currency: string): string | null {
    if (!mca) return '1';
    if (P.exchangeRate >= 0) {
      const rate = normaliseDecimalText(number(text(record, P.exchangeRate)));
      if (typeof rate === 'string') return rate;
    }
    return text(record, P.pricingCurrency).trim().toUpperCase() === currency.trim().toUpperCase() ? '1' : null;
  }

  return {
    extraColumns: extras.map((e) => e.name),
    map(record): CanonicalLine[] | string {
      const costText = number(text(record, P.cost));
      const cost = normaliseDecimalText(costText);
      if (cost === null) return `${columns.nameOf('cost')} is empty`;
      if (cost === undefined) return `${columns.nameOf('cost')} "${costText}" is not a number`;
      const dateText = text(record, P.date);
      const day = days.of(dateText);
      if (day === null) return `${columns.nameOf('date')} is empty`;
      if (day === undefined) return `${columns.nameOf('date')} "${dateText}" is not a date`;

      const pricingModel = text(record, P.pricingModel);
      const charge = chargeOf(text(record, P.chargeType), pricingModel);
      evidence.note(charge, isZero(cost));
      const usage = charge.category === 'Usage' && !charge.unused;
      const currency = text(record, P.currency);
      const values = emptyValues();

      values[OUT.provider] = 'Microsoft';
      values[OUT.publisher] = text(record, P.publisherName) || 'Microsoft';
      values[OUT.issuer] = text(record, P.partnerName) || 'Microsoft';
      const subscription = text(record, P.subscriptionId);
      values[OUT.accountId] = payg ? subscription : text(record, account.id);
      values[OUT.accountName] = text(record, account.name);
      values[OUT.accountType] = account.type;
      values[OUT.subId] = subscription;
      values[OUT.subName] = text(record, P.subscriptionName);
      values[OUT.subType] = 'Subscription';
      values[OUT.periodStart] = days.of(text(record, P.billingPeriodStart))?.start ?? null;
      values[OUT.periodEnd] = days.of(text(record, P.billingPeriodEnd))?.end ?? null;
      values[OUT.chargeStart] = day.start;
      values[OUT.chargeEnd] = day.end;
      values[OUT.category] = charge.category;
      values[OUT.chargeClass] = charge.chargeClass;
      const meterName = text(record, P.meterName);
      values[OUT.description] = text(record, P.productName) || meterName;
      values[OUT.frequency] = frequencyOf(record);

      const resourceId = text(record, P.resourceId);
      const resourceType = text(record, P.resourceType) || typeOfResource(resourceId);
      const meterCategory = text(record, P.meterCategory);
      const service = services.of(text(record, P.consumedService), resourceType, meterCategory);
      values[OUT.serviceName] = service.name;
      values[OUT.serviceCategory] = service.category;
      values[OUT.serviceSubcategory] = service.subcategory;
      const location = text(record, P.resourceLocation);
      values[OUT.regionId] = regions.idOf(location);
      values[OUT.regionName] = location;
      values[OUT.zone] = text(record, P.availabilityZone);
      values[OUT.resourceId] = resourceId;
      values[OUT.resourceName] = text(record, P.resourceName) || resourceNameOf(resourceId);
      values[OUT.resourceType] = resourceType;
      values[OUT.skuId] = text(record, P.productId) || text(record, P.meterId);
      values[OUT.skuMeter] = meterName;
      values[OUT.pricingCategory] = charge.pricingCategory;

      const quantity = number(text(record, P.quantity));
      const unit = units.of(text(record, P.unitOfMeasure));
      values[OUT.pricingQuantity] = quantity;
      values[OUT.pricingUnit] = unit?.pricingUnit ?? null;
      const consumed = usage && unit ? product(quantity, unit.block) : null;
      if (consumed !== null && unit) {
        values[OUT.consumedQuantity] = consumed;
        values[OUT.consumedUnit] = unit.unit;
      }

      values[OUT.billed] = charge.billedIsZero ? '0' : cost;
      values[OUT.effective] = charge.effectiveIsZero ? '0' : cost;
      values[OUT.currency] = currency;
      const rate = rateOf(record, currency);
      const unitPrice = P.unitPrice >= 0 ? product(number(text(record, P.unitPrice)), rate) : null;
      const payGPrice = P.payGPrice >= 0 ? product(number(text(record, P.payGPrice)), rate) : null;
      values[OUT.contractedUnitPrice] = unitPrice;
      values[OUT.listUnitPrice] = payGPrice;
      // Usage-only schemas price at the negotiated rate and carry no unit price: the cost is the contracted cost.
      values[OUT.contracted] = P.unitPrice >= 0 ? product(quantity, unitPrice) : cost;
      values[OUT.list] = P.paygCost >= 0 ? number(text(record, P.paygCost)) : product(quantity, payGPrice);
      values[OUT.pricingCurrency] = text(record, P.pricingCurrency);
      values[OUT.pricingCurrencyEffective] = charge.effectiveIsZero ? '0' : number(text(record, P.costInPricingCurrency));

      const benefitId = text(record, P.benefitId);
      const commitmentId = benefitId || text(record, P.reservationId);
      if (commitmentId !== '' || charge.commitmentUsage) {
        const kind = commitmentKind(benefitId, pricingModel);
        values[OUT.commitmentId] = commitmentId;
        values[OUT.commitmentName] = text(record, P.benefitName) || text(record, P.reservationName);
        values[OUT.commitmentType] = kind?.type ?? null;
        values[OUT.commitmentCategory] = kind?.category ?? null;
        values[OUT.commitmentStatus] = charge.commitmentStatus;
      }

      const tagText = text(record, P.tags);
      if (!isNullToken(tagText)) {
        const tagJson = tags.normalise(tagText);
        if (tagJson === undefined) invalidTags++;
        else values[OUT.tags] = tagJson;
      }
      values[OUT.invoiceId] = text(record, P.invoiceId);

      const meter = meters.of(meterName, meterCategory);
      if (meter.tokens) {
        tokenRows++;
        values[OUT.model] = meter.tokens.model;
        values[OUT.tokenType] = meter.tokens.tokenType;
        values[OUT.workload] = meter.tokens.workload;
        values[OUT.tokens] = consumed;
      } else if (usage && unit?.unit === 'Hours' && consumed !== null) {
        const gpus = meters.gpusOf(meter, text(record, P.additionalInfo));
        if (gpus > 0) {
          gpuRows++;
          values[OUT.gpuHours] = gpuHoursText(Number(consumed), gpus);
        }
      }

      // Unreadable tags stay with the row, as text among the extras.
      const writer = values[OUT.tags] === null && !isNullToken(tagText) ? extrasWithTags : extrasWriter;
      return [{ values, extras: writer.write(record) }];
    },
    warnings(): string[] {
      const warnings: string[] = [];
      if (localised) warnings.push('Localised column names were read by their English field names (the name in parentheses, or the German label).');
      if (decimalCommas > 0) warnings.push(`${decimalCommas} number(s) written with a decimal comma were read as decimals.`);
      warnings.push(...evidence.warnings());
      if (invalidTags > 0) warnings.push(`${invalidTags} row(s) have Tags that are not a JSON object; their tags are kept as text in the extra columns.`);
      if (tokenRows > 0) warnings.push(`${tokenRows} token meter row(s): x_Model and x_TokenType are read from the meter name, x_Tokens = Quantity × the UnitOfMeasure block (1K = 1,000 tokens).`);
      if (gpuRows > 0) warnings.push(`${gpuRows} GPU VM row(s): x_GpuHours = VM hours × GPUs of the VM size.`);
      if (!columns.has('billingPeriodStart')) warnings.push('This schema has no billing period columns: BillingPeriodStart/End are left empty.');
      if (payg) warnings.push('Pay-as-you-go usage file: the subscription is its own billing account (BillingAccountId = SubscriptionGuid).');
      return warnings;
    },
  };
}
