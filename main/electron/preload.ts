/**
 * The sandboxed preload: exposes exactly the ShellApi as `window.app`, over a fixed list of IPC
 * channels, and forwards the engine's MessagePort to the page. It never exposes ipcRenderer or lets
 * the page name a channel. Bundled to CommonJS (sandboxed preloads cannot be ES modules, and can
 * require only Electron's renderer modules).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ShellApi } from '../../shared/contract.js';
import { ENGINE_PORT_CHANNEL, isUint8Array, SHELL_CHANNELS } from './ipc-validation.js';

const shell: ShellApi = {
  platform: 'desktop',
  chooseBillingFiles: () => ipcRenderer.invoke(SHELL_CHANNELS.chooseBillingFiles) as Promise<string[]>,
  pathForFile: (file) => {
    if (typeof file !== 'object' || file === null) throw new TypeError('pathForFile needs a File (from a drop or a file input).');
    return webUtils.getPathForFile(file as File);
  },
  saveWorkspaceAs: (bytes) => {
    if (!isUint8Array(bytes)) return Promise.reject(new TypeError('saveWorkspaceAs needs a Uint8Array.'));
    return ipcRenderer.invoke(SHELL_CHANNELS.saveWorkspaceAs, bytes) as Promise<string | null>;
  },
  openWorkspaceFile: () => ipcRenderer.invoke(SHELL_CHANNELS.openWorkspaceFile) as Promise<{ name: string; bytes: Uint8Array } | null>,
  notify: (message) => {
    if (typeof message !== 'object' || message === null || typeof message.title !== 'string' || typeof message.body !== 'string') {
      return Promise.reject(new TypeError('notify needs {title, body} as text.'));
    }
    // Only the two strings cross to main, never the page's object.
    return ipcRenderer.invoke(SHELL_CHANNELS.notify, { title: message.title, body: message.body }) as Promise<void>;
  },
};

contextBridge.exposeInMainWorld('app', shell);

// The page listens for this message and takes event.ports[0] as its engine port.
ipcRenderer.on(ENGINE_PORT_CHANNEL, (event) => window.postMessage(ENGINE_PORT_CHANNEL, '*', event.ports));
