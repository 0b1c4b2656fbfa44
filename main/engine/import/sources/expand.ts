/**
 * One file the user chose → the sources it holds, each imported and reported on its own:
 * - gzip (by its magic bytes): the text (or Parquet) inside, decompressed as a stream;
 * - zip: every CSV/JSON/Parquet entry, named `archive.zip › inner.csv`;
 * - Parquet: its rows;
 * - an export manifest (AWS CUR, AWS Data Exports, Azure): the files it lists, opened by path
 *   beside it (hosts that only have dropped files cannot, and say so);
 * - anything else: text (CSV, JSON, JSON Lines), whose encoding the text reader works out.
 * Containers are told by their content, never by their name alone.
 */
import type { SourceRef } from '../../../../shared/model.js';
import type { ByteSource, EngineDeps } from '../../deps.js';
import { FileRefused } from '../file-refused.js';
import type { JsonTabulator } from '../readers/json-records.js';
import { parquetRecords } from '../readers/parquet-records.js';
import { recordBatches } from '../readers/record-batches.js';
import type { RecordSource, TextBytes } from '../readers/record-source.js';
import { firstBytes, MAX_BUFFERED_BYTES, memoryAccess, randomAccess, readAll, readHead, tap, type RandomAccess } from './byte-access.js';
import { gunzipChunks } from './gzip.js';
import { candidatePaths, manifestOf, MAX_MANIFEST_BYTES, type Manifest } from './manifest.js';
import { storedEntryAccess, unreadableReason, zipEntries, zipEntryChunks, type ZipEntry } from './zip.js';

export type Expanded = { source: RecordSource } | { refused: { name: string; size: number; message: string } };

type Kind = 'gzip' | 'zip' | 'parquet' | 'other';

const HEAD_BYTES = 8;
/** Zip entries imported: by name, since the archive's directory is all there is to choose by. */
const IMPORTABLE_ENTRY = /\.(csv|tsv|json|jsonl|ndjson|parquet)(\.gz)?$/i;

function kindOf(head: Uint8Array): Kind {
  const [a, b, c, d] = head;
  if (a === 0x1f && b === 0x8b) return 'gzip';
  if (a === 0x50 && b === 0x4b && ((c === 3 && d === 4) || (c === 5 && d === 6))) return 'zip';
  if (a === 0x50 && b === 0x41 && c === 0x52 && d === 0x31) return 'parquet';
  return 'other';
}

function refused(name: string, size: number, error: unknown): Expanded {
  if (!(error instanceof FileRefused)) throw error;
  return { refused: { name, size, message: error.message } };
}

