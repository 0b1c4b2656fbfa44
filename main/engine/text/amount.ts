/**
 * Amounts in plain text (alert titles, notifications, the command line): grouped digits so they
 * read at a glance, in a fixed en-US form since such texts are stored and compared.
 */

/** 1234.5 → "1,234.50". */
export function amount(value: number, digits = 2): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** 1234.5 → "+1,234.50", −3 → "−3.00" (a true minus sign). */
export function signedAmount(value: number, digits = 2): string {
  return `${value < 0 ? '−' : '+'}${amount(Math.abs(value), digits)}`;
}
