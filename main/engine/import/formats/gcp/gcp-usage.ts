/**
 * Usage quantities of a Google Cloud row in AI terms. Token SKUs count tokens in usage.amount when
 * usage.unit is "count" (or "token(s)"); SKUs billed per character are not converted to tokens.
 * GPU SKUs are metered in GPU-seconds (usage.unit "seconds") and priced per hour.
 */
import { normaliseDecimalText } from '../../values.js';

const TOKEN_UNITS = new Set(['count', 'token', 'tokens']);
const HOUR_UNITS = new Set(['hour', 'hours', 'h']);
const SECOND_UNITS = new Set(['seconds', 'second', 's']);

/** Tokens of a token SKU row, as decimal text, or null. */
export function tokensOf(amount: string, unit: string): string | null {
  if (!TOKEN_UNITS.has(unit.trim().toLowerCase())) return null;
  const tokens = normaliseDecimalText(amount);
  return typeof tokens === 'string' ? tokens : null;
}

/** GPU hours of a GPU SKU row (a quantity, rounded to 6 places when derived from seconds), or null. */
export function gpuHoursOf(amount: string, unit: string, pricingAmount: string, pricingUnit: string): string | null {
  const inPricingUnits = normaliseDecimalText(pricingAmount);
  if (HOUR_UNITS.has(pricingUnit.trim().toLowerCase()) && typeof inPricingUnits === 'string') return inPricingUnits;
  const value = normaliseDecimalText(amount);
  if (typeof value !== 'string') return null;
  const lowerUnit = unit.trim().toLowerCase();
  if (HOUR_UNITS.has(lowerUnit)) return value;
  if (SECOND_UNITS.has(lowerUnit)) return String(Math.round((Number(value) / 3600) * 1e6) / 1e6);
  return null;
}
