/**
 * The desktop shell's IPC surface: its fixed channel names and the checks every value that comes
 * from outside the main process (renderer IPC arguments, the command line) goes through.
 *
 * Pure and Node-free: the sandboxed preload bundles the channel names from here, and the tests run
 * the checks in plain Node.
 */
import type { ShellApi } from '../../shared/contract.js';
import { NOTIFICATION_BODY_LIMIT, NOTIFICATION_TITLE_LIMIT } from '../../shared/alert-notification.js';
import { isAllowedNavigation } from './security.js';

/** The channel on which main hands the window its end of the engine's MessageChannel. */
export const ENGINE_PORT_CHANNEL = 'cost-council:engine-port';

/** One channel per ShellApi method that needs the main process; nothing else is ever invoked. */
export const SHELL_CHANNELS = {
  chooseBillingFiles: 'cost-council:choose-billing-files',
  saveWorkspaceAs: 'cost-council:save-workspace-as',
  openWorkspaceFile: 'cost-council:open-workspace-file',
  notify: 'cost-council:notify',
} as const satisfies Record<Exclude<keyof ShellApi, 'platform' | 'pathForFile'>, `cost-council:${string}`>;

export type ShellChannel = (typeof SHELL_CHANNELS)[keyof typeof SHELL_CHANNELS];

export const WORKSPACE_EXTENSION = '.costcouncil';

/** sql.js keeps the database in one ArrayBuffer; Node reads files of at most 2 GiB in one go. */
export const MAX_WORKSPACE_BYTES = 2 ** 31 - 1;

/** Every SQLite database file starts with these 16 bytes. */
const SQLITE_HEADER = 'SQLite format 3\0';

/** A rejected IPC call; the message says what was wrong and reaches the renderer. */
export class IpcValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcValidationError';
  }
}

/** What the handlers know about the frame that sent a call. */
export interface SenderFacts {
  url: string;
  isMainFrame: boolean;
}

/** Accepts only calls from the main frame of one of the app's own pages. */
export function assertTrustedSender(sender: SenderFacts | null, appRoot: string): void {
  if (sender === null) throw new IpcValidationError('The calling page is gone.');
  if (!sender.isMainFrame) throw new IpcValidationError('Only the app window itself may use the desktop shell.');
  if (!isAllowedNavigation(sender.url, appRoot)) {
    throw new IpcValidationError(`Refused a desktop-shell call from a page that is not the app: ${sender.url.slice(0, 200)}`);
  }
}

/** For methods that take no argument. */
export function assertNoArguments(method: string, args: readonly unknown[]): void {
  if (args.length !== 0) throw new IpcValidationError(`${method} takes no arguments; got ${args.length}.`);
}

/** A Uint8Array from any realm (the preload's isolated world, IPC, a Node Buffer); no other view. */
export function isUint8Array(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

export function hasSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.length < SQLITE_HEADER.length) return false;
  for (let i = 0; i < SQLITE_HEADER.length; i++) {
    if (bytes[i] !== SQLITE_HEADER.charCodeAt(i)) return false;
  }
  return true;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (ArrayBuffer.isView(value)) return Object.prototype.toString.call(value).slice(8, -1);
  if (value instanceof ArrayBuffer) return 'ArrayBuffer';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** The one argument of saveWorkspaceAs: the bytes of a workspace (an SQLite file). */
export function workspaceBytesArgument(args: readonly unknown[]): Uint8Array {
  if (args.length !== 1) throw new IpcValidationError(`saveWorkspaceAs takes one argument (the workspace bytes); got ${args.length}.`);
  const [bytes] = args;
  if (!isUint8Array(bytes)) throw new IpcValidationError(`saveWorkspaceAs needs a Uint8Array; got ${describe(bytes)}.`);
  checkWorkspaceBytes(bytes, 'The bytes to save');
  return bytes;
}

/** Longest notification title and body accepted (longer text is a bug or abuse, not a message). */
export const MAX_NOTIFICATION_TITLE = NOTIFICATION_TITLE_LIMIT;
export const MAX_NOTIFICATION_BODY = NOTIFICATION_BODY_LIMIT;

export interface NotificationMessage {
  title: string;
  body: string;
}

/** The one argument of notify: `{title, body}`, plain text of bounded length, nothing else. */
export function notificationArgument(args: readonly unknown[]): NotificationMessage {
  if (args.length !== 1) throw new IpcValidationError(`notify takes one argument ({title, body}); got ${args.length}.`);
  const [message] = args;
  if (typeof message !== 'object' || message === null || Array.isArray(message) || ArrayBuffer.isView(message)) {
    throw new IpcValidationError(`notify needs an object {title, body}; got ${describe(message)}.`);
  }
  const extra = Object.keys(message).filter((key) => key !== 'title' && key !== 'body');
  if (extra.length > 0) throw new IpcValidationError(`notify takes only title and body; got also ${extra.slice(0, 3).join(', ')}.`);
  const { title, body } = message as Record<string, unknown>;
  if (typeof title !== 'string' || title.trim() === '') throw new IpcValidationError('notify needs a title (non-empty text).');
  if (typeof body !== 'string') throw new IpcValidationError(`notify needs a body (text); got ${describe(body)}.`);
  if (title.length > MAX_NOTIFICATION_TITLE) throw new IpcValidationError(`The notification title is ${title.length} characters; at most ${MAX_NOTIFICATION_TITLE}.`);
  if (body.length > MAX_NOTIFICATION_BODY) throw new IpcValidationError(`The notification body is ${body.length} characters; at most ${MAX_NOTIFICATION_BODY}.`);
  return { title: title.trim(), body };
}

/** Throws unless `bytes` can be a workspace file; `what` names them in the message. */
export function checkWorkspaceBytes(bytes: Uint8Array, what: string): void {
  if (bytes.length === 0) throw new IpcValidationError(`${what} are empty.`);
  if (bytes.length > MAX_WORKSPACE_BYTES) {
    throw new IpcValidationError(`${what} are ${bytes.length} bytes; a workspace can be at most ${MAX_WORKSPACE_BYTES} bytes.`);
  }
  if (!hasSqliteHeader(bytes)) throw new IpcValidationError(`${what} are not a Cost Council workspace (not an SQLite file).`);
}

/** `path` with the workspace extension added when it has none (the save dialog may drop it). */
export function withWorkspaceExtension(path: string): string {
  return path.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? path : `${path}${WORKSPACE_EXTENSION}`;
}

/** The file name of a path, for POSIX and Windows separators. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The workspace named on the command line: the first argument after the executable that is not an
 * option and ends in `.costcouncil`. (`electron . x.costcouncil`, `Cost Council x.costcouncil`, or
 * the path a file association passes.)
 */
export function workspaceArgument(argv: readonly string[]): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(WORKSPACE_EXTENSION) && arg.length > WORKSPACE_EXTENSION.length) return arg;
  }
  return null;
}
