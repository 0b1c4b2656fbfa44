/** Exact token costs on decimal text: tokens × price per 1M ÷ 1,000,000, never through floats. */
import { multiplyDecimals, shiftDecimal } from '../import/formats/decimal-text.js';

export function tokenCost(tokens: string, pricePerMillion: string): string {
  return shiftDecimal(multiplyDecimals(tokens, pricePerMillion), -6);
}

/** Tokens in millions (the pricing quantity for a price per 1M tokens). */
export function millions(tokens: string): string {
  return shiftDecimal(tokens, -6);
}
