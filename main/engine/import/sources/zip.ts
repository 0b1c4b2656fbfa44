/**
 * Zip archives read through random access: the central directory (at the end, zip64 included)
 * lists the entries; each entry's data is then read in pieces and inflated as a stream (fflate),
 * its CRC-32 and length checked at the end. Stored (uncompressed) and deflated entries are read;
 * other methods and encrypted entries are refused by name.
 */
import { Inflate } from 'fflate';
import { FileRefused } from '../file-refused.js';
import { rangeChunks, type RandomAccess } from './byte-access.js';
import { Crc32 } from './crc32.js';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** The central directory is read whole; past this it is not an archive of bills. */
const MAX_DIRECTORY_BYTES = 64 << 20;
const STORED = 0;
const DEFLATED = 8;

const METHOD_NAMES: Record<number, string> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 99: 'AES encryption' };

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v: DataView, at: number): number {
  return Number(v.getBigUint64(at, true));
}

function broken(archive: string, detail: string): FileRefused {
  return new FileRefused(`${archive} is not a readable zip archive (${detail}).`);
}

/** Where the central directory is and how many entries it has. */
async function findDirectory(file: RandomAccess, archive: string): Promise<{ offset: number; size: number; count: number }> {
  const tailStart = Math.max(0, file.size - (22 + MAX_COMMENT));
  const tail = await file.read(tailStart, file.size);
  const v = view(tail);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (v.getUint32(at, true) !== EOCD) continue;
    let count = v.getUint16(at + 10, true);
    let size = v.getUint32(at + 12, true);
    let offset = v.getUint32(at + 16, true);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locatorAt = tailStart + at - 20;
      const locator = view(await file.read(locatorAt, locatorAt + 20));
      if (locatorAt < 0 || locator.getUint32(0, true) !== ZIP64_LOCATOR) throw broken(archive, 'zip64 locator missing');
      const recordAt = u64(locator, 8);
      const record = view(await file.read(recordAt, recordAt + 56));
      if (record.getUint32(0, true) !== ZIP64_EOCD) throw broken(archive, 'zip64 directory missing');
      count = u64(record, 32);
      size = u64(record, 40);
      offset = u64(record, 48);
    }
    if (offset + size > file.size) throw broken(archive, 'its directory lies past the end of the file: it is truncated');
    return { offset, size, count };
  }
  throw broken(archive, 'no central directory: the file is truncated or not a zip');
}

/** The entries of the archive that hold files (directories left out). */
export async function zipEntries(file: RandomAccess, archive: string): Promise<ZipEntry[]> {
  const directory = await findDirectory(file, archive);
  if (directory.size > MAX_DIRECTORY_BYTES) throw broken(archive, `a directory of ${directory.count} entries is too large`);
  const bytes = await file.read(directory.offset, directory.offset + directory.size);
  const v = view(bytes);
  const utf8 = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < directory.count; n++) {
    if (at + 46 > bytes.length || v.getUint32(at, true) !== CENTRAL_HEADER) throw broken(archive, `entry ${n + 1} of its directory is damaged`);
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: v.getUint16(at + 10, true),
      encrypted: (v.getUint16(at + 8, true) & 1) === 1,
      crc: v.getUint32(at + 16, true),
      compressedSize: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      localHeaderOffset: v.getUint32(at + 42, true),
    };
    readZip64Extra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    if (!entry.name.endsWith('/')) entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset past 4 GB are in the zip64 extra field, in this order, when their field is all ones. */
function readZip64Extra(extra: Uint8Array, entry: ZipEntry): void {
  const v = view(extra);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = v.getUint16(at, true);
    const length = v.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + length ? u64(v, field) : 0;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/** Why an entry cannot be read, or null. */
export function unreadableReason(entry: ZipEntry): string | null {
  if (entry.encrypted) return 'it is encrypted';
  if (entry.method !== STORED && entry.method !== DEFLATED) return `it is compressed with ${METHOD_NAMES[entry.method] ?? `method ${entry.method}`}, which Cost Council cannot read (re-zip it with Deflate)`;
  return null;
}

/** Where an entry's data starts: after its local header, whose name and extra lengths may differ from the directory's. */
export async function entryDataStart(file: RandomAccess, entry: ZipEntry, archive: string): Promise<number> {
  const header = view(await file.read(entry.localHeaderOffset, entry.localHeaderOffset + 30));
  if (header.byteLength < 30 || header.getUint32(0, true) !== LOCAL_HEADER) throw broken(archive, `the header of ${entry.name} is damaged`);
  return entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
}

/** An entry's content, inflated as it is read, checked against its CRC-32 and length. */
export async function* zipEntryChunks(file: RandomAccess, entry: ZipEntry, archive: string): AsyncGenerator<Uint8Array> {
  const label = `${archive} › ${entry.name}`;
  const reason = unreadableReason(entry);
  if (reason) throw new FileRefused(`${label} cannot be read: ${reason}.`);
  const start = await entryDataStart(file, entry, archive);
  if (start + entry.compressedSize > file.size) throw broken(archive, `${entry.name} runs past the end of the file: it is truncated`);
  const crc = new Crc32();
  let length = 0;
  let output: Uint8Array[] = [];
  const inflate = entry.method === DEFLATED ? new Inflate((data) => output.push(data)) : null;
  const push = (chunk: Uint8Array, final: boolean): void => {
    if (!inflate) {
      output.push(chunk);
      return;
    }
    try {
      inflate.push(chunk, final);
    } catch (error) {
      throw new FileRefused(`${label} is damaged (${error instanceof Error ? error.message : String(error)}).`);
    }
  };
  for await (const chunk of rangeChunks(file, start, start + entry.compressedSize, label)) {
    push(chunk, false);
    const ready = output;
    output = [];
    for (const piece of ready) {
      crc.update(piece);
      length += piece.length;
      yield piece;
    }
  }
  push(new Uint8Array(0), true);
  for (const piece of output) {
    crc.update(piece);
    length += piece.length;
    yield piece;
  }
  if (length !== entry.size || crc.digest() !== entry.crc) throw new FileRefused(`${label} is damaged: its content does not match its checksum.`);
}

/** A stored entry as random access into the archive (for Parquet inside a zip without copying). */
export async function storedEntryAccess(file: RandomAccess, entry: ZipEntry, archive: string): Promise<RandomAccess | null> {
  if (entry.method !== STORED || entry.encrypted) return null;
  const start = await entryDataStart(file, entry, archive);
  return { size: entry.size, read: (from, to) => file.read(start + from, start + Math.min(to, entry.size)) };
}
