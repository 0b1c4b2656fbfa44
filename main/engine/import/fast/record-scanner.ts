/**
 * A chunk's bytes read as CSV records, the way papaparse reads them with newline '\n': the field
 * boundaries of one record at a time (a field that starts with a quote is quoted, "" inside is a
 * quote, any other quote is literal; a CR ending a record's last field is dropped), a hash of the
 * bytes of each field whose cells are looked up by their bytes, and a field's text on demand
 * (strict UTF-8). What papaparse would read with errors or tolerance (text after a closing quote,
 * a quote never closed, bytes that are not UTF-8) throws Unsupported: the general reader decides.
 */
const LF = 10;
const CR = 13;
const QUOTE = 34;
export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const LINE_FEEDS = 0x0a0a0a0a;
const EMPTY = new Uint8Array(0);

/** A reason to leave a chunk (and its file) to the general reader. */
export class Unsupported extends Error {}

/**
 * The hash of a cell's bytes as the scan computes it: FNV-1a over little-endian 4-byte words,
 * then over the last (length mod 4) bytes. (Equal bytes, equal hashes: the table compares bytes.)
 */
function hashCell(view: DataView, bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  let k = start;
  for (; k + 4 <= end; k += 4) hash = Math.imul(hash ^ view.getInt32(k, true), FNV_PRIME);
  for (; k < end; k++) hash = Math.imul(hash ^ (bytes[k] as number), FNV_PRIME);
  return hash;
}

/** Field boundaries of one record: raw byte ranges (a quoted field with its quotes). */
export class Fields {
  start = new Int32Array(64);
  end = new Int32Array(64);
  quoted = new Uint8Array(64);
  hash = new Int32Array(64);
  count = 0;

  ensure(n: number): void {
    if (n < this.start.length) return;
    const size = Math.max(n + 1, this.start.length * 2);
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const quoted = new Uint8Array(size);
    const hash = new Int32Array(size);
    start.set(this.start);
    end.set(this.end);
    quoted.set(this.quoted);
    hash.set(this.hash);
    this.start = start;
    this.end = end;
    this.quoted = quoted;
    this.hash = hash;
  }
}

export class RecordScanner {
  /** The chunk being read (a plain Uint8Array view), and a DataView of it. */
  bytes: Uint8Array = EMPTY;
  view: DataView = new DataView(EMPTY.buffer);
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** The delimiter byte in each of four. */
  private readonly delimiterWord: number;

  /** `hashed`: per header field, true when its cells are looked up by their bytes (and so hashed). */
  constructor(
    private readonly delimiter: number,
    private readonly width: number,
    private readonly hashed: Uint8Array,
  ) {
    this.delimiterWord = Math.imul(delimiter, 0x01010101);
  }

