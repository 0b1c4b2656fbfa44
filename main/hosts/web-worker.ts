/**
 * The browser host: the engine in a Web Worker (for `npm run web`, development and the browser
 * tests). Files arrive as File objects (structured-cloned from the page) and are streamed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { SourceRef } from '../../shared/model.js';
import { serveEngine, type RpcMessage } from '../../shared/rpc.js';
import { createEngine, ENGINE_VERSION, type ByteSource, type SqlJsStatic } from '../engine/index.js';
import { webImportWorkers } from './web-import-workers.js';

/** The worker global, typed structurally (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: RpcMessage, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
const scope = self as unknown as WorkerScope;

async function* streamChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function openSource(ref: SourceRef): Promise<ByteSource> {
  if (ref.kind !== 'blob' || !(ref.blob instanceof Blob)) {
    throw new Error('the browser edition reads only files you choose or drop');
  }
  const blob = ref.blob;
  return {
    name: ref.name,
    size: blob.size,
    chunks: () => streamChunks(blob),
    // Random access for Parquet and zip: a slice of a File reads only that part.
    readRange: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

const sql = (await initSqlJs({ locateFile: () => wasmUrl })) as unknown as SqlJsStatic;
// Large CSV files are converted in nested workers while this one inserts (the engine falls back to this thread).
const importWorkers = webImportWorkers();
const engine = createEngine({
  ...(importWorkers ? { importWorkers } : {}),
  sql,
  openSource,
  createHasher: () => {
    const hash = sha256.create();
    return {
      update: (bytes) => hash.update(bytes),
      digest: () => Array.from(hash.digest(), (b) => b.toString(16).padStart(2, '0')).join(''),
    };
  },
  now: () => Date.now(),
  monotonicMs: () => performance.now(),
  yieldToHost: () => new Promise((resolve) => setTimeout(resolve, 0)),
  log: { info: () => undefined, warn: () => undefined },
});

serveEngine(
  {
    post: (message, transfer) => scope.postMessage(message, transfer ?? []),
    listen: (onMessage) => scope.addEventListener('message', (event) => onMessage(event.data)),
  },
  engine.handlers,
);
scope.postMessage({ type: 'event', name: 'ready', payload: { engineVersion: ENGINE_VERSION } }, []);
