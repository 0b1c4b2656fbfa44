/**
 * ChargeType, PricingModel, Frequency and BenefitId → the FOCUS charge and commitment columns, by
 * Microsoft's documented conversion of Cost Management data to FOCUS (microsoft/finops-toolkit,
 * docs-mslearn/focus/convert.md, MIT):
 *
 * - BilledCost is 0 for Usage covered by a reservation or savings plan (the purchase was billed);
 * - EffectiveCost is 0 for reservation/savings plan Purchase and Refund rows (amortised onto usage);
 * - otherwise both are the row's cost.
 *
 * These rules depend only on the row, so they hold for the actual export (purchases, covered usage
 * at 0) and the amortized export (no purchases, covered usage and UnusedReservation/UnusedSavingsPlan
 * rows at their amortised cost) alike.
 */

export interface ChargeFacts {
  category: string;
  chargeClass: string | null;
  /** Used / Unused for commitment-covered rows, else null. */
  commitmentStatus: string | null;
  pricingCategory: string | null;
  billedIsZero: boolean;
  effectiveIsZero: boolean;
  /** A reservation or savings plan purchase or refund (only the actual export has them). */
  commitmentPurchase: boolean;
  /** Usage at a commitment's price, or its unused remainder. */
  commitmentUsage: boolean;
  unused: boolean;
}

function squash(text: string): string {
  return text.replace(/[\s_-]/g, '').toLowerCase();
}

const CATEGORY: Readonly<Record<string, string>> = {
  usage: 'Usage', purchase: 'Purchase', credit: 'Credit', tax: 'Tax',
  unusedreservation: 'Usage', unusedsavingsplan: 'Usage', refund: 'Purchase',
};
const PRICING_CATEGORY: Readonly<Record<string, string>> = {
  ondemand: 'Standard', spot: 'Dynamic', reservation: 'Committed', savingsplan: 'Committed',
};
const FREQUENCY: Readonly<Record<string, string>> = { onetime: 'One-Time', recurring: 'Recurring', usagebased: 'Usage-Based' };

export function chargeFacts(chargeTypeText: string, pricingModelText: string): ChargeFacts {
  const chargeType = squash(chargeTypeText);
  const pricingModel = squash(pricingModelText);
  const committed = pricingModel === 'reservation' || pricingModel === 'savingsplan';
  const unused = chargeType === 'unusedreservation' || chargeType === 'unusedsavingsplan';
  const usage = chargeType === 'usage' || chargeType === '';
  const purchaseOrRefund = chargeType === 'purchase' || chargeType === 'refund';
  return {
    // A file without ChargeType (the usage-only schemas) holds usage only.
    category: chargeType === '' ? 'Usage' : (CATEGORY[chargeType] ?? 'Adjustment'),
    chargeClass: chargeType === 'refund' ? 'Correction' : null,
    // FOCUS keeps the status to usage rows (finops-toolkit would also mark purchases "Used").
    commitmentStatus: unused ? 'Unused' : committed && usage ? 'Used' : null,
    pricingCategory: PRICING_CATEGORY[pricingModel] ?? null,
    billedIsZero: chargeType === 'usage' && committed,
    effectiveIsZero: purchaseOrRefund && committed,
    commitmentPurchase: purchaseOrRefund && committed,
    commitmentUsage: (chargeType === 'usage' && committed) || unused,
    unused,
  };
}

/** Frequency → FOCUS ChargeFrequency; usage-only files (no Frequency column) are usage-based. */
export function chargeFrequency(frequency: string | null): string | null {
  if (frequency === null) return 'Usage-Based';
  const key = squash(frequency);
  if (key === '') return null;
  return FREQUENCY[key] ?? 'Other';
}

export interface CommitmentKind {
  type: string;
  category: string;
}

/** BenefitId's resource provider (or the pricing model) → CommitmentDiscountType and Category. */
export function commitmentKind(benefitId: string, pricingModelText: string): CommitmentKind | null {
  const id = benefitId.toLowerCase();
  if (id.includes('/microsoft.capacity/')) return { type: 'Reservation', category: 'Usage' };
  if (id.includes('/microsoft.billingbenefits/')) return { type: 'Savings Plan', category: 'Spend' };
  const pricingModel = squash(pricingModelText);
  if (pricingModel === 'reservation') return { type: 'Reservation', category: 'Usage' };
  if (pricingModel === 'savingsplan') return { type: 'Savings Plan', category: 'Spend' };
  return null;
}
