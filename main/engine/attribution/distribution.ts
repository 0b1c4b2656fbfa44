/**
 * Where a pool's cost finally lands on a day: its outputs to values, and through pools it feeds,
 * their outputs in turn, as fractions of what it split that day. Explanations and the tree use it
 * to follow a cost through pools of pools.
 */
import type { DimensionResult } from './allocate.js';
import { entry } from './accumulate.js';

export type Distribution = Map<string, number>;

export class PoolDistributions {
  private readonly outs = new Map<string, Array<{ value: string | null; pool: string | null; amount: number }>>();
  private readonly memo = new Map<string, Distribution>();

  constructor(result: DimensionResult, private readonly kind: 'billed' | 'effective' = 'effective') {
    for (const f of result.flows) {
      if (f.direction !== 'out') continue;
      entry(this.outs, key(f.pool, f.currency, f.day), () => []).push({ value: f.value, pool: f.otherPool, amount: kind === 'billed' ? f.billed : f.effective });
    }
  }

  /** Fractions (summing to 1) of the pool's cost that land on each value that day. */
  of(pool: string, currency: string, day: number, depth = 0): Distribution {
    const k = key(pool, currency, day);
    const known = this.memo.get(k);
    if (known) return known;
    const outs = this.outs.get(k) ?? [];
    const total = outs.reduce((sum, o) => sum + o.amount, 0);
    const result: Distribution = new Map();
    // Shares are the same for billed and effective; a zero-cost day falls back to equal counting.
    const weightOf = (amount: number): number => (total !== 0 ? amount / total : outs.length > 0 ? 1 / outs.length : 0);
    for (const o of outs) {
      const w = weightOf(o.amount);
      if (o.value !== null) result.set(o.value, (result.get(o.value) ?? 0) + w);
      else if (o.pool !== null && depth < 64) for (const [v, f] of this.of(o.pool, currency, day, depth + 1)) result.set(v, (result.get(v) ?? 0) + w * f);
    }
    this.memo.set(k, result);
    return result;
  }
}

function key(pool: string, currency: string, day: number): string {
  return `${pool}\u0000${currency}\u0000${day}`;
}
