/**
 * One canonical line (text values from a format adapter) → the values of one `cost_lines` row,
 * or the reason it is rejected. The checks are the ones a line needs to be counted: a charge
 * period, costs that are numbers, a currency code, tags that are a JSON object.
 */
import type { SqlValue } from '../types/sql-js.js';
import type { Dictionary } from '../db/dictionary.js';
import { COST_COLUMNS } from '../db/cost-columns.js';
import type { CanonicalLine } from './formats/format-adapter.js';
import { columnPosition } from './formats/canonical-line.js';
import { dayOf, DateReader, isNullToken, parseDecimal } from './values.js';

export type Converted = { ok: true; values: SqlValue[]; currency: string; start: number; end: number } | { ok: false; reason: string };

const REQUIRED_DECIMALS = new Set(['BilledCost', 'EffectiveCost']);
const CURRENCY_CODE = /^[A-Za-z]{3}$/;
const CHARGE_START = columnPosition('ChargePeriodStart');
const CHARGE_END = columnPosition('ChargePeriodEnd');
const CURRENCY = columnPosition('BillingCurrency');

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
      return { ok: false, reason: start === null ? 'ChargePeriodStart is empty' : `ChargePeriodStart "${startText}" ${this.dates.problem(startText)}` };
    }
    const currencyText = (line.values[CURRENCY] ?? '').trim();
    if (!CURRENCY_CODE.test(currencyText)) {
      return { ok: false, reason: currencyText === '' ? 'BillingCurrency is empty' : `BillingCurrency "${currencyText}" is not a currency code` };
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
          if (value === undefined) return { ok: false, reason: `${column.name} "${text}" is not a number` };
          if (value === null && REQUIRED_DECIMALS.has(column.name)) return { ok: false, reason: `${column.name} is empty` };
          values.push(value);
          break;
        }
        case 'time': {
          const value = i === CHARGE_START ? start : this.dates.read(text);
          if (value === undefined) return { ok: false, reason: `${column.name} "${text}" ${this.dates.problem(text)}` };
          if (i === CHARGE_END && value !== null && value > end) end = value;
          values.push(value);
          break;
        }
        case 'json': {
          if (isNullToken(text)) {
            values.push(null);
          } else if (column.name === 'Tags' && !this.isTagObject(text)) {
            return { ok: false, reason: `Tags is not a JSON object: ${text.slice(0, 60)}` };
          } else {
            values.push(this.dictionary.idOf(text.trim()));
          }
          break;
        }
        default:
          values.push(isNullToken(text) ? null : this.dictionary.idOf(text.trim()));
      }
    }
    values.push(line.extras);
    return { ok: true, values, currency, start, end };
  }

  private isTagObject(text: string): boolean {
    let valid = this.tagsValid.get(text);
    if (valid === undefined) {
      try {
        const parsed: unknown = JSON.parse(text);
        valid = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      } catch {
        valid = false;
      }
      this.tagsValid.set(text, valid);
    }
    return valid;
  }
}
