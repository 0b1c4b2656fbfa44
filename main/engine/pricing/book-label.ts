/**
 * How a usage import names the price book it estimated with: usage adapters receive a label
 * (`asOf`) that is either the shipped book's as-of day or `EDITED_PRICE_BOOK` for a workspace's
 * edited book.
 */

export const EDITED_PRICE_BOOK = 'edited price book';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True when the label is the as-of day of a shipped book. */
export function isAsOfDay(label: string): boolean {
  return DAY.test(label);
}

/** The book as a sentence names it: "the price book as of 2026-11-29" or "the edited price book". */
export function bookName(label: string): string {
  return isAsOfDay(label) ? `the price book as of ${label}` : `the ${label}`;
}
