import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChunkResult } from '../engine/import/fast/fast-plan.js';
import { planOf } from '../engine/import/fast/fast-plan.js';
import type { ImportWorkerReply } from '../engine/import/fast/import-worker.js';
import { focusFormat } from '../engine/import/formats/focus-format.js';
import { defaultImportWorkerCount, nodeImportWorkers } from './node-import-workers.js';

const pools: Array<{ terminate(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.terminate()));
});

const HEADER = ['BillingAccountId', 'BillingCurrency', 'BilledCost', 'EffectiveCost', 'ChargePeriodStart', 'ServiceName'];

describe('nodeImportWorkers (real worker threads)', () => {
  it('a worker converts chunks of a session in order, hashes them when asked, and hands the bytes back', async () => {
    const workers = nodeImportWorkers(1);
    pools.push(workers);
    const hello = (await workers.request(0, { type: 'hello' }, [])) as ImportWorkerReply;
    expect(hello).toEqual({ ok: true, hashes: true });
    const mapper = focusFormat.mapper(HEADER);
    const plan = planOf(mapper.direct?.positions ?? [], [], HEADER.length, 44, undefined);
    await workers.request(0, { type: 'open', session: 7, plan, hash: true }, []);
    const encoder = new TextEncoder();
    const first = encoder.encode('a-1,USD,1.5,1.25,2026-01-01T00:00:00Z,EC2\na-2,EUR,2,2,2026-01-02T00:00:00Z,S3\n');
    const second = encoder.encode('a-1,usd,x,1,2026-01-03T00:00:00Z,EC2\n');
    const replies = await Promise.all([
      workers.request(0, { type: 'chunk', session: 7, bytes: first, final: false }, [first.buffer as ArrayBuffer]),
      workers.request(0, { type: 'chunk', session: 7, bytes: second, final: true }, [second.buffer as ArrayBuffer]),
    ]) as Array<{ ok: true; chunk: ChunkResult; bytes: Uint8Array }>;
    expect(first.length).toBe(0); // transferred
    const [one, two] = replies.map((r) => r.chunk);
    expect(one).toMatchObject({ records: 2, rows: 2, rejected: 0, strings: ['a-1', 'USD', 'EC2', 'a-2', 'EUR', 'S3'], unsupported: null });
    // Decimals and times in model order: BilledCost, ChargePeriodStart, EffectiveCost.
    expect([...(one?.reals ?? [])]).toEqual([1.5, 1767225600, 1.25, 2, 1767312000, 2]);
    expect(two).toMatchObject({ records: 1, rows: 0, rejected: 1, rejections: [{ index: 0, reason: 'BilledCost "x" is not a number' }], strings: [] });
    expect(replies[0]?.bytes.length).toBeGreaterThan(0);
    const digest = (await workers.request(0, { type: 'digest', session: 7 }, [])) as { sha256: string };
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(Buffer.concat([replies[0]?.bytes ?? new Uint8Array(), replies[1]?.bytes ?? new Uint8Array()])).digest('hex');
    expect(digest.sha256).toBe(expected);
    expect(await workers.request(0, { type: 'close', session: 7 }, [])).toEqual({ ok: true });
  });

  it('errors of the handler come back as replies; an unknown session is one', async () => {
    const workers = nodeImportWorkers(1);
    pools.push(workers);
    const reply = (await workers.request(0, { type: 'chunk', session: 99, bytes: new Uint8Array(1), final: true }, [])) as ImportWorkerReply;
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^no import session 99/) });
  });

  it('a worker that cannot start rejects its requests; a request to a worker that does not exist is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-workers-'));
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, 'throw new Error("cannot start");\n');
    const workers = nodeImportWorkers(2, pathToFileURL(broken));
    pools.push(workers);
    await expect(workers.request(0, { type: 'hello' }, [])).rejects.toThrow(/cannot start/);
    await expect(workers.request(2, { type: 'hello' }, [])).rejects.toThrow(/no import worker 2/);
  });

  it('a worker that Node refuses to create (not a file URL) rejects the request instead of throwing, and the next request tries again', async () => {
    const workers = nodeImportWorkers(1, new URL('https://example.com/import-worker.mjs'));
    pools.push(workers);
    // The engine fires its hello requests without awaiting them (load-source.ts): a throw would escape.
    const first = workers.request(0, { type: 'hello' }, []);
    await expect(first).rejects.toThrow(/scheme file/);
    await expect(workers.request(0, { type: 'hello' }, [])).rejects.toThrow(/scheme file/);
  });

  it('one thread fewer than the machine has, at least one, at most four', () => {
    expect(defaultImportWorkerCount()).toBeGreaterThanOrEqual(1);
    expect(defaultImportWorkerCount()).toBeLessThanOrEqual(4);
  });
});
