/**
 * Room for the workspace to grow in place. sql.js keeps the database in an Emscripten MEMFS file
 * that grows by an eighth at a time, copying the whole file each time: a workspace that grows to
 * 300 MB is copied about eight times over (over a second of a million-line import). A database
 * opened from bytes sits in a file as long as the buffer it was given, so bytes followed by free
 * room grow in place: SQLite reads its size from the header, writes new pages into the room, and
 * `export()` writes page_count × page_size bytes (sql.js 1.17), so saved workspaces are unchanged.
 *
 * MEMFS takes the buffer with `slice()`; this buffer's `slice` is a view, so the room is not copied
 * and costs nothing until written: the system hands out zero pages as SQLite fills them. Past the
 * room, MEMFS grows as before.
 */

/** A Uint8Array whose `slice` is a view (so MEMFS adopts it instead of copying it). */
class AdoptedBytes extends Uint8Array<ArrayBuffer> {
  /** Views made of it (subarray) are plain Uint8Arrays. */
  static get [Symbol.species](): Uint8ArrayConstructor {
    return Uint8Array;
  }

  constructor(length: number) {
    super(new ArrayBuffer(length));
  }

  override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
    return this.subarray(start, end);
  }
}

/** "SQLite format 3\0": only a database gets room (anything else fails to open exactly as before). */
const MAGIC = [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00];

/** Virtual room after the workspace's bytes (only what is written becomes memory). */
export const ROOM_BYTES = 1 << 30;

/** The database bytes in a buffer with `room` free bytes after them; the bytes alone when that much cannot be had. */
export function withRoom(bytes: Uint8Array, room = ROOM_BYTES): Uint8Array {
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) return bytes;
  let roomy: Uint8Array;
  try {
    roomy = new AdoptedBytes(bytes.length + room);
  } catch {
    return bytes; // no address space for it (a 32-bit host): grow as sql.js does
  }
  roomy.set(bytes);
  return roomy;
}
