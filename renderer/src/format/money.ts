/** Money and number formatting for the UI (one locale for the whole app, set here). */
export const LOCALE = 'en-US';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, compact
      ? { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }
      : { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(key, format);
  }
  return format;
}

/** "$1,234.56"; a Decimal string is formatted from its text so large totals keep their cents. */
export function formatMoney(value: number | string, currency: string): string {
  if (typeof value === 'string') return formatDecimalText(value, currency);
  return formatter(currency, false).format(value);
}

/** "$1.2K" for axis ticks. */
export function formatMoneyCompact(value: number, currency: string): string {
  return formatter(currency, true).format(value);
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(LOCALE).format(value);
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(fraction);
}

/** Rounds a decimal string half away from zero to cents without going through a float. */
function formatDecimalText(decimal: string, currency: string): string {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace(/^[-+]/, '').split('.');
  let cents = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  if (Number(fraction[2] ?? '0') >= 5) cents += 1n;
  const parts = formatter(currency, false).formatToParts(negative && cents > 0n ? -1.11 : 1.11);
  const digits = cents.toString().padStart(3, '0');
  const grouped = new Intl.NumberFormat(LOCALE).format(BigInt(digits.slice(0, -2)));
  return parts.map((p) => (p.type === 'integer' ? grouped : p.type === 'fraction' ? digits.slice(-2) : p.type === 'group' ? '' : p.value)).join('');
}
