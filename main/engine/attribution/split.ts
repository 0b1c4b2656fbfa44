/**
 * Split arithmetic of shared-cost pools. Shares come from weights; an amount is split so that the
 * parts add up to the amount: every part but the last is amount × share, the last takes what is
 * left (so no remainder is lost, whatever the rounding of the others).
 */
import type { SplitMethod } from '../../../shared/attribution.js';

/** Shares (summing to 1) from non-negative weights; all zero → even, and says so. */
export function sharesOf(weights: readonly number[]): { shares: number[]; evenFallback: boolean } {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = clean.reduce((a, b) => a + b, 0);
  if (total <= 0) return { shares: clean.map(() => 1 / clean.length), evenFallback: true };
  return { shares: clean.map((w) => w / total), evenFallback: false };
}

/** The shares of a method whose weights do not depend on data (even, fixed); null for the others. */
export function staticShares(method: SplitMethod, targets: number): number[] | null {
  if (method.kind === 'even') return Array.from({ length: targets }, () => 1 / targets);
  if (method.kind === 'fixed') return method.percentages.map((p) => p / 100);
  return null;
}

/** Splits `amount` by `shares`; the parts sum to `amount` (the last part takes the remainder). */
export function splitAmount(amount: number, shares: readonly number[]): number[] {
  const parts = new Array<number>(shares.length).fill(0);
  if (shares.length === 0) return parts;
  // The remainder goes to the last target with a share, so a 0% target gets nothing.
  let last = shares.length - 1;
  while (last > 0 && (shares[last] ?? 0) === 0) last--;
  let given = 0;
  let compensation = 0;
  for (let i = 0; i < shares.length; i++) {
    if (i === last) continue;
    const part = amount * (shares[i] ?? 0);
    parts[i] = part;
    // Neumaier sum of what was given, so the remainder is exact to the last bit we can hold.
    const next = given + part;
    compensation += Math.abs(given) >= Math.abs(part) ? given - next + part : part - next + given;
    given = next;
  }
  parts[last] = amount - (given + compensation);
  return parts;
}
