/**
 * Smoke test of the bundled desktop host without the Electron binary: main.cjs and preload.cjs run
 * in plain Node against a stand-in `electron` module (test/support/electron-stand-in.ts) that
 * records what they ask of it. The stand-in utility process runs the real bundled
 * engine-process.cjs in this process, so the port wiring, menu actions and IPC handlers are
 * exercised end to end with the real engine.
 */
import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShellApi } from '../../shared/contract.js';
import { EngineClient } from '../../shared/rpc.js';
import { electronStandIn, type MenuItem, type StandInWindow } from '../../test/support/electron-stand-in.js';
import { fixture, importPaths, testEngine } from '../../test/support/engine.js';
import { parseTenBillionths, writeFocusFile } from '../../test/support/focus-file.js';
import { COST_COLUMNS } from '../engine/db/cost-columns.js';
import { PARALLEL_MIN_BYTES } from '../engine/import/fast/fast-load.js';
import { planOf, type ChunkResult } from '../engine/import/fast/fast-plan.js';
import { nodeImportWorkers } from '../hosts/node-import-workers.js';
import { ENGINE_PORT_CHANNEL, SHELL_CHANNELS } from './ipc-validation.js';
import { rpcPortFromMainPort } from './port-adapter.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cost-council-electron-smoke-'));
const outdir = join(work, 'app', 'dist', 'electron');
const appPath = join(work, 'app');
const webRoot = join(appPath, 'dist', 'web');
const pageUrl = pathToFileURL(join(webRoot, 'index.html')).href;
const standIn = electronStandIn(appPath);
const { app, forks, windows, ipcHandlers, sessionCalls, errors, dialogAnswers, notifications, exposed, invoked, rendererListeners, windowMessages, currentChild } = standIn;

// ---- setup ---------------------------------------------------------------------------------------

const run = promisify(execFile);
let startupWorkspace = '';

