/** A Node worker thread running the engine's import worker (see node-import-workers.ts). */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { handleImportWorkerMessage, type ImportWorkerHost } from '../engine/import/fast/import-worker.js';

const port = parentPort;
if (!port) throw new Error('import-worker-thread runs as a worker thread');
const host: ImportWorkerHost = {
  createHasher: () => {
    const hash = createHash('sha256');
    return { update: (bytes) => hash.update(bytes), digest: () => hash.digest('hex') };
  },
};
port.on('message', (message: unknown) => {
  const { reply, transfer } = handleImportWorkerMessage(message, host);
  port.postMessage(reply, transfer);
});
