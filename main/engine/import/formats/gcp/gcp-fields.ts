/**
 * The columns of the Google Cloud Billing export to BigQuery (standard and detailed usage cost;
 * https://cloud.google.com/billing/docs/how-to/export-data-bigquery-tables), as they arrive
 * flattened: dot paths ("service.description") from JSON Lines and most CSV flatteners, or
 * underscores ("service_description") when flattened with SQL aliases. Matched without case.
 */

export const GCP_FIELDS = {
  billingAccountId: 'billing_account_id',
  serviceId: 'service.id',
  serviceDescription: 'service.description',
  skuId: 'sku.id',
  skuDescription: 'sku.description',
  usageStart: 'usage_start_time',
  usageEnd: 'usage_end_time',
  projectId: 'project.id',
  projectName: 'project.name',
  projectLabels: 'project.labels',
  labels: 'labels',
  tags: 'tags',
  systemLabels: 'system_labels',
  location: 'location.location',
  region: 'location.region',
  zone: 'location.zone',
  cost: 'cost',
  currency: 'currency',
  usageAmount: 'usage.amount',
  usageUnit: 'usage.unit',
  pricingAmount: 'usage.amount_in_pricing_units',
  pricingUnit: 'usage.pricing_unit',
  credits: 'credits',
  invoiceMonth: 'invoice.month',
  costType: 'cost_type',
  resourceName: 'resource.name',
  resourceGlobalName: 'resource.global_name',
  effectivePrice: 'price.effective_price',
  costAtList: 'cost_at_list',
  sellerName: 'seller_name',
  transactionType: 'transaction_type',
} as const;

export type GcpField = keyof typeof GCP_FIELDS;

const FIELDS = Object.keys(GCP_FIELDS) as GcpField[];

export class GcpColumns {
  readonly names: readonly string[];
  private readonly positions = new Map<GcpField, number>();

  constructor(header: readonly string[]) {
    this.names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
    const byName = new Map<string, number>();
    this.names.forEach((name, i) => {
      const key = name.toLowerCase();
      if (!byName.has(key)) byName.set(key, i);
    });
    for (const field of FIELDS) {
      const path = GCP_FIELDS[field];
      this.positions.set(field, byName.get(path) ?? byName.get(path.replaceAll('.', '_')) ?? -1);
    }
  }

  at(field: GcpField): number {
    return this.positions.get(field) ?? -1;
  }

  has(field: GcpField): boolean {
    return this.at(field) >= 0;
  }

  nameOf(field: GcpField): string {
    const position = this.at(field);
    return position >= 0 ? (this.names[position] ?? GCP_FIELDS[field]) : GCP_FIELDS[field];
  }
}
