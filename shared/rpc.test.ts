import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../main/engine/index.js';
import { nodeEngineDeps } from '../main/hosts/node-host.js';
import { fixture } from '../test/support/engine.js';
import { writeFocusFile } from '../test/support/focus-file.js';
import type { ProgressEvent } from './contract.js';
import { EngineClient, EngineError, engineProxy, serveEngine, type RpcPort } from './rpc.js';

/** Node's worker_threads port as an RpcPort (the same adapter shape every host writes). */
function nodePort(port: MessagePort): RpcPort {
  return {
    post: (message, transfer) => port.postMessage(message, transfer ?? []),
    listen: (onMessage) => port.on('message', onMessage),
  };
}

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

async function connected() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const engine = createEngine(await nodeEngineDeps());
  serveEngine(nodePort(port1), engine.handlers);
  const client = new EngineClient(nodePort(port2));
  return { client, api: engineProxy(client) };
}

describe('engine RPC over a real MessageChannel', () => {
  it('answers a typed call with the engine value', async () => {
    const { api } = await connected();
    const status = await api.status({});
    expect(status).toMatchObject({ sources: 0, costLines: 0 });
    expect(status.sqliteVersion).toMatch(/^3\.\d+/);
  });

  it('imports a file by path and reports dataChanged and progress events', async () => {
    const { client, api } = await connected();
    const changed: unknown[] = [];
    const progress: ProgressEvent[] = [];
    client.on('dataChanged', (e) => changed.push(e));
    client.on('progress', (e) => progress.push(e));
    const result = await api.importFiles({ files: [{ kind: 'path', path: fixture('focus/awkward/negative-credits.csv') }] });
    expect(result.committed).toBe(true);
    expect((await api.overview({})).total.effectiveCost).toBe('74.490000');
    expect(changed).toEqual([{ tables: ['cost_lines', 'sources'] }]);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', file: 'negative-credits.csv', rowsRead: 3 });
  });

  it('moves workspace bytes across and back', async () => {
    const { api } = await connected();
    await api.importFiles({ files: [{ kind: 'path', path: fixture('focus/awkward/two-currencies.csv') }] });
    const { bytes } = await api.exportWorkspace({});
    expect(bytes).toBeInstanceOf(Uint8Array);
    const other = await connected();
    await other.api.openWorkspace({ bytes });
    expect((await other.api.overview({})).currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
  });

  it('rejects with a coded, user-facing error for unknown methods and bad arguments', async () => {
    const { client, api } = await connected();
    await expect(client.call('noSuchMethod' as 'status', {})).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
    await expect(api.overview({ from: 'last tuesday' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'from "last tuesday" is not a date (YYYY-MM-DD).' });
    await expect(api.importFiles({ files: [] })).rejects.toBeInstanceOf(EngineError);
    await expect(api.openWorkspace({ bytes: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({ code: 'INVALID_WORKSPACE' });
  });

  it('cancels a long import mid-way, and nothing is imported', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cc-rpc-')), 'big.csv');
    await writeFocusFile(path, 150_000);
    const { client, api } = await connected();
    const controller = new AbortController();
    client.on('progress', () => controller.abort());
    await expect(api.importFiles({ files: [{ kind: 'path', path }] }, { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await api.status({})).toMatchObject({ sources: 0, costLines: 0 });
  });
});
