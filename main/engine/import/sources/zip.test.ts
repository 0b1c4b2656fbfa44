import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/support/engine.js';
import { memoryAccess } from './byte-access.js';
import { zipEntries, zipEntryChunks } from './zip.js';

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  let all = '';
  const decoder = new TextDecoder();
  for await (const chunk of chunks) all += decoder.decode(chunk, { stream: true });
  return all + decoder.decode();
}

/** The same archive with its end record in zip64 form (as archives past 4 GB or 65,535 entries have it). */
function asZip64(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  const out = new Uint8Array(eocd + 56 + 20 + 22);
  out.set(zip.subarray(0, eocd));
  const v = new DataView(out.buffer);
  v.setUint32(eocd, 0x06064b50, true);
  v.setBigUint64(eocd + 4, 44n, true);
  v.setBigUint64(eocd + 24, BigInt(count), true);
  v.setBigUint64(eocd + 32, BigInt(count), true);
  v.setBigUint64(eocd + 40, BigInt(size), true);
  v.setBigUint64(eocd + 48, BigInt(offset), true);
  v.setUint32(eocd + 56, 0x07064b50, true);
  v.setBigUint64(eocd + 64, BigInt(eocd), true);
  v.setUint32(eocd + 72, 1, true);
  const end = eocd + 76;
  v.setUint32(end, 0x06054b50, true);
  v.setUint16(end + 8, 0xffff, true);
  v.setUint16(end + 10, 0xffff, true);
  v.setUint32(end + 12, 0xffffffff, true);
  v.setUint32(end + 16, 0xffffffff, true);
  return out;
}

describe('zip reader', () => {
  it('lists entries from the central directory (directories left out) and inflates them as streams', async () => {
    const archive = memoryAccess(new Uint8Array(readFileSync(fixture('containers/two-bills.zip'))));
    const entries = await zipEntries(archive, 'two-bills.zip');
    expect(entries.map((e) => [e.name, e.method])).toEqual([['README.txt', 0], ['september/negative-credits.csv', 8], ['two-currencies.csv', 8]]);
    const entry = entries[1];
    if (!entry) throw new Error('no entry');
    expect(await text(zipEntryChunks(archive, entry, 'two-bills.zip'))).toBe(readFileSync(fixture('focus/awkward/negative-credits.csv'), 'utf8'));
  });

  it('reads a zip64 end of central directory', async () => {
    const zip = zipSync({ 'a.csv': new TextEncoder().encode('x,y\n1,2\n'), 'dir/': new Uint8Array(0) });
    const archive = memoryAccess(asZip64(zip));
    const [entry] = await zipEntries(archive, 'big.zip');
    expect(entry?.name).toBe('a.csv');
    if (entry) expect(await text(zipEntryChunks(archive, entry, 'big.zip'))).toBe('x,y\n1,2\n');
  });

  it('names what it cannot read: other methods, encryption', async () => {
    const zip = zipSync({ 'a.csv': new TextEncoder().encode('x') }, { level: 0 });
    new DataView(zip.buffer).setUint16(zip.length - 22 - 46 - 5 + 10, 12, true); // central header: bzip2
    const [entry] = await zipEntries(memoryAccess(zip), 'b.zip');
    if (!entry) throw new Error('no entry');
    await expect(text(zipEntryChunks(memoryAccess(zip), entry, 'b.zip'))).rejects.toThrow('b.zip › a.csv cannot be read: it is compressed with bzip2, which Cost Council cannot read (re-zip it with Deflate).');
  });
});
