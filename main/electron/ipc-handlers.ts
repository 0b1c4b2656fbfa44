/**
 * The main-process side of the ShellApi: one handler per fixed channel, each checking who calls
 * and with what before it opens a dialog or touches a file. The dialog helpers are shared with the
 * application menu.
 */
import {
  BrowserWindow,
  dialog,
  Notification,
  type IpcMain,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type OpenDialogReturnValue,
  type SaveDialogOptions,
  type SaveDialogReturnValue,
} from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../hosts/atomic-write.js';
import {
  assertNoArguments,
  assertTrustedSender,
  checkWorkspaceBytes,
  fileNameOf,
  IpcValidationError,
  MAX_WORKSPACE_BYTES,
  notificationArgument,
  type NotificationMessage,
  SHELL_CHANNELS,
  withWorkspaceExtension,
  WORKSPACE_EXTENSION,
  workspaceBytesArgument,
  type ShellChannel,
} from './ipc-validation.js';

const WORKSPACE_FILTER = { name: 'Cost Council workspace', extensions: ['costcouncil'] };
const BILLING_FILTERS = [
  { name: 'Billing exports', extensions: ['csv', 'tsv', 'txt', 'json', 'jsonl', 'gz', 'zip', 'parquet'] },
  { name: 'All files', extensions: ['*'] },
];

function showOpen(window: BrowserWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue> {
  return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
}

function showSave(window: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue> {
  return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
}

/** Asks for billing files; the chosen paths, empty when cancelled. */
export async function chooseBillingFiles(window: BrowserWindow | null): Promise<string[]> {
  const result = await showOpen(window, {
    title: 'Import billing files',
    properties: ['openFile', 'multiSelections'],
    filters: BILLING_FILTERS,
  });
  return result.canceled ? [] : result.filePaths;
}

/** Reads a workspace file, checking its size and that it is an SQLite file. */
export async function readWorkspaceFile(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  const name = fileNameOf(path);
  const info = await stat(path);
  if (!info.isFile()) throw new IpcValidationError(`"${name}" is not a file.`);
  if (info.size > MAX_WORKSPACE_BYTES) throw new IpcValidationError(`"${name}" is too large to open (${info.size} bytes).`);
  const data = await readFile(path);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  checkWorkspaceBytes(bytes, `The contents of "${name}"`);
  return { name, bytes };
}

/** Asks for a workspace file and reads it; null when cancelled. */
export async function chooseWorkspaceFile(window: BrowserWindow | null): Promise<{ path: string; name: string; bytes: Uint8Array } | null> {
  const result = await showOpen(window, { title: 'Open workspace', properties: ['openFile'], filters: [WORKSPACE_FILTER] });
  const path = result.canceled ? undefined : result.filePaths[0];
  if (!path) return null;
  return { path, ...(await readWorkspaceFile(path)) };
}

/** Asks where to save and writes atomically (temporary file, then rename); the path, or null when cancelled. */
export async function saveWorkspaceBytesAs(window: BrowserWindow | null, bytes: Uint8Array): Promise<string | null> {
  checkWorkspaceBytes(bytes, 'The bytes to save');
  const result = await showSave(window, {
    title: 'Save workspace as',
    defaultPath: `workspace${WORKSPACE_EXTENSION}`,
    filters: [WORKSPACE_FILTER],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || !result.filePath) return null;
  const path = withWorkspaceExtension(result.filePath);
  await writeFileAtomic(path, bytes);
  return path;
}

/** Notifications on screen: held so they are not garbage-collected (and their click lost) while shown. */
const shownNotifications = new Set<Notification>();

/** Shows a desktop notification; a click brings the app window to the front. Does nothing where unsupported. */
export function showNotification(window: BrowserWindow | null, message: NotificationMessage): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: message.title, body: message.body });
  shownNotifications.add(notification);
  notification.on('click', () => {
    shownNotifications.delete(notification);
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  notification.on('close', () => shownNotifications.delete(notification));
  notification.show();
}

function senderOf(event: IpcMainInvokeEvent): { url: string; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}

/**
 * Registers the handlers of the ShellApi channels. `appRoot` is the directory of the built
 * renderer: calls from any other page are refused. Returns a function that removes them.
 */
export function registerIpcHandlers(ipcMain: IpcMain, options: { appRoot: string }): () => void {
  const handle = (channel: ShellChannel, run: (args: unknown[], window: BrowserWindow | null) => Promise<unknown>): void => {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      assertTrustedSender(senderOf(event), options.appRoot);
      return run(args, BrowserWindow.fromWebContents(event.sender));
    });
  };
  handle(SHELL_CHANNELS.chooseBillingFiles, (args, window) => {
    assertNoArguments('chooseBillingFiles', args);
    return chooseBillingFiles(window);
  });
  handle(SHELL_CHANNELS.saveWorkspaceAs, (args, window) => saveWorkspaceBytesAs(window, workspaceBytesArgument(args)));
  handle(SHELL_CHANNELS.openWorkspaceFile, async (args, window) => {
    assertNoArguments('openWorkspaceFile', args);
    const chosen = await chooseWorkspaceFile(window);
    return chosen ? { name: chosen.name, bytes: chosen.bytes } : null;
  });
  handle(SHELL_CHANNELS.notify, async (args, window) => showNotification(window, notificationArgument(args)));
  return () => {
    for (const channel of Object.values(SHELL_CHANNELS)) ipcMain.removeHandler(channel);
  };
}
