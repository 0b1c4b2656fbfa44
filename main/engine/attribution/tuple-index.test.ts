import { describe, expect, it } from 'vitest';
import { TupleIndex } from './tuple-index.js';

describe('TupleIndex', () => {
  it('numbers distinct tuples in the order first met, the same tuple always getting its id, across growth', () => {
    const index = new TupleIndex(3, 4);
    // Large whole numbers (beyond 2^32, as packed signature columns are) and small ones, with
    // tuples that differ only in one place or only in the high bits.
    const big = 2 ** 52 + 7;
    const tuples: number[][] = [];
    for (let i = 0; i < 5000; i++) tuples.push([i % 7, big - (i % 13) * 2 ** 33, Math.floor(i / 91)]);
    const expected = new Map<string, number>();
    for (const t of tuples) {
      const text = t.join(',');
      if (!expected.has(text)) expected.set(text, expected.size);
    }
    const ids = tuples.map((t) => index.id(t));
    expect(ids).toEqual(tuples.map((t) => expected.get(t.join(','))));
    expect(index.size).toBe(expected.size);
    // Read from an offset inside a longer row, as the line reader does.
    expect(index.id(['x', 'y', ...(tuples[42] as number[])], 2)).toBe(expected.get((tuples[42] as number[]).join(',')));
    expect(index.id([0, 0, 0])).toBe(expected.size);
  });
});
