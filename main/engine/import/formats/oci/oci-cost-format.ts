/**
 * Oracle Cloud Infrastructure cost reports (the proprietary CSV OCI writes to Object Storage every
 * six hours), by the columns of Oracle's "Cost Reports" schema: lineItem/referenceNo,
 * lineItem/tenantId, lineItem/intervalUsageStart/End, product/service, product/compartmentId/Name,
 * product/region, product/availabilityDomain, product/resourceId, usage/billedQuantity,
 * cost/productSku, product/Description, cost/unitPrice, cost/myCost, cost/currencyCode,
 * cost/billingUnitReadable, cost/skuUnitDescription, lineItem/isCorrection,
 * lineItem/backreferenceNo and one `tags/<namespace>.<key>` column per tag.
 *
 * cost/myCost is the line's cost at the customer's price, overage included (Oracle: "billedQuantity,
 * myCost, and unitPrice are inclusive of Overage numbers"), so it is both BilledCost and
 * EffectiveCost: the report carries no amortisation. OCI's FOCUS report is imported as FOCUS.
 */
import { isNullToken } from '../../values.js';
import { columnPosition, emptyValues, extrasOf, HeaderIndex } from '../canonical-line.js';
import type { FormatAdapter, FormatMatch, RecordMapper } from '../format-adapter.js';
import { ociServiceCategory } from './oci-service-category.js';

const SIGNATURE = [
  'lineItem/referenceNo', 'lineItem/tenantId', 'lineItem/intervalUsageStart', 'lineItem/intervalUsageEnd', 'product/service',
  'product/compartmentId', 'product/compartmentName', 'product/region', 'usage/billedQuantity', 'cost/productSku',
  'cost/myCost', 'cost/currencyCode',
];
/** Columns only OCI reports have; AWS CURs share product/region. */
const OCI_ONLY = ['lineItem/referenceNo', 'lineItem/tenantId', 'lineItem/intervalUsageStart', 'cost/myCost'];
const REQUIRED = ['lineItem/intervalUsageStart', 'cost/myCost', 'cost/currencyCode'];
const MIN_SIGNATURE = 3;

const PROVIDER = 'Oracle';
const GPU_HOURS = /gpu\s*per\s*hour/i;
const TRUE = new Set(['true', 't', 'y', 'yes', '1']);

const FIELDS = {
  start: ['lineItem/intervalUsageStart'],
  end: ['lineItem/intervalUsageEnd'],
  tenant: ['lineItem/tenantId'],
  tenantName: ['lineItem/tenantName'],
  service: ['product/service'],
  compartmentId: ['product/compartmentId'],
  compartmentName: ['product/compartmentName'],
  region: ['product/region'],
  domain: ['product/availabilityDomain'],
  resourceId: ['product/resourceId'],
  quantity: ['usage/billedQuantity'],
  consumed: ['usage/consumedQuantity'],
  consumedUnit: ['usage/consumedQuantityUnits'],
  sku: ['cost/productSku'],
  description: ['product/Description'],
  unitPrice: ['cost/unitPrice'],
  cost: ['cost/myCost'],
  currency: ['cost/currencyCode'],
  unit: ['cost/billingUnitReadable', 'cost/skuUnitDescription'],
  skuUnit: ['cost/skuUnitDescription'],
  correction: ['lineItem/isCorrection'],
} satisfies Record<string, string[]>;
type Field = keyof typeof FIELDS;

const P = {
  provider: columnPosition('ProviderName'),
  publisher: columnPosition('PublisherName'),
  invoiceIssuer: columnPosition('InvoiceIssuerName'),
  billingAccountId: columnPosition('BillingAccountId'),
  billingAccountName: columnPosition('BillingAccountName'),
  subAccountId: columnPosition('SubAccountId'),
  subAccountName: columnPosition('SubAccountName'),
  chargePeriodStart: columnPosition('ChargePeriodStart'),
  chargePeriodEnd: columnPosition('ChargePeriodEnd'),
  chargeCategory: columnPosition('ChargeCategory'),
  chargeClass: columnPosition('ChargeClass'),
  chargeFrequency: columnPosition('ChargeFrequency'),
  chargeDescription: columnPosition('ChargeDescription'),
  serviceName: columnPosition('ServiceName'),
  serviceCategory: columnPosition('ServiceCategory'),
  regionId: columnPosition('RegionId'),
  zone: columnPosition('AvailabilityZone'),
  resourceId: columnPosition('ResourceId'),
  skuId: columnPosition('SkuId'),
  pricingQuantity: columnPosition('PricingQuantity'),
  pricingUnit: columnPosition('PricingUnit'),
  consumedQuantity: columnPosition('ConsumedQuantity'),
  consumedUnit: columnPosition('ConsumedUnit'),
  contractedUnitPrice: columnPosition('ContractedUnitPrice'),
  billed: columnPosition('BilledCost'),
  effective: columnPosition('EffectiveCost'),
  contracted: columnPosition('ContractedCost'),
  currency: columnPosition('BillingCurrency'),
  tags: columnPosition('Tags'),
  gpuHours: columnPosition('x_GpuHours'),
};

