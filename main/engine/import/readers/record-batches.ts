/** Text bytes → batches of records (the first record is the header): CSV, a JSON document or JSON Lines. */
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
  bytes: AsyncIterable<Uint8Array>,
  fileName: string,
  tabulators: readonly JsonTabulator[],
  warnings: string[],
): AsyncGenerator<string[][]> {
  const texts = textChunks(bytes, fileName, warnings)[Symbol.asyncIterator]();
  try {
    const first = await texts.next();
    if (first.done) return;
    const all = prepend(first.value, texts);
    const head = first.value.trimStart();
    if (head.startsWith('{') || head.startsWith('[')) {
      if (looksLikeJsonLines(first.value)) yield* jsonLinesRecords(all, fileName);
      else yield* jsonDocumentRecords(all, fileName, tabulators);
    } else {
      yield* csvRecords(all, fileName);
    }
  } finally {
    await texts.return?.(undefined);
  }
}
