/**
 * One CUR record → one canonical cost line. Column positions are found once per file (AwsHeader);
 * `map` only reads cells. Billed = lineItem/UnblendedCost (passed through as the file's text);
 * effective = the amortised cost of aws-effective-cost.ts.
 */
import { isNullToken } from '../../values.js';
import { emptyValues, extrasOf } from '../canonical-line.js';
import { AT } from '../line-columns.js';
import { multiplyDecimals, shiftDecimal } from '../decimal-text.js';
import type { CanonicalLine, RecordMapper } from '../format-adapter.js';
import { bedrockLine, isBedrock } from './aws-bedrock.js';
import type { AwsHeader } from './aws-columns.js';
import { CellError, EffectiveCost } from './aws-effective-cost.js';
import { gpusOf, instanceTypeOf, isHourUnit } from './aws-gpu.js';
import { lineTypeOf, PLAIN_USAGE, type LineType } from './aws-line-types.js';
import { MapTextCache, type MapEntries } from './aws-map-text.js';
import { locationOfRegion, regionOfLocation, regionOfZone } from './aws-regions.js';
import { awsServiceCategory } from './aws-service-category.js';
import { AwsTagCollector } from './aws-tags.js';


/** Snake_case names of the columns read, by what they are. Alternatives in order of preference. */
const FIELDS = {
  lineItemId: ['identity_line_item_id'],
  timeInterval: ['identity_time_interval'],
  invoiceId: ['bill_invoice_id'],
  billingEntity: ['bill_billing_entity'],
  invoicingEntity: ['bill_invoicing_entity'],
  payer: ['bill_payer_account_id'],
  payerName: ['bill_payer_account_name'],
  periodStart: ['bill_billing_period_start_date'],
  periodEnd: ['bill_billing_period_end_date'],
  usageAccount: ['line_item_usage_account_id'],
  usageAccountName: ['line_item_usage_account_name'],
  lineType: ['line_item_line_item_type'],
  usageStart: ['line_item_usage_start_date'],
  usageEnd: ['line_item_usage_end_date'],
  productCode: ['line_item_product_code'],
  usageType: ['line_item_usage_type', 'product_usagetype'],
  zone: ['line_item_availability_zone'],
  resourceId: ['line_item_resource_id'],
  usageAmount: ['line_item_usage_amount'],
  currency: ['line_item_currency_code'],
  unblended: ['line_item_unblended_cost'],
  netUnblended: ['line_item_net_unblended_cost'],
  description: ['line_item_line_item_description'],
  productName: ['product_product_name'],
  serviceName: ['product_servicename'],
  serviceCode: ['product_servicecode'],
  region: ['product_region_code', 'product_region'],
  location: ['product_location'],
  instanceType: ['product_instance_type'],
  model: ['product_model'],
  sku: ['product_sku'],
  unit: ['pricing_unit'],
  term: ['pricing_term'],
  listCost: ['pricing_public_on_demand_cost'],
  listRate: ['pricing_public_on_demand_rate'],
  rateCode: ['pricing_rate_code', 'pricing_rate_id'],
  riArn: ['reservation_reservation_a_r_n', 'reservation_reservation_arn'],
  spArn: ['savings_plan_savings_plan_a_r_n', 'savings_plan_savings_plan_arn'],
} satisfies Record<string, string[]>;

type Field = keyof typeof FIELDS;

/** Keys of the CUR 2.0 `product` map for attributes that have no flat column there. */
const PRODUCT_MAP_KEYS: Partial<Record<Field, string[]>> = {
  productName: ['product_name', 'productName'],
  serviceName: ['servicename', 'serviceName'],
  region: ['region_code', 'regionCode', 'region'],
  location: ['location'],
  instanceType: ['instance_type', 'instanceType'],
  model: ['model'],
};

const SPOT = /spot/i;
const TRAILING_ZEROS = /\.?0+$/;

export class AwsCurMapper implements RecordMapper {
  readonly extraColumns: readonly string[];
  private readonly at: Record<Field, number>;
  private readonly extras: Array<{ name: string; index: number }>;
  private readonly tags: AwsTagCollector;
  private readonly effective: EffectiveCost;
  private readonly productMap: number;
  private readonly productMaps = new MapTextCache();
  private readonly unknownTypes = new Map<string, number>();
  private readonly unreadableMaps = new Map<string, number>();
  private readonly assumedTokenUnits = new Map<string, number>();

  constructor(header: AwsHeader) {
    this.at = Object.fromEntries(Object.entries(FIELDS).map(([field, names]) => [field, header.field(...names)])) as Record<Field, number>;
    this.tags = new AwsTagCollector(header);
    this.effective = new EffectiveCost(header);
    this.productMap = header.map('product');
    const used = new Set<number>([...Object.values(this.at).filter((i) => i >= 0), ...this.tags.usedColumns]);
    this.extras = header.names.map((name, index) => ({ name, index })).filter((e) => e.name !== '' && !used.has(e.index));
    this.extraColumns = this.extras.map((e) => e.name);
  }

