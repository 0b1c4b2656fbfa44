import { describe, expect, it } from 'vitest';
import { detectAzure } from './azure-variant.js';

const EA = ['BillingAccountId', 'SubscriptionId', 'Date', 'MeterCategory', 'MeterName', 'ConsumedService', 'Quantity', 'CostInBillingCurrency', 'BillingCurrencyCode', 'AccountOwnerId'];

describe('detectAzure', () => {
  it('tells the schema generations apart', () => {
    expect(detectAzure(EA)?.format).toBe('azure-ea');
    expect(detectAzure([...EA, 'PricingCurrency', 'ExchangeRatePricingToBilling'])?.format).toBe('azure-mca');
    expect(detectAzure(['SubscriptionGuid', 'UsageDateTime', 'MeterCategory', 'MeterId', 'PreTaxCost', 'ServiceTier', 'Currency'])?.format).toBe('azure-payg');
    expect(detectAzure(['DepartmentName', 'AccountName', 'SubscriptionGuid', 'UsageDateTime', 'MeterCategory', 'MeterId', 'PreTaxCost', 'Currency'])?.format).toBe('azure-legacy-v1');
    expect(detectAzure(['subscriptionGuid', 'usageDateTime', 'meterCategory', 'meterId', 'preTaxCost', 'currency'])?.format).toBe('azure-payg');
    // The Consumption API's "modern" usage details: SubscriptionGuid with MCA columns.
    expect(detectAzure(['subscriptionGuid', 'date', 'meterCategory', 'meterId', 'costInBillingCurrency', 'billingCurrencyCode', 'pricingCurrencyCode'])?.format).toBe('azure-mca');
  });

  it('names what a near match lacks', () => {
    expect(detectAzure(EA.filter((c) => c !== 'BillingCurrencyCode'))?.missing).toEqual(['BillingCurrency (or BillingCurrencyCode / Currency)']);
    expect(detectAzure(EA)?.missing).toEqual([]);
  });

  it('does not claim other providers\' files', () => {
    expect(detectAzure(['BillingAccountId', 'BilledCost', 'EffectiveCost', 'ServiceName', 'ChargePeriodStart'])).toBeNull();
    expect(detectAzure(['lineItem/UsageStartDate', 'lineItem/UnblendedCost', 'product/ProductName'])).toBeNull();
    expect(detectAzure(['billing_account_id', 'service.description', 'sku.description', 'cost', 'currency'])).toBeNull();
  });
});
