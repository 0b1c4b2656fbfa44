/** What a host gives the engine. The engine touches no file, clock, console or network itself. */
import type { SourceRef } from '../../shared/model.js';
import type { SqlJsStatic } from './types/sql-js.js';

/** A file's bytes: streamed front to back (`chunks()` may be called again to read it again). */
export interface ByteSource {
  name: string;
  /** Size in bytes, when known (for progress). */
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
  /**
   * Bytes [start, end) of the file, for formats that need random access (Parquet, zip). Hosts that
   * cannot seek leave it out; such files are then read into memory up to a limit.
   */
  readRange?(start: number, end: number): Promise<Uint8Array>;
}

/** Incremental SHA-256. */
export interface Hasher {
  update(bytes: Uint8Array): void;
  /** Lower-case hex digest. */
  digest(): string;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Threads that run the engine's import worker (`handleImportWorkerMessage` of
 * import/fast/import-worker.ts): the byte-level CSV loader converts chunks of a large file there
 * while the engine's thread inserts. A host without threads leaves `EngineDeps.importWorkers` out
 * and files are converted in the engine's thread, with the same results.
 */
export interface ImportWorkers {
  /** How many workers a file is spread over (at least 1). */
  readonly size: number;
  /**
   * Posts `message` to worker `worker` (0 ≤ worker < size), transferring `transfer`; resolves with
   * the handler's reply. A worker answers in the order it was sent messages. Rejects when the
   * worker cannot be started or fails.
   */
  request(worker: number, message: unknown, transfer: ArrayBuffer[]): Promise<unknown>;
}

export interface EngineDeps {
  sql: SqlJsStatic;
  openSource(ref: SourceRef): Promise<ByteSource>;
  createHasher(): Hasher;
  /** Milliseconds since the epoch, for timestamps written to the workspace; tests fix it. */
  now(): number;
  /** A monotonic clock in milliseconds, for intervals (progress, yielding); never fixed. */
  monotonicMs(): number;
  /**
   * Resolves on the host's next task (not a microtask), so that messages such as a cancel request
   * are handled during a long import. The engine calls it about ten times a second.
   */
  yieldToHost(): Promise<void>;
  log: Logger;
  /** Worker threads for converting large CSV files in parallel (optional). */
  importWorkers?: ImportWorkers;
}
