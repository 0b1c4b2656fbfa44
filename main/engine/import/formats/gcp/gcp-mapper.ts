/**
 * One Google Cloud billing export row → its usage (or tax/adjustment) line plus one Credit line per
 * credit. The row's `cost` is before credits (BilledCost = EffectiveCost = cost, ContractedCost =
 * cost since it is priced at the account's contract rates); each credit becomes a line on the same
 * day, project, service and SKU with BilledCost = EffectiveCost = the credit's (negative) amount,
 * so totals per file are cost + credits, as invoiced. Tags: see gcp-labels.ts.
 */
import { columnPosition, emptyValues, extrasOf } from '../canonical-line.js';
import type { CanonicalLine, RecordMapper } from '../format-adapter.js';
import { isNullToken, normaliseDecimalText } from '../../values.js';
import { commitmentCategoryOf, parseCredits, type Credit } from './gcp-credits.js';
import { GcpColumns, type GcpField } from './gcp-fields.js';
import { InvoiceMonths } from './gcp-invoice-month.js';
import { LabelCells, mergedTags } from './gcp-labels.js';
import { GcpServices } from './gcp-services.js';
import { GcpSkus, type SkuFacts } from './gcp-sku.js';
import { gpuHoursOf, tokensOf } from './gcp-usage.js';

const OUT = {
  provider: columnPosition('ProviderName'), publisher: columnPosition('PublisherName'), issuer: columnPosition('InvoiceIssuerName'),
  accountId: columnPosition('BillingAccountId'), accountType: columnPosition('BillingAccountType'),
  subId: columnPosition('SubAccountId'), subName: columnPosition('SubAccountName'), subType: columnPosition('SubAccountType'),
  periodStart: columnPosition('BillingPeriodStart'), periodEnd: columnPosition('BillingPeriodEnd'),
  chargeStart: columnPosition('ChargePeriodStart'), chargeEnd: columnPosition('ChargePeriodEnd'),
  category: columnPosition('ChargeCategory'), description: columnPosition('ChargeDescription'), frequency: columnPosition('ChargeFrequency'),
  serviceCategory: columnPosition('ServiceCategory'), serviceName: columnPosition('ServiceName'),
  regionId: columnPosition('RegionId'), regionName: columnPosition('RegionName'), zone: columnPosition('AvailabilityZone'),
  resourceId: columnPosition('ResourceId'), resourceName: columnPosition('ResourceName'),
  skuId: columnPosition('SkuId'), pricingCategory: columnPosition('PricingCategory'),
  pricingUnit: columnPosition('PricingUnit'), pricingQuantity: columnPosition('PricingQuantity'),
  consumedQuantity: columnPosition('ConsumedQuantity'), consumedUnit: columnPosition('ConsumedUnit'),
  billed: columnPosition('BilledCost'), effective: columnPosition('EffectiveCost'), list: columnPosition('ListCost'),
  contracted: columnPosition('ContractedCost'), contractedUnitPrice: columnPosition('ContractedUnitPrice'), currency: columnPosition('BillingCurrency'),
  commitmentId: columnPosition('CommitmentDiscountId'), commitmentName: columnPosition('CommitmentDiscountName'),
  commitmentType: columnPosition('CommitmentDiscountType'), commitmentCategory: columnPosition('CommitmentDiscountCategory'),
  commitmentStatus: columnPosition('CommitmentDiscountStatus'), tags: columnPosition('Tags'),
  model: columnPosition('x_Model'), tokenType: columnPosition('x_TokenType'), tokens: columnPosition('x_Tokens'),
  gpuHours: columnPosition('x_GpuHours'), workload: columnPosition('x_Workload'),
};

/** Columns whose text lands unchanged (or merged, for labels) in the FOCUS line; the rest are extras. */
const CONSUMED: readonly GcpField[] = [
  'billingAccountId', 'serviceDescription', 'skuId', 'skuDescription', 'usageStart', 'usageEnd', 'projectId', 'projectName',
  'projectLabels', 'labels', 'tags', 'region', 'zone', 'cost', 'currency', 'usageAmount', 'usageUnit', 'pricingAmount',
  'pricingUnit', 'credits', 'invoiceMonth', 'resourceName', 'resourceGlobalName', 'costAtList', 'effectivePrice', 'sellerName',
];
/** Credit and quantity columns that a credit line does not repeat from its usage line. */
const NOT_ON_CREDITS = [
  OUT.list, OUT.contracted, OUT.contractedUnitPrice, OUT.pricingQuantity, OUT.consumedQuantity, OUT.tokens, OUT.gpuHours, OUT.tokenType,
];
const COMMITMENT_TYPE = 'Committed Use Discount';

