/** A source's bytes → batches of records (the first record is the header), whatever the text format. */
import type { ByteSource } from '../../deps.js';
import { csvRecords } from './csv-records.js';
import { jsonDocumentRecords, jsonLinesRecords, looksLikeJsonLines, type JsonTabulator } from './json-records.js';
import { textChunks } from './text-chunks.js';

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

export async function* recordBatches(
  source: ByteSource,
  onBytes: (chunk: Uint8Array) => void,
  tabulators: readonly JsonTabulator[],
): AsyncGenerator<string[][]> {
  const texts = textChunks(source, onBytes)[Symbol.asyncIterator]();
  const first = await texts.next();
  if (first.done) return;
  const all = prepend(first.value, texts);
  const head = first.value.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (looksLikeJsonLines(first.value)) yield* jsonLinesRecords(all, source.name);
    else yield* jsonDocumentRecords(all, source.name, tabulators);
  } else {
    yield* csvRecords(all, source.name);
  }
}
