/**
 * The decimal cells of one row, one slot per plan column: read from the bytes when they are plain
 * (`-?digits[.digits]`, exact below 2^53, their parts kept for the exact sum), else through
 * parseDecimal from their text, as the general path reads them.
 */
import type { ExactSum } from '../exact-sum.js';
import { normaliseDecimalText, parseDecimal } from '../values.js';
import type { Fields, RecordScanner } from './record-scanner.js';

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Digits a decimal may have to be read without making a string (exact: below 2^53). */
const MAX_FAST_DIGITS = 15;
const FRACTION_DIGITS = 12;

/** A cell's state after `read`. */
export const DECIMAL_VALUE = 0;
export const DECIMAL_NULL = 1;
export const DECIMAL_NOT_A_NUMBER = 2;
/** A value read from the bytes (its parts are valid). */
export const DECIMAL_FROM_BYTES = 3;

export class DecimalCells {
  readonly number: Float64Array;
  /** See DECIMAL_*. */
  readonly state: Uint8Array;
  /** The cell's text, when it was made (not for a value read from the bytes). */
  readonly text: string[];
  private readonly negative: Uint8Array;
  private readonly whole: Float64Array;
  private readonly fraction: Float64Array;

  constructor(
    columns: number,
    private readonly scanner: RecordScanner,
  ) {
    this.number = new Float64Array(columns);
    this.state = new Uint8Array(columns);
    this.text = new Array<string>(columns).fill('');
    this.negative = new Uint8Array(columns);
    this.whole = new Float64Array(columns);
    this.fraction = new Float64Array(columns);
  }

  /** Reads the cell of column `c` in field `f` (empty when the record has no such field); returns its state. */
  read(c: number, fields: Fields, f: number): number {
    if (f >= fields.count || (fields.start[f] === fields.end[f] && fields.quoted[f] === 0)) {
      this.state[c] = DECIMAL_NULL;
      this.text[c] = '';
      return DECIMAL_NULL;
    }
    const start = fields.start[f] as number;
    const end = fields.end[f] as number;
    if (fields.quoted[f] === 0 && this.plain(c, start, end)) return DECIMAL_FROM_BYTES;
    const text = this.scanner.textOf(start, end, fields.quoted[f] === 1);
    const value = parseDecimal(text);
    this.text[c] = text;
    const state = value === undefined ? DECIMAL_NOT_A_NUMBER : value === null ? DECIMAL_NULL : DECIMAL_VALUE;
    this.state[c] = state;
    this.number[c] = value ?? NaN;
    return state;
  }

  /** Adds the cell of column `c`, as read, to an exact sum. */
  addTo(sum: ExactSum, c: number): void {
    if (this.state[c] === DECIMAL_FROM_BYTES) sum.addParts(this.negative[c] === 1, this.whole[c] as number, this.fraction[c] as number);
    else sum.add(normaliseDecimalText(this.text[c] as string) ?? '0');
  }

  /**
   * `-?digits[.digits]` with at most 15 digits, 12 of them decimals: the value is exact as an
   * integer over a power of ten, so it equals Number(text); the parts feed the exact sum.
   */
  private plain(c: number, start: number, end: number): boolean {
    const bytes = this.scanner.bytes;
    let i = start;
    const negative = bytes[i] === MINUS;
    if (negative) i++;
    let whole = 0;
    let wholeDigits = 0;
    let fraction = 0;
    let fractionDigits = -1;
    for (; i < end; i++) {
      const b = bytes[i] as number;
      if (b >= ZERO && b <= NINE) {
        if (fractionDigits < 0) {
          whole = whole * 10 + (b - ZERO);
          wholeDigits++;
        } else {
          fraction = fraction * 10 + (b - ZERO);
          fractionDigits++;
        }
      } else if (b === DOT && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return false;
      }
    }
    const decimals = Math.max(0, fractionDigits);
    if (wholeDigits === 0 || wholeDigits + decimals > MAX_FAST_DIGITS || decimals > FRACTION_DIGITS) return false;
    const magnitude = decimals > 0 ? (whole * (POWERS_OF_TEN[decimals] as number) + fraction) / (POWERS_OF_TEN[decimals] as number) : whole;
    this.number[c] = negative ? -magnitude : magnitude;
    this.state[c] = DECIMAL_FROM_BYTES;
    this.negative[c] = negative ? 1 : 0;
    this.whole[c] = whole;
    this.fraction[c] = fraction * (POWERS_OF_TEN[FRACTION_DIGITS - decimals] as number);
    return true;
  }
}
