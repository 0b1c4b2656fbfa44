/**
 * scripts/build-electron.mjs really bundles the desktop host, and the bundled utility-process entry
 * really serves the engine: it runs here in plain Node under a stand-in for `process.parentPort`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, importPaths, testEngine } from '../../test/support/engine.js';
import { ENGINE_WORKSPACE_ENV } from './port-adapter.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cost-council-electron-build-'));
const outdir = join(work, 'electron');

beforeAll(async () => {
  await run(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], { cwd: ROOT });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function requiredModules(file: string): string[] {
  return [...new Set([...readFileSync(join(outdir, file), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();
}

describe('scripts/build-electron.mjs', () => {
  it('writes the four bundles and the sql.js wasm', () => {
    for (const file of ['main.cjs', 'engine-process.cjs', 'import-worker-thread.cjs', 'preload.cjs', 'sql-wasm.wasm']) expect(existsSync(join(outdir, file)), file).toBe(true);
  });

  it('bundles the preload as CommonJS that requires only electron', () => {
    const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    expect(preload).not.toMatch(/^\s*import[\s{*]/m);
    expect(preload).not.toMatch(/\bimport\(|import\.meta|^\s*export\s/m);
    expect(requiredModules('preload.cjs')).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("app"');
    expect(preload).not.toMatch(/exposeInMainWorld\("[^"]+",\s*import_electron\.ipcRenderer/);
  });

  it('keeps main, the engine process and its import worker to electron and Node built-ins, and the renderer out', () => {
    for (const file of ['main.cjs', 'engine-process.cjs', 'import-worker-thread.cjs']) {
      const text = readFileSync(join(outdir, file), 'utf8');
      expect(text).not.toMatch(/^\s*import[\s{*]/m);
      for (const name of requiredModules(file)) expect(name, `${file} requires ${name}`).toMatch(/^(electron|node:[a-z_/]+|stream|fs|path|crypto|module)$/);
      expect(text).not.toContain('renderer/src');
    }
    expect(readFileSync(join(outdir, 'main.cjs'), 'utf8')).not.toContain('main/engine/');
  });
});

/** Runs the bundled engine-process.cjs under a fake parentPort and asks it for `status`. */
async function statusFromBundledEngine(workspace: string | undefined): Promise<{ reply: Record<string, unknown>; notices: unknown[] }> {
  const harness = join(work, 'harness.cjs');
  writeFileSync(
    harness,
    `
const { EventEmitter } = require('node:events');
const { MessageChannel } = require('node:worker_threads');
const notices = [];
const parentPort = new EventEmitter();
parentPort.postMessage = (message) => notices.push(message);
process.parentPort = parentPort;
require(${JSON.stringify(join(outdir, 'engine-process.cjs'))});
const { port1, port2 } = new MessageChannel();
const mainPort = { on: (name, listener) => port1.on(name, (data) => listener({ data })), postMessage: (m) => port1.postMessage(m), start: () => port1.start() };
parentPort.emit('message', { data: { type: 'connect' }, ports: [mainPort] });
port2.on('message', (reply) => {
  process.stdout.write(JSON.stringify({ reply, notices }));
  process.exit(0);
});
port2.postMessage({ type: 'req', id: 1, method: 'status', arg: {} });
setTimeout(() => { process.stderr.write('no reply'); process.exit(3); }, 20000);
`,
  );
  const env = { ...process.env, [ENGINE_WORKSPACE_ENV]: workspace ?? '' };
  // Run from the temp directory: the wasm must be found beside the bundle, not through the cwd.
  const { stdout } = await run(process.execPath, [harness], { cwd: work, env });
  return JSON.parse(stdout) as { reply: Record<string, unknown>; notices: unknown[] };
}

describe('the bundled engine-process.cjs', () => {
  it('serves the engine on a port it receives (empty workspace)', async () => {
    const { reply, notices } = await statusFromBundledEngine(undefined);
    expect(reply).toMatchObject({ type: 'res', id: 1, ok: true, value: { sources: 0, costLines: 0 } });
    expect(notices).toEqual([]);
  });

  it('opens the initial workspace named in the environment', async () => {
    const engine = await testEngine();
    await importPaths(engine, [fixture('focus/awkward/negative-credits.csv')]);
    const { bytes } = await engine.call('exportWorkspace', {});
    const path = join(work, 'team.costcouncil');
    writeFileSync(path, bytes);
    const { reply } = await statusFromBundledEngine(path);
    expect(reply).toMatchObject({ ok: true, value: { sources: 1 } });
  });

  it('starts empty and tells main when the initial workspace cannot be opened', async () => {
    const path = join(work, 'broken.costcouncil');
    writeFileSync(path, 'not a database');
    const { reply, notices } = await statusFromBundledEngine(path);
    expect(reply).toMatchObject({ ok: true, value: { sources: 0 } });
    expect(notices).toEqual([{ type: 'workspace-open-failed', path, message: expect.any(String) }]);
  });
});
