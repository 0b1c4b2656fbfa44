/**
 * Reading single cell values. Convention: `null` means "no value" (empty, or a NULL token);
 * `undefined` means "there is text, and it is not a valid value of that type".
 */

const NULL_TOKENS = new Set(['', 'null', 'NULL', 'Null', '\\N', 'NaN', 'N/A', 'n/a']);

export function isNullToken(text: string): boolean {
  return NULL_TOKENS.has(text) || NULL_TOKENS.has(text.trim());
}

/** Plain or scientific decimal notation, optional sign; no thousands separators. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Spreadsheet-formatted money as in the FOCUS spec's SaaS examples: "$10,000.00 ", "(1,250.50)". */
const FORMATTED_MONEY = /^(-?)\(?[$€£¥]?\s?(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?)\)?$/;

/**
 * Decimal text in plain notation ("-1234.50", "3.4e-7"), or null / undefined (see above).
 * Accepts a currency symbol, comma thousands groups (only in the strict 1,234,567.89 shape, so a
 * decimal comma is never misread) and accounting parentheses for negatives.
 */
export function normaliseDecimalText(text: string): string | null | undefined {
  if (isNullToken(text)) return null;
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) return trimmed;
  const match = FORMATTED_MONEY.exec(trimmed);
  if (!match || !/[$€£¥,()]/.test(trimmed)) return undefined;
  const parenthesised = trimmed.startsWith('(') && trimmed.endsWith(')');
  if (trimmed.startsWith('(') !== trimmed.endsWith(')')) return undefined;
  const digits = (match[2] ?? '').replaceAll(',', '');
  return (match[1] === '-') !== parenthesised ? `-${digits}` : digits;
}

export function parseDecimal(text: string): number | null | undefined {
  const normalised = normaliseDecimalText(text);
  if (normalised == null) return normalised;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

// 2024-01-31, 2024-01-31T12:00, 2024-01-31 12:00:00.123456, with Z, ±hh:mm, ±hhmm or " UTC".
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2}(?:\s*UTC)?)?$/i;

// US month/day/year as in the FOCUS spec's own examples: 4/1/25, 04/01/2025 13:00[:00].
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Parses a date or date-time to Unix seconds (UTC when no offset is given): ISO 8601 in its
 * common export shapes, and US M/D/YY(YY). Day-first files are not told apart yet (issue #3).
 */
export function parseTimestamp(text: string): number | null | undefined {
  if (isNullToken(text)) return null;
  const trimmed = text.trim();
  const iso = ISO_TIMESTAMP.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', , zone] = iso;
    const seconds = utcSeconds(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
    return seconds === undefined ? undefined : seconds - offsetSeconds(zone);
  }
  const us = US_DATE.exec(trimmed);
  if (us) {
    const [, mo, d, y = '', h = '0', mi = '0', s = '0'] = us;
    return utcSeconds(fullYear(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  }
  return undefined;
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX strptime pivot). */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function utcSeconds(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  // Date.UTC rolls 2024-02-31 over to March: refuse dates that do not exist.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
}

function offsetSeconds(zone: string | undefined): number {
  if (!zone) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})/.exec(zone);
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 3600 + Number(match[3]) * 60);
}

/** Unix seconds → ISO 8601 UTC text without milliseconds. */
export function isoFromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Unix seconds → day number (days since 1970-01-01, UTC). */
export function dayOf(seconds: number): number {
  return Math.floor(seconds / 86_400);
}

/** Day number → YYYY-MM-DD. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD → day number, or undefined. */
export function dayFromIso(text: string): number | undefined {
  const seconds = parseTimestamp(text);
  return typeof seconds === 'number' ? dayOf(seconds) : undefined;
}
