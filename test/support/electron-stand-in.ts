/**
 * A stand-in `electron` module for running the bundled desktop host (main.cjs, preload.cjs) in
 * plain Node: no Electron binary exists where the tests run. It records what the bundles ask of
 * Electron (windows, IPC handlers, menus, dialogs, notifications, session hardening) so a test can
 * check it, and its utility process runs the bundled engine-process.cjs in this process, talking
 * over real worker_threads message ports. See main/electron/bundle-smoke.test.ts.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

/** A MessagePortMain as the main process uses it, backed by a Node MessagePort. */
export interface StandInPort {
  node: MessagePort;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

export interface MenuItem {
  label?: string;
  role?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

export type Handler = (...args: unknown[]) => unknown;

export interface StandInWebContents extends EventEmitter {
  /** Messages posted to the page, with their ports. */
  posted: Array<{ channel: string; ports: StandInPort[] }>;
  reloads: number;
}

export interface StandInWindow extends EventEmitter {
  readonly options: { webPreferences: Record<string, unknown> };
  readonly webContents: StandInWebContents;
  /** The files it loaded, in order. */
  loaded: string[];
  shows: number;
  focuses: number;
  restores: number;
  minimized: boolean;
}

export interface StandInNotification extends EventEmitter {
  readonly options: { title: string; body: string };
  shown: boolean;
}

/** A utilityProcess.fork the main process made, and the child it got back. */
export interface StandInFork {
  modulePath: string;
  env: Record<string, string | undefined>;
  child: EventEmitter;
}

export type DialogAnswer = { canceled: boolean; filePaths?: string[]; filePath?: string };

export interface ElectronStandIn {
  readonly app: EventEmitter;
  readonly forks: StandInFork[];
  readonly windows: StandInWindow[];
  readonly ipcHandlers: Map<string, Handler>;
  /** The session hardening calls, by name. */
  readonly sessionCalls: string[];
  /** Error boxes and message boxes shown. */
  readonly errors: string[];
  /** Answers the next open/save dialogs give, first first; a dialog with none left is cancelled. */
  readonly dialogAnswers: DialogAnswer[];
  /** Notifications the main process showed. */
  readonly notifications: StandInNotification[];
  /** The preload's side: what it exposed, invoked and listened for, and what it posted to the page. */
  readonly exposed: Array<{ key: string; api: unknown }>;
  readonly invoked: Array<{ channel: string; args: unknown[] }>;
  readonly rendererListeners: Array<{ channel: string; listener: Handler }>;
  readonly windowMessages: unknown[][];
  applicationMenu: MenuItem[];
  sandboxEnabled: boolean;
  /** Whether the OS has notifications (a test turns it off). */
  notificationsSupported: boolean;
  /** The child of the latest fork: the engine process running now. */
  currentChild(): EventEmitter | undefined;
  /**
   * Makes `require('electron')` in bundles under `appPath` return this stand-in, gives the preload a
   * `window` and the engine process a `process.parentPort`.
   */
  install(): void;
  /** Closes the message ports it opened. */
  close(): void;
}

/** A fresh stand-in for an app whose root (what app.getAppPath() answers) is `appPath`. */
export function electronStandIn(appPath: string): ElectronStandIn {
  const openPorts: MessagePort[] = [];
  const forks: StandInFork[] = [];
  const windows: StandInWindow[] = [];
  const currentChild = (): EventEmitter | undefined => forks.at(-1)?.child;
  const parentPort = Object.assign(new EventEmitter(), { postMessage: (message: unknown) => currentChild()?.emit('message', message) });

  const portOf = (node: MessagePort): StandInPort => {
    openPorts.push(node);
    return {
      node,
      on: (_event, listener) => node.on('message', (data: unknown) => listener({ data })),
      postMessage: (message) => node.postMessage(message),
      start: () => node.start(),
    };
  };

  class WebContents extends EventEmitter implements StandInWebContents {
    posted: Array<{ channel: string; ports: StandInPort[] }> = [];
    reloads = 0;
    postMessage(channel: string, _message: unknown, ports: StandInPort[]): void {
      this.posted.push({ channel, ports });
    }
    reload(): void {
      this.reloads += 1;
    }
  }

  class BrowserWindow extends EventEmitter implements StandInWindow {
    readonly webContents = new WebContents();
    loaded: string[] = [];
    shows = 0;
    focuses = 0;
    restores = 0;
    minimized = false;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
    loadFile(path: string): Promise<void> {
      this.loaded.push(path);
      return Promise.resolve();
    }
    show(): void {
      this.shows += 1;
    }
    focus(): void {
      this.focuses += 1;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.restores += 1;
      this.minimized = false;
    }
    isDestroyed(): boolean {
      return false;
    }
    static fromWebContents(contents: unknown): StandInWindow | null {
      return windows.find((window) => window.webContents === contents) ?? null;
    }
  }

  class Notification extends EventEmitter implements StandInNotification {
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show(): void {
      this.shown = true;
      standIn.notifications.push(this);
    }
    static isSupported(): boolean {
      return standIn.notificationsSupported;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getAppPath: () => appPath,
    enableSandbox: () => {
      standIn.sandboxEnabled = true;
    },
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    quit: () => undefined,
  });

  const standIn: ElectronStandIn = {
    app,
    forks,
    windows,
    ipcHandlers: new Map(),
    sessionCalls: [],
    errors: [],
    dialogAnswers: [],
    notifications: [],
    exposed: [],
    invoked: [],
    rendererListeners: [],
    windowMessages: [],
    applicationMenu: [],
    sandboxEnabled: false,
    notificationsSupported: true,
    currentChild,
    install: () => {
      mkdirSync(join(appPath, 'node_modules', 'electron'), { recursive: true });
      writeFileSync(join(appPath, 'node_modules', 'electron', 'index.js'), 'module.exports = globalThis.__fakeElectron;\n');
      Object.assign(globalThis, { __fakeElectron: electron, window: { postMessage: (...args: unknown[]) => standIn.windowMessages.push(args) } });
      Object.assign(process, { parentPort });
    },
    close: () => {
      for (const port of openPorts) port.close();
    },
  };

  const electron = {
    app,
    Notification,
    BrowserWindow,
    MessageChannelMain: class {
      port1: StandInPort;
      port2: StandInPort;
      constructor() {
        const { port1, port2 } = new MessageChannel();
        this.port1 = portOf(port1);
        this.port2 = portOf(port2);
      }
    },
    utilityProcess: {
      // The engine process runs here, in this process: its parentPort is the one install() set.
      fork: (modulePath: string, _args: string[], options: { env: Record<string, string | undefined> }) => {
        const child = Object.assign(new EventEmitter(), {
          postMessage: (data: unknown, ports: StandInPort[] = []) => parentPort.emit('message', { data, ports }),
          kill: () => true,
        });
        forks.push({ modulePath, env: options.env, child });
        process.env.COST_COUNCIL_WORKSPACE = options.env.COST_COUNCIL_WORKSPACE;
        createRequire(import.meta.url)(modulePath);
        return child;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => standIn.sessionCalls.push('permissionRequest'),
        setPermissionCheckHandler: () => standIn.sessionCalls.push('permissionCheck'),
        setDevicePermissionHandler: () => standIn.sessionCalls.push('devicePermission'),
        setSpellCheckerEnabled: () => standIn.sessionCalls.push('spellchecker'),
        webRequest: {
          onBeforeRequest: () => standIn.sessionCalls.push('beforeRequest'),
          onHeadersReceived: () => standIn.sessionCalls.push('headersReceived'),
        },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => standIn.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => standIn.ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: MenuItem[]) => template,
      setApplicationMenu: (menu: MenuItem[]) => {
        standIn.applicationMenu = menu;
      },
    },
    dialog: {
      showOpenDialog: async () => standIn.dialogAnswers.shift() ?? { canceled: true, filePaths: [] },
      showSaveDialog: async () => standIn.dialogAnswers.shift() ?? { canceled: true },
      showErrorBox: (title: string, content: string) => standIn.errors.push(`${title}: ${content}`),
      showMessageBox: async (...args: unknown[]) => {
        standIn.errors.push(JSON.stringify(args.at(-1)));
        return { response: 0 };
      },
    },
    // The preload's side.
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => standIn.exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        standIn.invoked.push({ channel, args });
        return null;
      },
      on: (channel: string, listener: Handler) => standIn.rendererListeners.push({ channel, listener }),
    },
    webUtils: { getPathForFile: (file: { path: string }) => file.path },
  };

  return standIn;
}
