/** A browser worker (nested in the engine's worker) running the engine's import worker (see web-import-workers.ts). */
import { sha256 } from '@noble/hashes/sha2.js';
import { handleImportWorkerMessage, type ImportWorkerHost } from '../engine/import/fast/import-worker.js';

/** The worker global, typed structurally (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
const scope = self as unknown as WorkerScope;

const host: ImportWorkerHost = {
  createHasher: () => {
    const hash = sha256.create();
    return {
      update: (bytes) => hash.update(bytes),
      digest: () => Array.from(hash.digest(), (b) => b.toString(16).padStart(2, '0')).join(''),
    };
  },
};

scope.addEventListener('message', (event) => {
  const { reply, transfer } = handleImportWorkerMessage(event.data, host);
  scope.postMessage(reply, transfer);
});
