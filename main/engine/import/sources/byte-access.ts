/** Reading helpers over a host's ByteSource: the first bytes, random access, counting taps. */
import type { ByteSource } from '../../deps.js';
import { FileRefused } from '../file-refused.js';

/** Random access to a file, or to a part of one (a stored zip entry). */
export interface RandomAccess {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** Without the host's random access a file is read into memory, up to this size. */
export const MAX_BUFFERED_BYTES = 512 << 20;

/** The first `count` bytes of a stream (fewer for a shorter one); the stream is then closed. */
export async function firstBytes(chunks: AsyncIterable<Uint8Array>, count: number): Promise<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < count) {
      const next = await iterator.next();
      if (next.done) break;
      parts.push(next.value);
      length += next.value.length;
    }
  } finally {
    await iterator.return?.();
  }
  return joinBytes(parts).subarray(0, count);
}

/** The first `count` bytes of a file. */
export function readHead(source: ByteSource, count: number): Promise<Uint8Array> {
  if (source.readRange) return source.readRange(0, Math.min(count, source.size));
  return firstBytes(source.chunks(), count);
}

export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  if (parts.length === 0) return new Uint8Array(0);
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Reads a whole stream into memory, refusing past `limit` bytes. */
export async function readAll(chunks: AsyncIterable<Uint8Array>, limit: number, refusal: () => string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > limit) throw new FileRefused(refusal());
    parts.push(chunk);
  }
  return joinBytes(parts);
}

export function memoryAccess(bytes: Uint8Array): RandomAccess {
  return { size: bytes.length, read: (start, end) => Promise.resolve(bytes.subarray(start, end)) };
}

/** The host's random access when it has one, else the file read into memory (bounded). */
export async function randomAccess(source: ByteSource): Promise<RandomAccess> {
  const readRange = source.readRange?.bind(source);
  if (readRange) return { size: source.size, read: readRange };
  const bytes = await readAll(source.chunks(), MAX_BUFFERED_BYTES, () => `${source.name} is larger than ${MAX_BUFFERED_BYTES >> 20} MB and this edition cannot read it in parts.`);
  return memoryAccess(bytes);
}

/** Passes every chunk to `onBytes` (hash, progress) on its way through. */
export async function* tap(chunks: AsyncIterable<Uint8Array>, onBytes: ((chunk: Uint8Array) => void) | null): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    onBytes?.(chunk);
    yield chunk;
  }
}

/** Streams [start, end) of a random-access file in pieces. */
export async function* rangeChunks(file: RandomAccess, start: number, end: number, name: string, piece = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let at = start; at < end; ) {
    const bytes = await file.read(at, Math.min(end, at + piece));
    if (bytes.length === 0) throw new FileRefused(`${name} ends before its stated size: it is truncated.`);
    at += bytes.length;
    yield bytes;
  }
}
