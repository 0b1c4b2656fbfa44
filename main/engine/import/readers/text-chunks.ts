/**
 * Bytes → text, chunk by chunk. Encodings: UTF-8 (strict; the default); Windows-1252 when the
 * file's first non-ASCII bytes are not UTF-8 (the legacy Excel/Windows default; the report says
 * so); UTF-16 LE/BE with a byte-order mark, or without one when the NUL bytes show it. Binary
 * content (NUL bytes in what is not UTF-16, PDF, SQLite…) is refused with a clear message.
 */
import { FileRefused } from '../file-refused.js';
import { Utf8OrWindows1252 } from './utf8-or-1252.js';

/** How much decoded text is handed to the parsers at a time. */
const TEXT_BATCH_CHARS = 1 << 20;
/** The encoding is decided on this many leading bytes. */
const HEAD_BYTES = 4096;

export const WINDOWS_1252_WARNING = 'Read as Windows-1252 (not valid UTF-8).';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Names a non-text format from its magic bytes, for a helpful refusal. */
function binaryFormatName(head: Uint8Array): string | null {
  if (startsWith(head, [0x1f, 0x8b])) return 'a gzip-compressed file';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'a zip archive';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'a Parquet file';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  if (startsWith(head, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65])) return 'an SQLite database';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'a legacy Excel (.xls) workbook';
  return null;
}

/** UTF-16 without a byte-order mark: text in Latin scripts has a NUL in every other byte. */
function guessUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = head.length >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** Control characters other than tab, CR and LF: not text. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

interface Decoder {
  name: string;
  decode(chunk: Uint8Array): string;
  end(): string;
}

function strict(label: string, name: string): Decoder {
  const decoder = new TextDecoder(label, { fatal: true });
  return { name, decode: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

function decoderFor(head: Uint8Array, fileName: string, warnings: string[]): Decoder {
  const binary = binaryFormatName(head);
  if (binary) throw new FileRefused(`${fileName} is ${binary}, not a CSV or JSON text file.`);
  // The decoders drop a leading byte-order mark by themselves.
  if (startsWith(head, [0xff, 0xfe])) return strict('utf-16le', 'UTF-16LE');
  if (startsWith(head, [0xfe, 0xff])) return strict('utf-16be', 'UTF-16BE');
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return strict('utf-8', 'UTF-8');
  const utf16 = guessUtf16(head);
  if (utf16) {
    let sample = '';
    try {
      sample = new TextDecoder(utf16, { fatal: true }).decode(head.subarray(0, head.length & ~3), { stream: true });
    } catch {
      sample = '\u0000';
    }
    if (!hasControlCharacters(sample)) return strict(utf16, utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE');
  }
  if (head.includes(0)) throw new FileRefused(`${fileName} contains binary data (NUL bytes), not CSV or JSON text.`);
  const decoder = new Utf8OrWindows1252(() => warnings.push(WINDOWS_1252_WARNING));
  return { name: 'UTF-8', decode: (chunk) => decoder.decode(chunk), end: () => decoder.end() };
}

/**
 * Where the text of a file the reader would read as UTF-8 (or ASCII) starts: 3 after a UTF-8
 * byte-order mark, else 0; null when it would refuse it or read another encoding (UTF-16, a
 * binary format). Windows-1252 cannot be told from the head; a reader that meets bytes that are
 * not UTF-8 leaves the file to this one. `head`: the file's first chunks, as `head` gathers them.
 */
export function utf8TextStart(head: Uint8Array): number | null {
  if (binaryFormatName(head)) return null;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return null;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 3;
  if (guessUtf16(head) || head.includes(0)) return null;
  return 0;
}

/** Gathers at least HEAD_BYTES (or the whole input, when shorter) to decide the encoding on. */
export async function head(iterator: AsyncIterator<Uint8Array>): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  if (parts.length <= 1) return parts[0] ?? null;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Yields the text in batches of about a megabyte. Throws FileRefused for content that is not text. */
export async function* textChunks(bytes: AsyncIterable<Uint8Array>, fileName: string, warnings: string[]): AsyncGenerator<string> {
  const iterator = bytes[Symbol.asyncIterator]();
  try {
    let chunk = await head(iterator);
    if (!chunk) return;
    const decoder = decoderFor(chunk, fileName, warnings);
    let offset = 0;
    let pending = '';
    while (chunk) {
      try {
        pending += decoder.decode(chunk);
      } catch {
        throw new FileRefused(`${fileName} is not valid ${decoder.name} text (bad bytes within bytes ${offset}–${offset + chunk.length}). Save it as UTF-8 and try again.`);
      }
      offset += chunk.length;
      if (pending.length >= TEXT_BATCH_CHARS) {
        yield pending;
        pending = '';
      }
      const next = await iterator.next();
      chunk = next.done ? null : next.value;
    }
    try {
      pending += decoder.end();
    } catch {
      throw new FileRefused(`${fileName} ends in the middle of a ${decoder.name} character: the file is truncated.`);
    }
    if (pending) yield pending;
  } finally {
    await iterator.return?.();
  }
}
