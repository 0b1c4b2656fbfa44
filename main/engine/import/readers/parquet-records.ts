/**
 * Parquet → record batches (hyparquet), the header being the top-level column names. Values
 * become the text a CSV export would hold: timestamps ISO 8601 (UTC), dates YYYY-MM-DD, decimals
 * their exact value (read from the unscaled integer, never through a float), doubles their
 * shortest round-trip text, maps/structs/lists (CUR 2.0 `resource_tags`, `product`) JSON text.
 * Rows are read in slices so that memory stays bounded whatever the row-group size.
 * Codecs: Snappy (hyparquet's own; AWS and Azure write it), GZIP (fflate) and ZSTD (fzstd).
 */
import { gunzipSync } from 'fflate';
import { decompress as zstdDecompress } from 'fzstd';
import { parquetMetadataAsync, parquetRead, parquetSchema, type Compressors, type FileMetaData, type ParquetParsers, type SchemaElement } from 'hyparquet';
import { FileRefused } from '../file-refused.js';
import type { RandomAccess } from '../sources/byte-access.js';

/** Rows decoded per read: bounds memory for row groups of a million rows. */
const SLICE_ROWS = 50_000;
const BATCH_ROWS = 5000;

const COMPRESSORS: Compressors = {
  GZIP: (input, length) => gunzipSync(input, { out: new Uint8Array(length) }),
  ZSTD: (input, length) => zstdDecompress(input, new Uint8Array(length)),
};

function iso(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace('.000Z', 'Z');
}

const PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (v: bigint | number) => iso(Number(v)),
  timestampFromMicroseconds: (v: bigint | number) => iso(typeof v === 'bigint' ? Number(v / 1000n) : v / 1000),
  timestampFromNanoseconds: (v: bigint | number) => iso(typeof v === 'bigint' ? Number(v / 1_000_000n) : v / 1e6),
  dateFromDays: (days: number) => iso(days * 86_400_000).slice(0, 10),
};

const utf8 = new TextDecoder('utf-8');

/** Unscaled integer → exact decimal text ("-12.3400"). */
export function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  } else if (scale < 0) {
    digits += '0'.repeat(-scale);
  }
  return negative ? `-${digits}` : digits;
}

/** Big-endian two's complement bytes (FIXED_LEN_BYTE_ARRAY / BYTE_ARRAY decimals) → integer. */
function signedBigEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  if (bytes.length > 0 && ((bytes[0] ?? 0) & 0x80) !== 0) value -= 1n << BigInt(bytes.length * 8);
  return value;
}

function decimalCell(value: unknown, scale: number): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Uint8Array) return decimalText(signedBigEndian(value), scale);
  if (typeof value === 'bigint') return decimalText(value, scale);
  if (typeof value === 'number') return decimalText(BigInt(value), scale);
  return String(value);
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return utf8.decode(value);
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}

export function parquetCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? String(value) : '';
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      if (value instanceof Uint8Array) return utf8.decode(value);
      if (value instanceof Date) return iso(value.getTime());
      return JSON.stringify(value, jsonReplacer);
  }
}

function decimalScale(element: SchemaElement): number | null {
  if (element.logical_type?.type === 'DECIMAL') return element.logical_type.scale;
  if (element.converted_type === 'DECIMAL') return element.scale ?? 0;
  return null;
}

/**
 * The metadata with the decimal annotation taken off top-level decimal columns, so that hyparquet
 * hands over the unscaled integers (it would divide them into a float), and their scales by position.
 */
function withRawDecimals(metadata: FileMetaData): { metadata: FileMetaData; scales: Array<number | null>; header: string[] } {
  const columns = parquetSchema(metadata).children;
  const stripped = new Map<SchemaElement, number>();
  const scales = columns.map((column) => {
    const scale = column.children.length === 0 ? decimalScale(column.element) : null;
    if (scale !== null) stripped.set(column.element, scale);
    return scale;
  });
  const schema = metadata.schema.map((element) => (stripped.has(element) ? { ...element, converted_type: undefined, logical_type: undefined } : element));
  return { metadata: { ...metadata, schema }, scales, header: columns.map((c) => c.element.name) };
}

function refusal(fileName: string, error: unknown): FileRefused {
  const detail = error instanceof Error ? error.message : String(error);
  return new FileRefused(`${fileName} is not a readable Parquet file (${detail.replace(/^parquet /, '')}).`);
}

export async function* parquetRecords(file: RandomAccess, fileName: string): AsyncGenerator<string[][]> {
  const asyncBuffer = {
    byteLength: file.size,
    slice: async (start: number, end?: number): Promise<ArrayBuffer> => {
      const bytes = await file.read(start, end ?? file.size);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
  let prepared;
  try {
    prepared = withRawDecimals(await parquetMetadataAsync(asyncBuffer, { parsers: PARSERS }));
  } catch (error) {
    throw refusal(fileName, error);
  }
  const { metadata, scales, header } = prepared;
  let headerSent = false;
  const total = Number(metadata.num_rows);
  for (let rowStart = 0; rowStart < total || !headerSent; rowStart += SLICE_ROWS) {
    let rows: unknown[][] = [];
    if (rowStart < total) {
      try {
        await parquetRead({
          file: asyncBuffer, metadata, rowStart, rowEnd: Math.min(total, rowStart + SLICE_ROWS),
          utf8: false, parsers: PARSERS, compressors: COMPRESSORS, onComplete: (read: unknown[][]) => (rows = read),
        });
      } catch (error) {
        throw refusal(fileName, error);
      }
    }
    const records = rows.map((row) => row.map((value, i) => {
      const scale = scales[i];
      return scale === null || scale === undefined ? parquetCell(value) : decimalCell(value, scale);
    }));
    for (let i = 0; i < records.length || !headerSent; i += BATCH_ROWS) {
      const batch = records.slice(i, i + BATCH_ROWS);
      yield headerSent ? batch : [header, ...batch];
      headerSent = true;
    }
  }
}
