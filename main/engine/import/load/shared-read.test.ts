import { describe, expect, it } from 'vitest';
import { SharedRead } from './shared-read.js';

function source(pieces: number, opened: { count: number; returned: number }) {
  return async function* chunks(): AsyncGenerator<Uint8Array> {
    opened.count++;
    try {
      for (let i = 0; i < pieces; i++) yield new Uint8Array([i]);
    } finally {
      opened.returned++;
    }
  };
}

async function all(iterable: AsyncIterable<Uint8Array>, limit = Infinity): Promise<number[]> {
  const seen: number[] = [];
  for await (const piece of iterable) {
    seen.push(...piece);
    if (seen.length >= limit) break;
  }
  return seen;
}

describe('SharedRead', () => {
  it('looks at the first pieces (as often as asked), then hands the whole file to the loader: one read', async () => {
    const opened = { count: 0, returned: 0 };
    const shared = new SharedRead(source(5, opened));
    expect(await all(shared.peek(), 2)).toEqual([0, 1]);
    expect(await all(shared.peek(), 3)).toEqual([0, 1, 2]);
    expect(await all(shared.read())).toEqual([0, 1, 2, 3, 4]);
    expect(opened).toEqual({ count: 1, returned: 1 });
  });

  it('a second read (a loader that gave up, the next one starts again) reads the file again', async () => {
    const opened = { count: 0, returned: 0 };
    const shared = new SharedRead(source(3, opened));
    expect(await all(shared.read(), 1)).toEqual([0]);
    expect(await all(shared.read())).toEqual([0, 1, 2]);
    expect(opened.count).toBe(2);
    expect(() => shared.peek().next()).rejects.toThrow(/already handed/);
  });

  it('peeking past the end, and closing without a loader, ends the read', async () => {
    const opened = { count: 0, returned: 0 };
    const shared = new SharedRead(source(2, opened));
    expect(await all(shared.peek())).toEqual([0, 1]);
    await shared.close();
    expect(opened).toEqual({ count: 1, returned: 1 });
  });
});
