import { describe, expect, it } from 'vitest';
import { createRandom, mulberry32 } from './prng.js';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
  });

  it('gives a different sequence for a different seed', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(Array.from({ length: 10 }, () => a())).not.toEqual(Array.from({ length: 10 }, () => b()));
  });

  it('stays in [0, 1) with a mean near one half', () => {
    const next = mulberry32(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = next();
      if (value < 0 || value >= 1) outside++;
      sum += value;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('createRandom', () => {
  it('draws integers within both inclusive bounds, reaching each bound', () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('picks only elements of the array and refuses an empty one', () => {
    const random = createRandom(3);
    for (let i = 0; i < 100; i++) expect(['a', 'b']).toContain(random.pick(['a', 'b']));
    expect(() => random.pick([])).toThrow();
  });

  it('makes positive jitter whose median is about 1', () => {
    const random = createRandom(11);
    const draws = Array.from({ length: 10_001 }, () => random.jitter(0.1)).sort((x, y) => x - y);
    expect(draws[0]).toBeGreaterThan(0);
    expect(draws[5000]).toBeCloseTo(1, 1);
  });

  it('makes hexadecimal text of the asked length', () => {
    expect(createRandom(5).hex(17)).toMatch(/^[0-9a-f]{17}$/);
  });

  it('shuffles a copy, keeping every element', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRandom(4).shuffled(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
  });
});
