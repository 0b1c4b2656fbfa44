/**
 * Bytes → text, chunk by chunk: byte-order marks, UTF-8 (strict) and UTF-16, and a clear refusal
 * for compressed, binary or otherwise non-text files.
 */
import type { ByteSource } from '../../deps.js';
import { FileRefused } from '../file-refused.js';

/** How much decoded text is handed to the CSV parser at a time. */
const TEXT_BATCH_CHARS = 1 << 20;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Names a container format from its magic bytes, for a helpful refusal. */
function containerName(head: Uint8Array): string | null {
  if (startsWith(head, [0x1f, 0x8b])) return 'a gzip-compressed file';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'a zip archive';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'a Parquet file';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  if (startsWith(head, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65])) return 'an SQLite database';
  return null;
}

function decoderFor(head: Uint8Array): { decoder: TextDecoder; encoding: string } {
  if (startsWith(head, [0xff, 0xfe])) return { decoder: new TextDecoder('utf-16le', { fatal: true }), encoding: 'UTF-16LE' };
  if (startsWith(head, [0xfe, 0xff])) return { decoder: new TextDecoder('utf-16be', { fatal: true }), encoding: 'UTF-16BE' };
  // The UTF-8 decoder drops a leading byte-order mark by itself.
  return { decoder: new TextDecoder('utf-8', { fatal: true }), encoding: 'UTF-8' };
}

/**
 * Yields the file's text in batches of about a megabyte. `onBytes` is told every chunk read (for
 * the hash and for progress). Throws FileRefused for non-text content.
 */
export async function* textChunks(source: ByteSource, onBytes: (chunk: Uint8Array) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let encoding = 'UTF-8';
  let offset = 0;
  let pending = '';
  for await (const chunk of source.chunks()) {
    onBytes(chunk);
    if (!decoder) {
      const container = containerName(chunk);
      if (container) throw new FileRefused(`${source.name} is ${container}, not a CSV text file. Extract it first.`);
      ({ decoder, encoding } = decoderFor(chunk));
      if (encoding === 'UTF-8' && chunk.subarray(0, 4096).includes(0)) {
        throw new FileRefused(`${source.name} contains binary data (NUL bytes), not CSV text.`);
      }
    }
    try {
      pending += decoder.decode(chunk, { stream: true });
    } catch {
      throw new FileRefused(`${source.name} is not valid ${encoding} text (bad bytes within bytes ${offset}–${offset + chunk.length}). Save it as UTF-8 and try again.`);
    }
    offset += chunk.length;
    if (pending.length >= TEXT_BATCH_CHARS) {
      yield pending;
      pending = '';
    }
  }
  if (decoder) {
    try {
      pending += decoder.decode();
    } catch {
      throw new FileRefused(`${source.name} ends in the middle of a ${encoding} character: the file is truncated.`);
    }
  }
  if (pending) yield pending;
}
