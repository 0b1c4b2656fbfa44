/**
 * Reading single cell values. Convention: `null` means "no value" (empty, or a NULL token);
 * `undefined` means "there is text, and it is not a valid value of that type".
 */

const NULL_TOKENS = new Set(['', 'null', 'NULL', 'Null', '\\N', 'NaN', 'N/A', 'n/a']);
/** The longest NULL token. */
const NULL_TOKEN_MAX = 4;

/**
 * False for a character that String.prototype.trim never removes, checked without a regex:
 * printable ASCII and the C1 range below NBSP are not white space.
 */
function maybeSpace(code: number): boolean {
  return code <= 0x20 || code >= 0xa0;
}

/** `text.trim()`, without a copy for the (usual) text that has nothing to trim. */
export function trimmed(text: string): string {
  const n = text.length;
  if (n === 0 || (!maybeSpace(text.charCodeAt(0)) && !maybeSpace(text.charCodeAt(n - 1)))) return text;
  return text.trim();
}

export function isNullToken(text: string): boolean {
  const n = text.length;
  if (n <= NULL_TOKEN_MAX && NULL_TOKENS.has(text)) return true;
  // Only surrounding white space can make a longer or different text a token.
  if (!maybeSpace(text.charCodeAt(0)) && !maybeSpace(text.charCodeAt(n - 1))) return false;
  return NULL_TOKENS.has(text.trim());
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

/** Which comes first in a numeric date whose day and month could be swapped (04/05/2025). */
export type DayMonthOrder = 'month-first' | 'day-first';

// Year first: 2024-01-31, 2024-01-31T12:00, 2024-01-31 12:00:00.123456789, 2024/01/31; with Z, ±hh[:mm],
// ±hhmm, " UTC" or " GMT" (GCP writes "2024-01-31 12:00:00 +0000 UTC").
const YEAR_FIRST =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?(?:\s*(?:UTC|GMT))?)?$/i;

// Day or month first: 4/1/25, 04/01/2025 13:05[:00], 1/15/2024 12:00:00 AM, 05.01.2024 (German), 05-01-2024.
const NUMERIC_DMY =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?[ T]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AP]M)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

// Month names: "Mon, 05 Jan 2024 10:00:00 GMT" (RFC 2822), "5-Jan-2024", "Jan 5, 2024 10:00".
const DAY_MONTH_NAME =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const MONTH_NAME_DAY =
  /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

// Unix time as API JSON gives it: seconds (9–10 digits, optional fraction), milliseconds (12–13),
// microseconds (15–16), nanoseconds (18–19). Eight digits are a compact date (20240105).
const EPOCH = /^(\d{9,10})(?:\.\d+)?$|^(\d{12,13}|\d{15,16}|\d{18,19})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Parses a date or date-time to Unix seconds (UTC when no offset is given; fractions of a second
 * are dropped). Numeric dates whose day and month could be swapped are read in `order`; without
 * one, slash and dash dates are month-first (the FOCUS spec's own examples, US exports) and dotted
 * dates day-first (German). A file's order is decided from all its dates (readers/date-order.ts).
 */
export function parseTimestamp(text: string, order?: DayMonthOrder): number | null | undefined {
  if (isNullToken(text)) return null;
  const trimmed = text.trim();
  const ymd = YEAR_FIRST.exec(trimmed);
  if (ymd) {
    const [, y, , mo, d, h = '0', mi = '0', s = '0', zone] = ymd;
    return zoned(utcSeconds(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)), zone);
  }
  const numeric = NUMERIC_DMY.exec(trimmed);
  if (numeric) {
    const [, a = '', separator, b = '', y = '', h = '0', mi = '0', s = '0', meridiem, zone] = numeric;
    const dayFirst = (order ?? (separator === '.' ? 'day-first' : 'month-first')) === 'day-first';
    const [day, month] = dayFirst ? [a, b] : [b, a];
    return zoned(utcSeconds(fullYear(y), Number(month), Number(day), hour12(Number(h), meridiem), Number(mi), Number(s)), zone);
  }
  return otherShapes(trimmed);
}

