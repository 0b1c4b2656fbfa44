/**
 * A hash table keyed by byte ranges of a buffer: the cells of a CSV column looked up without
 * making a string of them. Keys are copied into an arena when added; a lookup compares the bytes
 * (4 at a time) of entries whose hash and length match, so a hash collision never merges keys.
 */

/** FNV-1a over bytes[start, end). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h;
}

export class ByteTable {
  private slots: Int32Array = new Int32Array(64).fill(-1);
  private hashes: Int32Array = new Int32Array(32);
  private offsets: Int32Array = new Int32Array(32);
  private lengths: Int32Array = new Int32Array(32);
  private arena: Uint8Array = new Uint8Array(1024);
  private arenaView: DataView = new DataView(this.arena.buffer);
  private used = 0;
  size = 0;

  /**
   * The entry of bytes[start, end) whose FNV-1a hash is `hash` (see hashBytes), or -1. `view` is a
   * DataView over the same memory as `bytes`, starting at `bytes.byteOffset`.
   */
  find(bytes: Uint8Array, view: DataView, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.lengths[entry] === length && this.same(entry, bytes, view, start, length)) return entry;
      slot = (slot + 1) & mask;
    }
  }

  /** Adds bytes[start, end) (not in the table) and returns its entry number (0, 1, 2…). */
  add(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const entry = this.size++;
    const length = end - start;
    if (entry >= this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
    }
    if (this.used + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
      this.arenaView = new DataView(arena.buffer);
    }
    this.arena.set(bytes.subarray(start, end), this.used);
    this.hashes[entry] = hash;
    this.offsets[entry] = this.used;
    this.lengths[entry] = length;
    this.used += length;
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.place(entry);
    return entry;
  }

  private same(entry: number, bytes: Uint8Array, view: DataView, start: number, length: number): boolean {
    const offset = this.offsets[entry] as number;
    const arenaView = this.arenaView;
    let i = 0;
    for (; i + 4 <= length; i += 4) if (arenaView.getInt32(offset + i) !== view.getInt32(start + i)) return false;
    const arena = this.arena;
    for (; i < length; i++) if (arena[offset + i] !== bytes[start + i]) return false;
    return true;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    const hash = this.hashes[entry] as number;
    let slot = (hash ^ (hash >>> 15)) & mask;
    while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < this.size; entry++) this.place(entry);
  }
}

function grow(array: Int32Array): Int32Array {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
