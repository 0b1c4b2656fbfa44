/**
 * Numbers tuples of whole numbers (each below 2^53) densely, 0, 1, 2, … in the order first met:
 * an open-addressing hash table over typed arrays. The cube meets a million lines; a `Map` keyed
 * by text or by large numbers allocates per line and costs several times as much.
 */
export class TupleIndex {
  size = 0;
  private mask: number;
  /** Hash slot → id + 1 (0: empty). */
  private table: Int32Array;
  /** The tuples by id, `width` numbers each. */
  private tuples: Float64Array;

  constructor(readonly width: number, expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity);
    this.tuples = new Float64Array(Math.max(1, expected) * width);
  }

  /** The id of the tuple `key[from]`, …, `key[from + width − 1]`; a new tuple gets the next id (= the old `size`). */
  id(key: ArrayLike<unknown>, from = 0): number {
    const width = this.width;
    let h = 0;
    for (let i = 0; i < width; i++) {
      const v = key[from + i] as number;
      h = Math.imul(h ^ (v | 0), 0x9e3779b1);
      h = Math.imul(h ^ ((v / 4294967296) | 0), 0x85ebca6b);
    }
    h ^= h >>> 15;
    const tuples = this.tuples;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const held = this.table[slot] as number;
      if (held === 0) break;
      const base = (held - 1) * width;
      let same = true;
      for (let i = 0; i < width; i++) {
        if (tuples[base + i] !== key[from + i]) {
          same = false;
          break;
        }
      }
      if (same) return held - 1;
    }
    return this.add(key, from);
  }

  private add(key: ArrayLike<unknown>, from: number): number {
    const id = this.size++;
    if (this.size * this.width > this.tuples.length) {
      const grown = new Float64Array(this.tuples.length * 2);
      grown.set(this.tuples);
      this.tuples = grown;
    }
    for (let i = 0; i < this.width; i++) this.tuples[id * this.width + i] = key[from + i] as number;
    if (this.size * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const width = this.width;
    let h = 0;
    for (let i = 0; i < width; i++) {
      const v = this.tuples[id * width + i] as number;
      h = Math.imul(h ^ (v | 0), 0x9e3779b1);
      h = Math.imul(h ^ ((v / 4294967296) | 0), 0x85ebca6b);
    }
    h ^= h >>> 15;
    let slot = h & this.mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
    this.table[slot] = id + 1;
  }

  private rehash(capacity: number): void {
    this.table = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let id = 0; id < this.size; id++) this.place(id);
  }
}
