/**
 * Small building blocks for aggregating in JavaScript what SQL would GROUP BY: a hash table of
 * fixed-width integer tuples, compensated sums as SQLite computes them, and growable typed arrays.
 */

/** Tuples of `width` 32-bit integers → dense indexes 0, 1, 2… in order of first insertion. */
export class TupleTable {
  private keys: Int32Array;
  private slots: Int32Array;
  private size_ = 0;

  constructor(readonly width: number, capacity = 1024) {
    this.keys = new Int32Array(capacity * width);
    this.slots = new Int32Array(tableSizeFor(capacity)).fill(-1);
  }

  get size(): number {
    return this.size_;
  }

  /** The index of `tuple` (its first `width` values), added when new. */
  indexOf(tuple: ArrayLike<number>): number {
    const width = this.width;
    const mask = this.slots.length - 1;
    let slot = hashOf(tuple, width) & mask;
    for (;;) {
      const index = this.slots[slot] as number;
      if (index < 0) break;
      if (this.equals(index, tuple)) return index;
      slot = (slot + 1) & mask;
    }
    const index = this.size_++;
    if ((index + 1) * width > this.keys.length) this.keys = grown(this.keys, (index + 1) * width * 2);
    for (let i = 0; i < width; i++) this.keys[index * width + i] = tuple[i] as number;
    this.slots[slot] = index;
    if (this.size_ * 2 > this.slots.length) this.rehash();
    return index;
  }

  /** Value `field` of the tuple at `index`. */
  at(index: number, field: number): number {
    return this.keys[index * this.width + field] as number;
  }

  /** Indexes in ascending order of their tuples (compared field by field), as SQL's GROUP BY emits groups. */
  sortedIndexes(): Int32Array {
    const order = new Int32Array(this.size_);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const { keys, width } = this;
    order.sort((a, b) => {
      for (let f = 0; f < width; f++) {
        const d = (keys[a * width + f] as number) - (keys[b * width + f] as number);
        if (d !== 0) return d;
      }
      return 0;
    });
    return order;
  }

  private equals(index: number, tuple: ArrayLike<number>): boolean {
    const base = index * this.width;
    for (let i = 0; i < this.width; i++) if (this.keys[base + i] !== tuple[i]) return false;
    return true;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let index = 0; index < this.size_; index++) {
      let slot = hashOf(this.keys.subarray(index * this.width, (index + 1) * this.width), this.width) & mask;
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = index;
    }
  }
}

function tableSizeFor(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

function hashOf(tuple: ArrayLike<number>, width: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < width; i++) {
    h = Math.imul(h ^ (tuple[i] as number), 0x01000193);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

export function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}

/**
 * Running sums as SQLite's SUM/TOTAL compute them for floating-point values (Kahan–Babuška–
 * Neumaier, SQLite 3.43+): a sum and an error term per slot.
 */
export class CompensatedSums {
  private sum: Float64Array;
  private error: Float64Array;

  constructor(capacity = 1024) {
    this.sum = new Float64Array(capacity);
    this.error = new Float64Array(capacity);
  }

  add(slot: number, value: number): void {
    if (slot >= this.sum.length) {
      const length = Math.max(slot + 1, this.sum.length * 2);
      this.sum = grown(this.sum, length);
      this.error = grown(this.error, length);
    }
    const s = this.sum[slot] as number;
    const t = s + value;
    if (Math.abs(s) > Math.abs(value)) this.error[slot] = (this.error[slot] as number) + ((s - t) + value);
    else this.error[slot] = (this.error[slot] as number) + ((value - t) + s);
    this.sum[slot] = t;
  }

  /** The total of a slot, as TOTAL() returns it (0 for a slot never added to). */
  total(slot: number): number {
    if (slot >= this.sum.length) return 0;
    const error = this.error[slot] as number;
    const sum = this.sum[slot] as number;
    return Number.isFinite(error) ? sum + error : sum;
  }
}

/** A growable array of 32-bit integers, one slot per index. */
export class IntColumn {
  private values: Int32Array;

  constructor(capacity = 1024) {
    this.values = new Int32Array(capacity);
  }

  get(slot: number): number {
    return slot < this.values.length ? (this.values[slot] as number) : 0;
  }

  set(slot: number, value: number): void {
    if (slot >= this.values.length) this.values = grown(this.values, Math.max(slot + 1, this.values.length * 2));
    this.values[slot] = value;
  }
}
