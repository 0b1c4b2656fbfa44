/**
 * One canonical line (text values from a format adapter) → the values of one `cost_lines` row,
 * or the reason it is rejected. The checks are the ones a line needs to be counted: a charge
 * period, costs that are numbers, a currency code, tags that are a JSON object. The byte-level
 * loader (fast/chunk-converter.ts) applies the same checks, in the same order, with the reasons below.
 */
import type { SqlValue } from '../types/sql-js.js';
import type { Dictionary } from '../db/dictionary.js';
import { COST_COLUMNS } from '../db/cost-columns.js';
import type { CanonicalLine } from './formats/format-adapter.js';
import { columnPosition } from './formats/canonical-line.js';
import { dayOf, DateReader, isNullToken, parseDecimal, trimmed } from './values.js';

export type Converted = { ok: true; values: SqlValue[]; currency: string; start: number; end: number } | { ok: false; reason: string };

export const REQUIRED_DECIMALS = new Set(['BilledCost', 'EffectiveCost']);
export const CURRENCY_CODE = /^[A-Za-z]{3}$/;
const CHARGE_START = columnPosition('ChargePeriodStart');
const CHARGE_END = columnPosition('ChargePeriodEnd');
const CURRENCY = columnPosition('BillingCurrency');

/** Why a row is rejected, worded once for both loaders. */
export const REASON = {
  startEmpty: 'ChargePeriodStart is empty',
  badDate: (column: string, text: string, problem: string) => `${column} "${text}" ${problem}`,
  currencyEmpty: 'BillingCurrency is empty',
  badCurrency: (text: string) => `BillingCurrency "${text}" is not a currency code`,
  notANumber: (column: string, text: string) => `${column} "${text}" is not a number`,
  empty: (column: string) => `${column} is empty`,
  badTags: (text: string) => `Tags is not a JSON object: ${text.slice(0, 60)}`,
  longRow: (length: number, width: number) => `has ${length} fields; the header has ${width} (a misquoted line or a stray delimiter)`,
  cutRow: (length: number, width: number) => `has ${length} fields; the header has ${width} (the file is cut short: its last line is incomplete)`,
};

/** True when the text is a JSON object (what Tags must be). */
export function isJsonObjectText(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

export class RowConverter {
  private readonly tagsValid = new Map<string, boolean>();

  /** `dates`: the file's date reader, its day/month order decided before the first row (readers/date-order.ts). */
  constructor(
    private readonly dictionary: Dictionary,
    private readonly dates: DateReader = new DateReader(),
  ) {}

  convert(line: CanonicalLine, sourceId: number, rowNumber: number): Converted {
    const startText = line.values[CHARGE_START] ?? '';
    const start = this.dates.read(startText);
    if (typeof start !== 'number') {
      return { ok: false, reason: start === null ? REASON.startEmpty : REASON.badDate('ChargePeriodStart', startText, this.dates.problem(startText)) };
    }
    const currencyText = trimmed(line.values[CURRENCY] ?? '');
    if (!CURRENCY_CODE.test(currencyText)) {
      return { ok: false, reason: currencyText === '' ? REASON.currencyEmpty : REASON.badCurrency(currencyText) };
    }
    const currency = currencyText.toUpperCase();

    const values: SqlValue[] = [sourceId, rowNumber, dayOf(start)];
    let end = start;
    for (let i = 0; i < COST_COLUMNS.length; i++) {
      const column = COST_COLUMNS[i] as (typeof COST_COLUMNS)[number];
      const text = line.values[i] ?? '';
      if (i === CURRENCY) {
        values.push(this.dictionary.idOf(currency));
        continue;
      }
      switch (column.kind) {
        case 'decimal': {
          const value = parseDecimal(text);
          if (value === undefined) return { ok: false, reason: REASON.notANumber(column.name, text) };
          if (value === null && REQUIRED_DECIMALS.has(column.name)) return { ok: false, reason: REASON.empty(column.name) };
          values.push(value);
          break;
        }
        case 'time': {
          const value = i === CHARGE_START ? start : this.dates.read(text);
          if (value === undefined) return { ok: false, reason: REASON.badDate(column.name, text, this.dates.problem(text)) };
          if (i === CHARGE_END && value !== null && value > end) end = value;
          values.push(value);
          break;
        }
        case 'json': {
          if (isNullToken(text)) {
            values.push(null);
          } else if (column.name === 'Tags' && !this.isTagObject(text)) {
            return { ok: false, reason: REASON.badTags(text) };
          } else {
            values.push(this.dictionary.idOf(trimmed(text)));
          }
          break;
        }
        default:
          values.push(isNullToken(text) ? null : this.dictionary.idOf(trimmed(text)));
      }
    }
    values.push(line.extras);
    return { ok: true, values, currency, start, end };
  }

  private isTagObject(text: string): boolean {
    let valid = this.tagsValid.get(text);
    if (valid === undefined) {
      valid = isJsonObjectText(text);
      this.tagsValid.set(text, valid);
    }
    return valid;
  }
}
