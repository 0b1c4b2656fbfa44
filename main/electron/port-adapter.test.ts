import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient, EngineError, serveEngine } from '../../shared/rpc.js';
import { createEngine } from '../engine/index.js';
import { nodeEngineDeps } from '../hosts/node-host.js';
import { isWorkspaceOpenFailedNotice, rpcPortFromMainPort, type MainPortLike } from './port-adapter.js';

/** A Node port in the shape of Electron's MessagePortMain: listeners get `{ data }` events. */
function mainPortLike(port: MessagePort): MainPortLike & { started: number } {
  const fake = {
    started: 0,
    on: (_event: 'message', listener: (event: { data: unknown }) => void) => port.on('message', (data: unknown) => listener({ data })),
    postMessage: (message: unknown) => port.postMessage(message),
    start: () => {
      fake.started += 1;
      port.start();
    },
  };
  return fake;
}

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

function channel() {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  return { engineSide: mainPortLike(port1), clientSide: mainPortLike(port2) };
}

async function connected() {
  const { engineSide, clientSide } = channel();
  const engine = createEngine(await nodeEngineDeps());
  serveEngine(rpcPortFromMainPort(engineSide), engine.handlers);
  return { client: new EngineClient(rpcPortFromMainPort(clientSide)), engineSide, clientSide };
}

describe('rpcPortFromMainPort with serveEngine and EngineClient', () => {
  it('round-trips a call to the real engine', async () => {
    const { client, engineSide, clientSide } = await connected();
    const status = await client.call('status', {});
    expect(status).toMatchObject({ engineVersion: expect.any(String), sources: 0, costLines: 0 });
    expect(status.sqliteVersion).toMatch(/^3\.\d+/);
    expect(engineSide.started).toBe(1);
    expect(clientSide.started).toBe(1);
  });

  it('answers an unknown method with an UNKNOWN_METHOD error', async () => {
    const { client } = await connected();
    const failure = client.call('dropAllTables' as 'status', {});
    await expect(failure).rejects.toBeInstanceOf(EngineError);
    await expect(failure).rejects.toMatchObject({ code: 'UNKNOWN_METHOD', message: 'Unknown engine method: dropAllTables' });
  });

  it('copies workspace bytes both ways and delivers events', async () => {
    const { client } = await connected();
    const changed: unknown[] = [];
    client.on('dataChanged', (event) => changed.push(event));
    const { bytes } = await client.call('exportWorkspace', {});
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes.subarray(0, 15))).toBe('SQLite format 3');
    await expect(client.call('openWorkspace', { bytes })).resolves.toMatchObject({ sources: 0 });
    expect(changed).toEqual([{ tables: ['workspace'] }]);
    // Copied, not transferred: the caller's bytes are still there.
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('keeps messages sent before the engine listens (the port starts on listen)', async () => {
    const { engineSide, clientSide } = channel();
    const client = new EngineClient(rpcPortFromMainPort(clientSide));
    const reply = client.call('status', {});
    expect(engineSide.started).toBe(0);
    serveEngine(rpcPortFromMainPort(engineSide), createEngine(await nodeEngineDeps()).handlers);
    await expect(reply).resolves.toMatchObject({ costLines: 0 });
  });

  it('allows exactly one listener per port', () => {
    const port = rpcPortFromMainPort(channel().engineSide);
    port.listen(() => undefined);
    expect(() => port.listen(() => undefined)).toThrow('An RpcPort has exactly one listener.');
  });
});

describe('isWorkspaceOpenFailedNotice', () => {
  it('recognises the utility process notice and nothing else', () => {
    expect(isWorkspaceOpenFailedNotice({ type: 'workspace-open-failed', path: '/a', message: 'bad' })).toBe(true);
    expect(isWorkspaceOpenFailedNotice({ type: 'workspace-open-failed', path: '/a' })).toBe(false);
    expect(isWorkspaceOpenFailedNotice({ type: 'res', id: 1 })).toBe(false);
    expect(isWorkspaceOpenFailedNotice(null)).toBe(false);
  });
});
