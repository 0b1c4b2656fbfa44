/**
 * One FOCUS record → the values of one `cost_lines` row, or the reason it is rejected.
 * The checks are the ones a line needs to be counted: a charge period, costs that are numbers,
 * a currency code, tags that are a JSON object.
 */
import type { SqlValue } from '../types/sql-js.js';
import type { Dictionary } from '../db/dictionary.js';
import type { ColumnPlan } from './focus-mapping.js';
import { dayOf, isNullToken, parseDecimal, parseTimestamp } from './values.js';

export type Converted = { ok: true; values: SqlValue[]; currency: string; start: number; end: number } | { ok: false; reason: string };

const REQUIRED_DECIMALS = new Set(['BilledCost', 'EffectiveCost']);
const CURRENCY_CODE = /^[A-Za-z]{3}$/;

export class RowConverter {
  private readonly tagsValid = new Map<string, boolean>();
  private readonly chargeStart: number;
  private readonly chargeEnd: number;
  private readonly currencyIndex: number;

  constructor(
    private readonly plan: ColumnPlan,
    private readonly dictionary: Dictionary,
  ) {
    this.chargeStart = plan.indexOf.get('ChargePeriodStart') ?? -1;
    this.chargeEnd = plan.indexOf.get('ChargePeriodEnd') ?? -1;
    this.currencyIndex = plan.indexOf.get('BillingCurrency') ?? -1;
  }

  convert(record: readonly string[], sourceId: number, rowNumber: number): Converted {
    const { plan } = this;
    if (record.length !== plan.width && !this.onlyEmptyBeyondHeader(record)) {
      return { ok: false, reason: `has ${record.length} fields; the header has ${plan.width} (a truncated or misquoted line)` };
    }
    const startText = record[this.chargeStart] ?? '';
    const start = parseTimestamp(startText);
    if (typeof start !== 'number') {
      return { ok: false, reason: start === null ? 'ChargePeriodStart is empty' : `ChargePeriodStart "${startText}" is not a date` };
    }
    const currencyText = (record[this.currencyIndex] ?? '').trim();
    if (!CURRENCY_CODE.test(currencyText)) {
      return { ok: false, reason: currencyText === '' ? 'BillingCurrency is empty' : `BillingCurrency "${currencyText}" is not a currency code` };
    }
    const currency = currencyText.toUpperCase();

    const values: SqlValue[] = [sourceId, rowNumber, dayOf(start)];
    let end = start;
    for (const { column, index } of plan.columns) {
      const text = index >= 0 ? (record[index] ?? '') : '';
      if (column.name === 'BillingCurrency') {
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
          const value = parseTimestamp(text);
          if (value === undefined) return { ok: false, reason: `${column.name} "${text}" is not a date` };
          if (column.name === 'ChargePeriodEnd' && value !== null && value > end) end = value;
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
    values.push(this.extrasOf(record));
    return { ok: true, values, currency, start, end: this.chargeEnd >= 0 ? end : start };
  }

  private onlyEmptyBeyondHeader(record: readonly string[]): boolean {
    if (record.length < this.plan.width) return false;
    for (let i = this.plan.width; i < record.length; i++) if ((record[i] ?? '').trim() !== '') return false;
    return true;
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

  private extrasOf(record: readonly string[]): string | null {
    let extras: Record<string, string> | null = null;
    for (const { name, index } of this.plan.extras) {
      const text = record[index];
      if (text === undefined || isNullToken(text)) continue;
      extras ??= {};
      extras[name] = text;
    }
    return extras ? JSON.stringify(extras) : null;
  }
}
