/**
 * The running total of fixed split percentages, in exact decimal text (no float drift: 33.33 +
 * 33.33 + 33.34 is exactly 100). Pure, tested beside.
 */

/** Decimal places a percentage may have. */
const PLACES = 6;
const SCALE = 10n ** BigInt(PLACES);
const HUNDRED = 100n * SCALE;

export interface PercentTotal {
  /** The sum as text without trailing zeros, e.g. "99.5". */
  total: string;
  /** True when the shares add up to exactly 100. */
  complete: boolean;
  /** The first share that is not a number from 0 to 100 (its index and why), if any. */
  problem: { index: number; message: string } | null;
}

function parse(text: string): bigint | null {
  const match = /^\s*(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > PLACES) return null;
  return BigInt(match[1] ?? '0') * SCALE + BigInt(fraction.padEnd(PLACES, '0'));
}

export function formatScaled(value: bigint): string {
  const whole = value / SCALE;
  const fraction = (value % SCALE).toString().padStart(PLACES, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

export function percentTotal(shares: readonly string[]): PercentTotal {
  let sum = 0n;
  let problem: PercentTotal['problem'] = null;
  shares.forEach((text, index) => {
    const value = parse(text);
    if (value === null || value > HUNDRED) {
      problem ??= { index, message: text.trim() === '' ? 'a percentage is needed' : `"${text.trim()}" is not a percentage from 0 to 100 (at most ${PLACES} decimals)` };
      return;
    }
    sum += value;
  });
  return { total: formatScaled(sum), complete: problem === null && sum === HUNDRED, problem };
}
