/**
 * Azure day cells → the FOCUS period of that day. Cost details are daily: a row's charge period
 * is its Date to the next day (exclusive end, as finops-toolkit's conversion adds one day), and
 * BillingPeriodEndDate is likewise inclusive in the file. Dates come as MM/DD/YYYY (Microsoft's
 * documented format for EA and MCA files), ISO (exports, APIs) or DD.MM.YYYY (localised German
 * files); values.ts reads slashes month-first and dots day-first.
 */
import { isoFromSeconds, parseTimestamp, type DateReader } from '../../values.js';

export interface DayRange {
  start: string;
  end: string;
}

const DAY_SECONDS = 86_400;

/** A day cell → its start and exclusive end as ISO text; null when empty, undefined when not a date. */
export function dayRange(text: string, dates?: DateReader): DayRange | null | undefined {
  const seconds = dates ? dates.read(text) : parseTimestamp(text);
  if (seconds == null) return seconds;
  return { start: isoFromSeconds(seconds), end: isoFromSeconds(seconds + DAY_SECONDS) };
}

/** dayRange, cached: a month of data has thirty-odd distinct days. */
export class AzureDays {
  private readonly cache = new Map<string, DayRange | null | undefined>();

  /** `dates`: the file's reader, whose day/month order was decided from the whole file. */
  constructor(private readonly dates?: DateReader) {}

  of(text: string): DayRange | null | undefined {
    if (this.cache.has(text)) return this.cache.get(text);
    const range = dayRange(text, this.dates);
    this.cache.set(text, range);
    return range;
  }
}