beforeAll(async () => {
  await run(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], { cwd: ROOT });
  mkdirSync(webRoot, { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Cost Council</title>');
  standIn.install();

  const engine = await testEngine();
  await importPaths(engine, [fixture('focus/awkward/negative-credits.csv')]);
  startupWorkspace = join(work, 'startup.costcouncil');
  writeFileSync(startupWorkspace, (await engine.call('exportWorkspace', {})).bytes);
  process.argv.push(startupWorkspace);

  createRequire(import.meta.url)(join(outdir, 'main.cjs'));
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 120_000);

afterAll(() => {
  standIn.close();
  rmSync(work, { recursive: true, force: true });
});

function clientFromWindowPort(window: StandInWindow): EngineClient {
  const delivery = window.webContents.posted.at(-1);
  expect(delivery?.channel).toBe(ENGINE_PORT_CHANNEL);
  const port = delivery?.ports[0];
  if (!port) throw new Error('no port posted to the window');
  return new EngineClient(rpcPortFromMainPort(port));
}

function menuItem(menu: string, label: string): MenuItem {
  const item = standIn.applicationMenu.find((entry) => entry.label === menu)?.submenu?.find((entry) => entry.label === label);
  if (!item?.click) throw new Error(`no menu item ${menu} > ${label}`);
  return item;
}

const trusted = () => ({ senderFrame: { url: `${pageUrl}#/overview`, parent: null }, sender: windows[0]?.webContents });
/** Waits until `done()` holds (menu actions run asynchronously; a busy machine takes longer), at most 10 s. */
async function settle(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

// ---- main.cjs --------------------------------------------------------------------------------------

describe('main.cjs (with a stand-in electron)', () => {
  it('hardens the app before it shows anything', () => {
    expect(standIn.sandboxEnabled).toBe(true);
    expect(sessionCalls.sort()).toEqual(['beforeRequest', 'devicePermission', 'headersReceived', 'permissionCheck', 'permissionRequest', 'spellchecker']);
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('starts the engine process with the workspace from the command line', () => {
    expect(forks).toHaveLength(1);
    expect(forks[0]?.modulePath).toBe(join(outdir, 'engine-process.cjs'));
    expect(forks[0]?.env.COST_COUNCIL_WORKSPACE).toBe(startupWorkspace);
  });

  it('opens one secure window on the built renderer with the bundled preload', () => {
    expect(windows).toHaveLength(1);
    const prefs = windows[0]?.options.webPreferences ?? {};
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: join(outdir, 'preload.cjs') });
    expect(windows[0]?.loaded).toEqual([join(webRoot, 'index.html')]);
    expect(errors).toEqual([]);
  });

  it('hands the page a working engine port on every load', async () => {
    const window = windows[0];
    if (!window) throw new Error('no window');
    window.webContents.emit('did-finish-load');
    const status = await clientFromWindowPort(window).call('status', {});
    expect(status).toMatchObject({ sources: 1 });
    window.webContents.emit('did-finish-load');
    expect(window.webContents.posted).toHaveLength(2);
    await expect(clientFromWindowPort(window).call('listSources', {})).resolves.toHaveLength(1);
  });

  it('registers exactly the ShellApi channels', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(SHELL_CHANNELS).sort());
  });

  it('refuses IPC from pages that are not the app and arguments of the wrong type', async () => {
    const save = ipcHandlers.get(SHELL_CHANNELS.saveWorkspaceAs);
    if (!save) throw new Error('no handler');
    await expect(save({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: null }, new Uint8Array(20))).rejects.toThrow(/not the app/);
    await expect(save({ senderFrame: null, sender: null }, new Uint8Array(20))).rejects.toThrow(/page is gone/);
    await expect(save(trusted(), 'SQLite format 3')).rejects.toThrow('saveWorkspaceAs needs a Uint8Array; got string.');
    const choose = ipcHandlers.get(SHELL_CHANNELS.chooseBillingFiles);
    await expect(choose?.(trusted(), '/etc')).rejects.toThrow(/takes no arguments/);
  });

  it('shows a desktop notification whose click brings the window back', async () => {
    const notify = ipcHandlers.get(SHELL_CHANNELS.notify);
    const window = windows[0];
    if (!notify || !window) throw new Error('no notify handler or window');
    await expect(notify(trusted(), { title: '2 new alerts', body: 'Spike in ServiceName=Amazon EC2 on 2026-10-03' })).resolves.toBeUndefined();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.options).toEqual({ title: '2 new alerts', body: 'Spike in ServiceName=Amazon EC2 on 2026-10-03' });
    expect(notifications[0]?.shown).toBe(true);
    window.minimized = true;
    const before = { shows: window.shows, focuses: window.focuses, restores: window.restores };
    notifications[0]?.emit('click');
    expect({ shows: window.shows, focuses: window.focuses, restores: window.restores }).toEqual({ shows: before.shows + 1, focuses: before.focuses + 1, restores: before.restores + 1 });
  });

  it('refuses bad notifications and shows none where the OS has no notifications', async () => {
    const notify = ipcHandlers.get(SHELL_CHANNELS.notify);
    await expect(notify?.(trusted(), { title: '', body: 'x' })).rejects.toThrow(/needs a title/);
    await expect(notify?.(trusted(), 'hello')).rejects.toThrow(/needs an object/);
    await expect(notify?.({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: null }, { title: 'a', body: 'b' })).rejects.toThrow(/not the app/);
    standIn.notificationsSupported = false;
    await expect(notify?.(trusted(), { title: 'a', body: 'b' })).resolves.toBeUndefined();
    standIn.notificationsSupported = true;
    expect(notifications).toHaveLength(1);
  });

  it('saves workspace bytes atomically where the user chose, adding the extension', async () => {
    const save = ipcHandlers.get(SHELL_CHANNELS.saveWorkspaceAs);
    const bytes = readFileSync(startupWorkspace);
    dialogAnswers.push({ canceled: false, filePath: join(work, 'saved') });
    await expect(save?.(trusted(), new Uint8Array(bytes))).resolves.toBe(join(work, 'saved.costcouncil'));
    expect(readFileSync(join(work, 'saved.costcouncil')).equals(bytes)).toBe(true);
    dialogAnswers.push({ canceled: true });
    await expect(save?.(trusted(), new Uint8Array(bytes))).resolves.toBeNull();
  });

  it('opens a workspace file for the renderer and refuses files that are not workspaces', async () => {
    const open = ipcHandlers.get(SHELL_CHANNELS.openWorkspaceFile);
    dialogAnswers.push({ canceled: false, filePaths: [startupWorkspace] });
    const opened = (await open?.(trusted())) as { name: string; bytes: Uint8Array };
    expect(opened.name).toBe('startup.costcouncil');
    expect(opened.bytes.byteLength).toBe(readFileSync(startupWorkspace).byteLength);
    const notes = join(work, 'notes.costcouncil');
    writeFileSync(notes, 'just text');
    dialogAnswers.push({ canceled: false, filePaths: [notes] });
    await expect(open?.(trusted())).rejects.toThrow(/not a Cost Council workspace/);
  });

  it('File > Save Workspace As… exports from the engine and writes the file', async () => {
    const target = join(work, 'from-menu.costcouncil');
    dialogAnswers.push({ canceled: false, filePath: target });
    menuItem('&File', 'Save Workspace As…').click?.();
    await settle(() => existsSync(target));
    expect(existsSync(target)).toBe(true);
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('File > Open Workspace… opens the file in the engine and reloads the page', async () => {
    const window = windows[0];
    if (!window) throw new Error('no window');
    const empty = await testEngine();
    const emptyPath = join(work, 'empty.costcouncil');
    writeFileSync(emptyPath, (await empty.call('exportWorkspace', {})).bytes);
    const reloads = window.webContents.reloads;
    dialogAnswers.push({ canceled: false, filePaths: [emptyPath] });
    menuItem('&File', 'Open Workspace…').click?.();
    await settle(() => window.webContents.reloads > reloads);
    expect(window.webContents.reloads).toBe(reloads + 1);
    window.webContents.emit('did-finish-load');
    await expect(clientFromWindowPort(window).call('status', {})).resolves.toMatchObject({ sources: 0 });
    expect(errors).toEqual([]);
  });

  it('has a View menu for presenters and a Quit item', () => {
    const roles = (menu: string) => standIn.applicationMenu.find((entry) => entry.label === menu)?.submenu?.map((item) => item.role).filter(Boolean);
    expect(roles('&View')).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles('&File')).toContain('quit');
  });

  it('hardens every web contents that is created', () => {
    const contents = Object.assign(new EventEmitter(), {
      handler: null as null | (() => unknown),
      setWindowOpenHandler(handler: () => unknown) {
        this.handler = handler;
      },
    });
    app.emit('web-contents-created', {}, contents);
    expect(contents.handler?.()).toEqual({ action: 'deny' });
    let prevented = false;
    contents.emit('will-navigate', { url: 'https://example.com/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('imports a large CSV through the bundled engine, its chunks converted on the bundled import worker', async () => {
    const window = windows[0];
    if (!window) throw new Error('no window');
    const path = join(work, 'large-focus.csv');
    const generated = await writeFocusFile(path, 130_000, 5);
    expect(statSync(path).size).toBeGreaterThan(PARALLEL_MIN_BYTES);
    const warnings: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((text: string | Uint8Array, ...rest: unknown[]) => {
      warnings.push(String(text));
      return (write as (...args: unknown[]) => boolean)(text, ...rest);
    }) as typeof process.stderr.write;
    try {
      window.webContents.emit('did-finish-load');
      const result = await clientFromWindowPort(window).call('importFiles', { files: [{ kind: 'path', path }] });
      expect(result.committed).toBe(true);
      expect(result.sources[0]?.rowsImported).toBe(130_000);
      // The file's exact total (the generator's own BigInt sum).
      expect(parseTenBillionths(result.sources[0]?.totals.USD?.billedCost ?? 'none')).toBe(generated.billedTenBillionths);
    } finally {
      process.stderr.write = write;
    }
    // Had the workers failed, the engine would have said so and read the file in its own thread.
    expect(warnings.join('')).not.toMatch(/import workers failed/);
  }, 60_000);

  it('restarts a crashed engine and reloads the page', () => {
    const window = windows[0];
    const reloads = window?.webContents.reloads ?? 0;
    currentChild()?.emit('exit', 9);
    expect(forks).toHaveLength(2);
    expect(window?.webContents.reloads).toBe(reloads + 1);
    expect(errors.at(-1)).toMatch(/engine stopped unexpectedly/);
  });
});

// ---- import-worker-thread.cjs ---------------------------------------------------------------------

describe('import-worker-thread.cjs', () => {
  it('is bundled beside the engine process, which starts it', () => {
    expect(existsSync(join(outdir, 'import-worker-thread.cjs'))).toBe(true);
    expect(readFileSync(join(outdir, 'engine-process.cjs'), 'utf8')).toContain('./import-worker-thread.cjs');
  });

  it('loads as a worker thread: converts a chunk of CSV and hashes its bytes', async () => {
    const workers = nodeImportWorkers(1, pathToFileURL(join(outdir, 'import-worker-thread.cjs')));
    try {
      await expect(workers.request(0, { type: 'hello' }, [])).resolves.toEqual({ ok: true, hashes: true });
      const header = ['ChargePeriodStart', 'BillingCurrency', 'BilledCost', 'EffectiveCost'];
      const plan = planOf(COST_COLUMNS.map((c) => header.indexOf(c.name)), [], header.length, ','.charCodeAt(0), undefined);
      await expect(workers.request(0, { type: 'open', session: 1, plan, hash: true }, [])).resolves.toEqual({ ok: true });
      const text = '2026-01-02T00:00:00Z,USD,1.5,1.25\n2026-01-03T00:00:00Z,EUR,-2,0.5\n';
      const reply = (await workers.request(0, { type: 'chunk', session: 1, bytes: new TextEncoder().encode(text), final: true }, [])) as { ok: boolean; chunk: ChunkResult };
      expect(reply.ok).toBe(true);
      expect([reply.chunk.rows, reply.chunk.rejected]).toEqual([2, 0]);
      // The numbers of each row, in the plan's order: start (Unix seconds), billed, effective.
      expect([...reply.chunk.reals]).toEqual(expect.arrayContaining([Date.parse('2026-01-02T00:00:00Z') / 1000, 1.5, 1.25, -2, 0.5]));
      const digest = (await workers.request(0, { type: 'digest', session: 1 }, [])) as { sha256: string };
      expect(digest.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    } finally {
      await workers.terminate();
    }
  });
});

// ---- preload.cjs -----------------------------------------------------------------------------------

describe('preload.cjs (with a stand-in electron)', () => {
  let shell: ShellApi;

  beforeAll(() => {
    createRequire(import.meta.url)(join(outdir, 'preload.cjs'));
    expect(exposed).toHaveLength(1);
    shell = exposed[0]?.api as ShellApi;
  });

  it('exposes exactly the ShellApi as window.app', () => {
    expect(exposed[0]?.key).toBe('app');
    expect(Object.keys(shell).sort()).toEqual(['chooseBillingFiles', 'notify', 'openWorkspaceFile', 'pathForFile', 'platform', 'saveWorkspaceAs']);
    expect(shell.platform).toBe('desktop');
  });

  it('invokes only the fixed channels', async () => {
    await shell.chooseBillingFiles();
    await shell.openWorkspaceFile();
    await shell.saveWorkspaceAs(new Uint8Array([1]));
    expect(invoked.map((call) => call.channel)).toEqual([SHELL_CHANNELS.chooseBillingFiles, SHELL_CHANNELS.openWorkspaceFile, SHELL_CHANNELS.saveWorkspaceAs]);
    await expect(shell.saveWorkspaceAs('x' as unknown as Uint8Array)).rejects.toThrow(TypeError);
    expect(invoked).toHaveLength(3);
  });

  it('notify sends only the title and body on the notify channel', async () => {
    const before = invoked.length;
    const message = Object.assign({ title: 'New alert', body: 'Spike' }, { extra: 'dropped' });
    await shell.notify(message);
    expect(invoked.slice(before)).toEqual([{ channel: SHELL_CHANNELS.notify, args: [{ title: 'New alert', body: 'Spike' }] }]);
    await expect(shell.notify('x' as unknown as { title: string; body: string })).rejects.toThrow(TypeError);
    await expect(shell.notify({ title: 'a' } as unknown as { title: string; body: string })).rejects.toThrow(TypeError);
    expect(invoked).toHaveLength(before + 1);
  });

  it('gives the path of a dropped file and refuses non-objects', () => {
    expect(shell.pathForFile({ path: '/data/bill.csv' })).toBe('/data/bill.csv');
    expect(() => shell.pathForFile('/etc/passwd')).toThrow(TypeError);
  });

  it('listens only for the engine port and forwards it to the page', () => {
    expect(rendererListeners.map((entry) => entry.channel)).toEqual([ENGINE_PORT_CHANNEL]);
    const ports = [{ fake: 'port' }];
    rendererListeners[0]?.listener({ ports });
    expect(windowMessages).toEqual([[ENGINE_PORT_CHANNEL, '*', ports]]);
  });
});
