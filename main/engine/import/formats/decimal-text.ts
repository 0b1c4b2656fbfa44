/**
 * Exact arithmetic on decimal text, for adapters that must derive a cost rather than copy it
 * (cents to dollars, a usage line plus its credits, quantity × unit price). BigInt inside; the
 * result is plain decimal text with no trailing zeros beyond what the inputs had.
 */
import { normaliseDecimalText } from '../values.js';

interface Scaled {
  digits: bigint;
  scale: number; // value = digits / 10^scale
}

function toScaled(text: string): Scaled {
  const normal = normaliseDecimalText(text);
  if (normal == null) throw new Error(`"${text}" is not a decimal`);
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(normal);
  if (!match) throw new Error(`"${text}" is not a decimal`);
  const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  let digits = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign === '-' ? -digits : digits, scale };
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
}

function toText({ digits, scale }: Scaled): string {
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = scale > 0 ? text.slice(-scale) : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** a + b + … exactly; empty and NULL cells count as zero. */
export function addDecimals(...values: string[]): string {
  let total: Scaled = { digits: 0n, scale: 0 };
  for (const value of values) {
    if (normaliseDecimalText(value) === null) continue;
    const [x, y, scale] = align(total, toScaled(value));
    total = { digits: x + y, scale };
  }
  return toText(total);
}

export function negateDecimal(value: string): string {
  const scaled = toScaled(value);
  return toText({ digits: -scaled.digits, scale: scaled.scale });
}

/** value × 10^power exactly (power −2 turns cents into units). */
export function shiftDecimal(value: string, power: number): string {
  const scaled = toScaled(value);
  return power >= 0 ? toText({ digits: scaled.digits * 10n ** BigInt(power), scale: scaled.scale }) : toText({ digits: scaled.digits, scale: scaled.scale - power });
}

/** a × b exactly. */
export function multiplyDecimals(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  return toText({ digits: x.digits * y.digits, scale: x.scale + y.scale });
}
