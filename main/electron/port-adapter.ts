/**
 * The link between Electron's main process and the engine's utility process: the RpcPort adapter
 * for Electron's `MessagePortMain`, and the few facts both sides agree on.
 *
 * Typed against the minimal shape of a MessagePortMain, not Electron itself, so tests drive it with
 * a wrapped Node `MessageChannel` port.
 */
import type { RpcPort } from '../../shared/rpc.js';

/** The environment variable that gives the utility process the path of the initial workspace. */
export const ENGINE_WORKSPACE_ENV = 'COST_COUNCIL_WORKSPACE';

/** Sent by the utility process when the initial workspace could not be opened. */
export interface WorkspaceOpenFailedNotice {
  type: 'workspace-open-failed';
  path: string;
  message: string;
}

export function isWorkspaceOpenFailedNotice(value: unknown): value is WorkspaceOpenFailedNotice {
  if (typeof value !== 'object' || value === null) return false;
  const notice = value as Record<string, unknown>;
  return notice.type === 'workspace-open-failed' && typeof notice.path === 'string' && typeof notice.message === 'string';
}

/** The part of Electron's `MessagePortMain` the adapter uses. */
export interface MainPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
}

/**
 * An RpcPort over a MessagePortMain. Messages are structured-cloned: a MessagePortMain can transfer
 * only other ports, so the ArrayBuffers the RPC offers for transfer are copied instead.
 * Messages sent before `listen` wait in the port: it starts only when the listener is registered.
 */
export function rpcPortFromMainPort(port: MainPortLike): RpcPort {
  let listening = false;
  return {
    post: (message) => port.postMessage(message),
    listen: (onMessage) => {
      if (listening) throw new Error('An RpcPort has exactly one listener.');
      listening = true;
      port.on('message', (event) => onMessage(event.data));
      port.start();
    },
  };
}
