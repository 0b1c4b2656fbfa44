/**
 * The `credits` cell of a Google Cloud billing row: an array of {name, amount, full_name, id, type}
 * (JSON or Python literal, see literal-text.ts). Amounts are negative and kept as their source
 * text. Types documented by Google: COMMITTED_USAGE_DISCOUNT, COMMITTED_USAGE_DISCOUNT_DOLLAR_BASE,
 * DISCOUNT, FREE_TIER, PROMOTION, RESELLER_MARGIN, SUBSCRIPTION_BENEFIT, SUSTAINED_USAGE_DISCOUNT,
 * FEE_UTILIZATION_OFFSET.
 */
import { normaliseDecimalText } from '../../values.js';
import { isLiteralObject, literalText, parseLiteral, type Literal } from './literal-text.js';

export interface Credit {
  name: string;
  amount: string;
  fullName: string;
  id: string;
  type: string;
}

/** The credits of a cell, or the reason the cell cannot be read. */
export function parseCredits(text: string): Credit[] | string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '[]') return [];
  let value: Literal;
  try {
    value = parseLiteral(trimmed);
  } catch (error) {
    return `credits is not a list of credits (${error instanceof Error ? error.message : String(error)})`;
  }
  if (value === null) return [];
  if (!Array.isArray(value)) return 'credits is not a list of credits';
  const credits: Credit[] = [];
  for (const item of value) {
    if (!isLiteralObject(item)) return 'credits holds an item that is not a credit';
    const amountText = literalText(item.amount);
    const amount = normaliseDecimalText(amountText);
    if (typeof amount !== 'string') return `credit amount "${amountText}" is not a number`;
    credits.push({ name: literalText(item.name), amount, fullName: literalText(item.full_name), id: literalText(item.id), type: literalText(item.type) });
  }
  return credits;
}

/** The FOCUS commitment category of a committed use discount credit, or null for other credits. */
export function commitmentCategoryOf(type: string): 'Usage' | 'Spend' | null {
  if (type === 'COMMITTED_USAGE_DISCOUNT') return 'Usage';
  if (type === 'COMMITTED_USAGE_DISCOUNT_DOLLAR_BASE') return 'Spend';
  return null;
}