/** Content that can be streamed again from the start. */
interface Content {
  name: string;
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

export async function* expandSource(deps: EngineDeps, ref: SourceRef, tabulators: readonly JsonTabulator[]): AsyncGenerator<Expanded> {
  let source: ByteSource;
  try {
    source = await deps.openSource(ref);
  } catch (error) {
    const name = ref.kind === 'path' ? ref.path : ref.name;
    yield { refused: { name, size: 0, message: `${name} cannot be read: ${error instanceof Error ? error.message : String(error)}` } };
    return;
  }
  yield* expandFile(deps, source, ref.kind === 'path' ? ref.path : null, tabulators, true);
}

async function* expandFile(
  deps: EngineDeps,
  source: ByteSource,
  path: string | null,
  tabulators: readonly JsonTabulator[],
  manifestAllowed: boolean,
): AsyncGenerator<Expanded> {
  try {
    const head = await readHead(source, HEAD_BYTES);
    switch (kindOf(head)) {
      case 'gzip':
        yield await gzipSource(source, tabulators);
        return;
      case 'zip':
        yield* zipSources(await randomAccess(source), source.name, tabulators);
        return;
      case 'parquet':
        yield { source: parquetSource(source.name, source.size, await randomAccess(source), () => source.chunks()) };
        return;
      default: {
        const manifest = manifestAllowed ? await readManifest(source, head) : null;
        if (manifest) yield* manifestSources(deps, source, manifest, path, tabulators);
        else yield { source: textSource(source, tabulators) };
      }
    }
  } catch (error) {
    yield refused(source.name, source.size, error);
  }
}

function textSource(content: Content, tabulators: readonly JsonTabulator[]): RecordSource {
  const text: TextBytes = {
    chunks: () => content.chunks(),
    records: (chunks, warnings) => recordBatches(chunks, content.name, tabulators, warnings),
  };
  return {
    name: content.name,
    size: content.size,
    records: (onBytes, warnings) => text.records(tap(text.chunks(), onBytes), warnings),
    text,
  };
}

function parquetSource(name: string, size: number, file: RandomAccess, hashed: () => AsyncIterable<Uint8Array>): RecordSource {
  return {
    name,
    size,
    async *records(onBytes) {
      // The hash is over the file's bytes, streamed once; the rows are read by random access.
      if (onBytes) for await (const chunk of hashed()) onBytes(chunk);
      yield* parquetRecords(file, name);
    },
  };
}

/** A gzip: the text inside, streamed (or a Parquet file inside, read into memory up to a limit). */
async function gzipSource(content: Content, tabulators: readonly JsonTabulator[]): Promise<Expanded> {
  const inflated = (): AsyncIterable<Uint8Array> => gunzipChunks(content.chunks(), content.name);
  const inner = kindOf(await firstBytes(inflated(), HEAD_BYTES));
  if (inner === 'parquet') {
    const bytes = await readAll(inflated(), MAX_BUFFERED_BYTES, () => `${content.name}: the Parquet file inside is larger than ${MAX_BUFFERED_BYTES >> 20} MB; decompress it first.`);
    return { source: parquetSource(content.name, content.size, memoryAccess(bytes), () => content.chunks()) };
  }
  if (inner !== 'other') throw new FileRefused(`${content.name} is a gzip file holding ${inner === 'zip' ? 'a zip archive' : 'another gzip file'}; extract it first.`);
  return {
    source: {
      name: content.name,
      size: content.size,
      records: (onBytes, warnings) => recordBatches(gunzipChunks(tap(content.chunks(), onBytes), content.name), content.name, tabulators, warnings),
    },
  };
}

async function* zipSources(archive: RandomAccess, archiveName: string, tabulators: readonly JsonTabulator[]): AsyncGenerator<Expanded> {
  const entries = await zipEntries(archive, archiveName);
  const importable = entries.filter((e) => IMPORTABLE_ENTRY.test(e.name) && !/(^|\/)(__MACOSX\/|\.)/.test(e.name));
  if (importable.length === 0) {
    const listed = entries.slice(0, 5).map((e) => e.name).join(', ');
    throw new FileRefused(`${archiveName} contains no CSV, JSON or Parquet file${entries.length > 0 ? ` (it holds ${listed}${entries.length > 5 ? ', …' : ''})` : ' (it is empty)'}.`);
  }
  for (const entry of importable) {
    const name = `${archiveName} › ${entry.name}`;
    try {
      yield await zipEntrySource(archive, archiveName, entry, name, tabulators);
    } catch (error) {
      yield refused(name, entry.size, error);
    }
  }
}

async function zipEntrySource(archive: RandomAccess, archiveName: string, entry: ZipEntry, name: string, tabulators: readonly JsonTabulator[]): Promise<Expanded> {
  const reason = unreadableReason(entry);
  if (reason) throw new FileRefused(`${name} cannot be read: ${reason}.`);
  const content: Content = { name, size: entry.size, chunks: () => zipEntryChunks(archive, entry, archiveName) };
  const kind = kindOf(await firstBytes(content.chunks(), HEAD_BYTES));
  if (kind === 'gzip') return gzipSource(content, tabulators);
  if (kind === 'zip') throw new FileRefused(`${name} is a zip archive inside the archive; extract it first.`);
  if (kind === 'parquet') {
    const access = (await storedEntryAccess(archive, entry, archiveName))
      ?? memoryAccess(await readAll(content.chunks(), MAX_BUFFERED_BYTES, () => `${name} is a compressed Parquet file larger than ${MAX_BUFFERED_BYTES >> 20} MB; extract it first.`));
    return { source: parquetSource(name, entry.size, access, () => content.chunks()) };
  }
  return { source: textSource(content, tabulators) };
}

/** The manifest a small JSON file is, or null. */
async function readManifest(source: ByteSource, head: Uint8Array): Promise<Manifest | null> {
  const first = head.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
  if (first !== 0x7b || source.size > MAX_MANIFEST_BYTES) return null; // '{'
  const bytes = await readAll(source.chunks(), MAX_MANIFEST_BYTES, () => `${source.name} is too large for a manifest.`);
  try {
    return manifestOf(JSON.parse(new TextDecoder('utf-8').decode(bytes)));
  } catch {
    return null; // not JSON: the text reader says what it is
  }
}

async function* manifestSources(
  deps: EngineDeps,
  manifestFile: ByteSource,
  manifest: Manifest,
  path: string | null,
  tabulators: readonly JsonTabulator[],
): AsyncGenerator<Expanded> {
  const count = `${manifest.keys.length} file${manifest.keys.length === 1 ? '' : 's'}`;
  if (path === null) {
    const names = manifest.keys.slice(0, 3).map((k) => k.split('/').pop()).join(', ');
    throw new FileRefused(`${manifestFile.name} is an ${manifest.kind} listing ${count} (${names}${manifest.keys.length > 3 ? ', …' : ''}). This edition cannot open files beside it: drop the listed files instead.`);
  }
  for (const key of manifest.keys) {
    const opened = await openListed(deps, path, key);
    if (!opened) {
      const name = `${manifestFile.name} › ${key.split('/').pop() ?? key}`;
      yield { refused: { name, size: 0, message: `${manifestFile.name} lists ${key}, which is not beside it (looked in ${shownFolder(path)} and the folders the key names). Download the whole export folder and import the manifest from it.` } };
      continue;
    }
    yield* expandFile(deps, renamed(opened.source, `${manifestFile.name} › ${opened.shown}`), opened.path, tabulators, false);
  }
}

function renamed(source: ByteSource, name: string): ByteSource {
  const readRange = source.readRange?.bind(source);
  return { name, size: source.size, chunks: () => source.chunks(), ...(readRange ? { readRange } : {}) };
}

function shownFolder(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(0, cut) : '.';
}

async function openListed(deps: EngineDeps, manifestPath: string, key: string): Promise<{ source: ByteSource; path: string; shown: string } | null> {
  for (const candidate of candidatePaths(manifestPath, key)) {
    try {
      return { source: await deps.openSource({ kind: 'path', path: candidate.path }), ...candidate };
    } catch {
      // not there: try the next place
    }
  }
  return null;
}
