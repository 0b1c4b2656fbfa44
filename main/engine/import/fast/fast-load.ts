/**
 * The byte-level loader of plain UTF-8 CSV files whose format maps columns one to one (FOCUS):
 * the file's bytes are cut into chunks of whole records, converted by ChunkConverter (in this
 * thread, or spread over the host's worker threads) and inserted here by ChunkSink.
 *
 * It starts only where it gives the general loader's result: the general reader's first batch
 * decides the format, the day/month order and the header, and the file must look like UTF-8 CSV.
 * Whatever it meets later that it leaves to the general reader (a stray quote, bytes that are not
 * UTF-8, a record longer than MAX_CARRY_BYTES) throws FastPathUnsupported: the caller rolls the
 * file back and reads it the general way. Worker threads that fail, or a quoted line break at a
 * chunk boundary, send the file back to the one-thread byte-level loader.
 */
import type { ImportWorkers } from '../../deps.js';
import type { FormatId } from '../../../../shared/model.js';
import type { RecordMapper } from '../formats/format-adapter.js';
import { chooseFormat, type ChosenFormat } from '../formats/registry.js';
import { detectDelimiter } from '../readers/csv-records.js';
import { decideDateOrder } from '../readers/date-order.js';
import { head, utf8TextStart, WINDOWS_1252_WARNING } from '../readers/text-chunks.js';
import { DateReader } from '../values.js';
import type { SharedRead } from '../load/shared-read.js';
import type { FileLoad } from '../load/file-load.js';
import type { LoadEnv } from '../load/load-env.js';
import { ChunkConverter, rowBuffersOf, type RowBufferSet } from './chunk-converter.js';
import { ChunkSink } from './chunk-sink.js';
import { planOf, REQUIRED_COLUMNS, type ChunkResult, type FastPlan } from './fast-plan.js';
import type { ImportWorkerMessage, ImportWorkerReply } from './import-worker.js';

/** Bytes converted at a time. */
export const CHUNK_BYTES = 4 << 20;
/** A record longer than this is left to the general reader (which refuses one over 32 MB of text). */
const MAX_CARRY_BYTES = 32 << 20;
/** The header must be in this many leading bytes. */
const MAX_HEADER_BYTES = 1 << 20;
/** Files smaller than this are converted in the engine's thread: starting workers would cost more. */
export const PARALLEL_MIN_BYTES = 24 << 20;
/** Chunks on their way per worker (converting, waiting, done but not yet inserted): enough to ride out uneven chunks. */
const IN_FLIGHT_PER_WORKER = 4;
/** Chunk buffers kept to be filled again. */
const SPARE_BUFFERS = 4;

/** The file (or part of it) is for the general reader; `parallelOnly`: the one-thread byte-level loader can read it. */
export class FastPathUnsupported extends Error {
  constructor(
    message: string,
    readonly parallelOnly = false,
  ) {
    super(message);
  }
}

export interface FastPrepared {
  plan: FastPlan;
  header: string[];
  mapper: RecordMapper;
  format: FormatId;
  extraColumns: string[];
  dates: DateReader;
  /** The reader's notes so far (the day/month decision). */
  warnings: string[];
  /** Bytes before the header (a byte-order mark). */
  textStart: number;
}

const LF = 10;

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((field, i) => field === b[i]);
}

/**
 * Whether the byte-level loader can read this source, and what it needs to; null: the general
 * loader reads it. Looks at the file's start through `shared` (the read the loader continues).
 * A refusal of the general reader's first batch is thrown: the general loader would refuse alike.
 */
