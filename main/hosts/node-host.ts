/**
 * The engine's dependencies in Node (CLI, tests, Electron's utility process): sql.js with its
 * wasm read from disk, files streamed from paths, SHA-256 from node:crypto.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import initSqlJs from 'sql.js';
import type { SourceRef } from '../../shared/model.js';
import type { ByteSource, EngineDeps, ImportWorkers, SqlJsStatic } from '../engine/index.js';

const require = createRequire(import.meta.url);
const READ_CHUNK_BYTES = 1 << 20;

const sqlJsByWasmPath = new Map<string, Promise<SqlJsStatic>>();

/**
 * sql.js with its wasm read from `wasmPath` (default: the sql.js package's own copy). Bundled hosts
 * (the Electron utility process) pass the copy that sits beside their bundle.
 */
export function loadSqlJs(wasmPath: string = require.resolve('sql.js/dist/sql-wasm.wasm')): Promise<SqlJsStatic> {
  const cached = sqlJsByWasmPath.get(wasmPath);
  if (cached) return cached;
  const loading = readFile(wasmPath).then(
    (wasm) => initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }) as unknown as Promise<SqlJsStatic>,
  );
  sqlJsByWasmPath.set(wasmPath, loading);
  return loading;
}

interface BlobLike {
  size: number;
  stream(): AsyncIterable<Uint8Array>;
  slice?(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** Bytes [start, end) of a file, for Parquet and zip (random access). */
async function readFileRange(path: string, start: number, end: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(Math.max(0, end - start));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, start + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function isBlobLike(value: unknown): value is BlobLike {
  return typeof value === 'object' && value !== null && typeof (value as BlobLike).stream === 'function';
}

export async function openNodeSource(ref: SourceRef): Promise<ByteSource> {
  if (ref.kind === 'blob') {
    if (!isBlobLike(ref.blob)) throw new Error('not a readable file object');
    const blob = ref.blob;
    const slice = blob.slice?.bind(blob);
    return {
      name: ref.name,
      size: blob.size,
      chunks: () => blob.stream(),
      ...(slice ? { readRange: async (start: number, end: number) => new Uint8Array(await slice(start, end).arrayBuffer()) } : {}),
    };
  }
  const info = await stat(ref.path);
  if (!info.isFile()) throw new Error('not a regular file');
  return {
    name: ref.name ?? basename(ref.path),
    size: info.size,
    // Read-only stream: the source file is never opened for writing.
    chunks: () => createReadStream(ref.path, { highWaterMark: READ_CHUNK_BYTES }),
    readRange: (start, end) => readFileRange(ref.path, start, end),
  };
}

export interface NodeEngineOptions {
  /** Where `sql-wasm.wasm` is; defaults to the sql.js package's copy. */
  sqlWasmPath?: string;
  /**
   * Worker threads that convert large CSV files while the engine inserts: `nodeImportWorkers()`
   * (node-import-workers.ts). Off by default: the threads load the TypeScript sources through tsx,
   * which bundled hosts (the Electron utility process) do not have.
   */
  importWorkers?: ImportWorkers;
}

export async function nodeEngineDeps(options: NodeEngineOptions = {}): Promise<EngineDeps> {
  return {
    ...(options.importWorkers ? { importWorkers: options.importWorkers } : {}),
    sql: await loadSqlJs(options.sqlWasmPath),
    openSource: openNodeSource,
    createHasher: () => {
      const hash = createHash('sha256');
      return { update: (bytes) => hash.update(bytes), digest: () => hash.digest('hex') };
    },
    now: () => Date.now(),
    monotonicMs: () => performance.now(),
    yieldToHost: () => new Promise((resolve) => setImmediate(resolve)),
    log: { info: (m) => process.stderr.write(`${m}\n`), warn: (m) => process.stderr.write(`warning: ${m}\n`) },
  };
}