  map(record: readonly string[]): CanonicalLine[] | string {
    const cell = (field: Field): string => {
      const index = this.at[field];
      const text = index >= 0 ? (record[index] ?? '').trim() : '';
      return isNullToken(text) ? '' : text;
    };
    let productEntries: MapEntries | null | undefined;
    /** A product attribute: its flat column, else the CUR 2.0 `product` map. */
    const product = (field: Field): string => {
      const flat = cell(field);
      if (flat !== '' || this.productMap < 0) return flat;
      productEntries ??= this.productMaps.parse(record[this.productMap] ?? '');
      for (const key of PRODUCT_MAP_KEYS[field] ?? []) {
        const value = productEntries?.[key];
        if (value !== undefined && value.trim() !== '') return value.trim();
      }
      return '';
    };

    const typeName = cell('lineType');
    const { type, known } = this.at.lineType >= 0 ? lineTypeOf(typeName) : { type: PLAIN_USAGE, known: true };
    if (!known) this.unknownTypes.set(typeName, (this.unknownTypes.get(typeName) ?? 0) + 1);
    const unblended = cell('unblended');
    const effective = this.effective.of(type.effective, record, unblended, typeName);
    if (effective instanceof CellError) return effective.reason;

    const values = emptyValues();
    const set = (position: number, text: string): void => {
      if (text !== '') values[position] = text;
    };
    set(AT.provider, 'AWS');
    set(AT.publisher, cell('billingEntity') || 'AWS');
    set(AT.issuer, cell('invoicingEntity') || 'AWS');
    set(AT.invoiceId, cell('invoiceId'));
    set(AT.billingAccountId, cell('payer'));
    set(AT.billingAccountName, cell('payerName'));
    set(AT.subAccountId, cell('usageAccount'));
    set(AT.subAccountName, cell('usageAccountName'));
    set(AT.billingPeriodStart, cell('periodStart'));
    set(AT.billingPeriodEnd, cell('periodEnd'));
    const interval = cell('timeInterval');
    const slash = interval.indexOf('/');
    set(AT.chargeStart, cell('usageStart') || (slash > 0 ? interval.slice(0, slash) : ''));
    set(AT.chargeEnd, cell('usageEnd') || (slash > 0 ? interval.slice(slash + 1) : ''));
    set(AT.chargeCategory, type.category);
    set(AT.chargeFrequency, type.frequency ?? '');
    set(AT.chargeDescription, cell('description'));

    const productCode = cell('productCode');
    const serviceCode = cell('serviceCode');
    set(AT.serviceName, product('productName') || product('serviceName') || productCode || serviceCode);
    const category = awsServiceCategory(productCode, serviceCode);
    // Marketplace models on Bedrock have a product code of their own, unknown to the table.
    set(AT.serviceCategory, category === 'Other' && isBedrock(productCode, product('productName')) ? 'AI and Machine Learning' : category);
    this.setRegion(set, product('region'), product('location'), cell('zone'));
    set(AT.zone, cell('zone'));
    set(AT.resourceId, cell('resourceId'));
    set(AT.skuId, cell('sku'));
    set(AT.skuPriceId, cell('rateCode'));

    const usageType = cell('usageType');
    const unit = cell('unit');
    const amount = cell('usageAmount');
    set(AT.pricingUnit, unit);
    set(AT.pricingQuantity, amount);
    // A negation line repeats the covered usage's amount: consumed once is enough.
    if (type.category === 'Usage' && type.effective !== 'zero') {
      set(AT.consumedQuantity, amount);
      set(AT.consumedUnit, unit);
    }
    if (type.category === 'Usage') set(AT.pricingCategory, pricingCategoryOf(type, cell('term'), usageType));
    set(AT.billed, unblended);
    set(AT.effective, effective);
    set(AT.list, cell('listCost'));
    set(AT.listUnitPrice, cell('listRate'));
    set(AT.contracted, cell('netUnblended') || unblended);
    set(AT.currency, cell('currency'));
    this.setCommitment(set, type, cell('spArn'), cell('riArn'));

    let unreadable: Record<string, string> | null = null;
    const tags = this.tags.tagsOf(record, (name, text) => {
      this.unreadableMaps.set(name, (this.unreadableMaps.get(name) ?? 0) + 1);
      unreadable ??= {};
      unreadable[name] = text;
    });
    set(AT.tags, tags ?? '');

    // Only usage that is consumed carries tokens and GPU hours; a negation line would count them twice.
    if (type.category === 'Usage' && type.effective !== 'zero' && amount !== '') {
      this.setAi(set, { productCode, productName: product('productName'), productModel: product('model'), usageType, unit, amount });
      this.setGpuHours(set, product('instanceType'), usageType, unit, amount, productCode);
    }
    return [{ values, extras: this.extrasOf(record, unreadable) }];
  }