export async function prepareFast(env: LoadEnv, shared: SharedRead): Promise<FastPrepared | null> {
  const text = env.source.text;
  if (!text) return null;
  // The file must look like UTF-8 CSV from its first bytes.
  const bytes = shared.peek()[Symbol.asyncIterator]();
  let start: Uint8Array | null;
  try {
    start = await head(bytes);
  } finally {
    await bytes.return?.(undefined);
  }
  if (!start) return null;
  const textStart = utf8TextStart(start);
  if (textStart === null) return null;
  let first = textStart;
  while (first < start.length && (start[first] === 0x20 || start[first] === 0x09 || start[first] === 0x0d || start[first] === LF)) first++;
  if (first < start.length && (start[first] === 0x7b || start[first] === 0x5b || (start[first] as number) >= 0x80)) return null; // JSON, or unusual

  // The general reader's first batches: header, format and day/month order exactly as it decides them.
  const warnings: string[] = [];
  const batches = text.records(shared.peek(), warnings)[Symbol.asyncIterator]();
  const dates = new DateReader();
  let firstBatch: string[][];
  let more: boolean;
  let header: string[];
  let chosen: ChosenFormat;
  let mapper: RecordMapper;
  try {
    const firstNext = await batches.next();
    if (firstNext.done || !firstNext.value[0] || warnings.includes(WINDOWS_1252_WARNING)) return null;
    firstBatch = firstNext.value;
    header = firstNext.value[0];
    try {
      chosen = chooseFormat(header, env.source.name, env.formats.adapters);
    } catch {
      return null; // the general loader refuses it, with the same reasons
    }
    mapper = chosen.adapter.mapper(header, { dates });
    if (!mapper.direct) return null;
    more = !(await batches.next()).done;
  } finally {
    await batches.return?.(undefined);
  }
  const decision = await decideDateOrder(firstBatch, more, () => text.records(text.chunks(), []), () => env.pause());
  dates.decide(decision.order);

  // The delimiter as csvRecords detects it, from the header line (it must be in the first bytes).
  const headText = new TextDecoder('utf-8').decode(start.subarray(textStart, Math.min(start.length, textStart + MAX_HEADER_BYTES)));
  if (!/[\r\n]/.test(headText)) return null;
  const delimiter = detectDelimiter(headText).charCodeAt(0);
  const plan = planOf(mapper.direct.positions, mapper.direct.extras, header.length, delimiter, dates.order);
  if (!REQUIRED_COLUMNS.every((canonical) => plan.columns.some((c) => c.canonical === canonical))) return null;
  return {
    plan, header, mapper, format: chosen.format, extraColumns: [...mapper.extraColumns], dates,
    warnings: [...warnings, ...decision.warnings], textStart,
  };
}