function categoryOf(costType: string, sku: SkuFacts): string {
  switch (costType.trim().toLowerCase()) {
    case '':
    case 'regular':
      return sku.commitment ? 'Purchase' : 'Usage';
    case 'tax':
      return 'Tax';
    default: // adjustment, rounding_error
      return 'Adjustment';
  }
}

function creditExtras(credit: Credit): string {
  const extras: Record<string, string> = {};
  if (credit.id) extras['credit.id'] = credit.id;
  if (credit.type) extras['credit.type'] = credit.type;
  if (credit.fullName) extras['credit.full_name'] = credit.fullName;
  return JSON.stringify(extras);
}

export function gcpMapper(header: readonly string[]): RecordMapper {
  const columns = new GcpColumns(header);
  const at = (field: GcpField): number => columns.at(field);
  const used = new Set(CONSUMED.map(at).filter((p) => p >= 0));
  const extras = columns.names.map((name, index) => ({ name, index })).filter((e) => e.name !== '' && !used.has(e.index));
  const months = new InvoiceMonths();
  const labelCells = new LabelCells();
  const skus = new GcpSkus();
  const services = new GcpServices();
  let creditLines = 0;
  let unreadableLabels = 0;
  let projectLabelRows = 0;
  let tokenRows = 0;
  let gpuRows = 0;

  const text = (record: readonly string[], field: GcpField): string => {
    const position = at(field);
    return position >= 0 ? (record[position] ?? '') : '';
  };

  /** Pairs of a labels cell; an unreadable cell counts for the report and is kept as an extra. */
  function pairsOf(record: readonly string[], field: GcpField, unreadable: Array<{ name: string; index: number }>): Array<[string, string]> {
    const cell = text(record, field);
    if (isNullToken(cell)) return [];
    const pairs = labelCells.pairs(cell);
    if (pairs) return pairs;
    unreadable.push({ name: columns.nameOf(field), index: at(field) });
    return [];
  }

  return {
    extraColumns: extras.map((e) => e.name),
    map(record): CanonicalLine[] | string {
      const costText = text(record, 'cost');
      const cost = normaliseDecimalText(costText);
      if (cost === null) return `${columns.nameOf('cost')} is empty`;
      if (cost === undefined) return `${columns.nameOf('cost')} "${costText}" is not a number`;
      const credits = parseCredits(text(record, 'credits'));
      if (typeof credits === 'string') return credits;

      const skuDescription = text(record, 'skuDescription');
      const sku = skus.of(skuDescription);
      const values = emptyValues();
      values[OUT.provider] = 'Google Cloud';
      const seller = text(record, 'sellerName');
      values[OUT.publisher] = seller || 'Google Cloud';
      values[OUT.issuer] = 'Google Cloud';
      values[OUT.accountId] = text(record, 'billingAccountId');
      values[OUT.accountType] = 'Billing Account';
      values[OUT.subId] = text(record, 'projectId');
      values[OUT.subName] = text(record, 'projectName');
      values[OUT.subType] = 'Project';
      const period = months.of(text(record, 'invoiceMonth'));
      values[OUT.periodStart] = period?.start ?? null;
      values[OUT.periodEnd] = period?.end ?? null;
      values[OUT.chargeStart] = text(record, 'usageStart');
      values[OUT.chargeEnd] = text(record, 'usageEnd');
      const category = categoryOf(text(record, 'costType'), sku);
      values[OUT.category] = category;
      values[OUT.description] = skuDescription;
      values[OUT.frequency] = category === 'Usage' ? 'Usage-Based' : category === 'Purchase' ? 'Recurring' : null;
      const service = text(record, 'serviceDescription');
      values[OUT.serviceName] = service;
      values[OUT.serviceCategory] = services.categoryOf(service);
      const region = text(record, 'region') || text(record, 'location');
      values[OUT.regionId] = region;
      values[OUT.regionName] = region;
      values[OUT.zone] = text(record, 'zone');
      const resourceName = text(record, 'resourceName');
      values[OUT.resourceId] = text(record, 'resourceGlobalName') || resourceName;
      values[OUT.resourceName] = resourceName;
      values[OUT.skuId] = text(record, 'skuId');
      values[OUT.pricingCategory] = category === 'Usage' || category === 'Purchase' ? sku.pricingCategory : null;
      const amount = text(record, 'usageAmount');
      const unit = text(record, 'usageUnit');
      const pricingAmount = text(record, 'pricingAmount');
      const pricingUnit = text(record, 'pricingUnit');
      values[OUT.consumedQuantity] = amount;
      values[OUT.consumedUnit] = unit;
      values[OUT.pricingQuantity] = pricingAmount;
      values[OUT.pricingUnit] = pricingUnit;
      values[OUT.billed] = cost;
      values[OUT.effective] = cost;
      values[OUT.contracted] = cost;
      values[OUT.contractedUnitPrice] = text(record, 'effectivePrice');
      values[OUT.list] = text(record, 'costAtList');
      values[OUT.currency] = text(record, 'currency');
      if (sku.commitment) {
        values[OUT.commitmentType] = COMMITMENT_TYPE;
        values[OUT.commitmentCategory] = sku.commitment;
      }

      const unreadable: Array<{ name: string; index: number }> = [];
      const project = pairsOf(record, 'projectLabels', unreadable);
      if (project.length > 0) projectLabelRows++;
      values[OUT.tags] = mergedTags(project, pairsOf(record, 'tags', unreadable), pairsOf(record, 'labels', unreadable));
      if (unreadable.length > 0) unreadableLabels++;

      if (sku.model) {
        values[OUT.model] = sku.model;
        values[OUT.workload] = sku.workload;
        values[OUT.tokenType] = sku.tokenType;
        const tokens = sku.tokenType ? tokensOf(amount, unit) : null;
        if (tokens !== null) {
          values[OUT.tokens] = tokens;
          tokenRows++;
        }
      } else if (sku.gpu) {
        const hours = gpuHoursOf(amount, unit, pricingAmount, pricingUnit);
        if (hours !== null) {
          values[OUT.gpuHours] = hours;
          gpuRows++;
        }
      }

      const lines: CanonicalLine[] = [{ values, extras: extrasOf(record, unreadable.length > 0 ? [...extras, ...unreadable] : extras, isNullToken) }];
      for (const credit of credits) {
        const line = values.slice();
        for (const position of NOT_ON_CREDITS) line[position] = null;
        line[OUT.category] = 'Credit';
        line[OUT.description] = credit.name || credit.fullName || credit.type;
        line[OUT.billed] = credit.amount;
        line[OUT.effective] = credit.amount;
        const commitment = commitmentCategoryOf(credit.type);
        line[OUT.pricingCategory] = commitment ? 'Committed' : null;
        if (commitment) {
          line[OUT.commitmentId] = credit.id || null;
          line[OUT.commitmentName] = credit.fullName || credit.name || null;
          line[OUT.commitmentType] = COMMITMENT_TYPE;
          line[OUT.commitmentCategory] = commitment;
          line[OUT.commitmentStatus] = 'Used';
        }
        lines.push({ values: line, extras: creditExtras(credit) });
        creditLines++;
      }
      return lines;
    },
    warnings(): string[] {
      const warnings: string[] = [];
      if (creditLines > 0) warnings.push(`${creditLines} credit(s) imported as Credit lines of their own (BilledCost = EffectiveCost = the credit amount); usage lines keep the cost before credits.`);
      if (projectLabelRows > 0) warnings.push('Tags merge project labels, Resource Manager tags and resource labels; on the same key the resource label wins, then the tag, then the project label.');
      if (unreadableLabels > 0) warnings.push(`${unreadableLabels} row(s) have labels that could not be read; they are kept as text in the extra columns.`);
      if (tokenRows > 0) warnings.push(`${tokenRows} AI model row(s): x_Model and x_TokenType are read from the SKU description, x_Tokens from usage.amount (unit "count").`);
      if (gpuRows > 0) warnings.push(`${gpuRows} GPU row(s): x_GpuHours from the GPU-time usage of the SKU.`);
      if (!columns.has('invoiceMonth')) warnings.push('No invoice.month column: BillingPeriodStart/End are left empty.');
      return warnings;
    },
  };
}