  warnings(): string[] {
    const warnings: string[] = [];
    if (this.at.lineType < 0) warnings.push('The file has no line item type column: every line is taken as usage at its unblended cost.');
    for (const [type, count] of this.unknownTypes) {
      warnings.push(`${lines(count)} of type "${type}" (not a line item type AWS documents) ${count === 1 ? 'is an Adjustment' : 'are Adjustments'} at the unblended cost.`);
    }
    for (const [type, count] of this.effective.fallbacks) {
      warnings.push(`${lines(count, type)} ${count === 1 ? 'keeps its' : 'keep their'} unblended cost as effective cost: the file lacks the savings plan or reservation columns AWS amortises them with.`);
    }
    for (const [unit, count] of this.assumedTokenUnits) {
      warnings.push(`${lines(count, 'Amazon Bedrock token')} with the unit "${unit}", which does not say how many tokens a unit is: one unit was taken as one token.`);
    }
    for (const [name, count] of this.unreadableMaps) {
      warnings.push(`${count} ${name} ${count === 1 ? 'cell is' : 'cells are'} not a map Cost Council can read; the text is kept with the line's extra columns.`);
    }
    return warnings;
  }

  private setRegion(set: (p: number, t: string) => void, region: string, location: string, zone: string): void {
    const code = region || regionOfLocation(location) || regionOfZone(zone) || '';
    set(AT.regionId, code);
    set(AT.regionName, location || (code ? (locationOfRegion(code) ?? '') : ''));
  }

  private setCommitment(set: (p: number, t: string) => void, type: LineType, spArn: string, riArn: string): void {
    const savingsPlan = type.commitment === 'savings-plan' && spArn !== '';
    const reservation = (type.commitment === 'reservation' || type.commitment === 'reservation-if-arn') && riArn !== '';
    if (!savingsPlan && !reservation) return;
    set(AT.commitmentId, savingsPlan ? spArn : riArn);
    set(AT.commitmentType, savingsPlan ? 'Savings Plan' : 'Reserved Instance');
    set(AT.commitmentCategory, savingsPlan ? 'Spend' : 'Usage');
    if (type.covered) set(AT.commitmentStatus, 'Used');
  }

  private setAi(set: (p: number, t: string) => void, fields: { productCode: string; productName: string; productModel: string; usageType: string; unit: string; amount: string }): void {
    const bedrock = bedrockLine(fields);
    if (!bedrock) return;
    set(AT.model, bedrock.model ?? '');
    set(AT.tokenType, bedrock.tokenType);
    set(AT.workload, bedrock.workload);
    try {
      set(AT.tokens, withoutTrailingZeros(shiftDecimal(fields.amount, bedrock.tokenPower)));
    } catch {
      return; // not a number: the usage amount is kept as PricingQuantity and rejected there
    }
    if (!bedrock.unitKnown) this.assumedTokenUnits.set(fields.unit, (this.assumedTokenUnits.get(fields.unit) ?? 0) + 1);
  }

  private setGpuHours(set: (p: number, t: string) => void, productInstanceType: string, usageType: string, unit: string, amount: string, productCode: string): void {
    if (!isHourUnit(unit)) return;
    const gpus = gpusOf(instanceTypeOf(productInstanceType, usageType));
    if (gpus === 0) return;
    try {
      set(AT.gpuHours, multiplyDecimals(amount, String(gpus)));
    } catch {
      return;
    }
    if (productCode.toLowerCase() === 'amazonsagemaker') {
      const lower = usageType.toLowerCase();
      set(AT.workload, lower.includes('train') ? 'training' : lower.includes('host') || lower.includes('inference') || lower.includes('transform') ? 'inference' : '');
    }
  }

  private extrasOf(record: readonly string[], unreadable: Record<string, string> | null): string | null {
    const text = extrasOf(record, this.extras, isNullToken);
    if (!unreadable) return text;
    return JSON.stringify({ ...(text ? (JSON.parse(text) as Record<string, string>) : {}), ...unreadable });
  }
}

function lines(count: number, kind = ''): string {
  return `${count} ${kind ? `${kind} ` : ''}line${count === 1 ? '' : 's'}`;
}

/** "1250500.0" → "1250500": exact, without the zeros a shifted decimal keeps. */
function withoutTrailingZeros(text: string): string {
  return text.includes('.') ? text.replace(TRAILING_ZEROS, '') : text;
}

/** FOCUS 1.1+ pricing categories: covered usage is Committed, Spot is Dynamic, on-demand is Standard. */
function pricingCategoryOf(type: LineType, term: string, usageType: string): string {
  if (type.covered || term.toLowerCase() === 'reserved') return 'Committed';
  if (term.toLowerCase() === 'spot' || SPOT.test(usageType)) return 'Dynamic';
  if (term.toLowerCase() === 'ondemand' || term.toLowerCase() === 'on demand') return 'Standard';
  return '';
}