/** Month names, Unix time and compact dates: shapes with no day/month ambiguity. */
function otherShapes(trimmed: string): number | undefined {
  const dayName = DAY_MONTH_NAME.exec(trimmed);
  if (dayName) {
    const [, d, monthName = '', y = '', h = '0', mi = '0', s = '0', meridiem, zone] = dayName;
    return named(monthName, Number(d), fullYear(y), hour12(Number(h), meridiem), Number(mi), Number(s), zone);
  }
  const nameDay = MONTH_NAME_DAY.exec(trimmed);
  if (nameDay) {
    const [, monthName = '', d, y = '', h = '0', mi = '0', s = '0', meridiem, zone] = nameDay;
    return named(monthName, Number(d), Number(y), hour12(Number(h), meridiem), Number(mi), Number(s), zone);
  }
  const epoch = EPOCH.exec(trimmed);
  if (epoch) {
    if (epoch[1]) return Number(epoch[1]);
    // Whole seconds from the leading digits: exact even past 2^53 (nanoseconds).
    const digits = epoch[2] ?? '';
    return Number(digits.slice(0, digits.length - (digits.length <= 13 ? 3 : digits.length <= 16 ? 6 : 9)));
  }
  const compact = COMPACT_DATE.exec(trimmed);
  if (compact) return utcSeconds(Number(compact[1]), Number(compact[2]), Number(compact[3]), 0, 0, 0);
  return undefined;
}

function named(monthName: string, day: number, year: number, hour: number, minute: number, second: number, zone: string | undefined): number | undefined {
  const lower = monthName.toLowerCase();
  const month = MONTH_NAMES.findIndex((full) => full.startsWith(lower)) + 1;
  return month === 0 ? undefined : zoned(utcSeconds(year, month, day, hour, minute, second), zone);
}

/** "12:30 AM" is 00:30, "12:30 PM" is 12:30; an hour above 12 with AM/PM is not a time. */
function hour12(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return 99;
  const pm = meridiem.toUpperCase() === 'PM';
  return (hour % 12) + (pm ? 12 : 0);
}

function zoned(seconds: number | undefined, zone: string | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds - offsetSeconds(zone);
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
  const match = /^([+-])(\d{2}):?(\d{2})?/.exec(zone);
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 3600 + Number(match[3] ?? '0') * 60);
}

/** The two leading numbers of a day/month-ambiguous numeric date (not year-first), or null. */
export function numericDayMonth(text: string): { first: number; second: number; separator: string } | null {
  const match = NUMERIC_DMY.exec(text.trim());
  if (!match) return null;
  return { first: Number(match[1]), second: Number(match[3]), separator: match[2] ?? '/' };
}

/** How a day/month order is written, for messages: "DD/MM/YYYY". */
export function orderPattern(order: DayMonthOrder, separator = '/'): string {
  return (order === 'day-first' ? ['DD', 'MM', 'YYYY'] : ['MM', 'DD', 'YYYY']).join(separator);
}

/** Parsed values are cached: a file has few distinct dates. Past this many the cache starts again. */
const DATE_CACHE_LIMIT = 100_000;

/**
 * A file's date reader: one day/month order for all its numeric dates, decided from the whole
 * file before its rows are converted (readers/date-order.ts), with a cache for the hot path.
 */
export class DateReader {
  private cache = new Map<string, number | null | undefined>();
  private chosen: DayMonthOrder | undefined;

  constructor(order?: DayMonthOrder) {
    this.chosen = order;
  }

  get order(): DayMonthOrder | undefined {
    return this.chosen;
  }

  /** Fixes the order (before any row is read). */
  decide(order: DayMonthOrder | undefined): void {
    this.chosen = order;
    this.cache.clear();
  }

  read(text: string): number | null | undefined {
    let value = this.cache.get(text);
    if (value === undefined && !this.cache.has(text)) {
      value = parseTimestamp(text, this.chosen);
      if (this.cache.size >= DATE_CACHE_LIMIT) this.cache = new Map();
      this.cache.set(text, value);
    }
    return value;
  }

  /** Why a text that `read` refused is not a date, to follow the column name and the text. */
  problem(text: string): string {
    const shape = numericDayMonth(text);
    if (this.chosen && shape) {
      const other: DayMonthOrder = this.chosen === 'day-first' ? 'month-first' : 'day-first';
      if (typeof parseTimestamp(text, other) === 'number') {
        return `is ${other} (${orderPattern(other, shape.separator)}), but the other dates of this file are ${this.chosen} (${orderPattern(this.chosen, shape.separator)})`;
      }
    }
    return 'is not a date';
  }
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
