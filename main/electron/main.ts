/**
 * The Electron main process: the engine in a utility process, one secure window showing the built
 * renderer, a MessageChannel between them, the ShellApi handlers and a small menu. It holds no
 * workspace data itself.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  session,
  utilityProcess,
  type MenuItemConstructorOptions,
  type UtilityProcess,
} from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineClient } from '../../shared/rpc.js';
import { chooseWorkspaceFile, readWorkspaceFile, registerIpcHandlers, saveWorkspaceBytesAs } from './ipc-handlers.js';
import { ENGINE_PORT_CHANNEL, workspaceArgument } from './ipc-validation.js';
import { ENGINE_WORKSPACE_ENV, isWorkspaceOpenFailedNotice, rpcPortFromMainPort } from './port-adapter.js';
import { hardenSession, hardenWebContents, secureWebPreferences } from './security.js';

const APP_NAME = 'Cost Council';
/** How often the engine may be restarted after a crash before the app gives up. */
const MAX_ENGINE_RESTARTS = 3;

/** dist/electron/ (main.cjs, engine-process.cjs, preload.cjs, sql-wasm.wasm). */
const bundleDir = dirname(fileURLToPath(import.meta.url));
/** The project root in development, app.asar when packaged. */
const appRoot = app.getAppPath();
/** The built renderer: the only pages the window may show. */
const webRoot = join(appRoot, 'dist', 'web');
const demoWorkspace = app.isPackaged ? join(process.resourcesPath, 'demo.costcouncil') : join(appRoot, 'assets', 'demo.costcouncil');

interface RunningEngine {
  child: UtilityProcess;
  /** Main's own connection, for the menu's open and save. */
  client: EngineClient;
}

let mainWindow: BrowserWindow | null = null;
let engine: RunningEngine | null = null;
let engineRestarts = 0;
let quitting = false;
/** The workspace the engine starts with (and restarts with after a crash). */
let startupWorkspace = initialWorkspace(process.argv, process.cwd());

/** A `.costcouncil` named on the command line, else the bundled demo (null when neither exists). */
function initialWorkspace(argv: readonly string[], cwd: string): string | null {
  const named = workspaceArgument(argv);
  if (named) {
    const path = resolve(cwd, named);
    if (existsSync(path)) return path;
    process.stderr.write(`Cost Council: ${path} does not exist; opening the demo workspace.\n`);
  }
  return existsSync(demoWorkspace) ? demoWorkspace : null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function startEngine(workspacePath: string | null): RunningEngine {
  const child = utilityProcess.fork(join(bundleDir, 'engine-process.cjs'), [], {
    serviceName: `${APP_NAME} engine`,
    env: { ...process.env, [ENGINE_WORKSPACE_ENV]: workspacePath ?? '' },
    stdio: 'inherit',
  });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage({ type: 'connect' }, [port2]);
  const running: RunningEngine = { child, client: new EngineClient(rpcPortFromMainPort(port1)) };
  child.on('message', (message: unknown) => {
    if (!isWorkspaceOpenFailedNotice(message)) return;
    const options = {
      type: 'warning' as const,
      message: 'Could not open the workspace',
      detail: `${message.path}\n\n${message.message}\n\nAn empty workspace is open instead.`,
    };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  });
  child.on('exit', (code) => {
    if (quitting || engine !== running) return;
    engine = null;
    if (engineRestarts >= MAX_ENGINE_RESTARTS) {
      dialog.showErrorBox(APP_NAME, `The engine stopped (exit code ${code}) and could not be restarted.`);
      app.quit();
      return;
    }
    engineRestarts += 1;
    dialog.showErrorBox(APP_NAME, `The engine stopped unexpectedly (exit code ${code}). It restarts with the workspace the app opened; unsaved changes are lost.`);
    engine = startEngine(startupWorkspace);
    mainWindow?.webContents.reload();
  });
  return running;
}

/** Gives the page a fresh port to the engine; called on every (re)load of the page. */
function connectWindow(window: BrowserWindow): void {
  if (!engine) return;
  const { port1, port2 } = new MessageChannelMain();
  engine.child.postMessage({ type: 'connect' }, [port1]);
  window.webContents.postMessage(ENGINE_PORT_CHANNEL, null, [port2]);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: APP_NAME,
    width: 1360,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    webPreferences: secureWebPreferences({ preload: join(bundleDir, 'preload.cjs'), devTools: !app.isPackaged }),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-finish-load', () => connectWindow(window));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  const page = join(webRoot, 'index.html');
  if (!existsSync(page)) {
    dialog.showErrorBox(APP_NAME, `The renderer is not built (${page} is missing). Run "npm run build:web" first.`);
  }
  window.loadFile(page).catch((error: unknown) => process.stderr.write(`Cost Council: could not load ${page}: ${errorMessage(error)}\n`));
  return window;
}

/** Opens a workspace in the engine and reloads the page, which then reconnects and shows it. */
async function openWorkspaceInEngine(bytes: Uint8Array, name: string): Promise<void> {
  if (!engine) return;
  try {
    await engine.client.call('openWorkspace', { bytes });
    mainWindow?.webContents.reload();
  } catch (error) {
    dialog.showErrorBox('Could not open the workspace', `${name}\n\n${errorMessage(error)}`);
  }
}

async function openWorkspaceFromMenu(): Promise<void> {
  try {
    const chosen = await chooseWorkspaceFile(mainWindow);
    if (chosen) await openWorkspaceInEngine(chosen.bytes, chosen.name);
  } catch (error) {
    dialog.showErrorBox('Could not open the workspace', errorMessage(error));
  }
}

async function openWorkspacePath(path: string): Promise<void> {
  try {
    const file = await readWorkspaceFile(path);
    await openWorkspaceInEngine(file.bytes, file.name);
  } catch (error) {
    dialog.showErrorBox('Could not open the workspace', `${path}\n\n${errorMessage(error)}`);
  }
}

async function saveWorkspaceFromMenu(): Promise<void> {
  if (!engine) return;
  try {
    const { bytes } = await engine.client.call('exportWorkspace', {});
    await saveWorkspaceBytesAs(mainWindow, bytes);
  } catch (error) {
    dialog.showErrorBox('Could not save the workspace', errorMessage(error));
  }
}

function applicationMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => void openWorkspaceFromMenu() },
        { label: 'Save Workspace As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => void saveWorkspaceFromMenu() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    // Without an Edit menu, copy and paste shortcuts do not work in text fields on macOS.
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

// Every renderer is sandboxed, whatever its webPreferences say.
app.enableSandbox();

// macOS delivers double-clicked workspace files here, before or after the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (app.isReady()) void openWorkspacePath(path);
  else startupWorkspace = path;
});

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, webRoot));

app.on('before-quit', () => {
  quitting = true;
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  engine?.child.kill();
});

app
  .whenReady()
  .then(() => {
    hardenSession(session.defaultSession, webRoot);
    registerIpcHandlers(ipcMain, { appRoot: webRoot });
    Menu.setApplicationMenu(applicationMenu());
    engine = startEngine(startupWorkspace);
    mainWindow = createWindow();
    app.on('activate', () => {
      mainWindow ??= createWindow();
    });
  })
  .catch((error: unknown) => {
    dialog.showErrorBox(APP_NAME, `Could not start: ${errorMessage(error)}`);
    app.quit();
  });
