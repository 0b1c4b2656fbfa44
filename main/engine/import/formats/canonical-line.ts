/** Helpers for building canonical lines: column positions, header lookup, extras. */
import { COST_COLUMNS } from '../../db/cost-columns.js';
import type { CanonicalLine } from './format-adapter.js';

const POSITION = new Map(COST_COLUMNS.map((c, i) => [c.name, i]));

/** Position of a canonical column in `CanonicalLine.values`; throws for a name not in the model. */
export function columnPosition(name: string): number {
  const position = POSITION.get(name);
  if (position === undefined) throw new Error(`${name} is not a column of the cost model`);
  return position;
}

export function emptyValues(): Array<string | null> {
  return new Array<string | null>(COST_COLUMNS.length).fill(null);
}

/** Header names compared without case, surrounding spaces or a stray BOM. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/** Finds columns of a header by name, ignoring case; the first of duplicates wins. */
export class HeaderIndex {
  private readonly positions = new Map<string, number>();
  readonly names: readonly string[];

  constructor(header: readonly string[]) {
    this.names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
    this.names.forEach((name, i) => {
      const key = name.toLowerCase();
      if (!this.positions.has(key)) this.positions.set(key, i);
    });
  }

  /** Index of the first of `names` the header has, or -1. */
  indexOf(...names: string[]): number {
    for (const name of names) {
      const index = this.positions.get(name.toLowerCase());
      if (index !== undefined) return index;
    }
    return -1;
  }

  has(name: string): boolean {
    return this.positions.has(name.toLowerCase());
  }

  /** How many of `names` the header has. */
  count(names: readonly string[]): number {
    return names.filter((n) => this.has(n)).length;
  }
}

/** Builds the extras JSON of a record from the given source columns (empty and NULL cells left out). */
export function extrasOf(record: readonly string[], extras: ReadonlyArray<{ name: string; index: number }>, isEmpty: (text: string) => boolean): string | null {
  let found: Record<string, string> | null = null;
  for (const { name, index } of extras) {
    const text = record[index];
    if (text === undefined || isEmpty(text)) continue;
    found ??= {};
    found[name] = text;
  }
  return found ? JSON.stringify(found) : null;
}

export function line(values: Array<string | null>, extras: string | null): CanonicalLine {
  return { values, extras };
}