class OciCostMapper implements RecordMapper {
  readonly extraColumns: readonly string[];
  private readonly at: Record<Field, number>;
  private readonly tagColumns: Array<{ index: number; key: string }>;
  private readonly extras: Array<{ name: string; index: number }>;

  constructor(header: readonly string[]) {
    const index = new HeaderIndex(header);
    this.at = Object.fromEntries(Object.entries(FIELDS).map(([field, names]) => [field, index.indexOf(...names)])) as Record<Field, number>;
    this.tagColumns = index.names.flatMap((name, i) => (name.toLowerCase().startsWith('tags/') && name.length > 5 ? [{ index: i, key: name.slice(5).trim() }] : []));
    const used = new Set<number>([...Object.values(this.at).filter((i) => i >= 0), ...this.tagColumns.map((t) => t.index)]);
    this.extras = index.names.map((name, i) => ({ name, index: i })).filter((e) => e.name !== '' && !used.has(e.index));
    this.extraColumns = this.extras.map((e) => e.name);
  }

  map(record: readonly string[]): ReturnType<RecordMapper['map']> {
    const cell = (field: Field): string => {
      const i = this.at[field];
      const text = i >= 0 ? (record[i] ?? '').trim() : '';
      return isNullToken(text) ? '' : text;
    };
    const values = emptyValues();
    const set = (position: number, text: string): void => {
      if (text !== '') values[position] = text;
    };
    set(P.provider, PROVIDER);
    set(P.publisher, PROVIDER);
    set(P.invoiceIssuer, PROVIDER);
    set(P.billingAccountId, cell('tenant'));
    set(P.billingAccountName, cell('tenantName'));
    set(P.subAccountId, cell('compartmentId'));
    set(P.subAccountName, cell('compartmentName'));
    set(P.chargePeriodStart, cell('start'));
    set(P.chargePeriodEnd, cell('end'));
    set(P.chargeCategory, 'Usage');
    set(P.chargeFrequency, 'Usage-Based');
    // A correction row restates an earlier line (its referenceNo is in lineItem/backreferenceNo).
    if (TRUE.has(cell('correction').toLowerCase())) set(P.chargeClass, 'Correction');
    set(P.chargeDescription, cell('description'));
    const service = cell('service');
    set(P.serviceName, service);
    set(P.serviceCategory, ociServiceCategory(service));
    set(P.regionId, cell('region'));
    set(P.zone, cell('domain'));
    set(P.resourceId, cell('resourceId'));
    set(P.skuId, cell('sku'));
    const quantity = cell('quantity');
    set(P.pricingQuantity, quantity);
    set(P.pricingUnit, cell('unit'));
    set(P.consumedQuantity, cell('consumed') || quantity);
    set(P.consumedUnit, cell('consumedUnit') || cell('unit'));
    set(P.contractedUnitPrice, cell('unitPrice'));
    const cost = cell('cost');
    set(P.billed, cost);
    set(P.effective, cost);
    set(P.contracted, cost);
    set(P.currency, cell('currency'));
    set(P.tags, this.tagsOf(record));
    // GPU shapes are priced per GPU hour, so their billed quantity is GPU hours.
    if (GPU_HOURS.test(cell('skuUnit'))) set(P.gpuHours, quantity);
    return [{ values, extras: extrasOf(record, this.extras, isNullToken) }];
  }

  private tagsOf(record: readonly string[]): string {
    let tags: Record<string, string> | null = null;
    for (const { index, key } of this.tagColumns) {
      const value = record[index];
      if (value === undefined || isNullToken(value)) continue;
      tags ??= {};
      tags[key] = value;
    }
    return tags ? JSON.stringify(tags) : '';
  }
}

export const ociCostFormat: FormatAdapter = {
  name: 'Oracle Cloud cost report',
  family: 'oci',
  detect(header): FormatMatch | null {
    const index = new HeaderIndex(header);
    const found = index.count(SIGNATURE);
    if (found < MIN_SIGNATURE || index.count(OCI_ONLY) === 0) return null;
    return { format: 'oci-cost-report', score: found / SIGNATURE.length, missing: REQUIRED.filter((name) => !index.has(name)) };
  },
  mapper(header): RecordMapper {
    return new OciCostMapper(header);
  },
};
