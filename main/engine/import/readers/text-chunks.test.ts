import { describe, expect, it } from 'vitest';
import { FileRefused } from '../file-refused.js';
import { decideDateOrder } from './date-order.js';
import { textChunks, WINDOWS_1252_WARNING } from './text-chunks.js';

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function decode(bytes: Uint8Array, size: number): Promise<{ text: string; warnings: string[] }> {
  const warnings: string[] = [];
  let text = '';
  for await (const part of textChunks(pieces(bytes, size), 'f.csv', warnings)) text += part;
  return { text, warnings };
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => (c === '€' ? 0x80 : c.charCodeAt(0)));

describe('text decoding', () => {
  const ascii = `${'a,b\n'.repeat(2000)}`;

  it('falls back to Windows-1252 wherever the first non-ASCII byte falls, chunk boundaries included', async () => {
    const bytes = latin1(`${ascii}Café €,x\n`);
    for (const size of [1, 2, 3, 4096, 8001, 8003, 1 << 20]) {
      const { text, warnings } = await decode(bytes, size);
      expect(text.endsWith('Café €,x\n'), String(size)).toBe(true);
      expect(warnings).toEqual([WINDOWS_1252_WARNING]);
    }
    // The last byte of the file is the first non-ASCII one.
    expect((await decode(latin1(`${ascii}Caf\u00e9`), 7)).text.endsWith('Café')).toBe(true);
  });

  it('keeps UTF-8 split across chunks as UTF-8, without a warning; a BOM is dropped', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${ascii}Zürich €\n`);
    for (const size of [1, 2, 3, 4097, 1 << 20]) {
      const { text, warnings } = await decode(bytes, size);
      expect(text).toBe(`${ascii}Zürich €\n`);
      expect(warnings).toEqual([]);
    }
  });

  it('refuses UTF-8 that turns invalid later, and a UTF-8 file cut inside a character', async () => {
    const mixed = new Uint8Array([...new TextEncoder().encode(`${ascii}é\n`), 0xe9, 0x0a]);
    await expect(decode(mixed, 100)).rejects.toThrow(/not valid UTF-8 text/);
    const cut = new TextEncoder().encode(`${ascii}é€`).slice(0, -1);
    await expect(decode(cut, 100)).rejects.toThrow(FileRefused);
  });

  it('reads UTF-16 without a BOM from its NUL bytes; refuses other binary content by name', async () => {
    const utf16le = Uint8Array.from([...'a,b\n1,€\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    expect((await decode(utf16le, 3)).text).toBe('a,b\n1,€\n');
    await expect(decode(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 10)).rejects.toThrow('f.csv is a PDF document, not a CSV or JSON text file.');
    await expect(decode(new Uint8Array([1, 0, 2, 0, 255, 254, 0, 0, 7]), 10)).rejects.toThrow(/contains binary data/);
  });
});

describe('day/month order decision', () => {
  const batch = (...dates: string[]) => [['Date', 'Cost'], ...dates.map((d) => [d, '1'])];
  const never = (): AsyncIterable<string[][]> => {
    throw new Error('must not read again');
  };

  it('decides from the first batch when it can', async () => {
    expect(await decideDateOrder(batch('01/02/2024', '13/02/2024'), true, never)).toEqual({ order: 'day-first', warnings: [] });
    expect(await decideDateOrder(batch('01/02/2024', '02/13/2024'), true, never)).toEqual({ order: 'month-first', warnings: [] });
    expect(await decideDateOrder(batch('2024-01-02', '2024-02-13'), true, never)).toEqual({ order: undefined, warnings: [] });
  });

  it('reads on (the pre-pass) when the first batch is ambiguous and more follows', async () => {
    async function* again(): AsyncGenerator<string[][]> {
      yield batch('01/02/2024');
      yield [['03/04/2024', '1'], ['25/04/2024', '1']];
      throw new Error('must stop at the first batch with evidence');
    }
    expect(await decideDateOrder(batch('01/02/2024'), true, again)).toEqual({ order: 'day-first', warnings: [] });
  });

  it('a column that is not all dates (a version, a note) gives no evidence', async () => {
    const rows = [['Version', 'Date'], ['13.1.24', '01/02/2024'], ['beta', '02/03/2024']];
    expect((await decideDateOrder(rows, false, never)).order).toBe('month-first');
  });

  it('majority wins over contradicting dates, and the report says rows are rejected', async () => {
    const decision = await decideDateOrder(batch('13/01/2024', '14/01/2024', '01/13/2024'), false, never);
    expect(decision.order).toBe('day-first');
    expect(decision.warnings[0]).toMatch(/rows with month-first dates contradict it and are rejected/);
  });
});
