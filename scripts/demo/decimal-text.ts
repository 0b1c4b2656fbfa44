/**
 * Exact decimal text for FOCUS numeric columns: no exponent, no "+", no thousands separator,
 * at most 10 decimals. Quantities carry 4 decimals and unit prices 6, so quantity × price is an
 * exact integer of 1e-10 units: ListCost is exactly ListUnitPrice × PricingQuantity, as FOCUS
 * requires, with no float rounding in the file.
 */
export const QUANTITY_DECIMALS = 4;
export const PRICE_DECIMALS = 6;
export const COST_DECIMALS = QUANTITY_DECIMALS + PRICE_DECIMALS;

/** A value rounded to an integer number of 10^-decimals units. */
export function toUnits(value: number, decimals: number): number {
  const units = Math.round(value * 10 ** decimals);
  if (!Number.isSafeInteger(units)) throw new RangeError(`${value} is too large for ${decimals} decimals`);
  return units;
}

/** Integer units of 10^-decimals → plain decimal text, trailing zeros trimmed ("12.5", "-3", "0"). */
export function formatUnits(units: number | bigint, decimals: number): string {
  const negative = units < 0;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}

/** quantity (1e-4 units) × unit price (1e-6 units) → cost in 1e-10 units, exactly. */
export function costUnits(quantityUnits: number, priceUnits: number): number | bigint {
  const product = quantityUnits * priceUnits;
  return Number.isSafeInteger(product) ? product : BigInt(quantityUnits) * BigInt(priceUnits);
}

export function formatQuantity(quantityUnits: number): string {
  return formatUnits(quantityUnits, QUANTITY_DECIMALS);
}

export function formatPrice(priceUnits: number): string {
  return formatUnits(priceUnits, PRICE_DECIMALS);
}

export function formatCost(units: number | bigint): string {
  return formatUnits(units, COST_DECIMALS);
}
