import { describe, expect, it } from 'vitest';
import { chargeFacts, chargeFrequency, commitmentKind } from './azure-charge.js';

describe('chargeFacts (Microsoft\'s FOCUS conversion rules)', () => {
  it('usage at on-demand prices: both costs are the cost', () => {
    expect(chargeFacts('Usage', 'OnDemand')).toMatchObject({ category: 'Usage', pricingCategory: 'Standard', billedIsZero: false, effectiveIsZero: false, commitmentStatus: null });
  });

  it('usage covered by a reservation or savings plan: billed 0, status Used', () => {
    expect(chargeFacts('Usage', 'Reservation')).toMatchObject({ billedIsZero: true, effectiveIsZero: false, commitmentStatus: 'Used', pricingCategory: 'Committed' });
    expect(chargeFacts('Usage', 'Savings Plan')).toMatchObject({ billedIsZero: true, commitmentStatus: 'Used' });
  });

  it('commitment purchases and refunds: effective 0; a refund is a Purchase correction', () => {
    expect(chargeFacts('Purchase', 'Reservation')).toMatchObject({ category: 'Purchase', billedIsZero: false, effectiveIsZero: true, commitmentPurchase: true, commitmentStatus: null });
    expect(chargeFacts('Refund', 'SavingsPlan')).toMatchObject({ category: 'Purchase', chargeClass: 'Correction', effectiveIsZero: true });
    expect(chargeFacts('Purchase', 'OnDemand')).toMatchObject({ category: 'Purchase', effectiveIsZero: false });
  });

  it('unused commitment rows are Usage with status Unused, billed as in the file', () => {
    expect(chargeFacts('UnusedReservation', 'Reservation')).toMatchObject({ category: 'Usage', commitmentStatus: 'Unused', billedIsZero: false, effectiveIsZero: false, unused: true });
    expect(chargeFacts('UnusedSavingsPlan', 'SavingsPlan')).toMatchObject({ category: 'Usage', commitmentStatus: 'Unused' });
  });

  it('other charge types: Tax, Credit, Adjustment; no ChargeType means a usage-only file', () => {
    expect(chargeFacts('Tax', '').category).toBe('Tax');
    expect(chargeFacts('Credit', '').category).toBe('Credit');
    expect(chargeFacts('RoundingAdjustment', '').category).toBe('Adjustment');
    expect(chargeFacts('', '').category).toBe('Usage');
    expect(chargeFacts('', 'Spot').pricingCategory).toBe('Dynamic');
  });
});

describe('chargeFrequency and commitmentKind', () => {
  it('maps Frequency to FOCUS ChargeFrequency', () => {
    expect(chargeFrequency('OneTime')).toBe('One-Time');
    expect(chargeFrequency('Recurring')).toBe('Recurring');
    expect(chargeFrequency('UsageBased')).toBe('Usage-Based');
    expect(chargeFrequency('Sometimes')).toBe('Other');
    expect(chargeFrequency('')).toBeNull();
    expect(chargeFrequency(null)).toBe('Usage-Based');
  });

  it('reads the commitment kind from BenefitId, else from the pricing model', () => {
    expect(commitmentKind('/providers/Microsoft.Capacity/reservationOrders/x/reservations/y', '')).toEqual({ type: 'Reservation', category: 'Usage' });
    expect(commitmentKind('/providers/Microsoft.BillingBenefits/savingsPlanOrders/x/savingsPlans/y', '')).toEqual({ type: 'Savings Plan', category: 'Spend' });
    expect(commitmentKind('', 'SavingsPlan')).toEqual({ type: 'Savings Plan', category: 'Spend' });
    expect(commitmentKind('', 'OnDemand')).toBeNull();
  });
});
