import { describe, expect, it } from 'vitest';
import { parseBenchArgs, parseRowCount } from './bench-args.js';

describe('parseRowCount', () => {
  it('reads plain, underscored, suffixed and exponent counts', () => {
    expect(parseRowCount('100000')).toBe(100_000);
    expect(parseRowCount('100_000')).toBe(100_000);
    expect(parseRowCount('100k')).toBe(100_000);
    expect(parseRowCount('1M')).toBe(1_000_000);
    expect(parseRowCount('2.5m')).toBe(2_500_000);
    expect(parseRowCount('1e6')).toBe(1_000_000);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', '-5', '1.5', 'ten', '1G']) expect(() => parseRowCount(text)).toThrow(/--rows/);
  });
});

describe('parseBenchArgs', () => {
  it('defaults to 100k and 1M rows, 20 runs, sqlite3 on', () => {
    expect(parseBenchArgs([])).toEqual({ rows: [100_000, 1_000_000], runs: 20, seed: 42, sqlite: true, regenerate: false, workers: null, forecast: false, budgets: false });
  });

  it('takes a list or repeated --rows, sorted and without duplicates', () => {
    expect(parseBenchArgs(['--rows', '1M,100k', '--rows', '100000']).rows).toEqual([100_000, 1_000_000]);
  });

  it('reads the other options', () => {
    expect(parseBenchArgs(['--runs', '5', '--seed', '7', '--no-sqlite', '--regenerate', '--workers', '0'])).toEqual({
      rows: [100_000, 1_000_000], runs: 5, seed: 7, sqlite: false, regenerate: true, workers: 0, forecast: false, budgets: false,
    });
    expect(parseBenchArgs(['--forecast']).forecast).toBe(true);
    expect(parseBenchArgs(['--budgets']).budgets).toBe(true);
    expect(parseBenchArgs(['--workers', '2']).workers).toBe(2);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/--runs/);
    expect(() => parseBenchArgs(['--workers', '-1'])).toThrow(/--workers/);
    expect(() => parseBenchArgs(['--bogus'])).toThrow();
  });
});
