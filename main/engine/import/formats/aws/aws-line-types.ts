/**
 * What each CUR line item type (`lineItem/LineItemType`) means in FOCUS terms: its charge category
 * and frequency, how its amortised (effective) cost is found, and which commitment it belongs to.
 *
 * ChargeCategory follows focus_converters' `1_charge_category_S001.yaml` (finopsfoundation, MIT)
 * except that credits, refunds and discounts are `Credit` (FOCUS 1.1+), not `Adjustment`/`Usage`:
 * they reduce the bill, and a discount booked as Usage would hide its saving. SavingsPlanNegation
 * stays Usage: it cancels the on-demand cost of covered usage within the same category.
 */

export type EffectiveRule =
  /** line_item_unblended_cost */
  | 'unblended'
  /** savingsPlan/SavingsPlanEffectiveCost */
  | 'savings-plan-effective'
  /** savingsPlan/TotalCommitmentToDate − savingsPlan/UsedCommitment (the unused commitment) */
  | 'savings-plan-unused'
  /** reservation/EffectiveCost */
  | 'reservation-effective'
  /** reservation/UnusedAmortizedUpfrontFeeForBillingPeriod + reservation/UnusedRecurringFee */
  | 'reservation-unused'
  /** amortised into the usage it covers */
  | 'zero'
  /** a Fee line is an RI's upfront fee (zero, amortised) when it names a reservation ARN */
  | 'fee';

export type Commitment = 'savings-plan' | 'reservation' | 'reservation-if-arn' | null;

export interface LineType {
  category: 'Usage' | 'Purchase' | 'Tax' | 'Credit' | 'Adjustment';
  frequency: 'Usage-Based' | 'Recurring' | 'One-Time' | null;
  effective: EffectiveRule;
  commitment: Commitment;
  /** Usage covered by a commitment (CommitmentDiscountStatus "Used", PricingCategory "Committed"). */
  covered: boolean;
}

const usage = (effective: EffectiveRule = 'unblended', commitment: Commitment = null, covered = false): LineType => ({
  category: 'Usage', frequency: 'Usage-Based', effective, commitment, covered,
});
const credit: LineType = { category: 'Credit', frequency: 'One-Time', effective: 'unblended', commitment: null, covered: false };
const discount: LineType = { category: 'Credit', frequency: 'Usage-Based', effective: 'unblended', commitment: null, covered: false };

/**
 * The types AWS documents for lineItem/LineItemType, by lower-case name. The effective-cost rules
 * are AWS's amortised-cost formula (AWS Well-Architected Labs, CUR Query Library, "amortized cost"),
 * which focus_converters uses for EffectiveCost (`effective_cost_S001.yaml`).
 */
const LINE_TYPES = new Map<string, LineType>([
  ['usage', usage()],
  ['discountedusage', usage('reservation-effective', 'reservation', true)],
  ['savingsplancoveredusage', usage('savings-plan-effective', 'savings-plan', true)],
  ['savingsplannegation', usage('zero', 'savings-plan')],
  ['tax', { category: 'Tax', frequency: 'Recurring', effective: 'unblended', commitment: null, covered: false }],
  ['credit', credit],
  ['refund', credit],
  ['fee', { category: 'Purchase', frequency: 'One-Time', effective: 'fee', commitment: 'reservation-if-arn', covered: false }],
  ['rifee', { category: 'Purchase', frequency: 'Recurring', effective: 'reservation-unused', commitment: 'reservation', covered: false }],
  ['savingsplanupfrontfee', { category: 'Purchase', frequency: 'One-Time', effective: 'zero', commitment: 'savings-plan', covered: false }],
  ['savingsplanrecurringfee', { category: 'Purchase', frequency: 'Recurring', effective: 'savings-plan-unused', commitment: 'savings-plan', covered: false }],
  ['bundleddiscount', discount],
  ['discount', discount],
  ['edpdiscount', discount],
  ['privateratediscount', discount],
  ['sppdiscount', discount],
  ['distributordiscount', discount],
]);

/** A file without lineItem/LineItemType: every line is plain usage. */
export const PLAIN_USAGE: LineType = usage();
const UNKNOWN: LineType = { category: 'Adjustment', frequency: null, effective: 'unblended', commitment: null, covered: false };

/** The meaning of a line item type; unknown types are Adjustments at their unblended cost. */
export function lineTypeOf(text: string): { type: LineType; known: boolean } {
  const name = text.trim().toLowerCase();
  if (name === '') return { type: PLAIN_USAGE, known: true };
  const type = LINE_TYPES.get(name) ?? (name.endsWith('discount') ? discount : undefined);
  return type ? { type, known: true } : { type: UNKNOWN, known: false };
}
