import { describe, expect, it } from 'vitest';
import { nodeEngineDeps } from '../../hosts/node-host.js';
import { ROOM_BYTES, withRoom } from './roomy-file.js';
import { Store } from './store.js';

describe('a workspace with room to grow in place', () => {
  it('writes, exports just its pages, and opens again with its data', async () => {
    const { sql } = await nodeEngineDeps();
    const store = Store.create(sql);
    store.exec('BEGIN');
    store.exec('CREATE TABLE big (n INTEGER, text TEXT)');
    const insert = store.db.prepare('INSERT INTO big VALUES (?, ?)');
    for (let i = 0; i < 20_000; i++) insert.run([i, `line ${i} `.repeat(10)]);
    insert.free();
    store.exec('COMMIT');
    const bytes = store.export();
    expect(bytes.length).toBe(store.sizeBytes());
    expect(bytes.length).toBeLessThan(ROOM_BYTES);
    expect(store.scalar('PRAGMA quick_check')).toBe('ok');
    store.close();
    const reopened = Store.open(sql, bytes);
    expect(reopened.scalar('SELECT COUNT(*) FROM big')).toBe(20_000);
    expect(reopened.export()).toEqual(bytes);
    reopened.close();
  });

  it('the room is address space, not memory, until written', async () => {
    const { sql } = await nodeEngineDeps();
    const before = process.memoryUsage().rss;
    const stores = [Store.create(sql), Store.create(sql), Store.create(sql)];
    expect(process.memoryUsage().rss - before).toBeLessThan(ROOM_BYTES / 4);
    for (const store of stores) store.close();
  });

  it('bytes that are not a database get no room, so they are refused as before', async () => {
    const bytes = new TextEncoder().encode('not a database at all');
    expect(withRoom(bytes)).toBe(bytes);
    expect(withRoom(new Uint8Array(0)).length).toBe(0);
    const { sql } = await nodeEngineDeps();
    expect(() => Store.open(sql, bytes)).toThrow(/not a Cost Council workspace/);
  });
});
