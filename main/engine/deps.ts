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
}
