/**
 * Streaming UTF-8 (strict) that falls back to Windows-1252 when the file's first non-ASCII bytes
 * are not UTF-8. Everything before them is ASCII, which both encodings read alike, so switching
 * there gives exactly the text of decoding the whole file as Windows-1252. Once a valid UTF-8
 * character has been seen the file is UTF-8, and later bad bytes are an error (mixed encodings).
 *
 * Fast path: while the file is ASCII, each chunk is decoded natively and the text length compared
 * with the byte count; only a chunk where they differ is scanned byte by byte.
 */
type Verdict = 'valid' | 'invalid' | 'cut';

/** Whether a UTF-8 sequence starts at `i` ('cut' when the chunk ends inside it). */
function sequenceAt(bytes: Uint8Array, i: number): Verdict {
  const lead = bytes[i] ?? 0;
  const continuation = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
  if (continuation < 0) return 'invalid';
  for (let k = 1; k <= continuation; k++) {
    const byte = bytes[i + k];
    if (byte === undefined) return 'cut';
    if ((byte & 0xc0) !== 0x80) return 'invalid';
  }
  return 'valid';
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return i;
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

export class Utf8OrWindows1252 {
  private utf8 = new TextDecoder('utf-8', { fatal: true });
  private legacy: TextDecoder | null = null;
  /** True once a valid UTF-8 character has been read. */
  private settled = false;
  /** The start of a possible UTF-8 character cut by the end of the last chunk. */
  private held: Uint8Array | null = null;
  private atStart = true;

  constructor(private readonly onFallback: () => void) {}

  /** Throws (TypeError) for bytes that are not UTF-8 in a file already read as UTF-8. */
  decode(chunk: Uint8Array): string {
    if (this.legacy) return this.legacy.decode(chunk, { stream: true });
    if (this.settled) return this.utf8.decode(chunk, { stream: true });
    const bytes = this.held ? concat(this.held, chunk) : chunk;
    this.held = null;
    if (bytes.length === 0) return '';
    let text: string | null;
    try {
      text = this.utf8.decode(bytes, { stream: true });
    } catch {
      text = null;
    }
    if (text !== null && text.length === bytes.length) {
      this.atStart = false;
      return text;
    }
    return this.decide(bytes);
  }

  /** The chunk holds the file's first non-ASCII bytes: they choose the encoding. */
  private decide(bytes: Uint8Array): string {
    // A fresh decoder: the last one saw (and maybe choked on) these bytes already.
    this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: !this.atStart });
    this.atStart = false;
    const i = firstNonAscii(bytes);
    const verdict = i < 0 ? 'valid' : sequenceAt(bytes, i);
    if (verdict === 'cut') {
      this.held = bytes.slice(i);
      return this.utf8.decode(bytes.subarray(0, i), { stream: true });
    }
    if (verdict === 'valid') {
      this.settled = true;
      return this.utf8.decode(bytes, { stream: true });
    }
    this.legacy = new TextDecoder('windows-1252');
    this.onFallback();
    return this.legacy.decode(bytes, { stream: true });
  }

  /** Flushes; throws (TypeError) when a UTF-8 file ends inside a character. */
  end(): string {
    if (this.held) {
      // The file ends inside what would have been its first non-ASCII character: not UTF-8.
      const held = this.held;
      this.held = null;
      this.legacy = new TextDecoder('windows-1252');
      this.onFallback();
      return this.legacy.decode(held);
    }
    return this.legacy ? this.legacy.decode() : this.utf8.decode();
  }
}
