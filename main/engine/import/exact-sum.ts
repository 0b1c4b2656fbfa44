/**
 * Exact decimal sums of the text of money cells, to 12 decimal places, without drift.
 *
 * The float columns in the database are summed by SQLite's compensated SUM; this accumulator is
 * the independent, exact figure each source reports (and that tests compare the database against).
 * Fast path: integer units and 1e-12 fractions in two safe integers; BigInt only for
 * scientific notation or very long integer parts.
 */
const SCALE_DIGITS = 12;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const FRACTION_LIMIT = 1e12;
const SIMPLE = /^([+-]?)(\d{0,15})(?:\.(\d{0,12}))?$/;

/** An ExactSum's state as plain data (see `parts` and `merge`). */
export interface ExactSumParts {
  units: number;
  fraction: number;
  big: string;
}

export class ExactSum {
  private units = 0; // whole currency units, a safe integer
  private fraction = 0; // 1e-12 units, kept within ±1e12 by carrying
  private big = 0n; // overflow and scientific-notation values, in 1e-12 units

  /** Adds a decimal text. Returns false (adding nothing) when the text is not a decimal. */
  add(text: string): boolean {
    const trimmed = text.trim();
    const match = SIMPLE.exec(trimmed);
    if (match && (match[2] !== '' || (match[3] ?? '') !== '')) {
      const sign = match[1] === '-' ? -1 : 1;
      const whole = match[2] === '' ? 0 : Number(match[2]);
      const digits = (match[3] ?? '').padEnd(SCALE_DIGITS, '0');
      this.units += sign * whole;
      this.fraction += sign * Number(digits);
      if (this.fraction >= FRACTION_LIMIT || this.fraction <= -FRACTION_LIMIT) this.carry();
      if (Math.abs(this.units) > 2 ** 52) this.flush();
      return true;
    }
    const scaled = scaledBigInt(trimmed);
    if (scaled === undefined) return false;
    this.big += scaled;
    return true;
  }

  /**
   * Adds ±(whole + fraction × 1e-12), exactly as `add` adds the text of a plain decimal with at
   * most 15 integer digits and 12 decimals: `whole` and `fraction` (the decimals scaled to 1e-12)
   * are non-negative integers below 1e15 and 1e12.
   */
  addParts(negative: boolean, whole: number, fraction: number): void {
    const sign = negative ? -1 : 1;
    this.units += sign * whole;
    this.fraction += sign * fraction;
    if (this.fraction >= FRACTION_LIMIT || this.fraction <= -FRACTION_LIMIT) this.carry();
    if (Math.abs(this.units) > 2 ** 52) this.flush();
  }

  /** Adds another accumulator's sum, exactly (a part of a file summed elsewhere). */
  merge(other: ExactSumParts): void {
    this.big += BigInt(other.units) * SCALE + BigInt(other.fraction) + BigInt(other.big);
  }

  /** The state, to send to another thread and merge there. */
  parts(): ExactSumParts {
    return { units: this.units, fraction: this.fraction, big: this.big.toString() };
  }

  /** The sum as a decimal string with `minPlaces` to 12 decimal places (trailing zeros trimmed). */
  toDecimal(minPlaces = 6): string {
    const total = this.total();
    const negative = total < 0n;
    const magnitude = negative ? -total : total;
    const whole = magnitude / SCALE;
    let fraction = (magnitude % SCALE).toString().padStart(SCALE_DIGITS, '0');
    while (fraction.length > minPlaces && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
    const text = minPlaces === 0 && fraction === '' ? `${whole}` : `${whole}.${fraction}`;
    return negative ? `-${text}` : text;
  }

  total(): bigint {
    return this.big + BigInt(this.units) * SCALE + BigInt(this.fraction);
  }

  private carry(): void {
    const whole = Math.trunc(this.fraction / FRACTION_LIMIT);
    this.units += whole;
    this.fraction -= whole * FRACTION_LIMIT;
  }

  private flush(): void {
    this.big += BigInt(this.units) * SCALE;
    this.units = 0;
  }
}

/** Any decimal text (also scientific) → BigInt in 1e-12 units, rounded half away from zero. */
function scaledBigInt(text: string): bigint | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > 400) return undefined;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '') || '0';
  const shift = exponent - fraction.length + SCALE_DIGITS; // power of ten to apply to `digits`
  let value: bigint;
  if (shift >= 0) {
    value = BigInt(digits) * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const raw = BigInt(digits);
    value = raw / divisor + ((raw % divisor) * 2n >= divisor ? 1n : 0n);
  }
  return sign === '-' ? -value : value;
}

/** Formats a float sum with six decimals, for figures that come from SQL sums. */
export function decimalFromNumber(value: number): string {
  const text = value.toFixed(6);
  return text === '-0.000000' ? '0.000000' : text;
}
