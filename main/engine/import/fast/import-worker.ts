/**
 * The import worker: what a host's worker thread runs (see `ImportWorkers` in deps.ts). It holds
 * one ChunkConverter per file being loaded (a session) and converts the chunks it is sent, in
 * order. Messages and replies are plain data; the rows' typed arrays are transferred back.
 *
 * A session opened with `hash` also computes the file's SHA-256 (with the hasher its host gives
 * it): every chunk it converts, and the bytes it is sent to `hash` only (those before the first
 * chunk), in the order sent. The engine asks for that only of a lone worker, which sees every byte.
 */
import type { Hasher } from '../../deps.js';
import { ChunkConverter, type RowBufferSet } from './chunk-converter.js';
import { transferablesOf, type ChunkResult, type FastPlan } from './fast-plan.js';

export type ImportWorkerMessage =
  | { type: 'hello' }
  | { type: 'open'; session: number; plan: FastPlan; hash: boolean }
  | { type: 'hash'; session: number; bytes: Uint8Array }
  | { type: 'chunk'; session: number; bytes: Uint8Array; final: boolean; reuse?: RowBufferSet }
  | { type: 'digest'; session: number }
  | { type: 'close'; session: number };

export type ImportWorkerReply =
  | { ok: true; hashes?: boolean }
  | { ok: true; chunk: ChunkResult; bytes: Uint8Array }
  | { ok: true; sha256: string }
  | { ok: false; error: string };

/** What the host's worker thread gives the handler. */
export interface ImportWorkerHost {
  /** SHA-256 in the worker (the Node host's is node:crypto's); without it the engine hashes in its own thread. */
  createHasher?(): Hasher;
}

interface Session {
  converter: ChunkConverter;
  hasher: Hasher | null;
}

const sessions = new Map<number, Session>();

function sessionOf(id: number): Session {
  const session = sessions.get(id);
  if (!session) throw new Error(`no import session ${id}`);
  return session;
}

/** Handles one message; the host posts `reply` back with `transfer`. */
export function handleImportWorkerMessage(message: unknown, host: ImportWorkerHost = {}): { reply: ImportWorkerReply; transfer: ArrayBuffer[] } {
  try {
    const request = message as ImportWorkerMessage;
    switch (request.type) {
      case 'hello':
        return { reply: { ok: true, hashes: host.createHasher !== undefined }, transfer: [] };
      case 'open': {
        const hasher = request.hash ? (host.createHasher?.() ?? null) : null;
        if (request.hash && !hasher) throw new Error('this import worker cannot hash');
        sessions.set(request.session, { converter: new ChunkConverter(request.plan), hasher });
        return { reply: { ok: true }, transfer: [] };
      }
      case 'hash':
        sessionOf(request.session).hasher?.update(request.bytes);
        return { reply: { ok: true }, transfer: [] };
      case 'chunk': {
        const session = sessionOf(request.session);
        session.hasher?.update(request.bytes);
        const chunk = session.converter.convert(request.bytes, request.final, request.reuse);
        // The chunk's bytes go back too, for the engine to fill again (no new buffer a chunk).
        return { reply: { ok: true, chunk, bytes: request.bytes }, transfer: [...transferablesOf(chunk), request.bytes.buffer as ArrayBuffer] };
      }
      case 'digest': {
        const hasher = sessionOf(request.session).hasher;
        if (!hasher) throw new Error('the session does not hash');
        return { reply: { ok: true, sha256: hasher.digest() }, transfer: [] };
      }
      case 'close':
        sessions.delete(request.session);
        return { reply: { ok: true }, transfer: [] };
      default:
        throw new Error('unknown import worker message');
    }
  } catch (error) {
    return { reply: { ok: false, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) }, transfer: [] };
  }
}
