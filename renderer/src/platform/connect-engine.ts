/**
 * Connects the renderer to the engine: in the desktop host the preload hands over a MessagePort
 * to the engine's utility process; in the browser edition the engine runs in a Web Worker.
 * Either way the renderer gets the same typed client.
 */
import type { ShellApi } from '../../../shared/contract.js';
import { EngineClient, engineProxy, type EngineProxy, type RpcPort } from '../../../shared/rpc.js';

declare global {
  interface Window {
    /** Present only in the desktop host (exposed by the preload). */
    app?: ShellApi;
  }
}

export interface EngineConnection {
  client: EngineClient;
  api: EngineProxy;
  shell: ShellApi | null;
  /** True when the engine opened its startup workspace itself (desktop). */
  opensOwnWorkspace: boolean;
}

const ENGINE_PORT_MESSAGE = 'cost-council:engine-port';

function portAdapter(target: MessagePort | Worker): RpcPort {
  return {
    post: (message, transfer) => target.postMessage(message, transfer ?? []),
    listen: (onMessage) => {
      const listener = (event: MessageEvent) => onMessage(event.data);
      if (target instanceof MessagePort) {
        target.addEventListener('message', listener);
        target.start();
      } else {
        target.addEventListener('message', listener);
      }
    },
  };
}

function desktopPort(): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source === window && event.data === ENGINE_PORT_MESSAGE && event.ports[0]) {
        window.removeEventListener('message', onMessage);
        resolve(event.ports[0]);
      }
    };
    window.addEventListener('message', onMessage);
  });
}

async function webWorker(): Promise<Worker> {
  const worker = new Worker(new URL('../../../main/hosts/web-worker.ts', import.meta.url), { type: 'module', name: 'cost-council-engine' });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data?.type === 'event' && event.data?.name === 'ready') {
        worker.removeEventListener('message', onMessage);
        resolve();
      }
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (event) => reject(new Error(`The engine failed to start: ${event.message}`)), { once: true });
  });
  return worker;
}

export async function connectEngine(): Promise<EngineConnection> {
  const shell = window.app ?? null;
  const target = shell ? await desktopPort() : await webWorker();
  const client = new EngineClient(portAdapter(target));
  return { client, api: engineProxy(client), shell, opensOwnWorkspace: shell !== null };
}
