/**
 * Small building blocks for aggregating in JavaScript what SQL would GROUP BY: a hash table of
 * fixed-width integer tuples with a few numbers per group, and compensated sums as SQLite's
 * TOTAL computes them. Laid out for few memory accesses a lookup (a million lines make hundreds
 * of thousands of groups): slots hold the hash beside the index, a group's numbers are adjacent.
 */

/** Tuples of `width` 32-bit integers → dense indexes 0, 1, 2… in order of first insertion, each with `numbers` doubles (0 at first). */
export class TupleTable {
  private keys: Int32Array;
  /** [hash, index + 1] pairs; index + 1 = 0: empty. */
  private slots: Int32Array;
  private mask: number;
  private size_ = 0;
  /** False after `append`: the hash index is rebuilt on the next `indexOf`. */
  private indexed = true;
  /** `numbers` values per group, starting at index × numbers. */
  values: Float64Array;

  constructor(
    readonly width: number,
    readonly numbers = 0,
    capacity = 1024,
  ) {
    this.keys = new Int32Array(capacity * width);
    this.values = new Float64Array(capacity * Math.max(1, numbers));
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.size_;
  }

  /**
   * Adds `tuple` as a new group without looking it up: for callers that keep an index of their
   * own (RollupCube's resource days); a later `indexOf` indexes every group first.
   */
  append(tuple: Int32Array): number {
    const index = this.size_++;
    if ((index + 1) * this.width > this.keys.length) this.grow();
    this.keys.set(tuple.subarray(0, this.width), index * this.width);
    this.indexed = false;
    return index;
  }

  /** The index of `tuple` (its first `width` values), added when new. */
  indexOf(tuple: Int32Array): number {
    if (!this.indexed) this.reindex();
    const width = this.width;
    const hash = hashOf(tuple, 0, width);
    const keys = this.keys;
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot * 2 + 1] as number;
      if (entry === 0) break;
      if (slots[slot * 2] === hash) {
        const base = (entry - 1) * width;
        let i = 0;
        while (i < width && keys[base + i] === tuple[i]) i++;
        if (i === width) return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.size_++;
    if ((index + 1) * width > this.keys.length) this.grow();
    this.keys.set(tuple.subarray(0, width), index * width);
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = index + 1;
    if (this.size_ * 2 > mask + 1) this.rehash();
    return index;
  }

  /** Value `field` of the tuple at `index`. */
  at(index: number, field: number): number {
    return this.keys[index * this.width + field] as number;
  }

  /** Number `k` of the group at `index`. */
  number(index: number, k: number): number {
    return this.values[index * this.numbers + k] as number;
  }

  /**
   * Indexes ordered by their tuples' fields, compared in the order `fields` lists them: rows
   * written in their index's order fill its pages (a covering index read by the overview).
   */
  sortedBy(fields: readonly number[]): Int32Array {
    const order = Int32Array.from({ length: this.size_ }, (_, i) => i);
    const { keys, width } = this;
    order.sort((a, b) => {
      for (const field of fields) {
        const d = (keys[a * width + field] as number) - (keys[b * width + field] as number);
        if (d !== 0) return d;
      }
      return 0;
    });
    return order;
  }

  /** The tuples in index order, `width` values each. */
  keysCopy(): Int32Array {
    return this.keys.slice(0, this.size_ * this.width);
  }

  private grow(): void {
    const keys = new Int32Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }

  /** Builds the hash index of every group (after `append`). */
  private reindex(): void {
    let slots = 16;
    while (slots < this.size_ * 2 + 2) slots *= 2;
    this.slots = new Int32Array(slots * 2);
    this.mask = slots - 1;
    for (let index = 0; index < this.size_; index++) {
      const hash = hashOf(this.keys, index * this.width, this.width);
      let slot = hash & this.mask;
      while ((this.slots[slot * 2 + 1] as number) !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = hash;
      this.slots[slot * 2 + 1] = index + 1;
    }
    this.indexed = true;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 2 - 1;
    for (let s = 0; s < old.length; s += 2) {
      const entry = old[s + 1] as number;
      if (entry === 0) continue;
      const hash = old[s] as number;
      let slot = hash & mask;
      while ((slots[slot * 2 + 1] as number) !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = hash;
      slots[slot * 2 + 1] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function hashOf(values: Int32Array, start: number, width: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < width; i++) {
    const v = values[start + i] as number;
    hash = Math.imul(hash ^ v, 0x01000193) ^ (v >>> 16);
  }
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}

/**
 * Adds `value` to the compensated sum at values[at] (the sum) and values[at + 1] (the error
 * term), as SQLite's SUM/TOTAL do for floating-point values (Kahan–Babuška–Neumaier, SQLite 3.43+).
 */
export function addCompensated(values: Float64Array, at: number, value: number): void {
  const s = values[at] as number;
  const t = s + value;
  if (Math.abs(s) > Math.abs(value)) values[at + 1] = (values[at + 1] as number) + ((s - t) + value);
  else values[at + 1] = (values[at + 1] as number) + ((value - t) + s);
  values[at] = t;
}

/** The total of a compensated sum at values[at], values[at + 1], as TOTAL() returns it. */
export function compensatedTotal(values: Float64Array, at: number): number {
  const error = values[at + 1] as number;
  const sum = values[at] as number;
  return Number.isFinite(error) ? sum + error : sum;
}
