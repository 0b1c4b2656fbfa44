import { describe, expect, it } from 'vitest';
import { ByteTable, hashBytes } from './byte-table.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('ByteTable', () => {
  it('finds keys by their bytes; keys that share a hash (forced) stay apart', () => {
    const table = new ByteTable();
    const keys = Array.from({ length: 5000 }, (_, i) => `resource-${i % 7 === 0 ? '' : 'x'}${i}`);
    const entries = keys.map((key) => {
      const bytes = encode(`,${key},`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // Every key with the same hash: only the byte comparison tells them apart.
      expect(table.find(bytes, view, 1, bytes.length - 1, 42)).toBe(-1);
      return table.add(bytes, 1, bytes.length - 1, 42);
    });
    expect(entries).toEqual(keys.map((_, i) => i));
    keys.forEach((key, i) => {
      const bytes = encode(`  ${key}`);
      expect(table.find(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 2, bytes.length, 42)).toBe(i);
    });
    const other = encode('resource-x0');
    expect(table.find(other, new DataView(other.buffer, other.byteOffset, other.byteLength), 0, other.length, 42)).toBe(-1);
  });

  it('with real hashes: the empty key, prefixes and long keys are distinct entries', () => {
    const table = new ByteTable();
    const texts = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'x'.repeat(5000), 'x'.repeat(4999)];
    for (const text of texts) {
      const bytes = encode(text);
      table.add(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
    }
    texts.forEach((text, i) => {
      const bytes = encode(text);
      expect(table.find(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes.length, hashBytes(bytes, 0, bytes.length))).toBe(i);
    });
  });
});
