import { describe, expect, it } from 'vitest';
import { detectGcp } from './gcp-format.js';

const DOT_PATHS = ['billing_account_id', 'service.id', 'service.description', 'sku.id', 'sku.description', 'usage_start_time', 'usage_end_time', 'project.id', 'cost', 'currency', 'usage.amount', 'usage.unit', 'credits', 'invoice.month', 'cost_type', 'location.region'];

describe('detectGcp', () => {
  it('claims dot-path and underscore-flattened exports alike', () => {
    expect(detectGcp(DOT_PATHS)).toEqual({ format: 'gcp-billing-export', score: 1, missing: [] });
    expect(detectGcp(DOT_PATHS.map((c) => c.replaceAll('.', '_')))).toEqual({ format: 'gcp-billing-export', score: 1, missing: [] });
  });

  it('names the required columns a near match lacks', () => {
    expect(detectGcp(DOT_PATHS.filter((c) => c !== 'currency' && c !== 'usage_start_time'))?.missing).toEqual(['usage_start_time', 'currency']);
  });

  it('does not claim other files', () => {
    expect(detectGcp(['SubscriptionId', 'Date', 'MeterCategory', 'CostInBillingCurrency', 'BillingCurrency'])).toBeNull();
    expect(detectGcp(['BilledCost', 'EffectiveCost', 'ServiceName', 'ChargePeriodStart', 'BillingCurrency'])).toBeNull();
    expect(detectGcp(['cost', 'currency', 'usage_start_time'])).toBeNull();
  });
});
