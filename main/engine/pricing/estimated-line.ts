/**
 * Writes a price-book estimate into a canonical usage line: the cost columns, the pricing columns
 * and a ChargeDescription that says the cost is an estimate; an unpriced line gets cost 0. The
 * extras carry the same flag for queries ("x_CostSource").
 */
import { columnPosition } from '../import/formats/canonical-line.js';
import { isNullToken } from '../import/values.js';
import { isAsOfDay } from './book-label.js';
import { ESTIMATED_SUFFIX, type Estimate } from './usage-cost-estimator.js';

const BILLED = columnPosition('BilledCost');
const EFFECTIVE = columnPosition('EffectiveCost');
const LIST = columnPosition('ListCost');
const LIST_UNIT_PRICE = columnPosition('ListUnitPrice');
const PRICING_QUANTITY = columnPosition('PricingQuantity');
const PRICING_UNIT = columnPosition('PricingUnit');
const CURRENCY = columnPosition('BillingCurrency');
const DESCRIPTION = columnPosition('ChargeDescription');

export const NOT_PRICED_SUFFIX = ' (not priced: no list price)';
const UNPRICED_CURRENCY = 'USD';

export function applyEstimate(values: Array<string | null>, estimate: Estimate, description: string): void {
  if (estimate.priced) {
    values[BILLED] = estimate.cost;
    values[EFFECTIVE] = estimate.cost;
    values[LIST] = estimate.listCost;
    values[LIST_UNIT_PRICE] = estimate.unitPrice;
    values[PRICING_QUANTITY] = estimate.quantity;
    values[PRICING_UNIT] = '1M Tokens';
    values[CURRENCY] = estimate.currency;
    values[DESCRIPTION] = description + ESTIMATED_SUFFIX;
  } else {
    values[BILLED] = '0';
    values[EFFECTIVE] = '0';
    values[CURRENCY] = UNPRICED_CURRENCY;
    values[DESCRIPTION] = description + NOT_PRICED_SUFFIX;
  }
}

/** The record's cells outside the model, as an object (empty and NULL cells left out), or null. */
export function extrasObject(record: readonly string[], extras: ReadonlyArray<{ name: string; index: number }>): Record<string, string> | null {
  let found: Record<string, string> | null = null;
  for (const { name, index } of extras) {
    const text = record[index];
    if (text === undefined || isNullToken(text)) continue;
    found ??= {};
    found[name] = text;
  }
  return found;
}

/**
 * The line's extras: the record's own extras plus where its cost came from (the shipped book's
 * as-of day, or the edited book and whether the entry was shipped, edited or added there).
 */
export function estimateExtras(estimate: Estimate, recordExtras: Readonly<Record<string, string>> | null, asOf: string): string {
  let flags: Record<string, string> = { x_CostSource: 'none (no list price)' };
  if (estimate.priced) {
    const { effectiveFrom, status } = estimate.entry;
    flags = isAsOfDay(asOf)
      ? { x_CostSource: 'price book (estimated)', x_PriceBookAsOf: asOf, x_PriceEffectiveFrom: effectiveFrom }
      : { x_CostSource: 'price book (estimated)', x_PriceBook: asOf, x_PriceEffectiveFrom: effectiveFrom, x_PriceStatus: status ?? 'shipped' };
  }
  return JSON.stringify(recordExtras ? { ...recordExtras, ...flags } : flags);
}