  /** Reads `bytes` from now on. */
  begin(bytes: Uint8Array): void {
    // A plain Uint8Array view: a Node Buffer's indexOf is much slower.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Lets go of the chunk's bytes (they may be handed back to be filled again). */
  end(): void {
    this.bytes = EMPTY;
    this.view = new DataView(EMPTY.buffer);
  }

  /**
   * Finds the fields of the record at `start` (into `fields`) and returns where the next record
   * starts, or -1 when the record is not complete in a non-final chunk.
   */
  scan(start: number, final: boolean, fields: Fields): number {
    const bytes = this.bytes;
    const end = bytes.length;
    const delimiter = this.delimiter;
    const hashed = this.hashed;
    const width = this.width;
    let f = 0;
    let i = start;
    for (;;) {
      fields.ensure(f + 1);
      if (i < end && bytes[i] === QUOTE) {
        let q = i + 1;
        for (;;) {
          q = bytes.indexOf(QUOTE, q);
          if (q < 0) {
            if (final) throw new Unsupported('a quoted field is never closed');
            return -1;
          }
          if (q + 1 >= end) {
            if (!final) return -1;
            break;
          }
          if (bytes[q + 1] === QUOTE) {
            q += 2;
            continue;
          }
          break;
        }
        const after = q + 1;
        fields.start[f] = i;
        fields.end[f] = after;
        fields.quoted[f] = 1;
        fields.hash[f] = f < width && hashed[f] === 1 ? hashCell(this.view, bytes, i, after) : 0;
        f++;
        const next = after < end ? bytes[after] : -1;
        if (next === delimiter) {
          i = after + 1;
          continue;
        }
        let recordEnd: number;
        if (next === -1) recordEnd = end;
        else if (next === LF) recordEnd = after + 1;
        else if (next === CR && after + 1 < end && bytes[after + 1] === LF) recordEnd = after + 2;
        else if (next === CR && after + 1 >= end && !final) return -1;
        else throw new Unsupported('a quoted field is followed by other text before the next delimiter');
        // papaparse drops a CR that ends the record's last field, also inside quotes: left to it.
        if (q - 1 > i && bytes[q - 1] === CR) throw new Unsupported('a quoted last field ends with a carriage return');
        fields.count = f;
        return recordEnd;
      }
      // An unquoted field: up to the next delimiter or line feed, four bytes at a time while no
      // byte of the four is either (a SWAR test for a zero byte in the XOR with each).
      let k = i;
      let hash = FNV_OFFSET;
      const view = this.view;
      const delimiters = this.delimiterWord;
      if (f < width && hashed[f] === 1) {
        while (k + 4 <= end) {
          const word = view.getInt32(k, true);
          const d = word ^ delimiters;
          const l = word ^ LINE_FEEDS;
          if ((((d - 0x01010101) & ~d) | ((l - 0x01010101) & ~l)) & 0x80808080) break;
          hash = Math.imul(hash ^ word, FNV_PRIME);
          k += 4;
        }
        for (; k < end; k++) {
          const c = bytes[k] as number;
          if (c === delimiter || c === LF) break;
          hash = Math.imul(hash ^ c, FNV_PRIME);
        }
      } else {
        while (k + 4 <= end) {
          const word = view.getInt32(k, true);
          const d = word ^ delimiters;
          const l = word ^ LINE_FEEDS;
          if ((((d - 0x01010101) & ~d) | ((l - 0x01010101) & ~l)) & 0x80808080) break;
          k += 4;
        }
        for (; k < end; k++) {
          const c = bytes[k] as number;
          if (c === delimiter || c === LF) break;
        }
      }
      if (k >= end && !final) return -1;
      fields.start[f] = i;
      fields.end[f] = k;
      fields.quoted[f] = 0;
      fields.hash[f] = hash;
      if (k < end && bytes[k] === delimiter) {
        f++;
        i = k + 1;
        continue;
      }
      // The record's last field: a CR before the line feed is not part of it.
      if (k > i && bytes[k - 1] === CR) {
        fields.end[f] = k - 1;
        if (f < width && hashed[f] === 1) fields.hash[f] = hashCell(this.view, bytes, i, k - 1);
      }
      fields.count = f + 1;
      return k < end ? k + 1 : end;
    }
  }

  /** The text of field `f` (unquoted; "" → "), decoded as strict UTF-8; '' when the record has no such field. */
  fieldText(fields: Fields, f: number): string {
    if (f >= fields.count) return '';
    return this.textOf(fields.start[f] as number, fields.end[f] as number, fields.quoted[f] === 1);
  }

  /** The text of bytes [start, end) of the chunk (a quoted field with its quotes). */
  textOf(start: number, end: number, quoted: boolean): string {
    let text: string;
    try {
      text = this.decoder.decode(quoted ? this.bytes.subarray(start + 1, end - 1) : this.bytes.subarray(start, end));
    } catch {
      throw new Unsupported('the file is not UTF-8');
    }
    return quoted ? text.replaceAll('""', '"') : text;
  }

  /** A field whose value is not used still has to be text (UTF-8): decoded when it has non-ASCII bytes. */
  checkText(fields: Fields, f: number): void {
    const bytes = this.bytes;
    const end = fields.end[f] as number;
    for (let i = fields.start[f] as number; i < end; i++) {
      if ((bytes[i] as number) >= 0x80) {
        this.fieldText(fields, f);
        return;
      }
    }
  }
}
