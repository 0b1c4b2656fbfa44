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

export function parseDecimal(text: string): number | null | undefined {
  if (isNullToken(text)) return null;
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** True when the text is a decimal (for the exact sums, which read the text, not the float). */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text.trim());
}

// 2024-01-31, 2024-01-31T12:00, 2024-01-31 12:00:00.123456, with Z, ±hh:mm, ±hhmm or " UTC".
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2}(?:\s*UTC)?)?$/i;

/** Parses an ISO 8601 date or date-time to Unix seconds (UTC when no offset is given). */
export function parseTimestamp(text: string): number | null | undefined {
  if (isNullToken(text)) return null;
  const match = ISO_TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', , zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2024-02-31 over to March: refuse dates that do not exist.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  return utcMs / 1000 - offsetSeconds(zone);
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
