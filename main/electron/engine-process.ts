/**
 * The engine's home in the desktop app: an Electron utility process. It opens the initial workspace
 * (path in COST_COUNCIL_WORKSPACE), then serves the one engine on every MessagePortMain the main
 * process sends it (one for main's menu actions, one per page load of the window).
 */
import type { ParentPort } from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveEngine } from '../../shared/rpc.js';
import { createEngine, type EngineDeps, type Engine } from '../engine/index.js';
import { nodeEngineDeps } from '../hosts/node-host.js';
import { defaultImportWorkerCount, nodeImportWorkers } from '../hosts/node-import-workers.js';
import { ENGINE_WORKSPACE_ENV, rpcPortFromMainPort, type WorkspaceOpenFailedNotice } from './port-adapter.js';

/** The wasm copied beside the bundle by scripts/build-electron.mjs; else sql.js's own copy. */
function sqlWasmPath(): string | undefined {
  const besideBundle = fileURLToPath(new URL('./sql-wasm.wasm', import.meta.url));
  return existsSync(besideBundle) ? besideBundle : undefined;
}

/**
 * The import worker bundled beside this one (scripts/build-electron.mjs); unbundled (tests, tsx),
 * node-import-workers.ts's own entry.
 */
function importWorkerEntry(): URL | undefined {
  const besideBundle = new URL('./import-worker-thread.cjs', import.meta.url);
  return existsSync(fileURLToPath(besideBundle)) ? besideBundle : undefined;
}

async function openInitialWorkspace(deps: EngineDeps, path: string | undefined, parentPort: ParentPort): Promise<Engine> {
  if (!path) return createEngine(deps);
  try {
    const bytes = await readFile(path);
    return createEngine(deps, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.warn(`could not open the workspace ${path}: ${message}; starting with an empty workspace`);
    const notice: WorkspaceOpenFailedNotice = { type: 'workspace-open-failed', path, message };
    parentPort.postMessage(notice);
    return createEngine(deps);
  }
}

function main(): void {
  const parentPort: ParentPort | null | undefined = process.parentPort;
  if (!parentPort) throw new Error('engine-process runs only as an Electron utility process.');
  // Large CSV files are converted on worker threads while the engine's thread inserts.
  const importWorkers = nodeImportWorkers(defaultImportWorkerCount(), importWorkerEntry());
  const ready = nodeEngineDeps({ sqlWasmPath: sqlWasmPath(), importWorkers }).then((deps) =>
    openInitialWorkspace(deps, process.env[ENGINE_WORKSPACE_ENV] || undefined, parentPort),
  );
  ready.catch((error: unknown) => {
    process.stderr.write(`The engine could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
  // Ports may arrive before the engine is ready; their messages wait (the port starts on listen).
  parentPort.on('message', (event) => {
    for (const port of event.ports) {
      const rpcPort = rpcPortFromMainPort(port);
      ready.then((engine) => serveEngine(rpcPort, engine.handlers), () => undefined);
    }
  });
}

main();