/** A copy in a buffer of its own (a Node Buffer's `slice` would be a view of the host's pool). */
function copyOf(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

/** Where a chunk that starts at `start` ends: after the first line feed from `start + size` on, or at the end. */
function chunkEnd(bytes: Uint8Array, start: number, size: number): number {
  if (bytes.length - start <= size) return bytes.length;
  const lf = bytes.indexOf(LF, start + size - 1);
  return lf < 0 ? bytes.length : lf + 1;
}

/** Pieces of bytes gathered into one buffer. */
class ByteQueue {
  private parts: Uint8Array[] = [];
  length = 0;
  /** Buffers to join into again (chunk buffers the workers handed back). */
  readonly spare: ArrayBuffer[] = [];

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  /**
   * Everything queued as one buffer (the queue is then empty). `own`: in a buffer of its own,
   * which may be transferred to a worker (not a view of the host's stream buffers).
   */
  take(own = false): Uint8Array {
    const parts = this.parts;
    this.parts = [];
    const length = this.length;
    this.length = 0;
    if (parts.length === 1 && parts[0] && !own) return parts[0];
    const spare = this.spare.pop();
    const joined = spare && spare.byteLength >= length ? new Uint8Array(spare, 0, length) : new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    return joined;
  }
}

/** Where the bytes of the file go to be hashed: every piece as read, or (a worker hashes the rest) the header's only. */
interface Hashing {
  piece?(bytes: Uint8Array): void;
  header?(bytes: Uint8Array): void;
}

/** Reads the file once (hashing it, see Hashing), hands out the text after the header in pieces. */
async function* textAfterHeader(shared: SharedRead, load: FileLoad, prepared: FastPrepared, hashing: Hashing): AsyncGenerator<Uint8Array> {
  const headerReader = new ChunkConverter(prepared.plan);
  const queue = new ByteQueue();
  let headerEnd = -1;
  for await (const piece of shared.read()) {
    hashing.piece?.(piece);
    load.bytesRead += piece.length;
    if (headerEnd >= 0) {
      yield piece;
      continue;
    }
    queue.push(piece);
    const bytes = queue.take();
    const found = headerReader.headerAt(bytes, Math.min(prepared.textStart, bytes.length), false);
    if (found && 'unsupported' in found) throw new FastPathUnsupported(found.unsupported);
    if (found) {
      if (!sameFields(found.fields, prepared.header)) throw new FastPathUnsupported('the header reads differently byte by byte');
      headerEnd = found.end;
      hashing.header?.(bytes.subarray(0, headerEnd));
      yield bytes.subarray(headerEnd);
    } else {
      if (bytes.length > MAX_HEADER_BYTES) throw new FastPathUnsupported('the header is too long');
      queue.push(bytes);
    }
  }
  if (headerEnd < 0) {
    const bytes = queue.take();
    const found = headerReader.headerAt(bytes, Math.min(prepared.textStart, bytes.length), true);
    if (found && 'unsupported' in found) throw new FastPathUnsupported(found.unsupported);
    if (!found || !sameFields(found.fields, prepared.header)) throw new FastPathUnsupported('the header reads differently byte by byte');
    hashing.header?.(bytes);
  }
}

/** Loads the file in this thread. */
export async function loadFast(env: LoadEnv, load: FileLoad, prepared: FastPrepared, shared: SharedRead, chunkBytes = CHUNK_BYTES): Promise<void> {
  const hasher = env.deps.createHasher();
  const converter = new ChunkConverter(prepared.plan);
  const sink = new ChunkSink(env, load, prepared.plan, prepared.mapper, prepared.dates, 1);
  load.format = prepared.format;
  load.extraColumns = prepared.extraColumns;
  try {
    const queue = new ByteQueue();
    let reuse: RowBufferSet | undefined;
    /** Converts what is queued, a chunk (about `chunkBytes`, cut after a line feed) at a time; keeps an incomplete last record. */
    const drain = async (final: boolean): Promise<void> => {
      const bytes = queue.take();
      let position = 0;
      let window = chunkBytes;
      while (position < bytes.length && (final || bytes.length - position >= chunkBytes)) {
        const end = chunkEnd(bytes, position, window);
        const last = final && end === bytes.length;
        const chunk = converter.convert(bytes.subarray(position, end), last, reuse);
        if (chunk.unsupported) throw new FastPathUnsupported(chunk.unsupported);
        sink.consume(chunk, 0);
        reuse = rowBuffersOf(chunk);
        position += chunk.consumed;
        env.progress(load);
        await env.pause();
        if (chunk.consumed > 0) {
          window = chunkBytes;
        } else if (end === bytes.length) {
          break; // the record goes on in the bytes still to come
        } else {
          window *= 2; // a record longer than the window (or a quoted line break at its end)
        }
      }
      const rest = bytes.subarray(position);
      if (rest.length > MAX_CARRY_BYTES) throw new FastPathUnsupported('a record is longer than 32 MB');
      // A copy, so the chunk's buffer is not kept alive by its tail.
      if (rest.length > 0) queue.push(copyOf(rest));
    };
    for await (const piece of textAfterHeader(shared, load, prepared, { piece: (bytes) => hasher.update(bytes) })) {
      queue.push(piece);
      if (queue.length >= chunkBytes) await drain(false);
    }
    await drain(true);
    sink.finish(prepared.warnings);
    load.sha256 = hasher.digest();
  } finally {
    sink.free();
  }
}

let nextSession = 1;

/** The worker threads failed (could not start, crashed): the file is read in this thread instead. */
export class WorkersFailed extends Error {}

/**
 * Loads the file with the host's workers converting: chunks cut at line feeds go round the
 * workers; the results are inserted here in file order. Each chunk must end with a whole record
 * (a quoted line break at a cut makes it FastPathUnsupported with `parallelOnly`).
 */
export async function loadFastParallel(
  env: LoadEnv, load: FileLoad, prepared: FastPrepared, shared: SharedRead, workers: ImportWorkers, chunkBytes = CHUNK_BYTES,
): Promise<void> {
  const size = Math.max(1, workers.size);
  const session = nextSession++;
  const request = async (worker: number, message: ImportWorkerMessage, transfer: ArrayBuffer[] = []): Promise<ImportWorkerReply> => {
    let reply: ImportWorkerReply;
    try {
      reply = (await workers.request(worker, message, transfer)) as ImportWorkerReply;
    } catch (error) {
      throw new WorkersFailed(error instanceof Error ? error.message : String(error));
    }
    if (!reply.ok) throw new WorkersFailed(reply.error);
    return reply;
  };
  const sink = new ChunkSink(env, load, prepared.plan, prepared.mapper, prepared.dates, size);
  load.format = prepared.format;
  load.extraColumns = prepared.extraColumns;
  const inFlight: Array<{ worker: number; length: number; result: Promise<ChunkResult> }> = [];
  let opened = false;
  try {
    // A lone worker sees every byte, in order: it hashes them too, when its host lets it.
    const hello = await request(0, { type: 'hello' });
    const hashInWorker = size === 1 && 'hashes' in hello && hello.hashes === true;
    const hasher = hashInWorker ? null : env.deps.createHasher();
    await Promise.all(Array.from({ length: size }, (_, worker) => request(worker, { type: 'open', session, plan: prepared.plan, hash: hashInWorker && worker === 0 })));
    opened = true;
    const queue = new ByteQueue();
    const spareRows: RowBufferSet[][] = Array.from({ length: size }, () => []);
    let sent = 0;
    /** `bytes`: a view of a buffer of its own, transferred (not copied) to the worker. */
    const send = (bytes: Uint8Array, final: boolean): void => {
      const worker = sent++ % size;
      const length = bytes.length; // before the transfer empties the view
      const reuse = spareRows[worker]?.pop();
      const transfer = [bytes.buffer as ArrayBuffer, ...(reuse ? [reuse.rowIndex, reuse.ints, reuse.reals] : [])];
      const result = request(worker, { type: 'chunk', session, bytes, final, ...(reuse ? { reuse } : {}) }, transfer).then((reply) => {
        if (!('chunk' in reply)) throw new WorkersFailed('the worker sent no chunk');
        if (queue.spare.length < SPARE_BUFFERS) queue.spare.push(reply.bytes.buffer as ArrayBuffer);
        return reply.chunk;
      });
      result.catch(() => undefined); // awaited in order below; a failure after an abort is not unhandled
      inFlight.push({ worker, length, result });
    };
    const consumeOldest = async (): Promise<void> => {
      const next = inFlight.shift();
      if (!next) return;
      const chunk = await next.result;
      if (chunk.unsupported) throw new FastPathUnsupported(chunk.unsupported);
      if (chunk.consumed !== next.length) throw new FastPathUnsupported('a quoted line break at a chunk boundary', true);
      sink.consume(chunk, next.worker);
      // The rows' buffers go back to their worker with its next chunk.
      spareRows[next.worker]?.push(rowBuffersOf(chunk));
      env.progress(load);
      await env.pause();
    };
    const hashing: Hashing = hasher
      ? { piece: (bytes) => hasher.update(bytes) }
      : { header: (bytes) => void request(0, { type: 'hash', session, bytes: copyOf(bytes) }).catch(() => undefined) };
    for await (const piece of textAfterHeader(shared, load, prepared, hashing)) {
      queue.push(piece);
      if (queue.length < chunkBytes) continue;
      const bytes = queue.take(true);
      // Chunks of about chunkBytes, each cut after a line feed; the rest starts the next chunk.
      const cuts: number[] = [];
      for (let at = 0; bytes.length - at >= chunkBytes; ) {
        const end = bytes.indexOf(LF, at + chunkBytes - 1);
        if (end < 0) break;
        cuts.push(end + 1);
        at = end + 1;
      }
      const used = cuts.at(-1) ?? 0;
      if (used === 0 && bytes.length > MAX_CARRY_BYTES) throw new FastPathUnsupported('a record is longer than 32 MB');
      // The rest is copied before the chunk's buffer is transferred away.
      queue.push(used === 0 ? bytes : copyOf(bytes.subarray(used)));
      if (cuts.length === 1) send(bytes.subarray(0, used), false);
      else cuts.forEach((end, i) => send(copyOf(bytes.subarray(i === 0 ? 0 : (cuts[i - 1] as number), end)), false));
      while (inFlight.length >= size * IN_FLIGHT_PER_WORKER) await consumeOldest();
    }
    send(queue.take(true), true);
    while (inFlight.length > 0) await consumeOldest();
    sink.finish(prepared.warnings);
    if (hasher) {
      load.sha256 = hasher.digest();
    } else {
      const digest = await request(0, { type: 'digest', session });
      if (!('sha256' in digest)) throw new WorkersFailed('the worker sent no digest');
      load.sha256 = digest.sha256;
    }
  } finally {
    sink.free();
    if (opened) for (let worker = 0; worker < size; worker++) void request(worker, { type: 'close', session }).catch(() => undefined);
  }
}
