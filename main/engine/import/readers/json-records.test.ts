import { describe, expect, it } from 'vitest';
import { FileRefused } from '../file-refused.js';
import { flattenObject, jsonDocumentRecords, jsonLinesRecords, looksLikeJsonLines, tableOfObjects } from './json-records.js';

async function* chunks(...texts: string[]): AsyncGenerator<string> {
  for (const text of texts) yield text;
}

async function collect(batches: AsyncIterable<string[][]>): Promise<string[][]> {
  const all: string[][] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

describe('JSON readers', () => {
  it('flattens nested objects to dot paths and keeps arrays as JSON text', () => {
    const flat = flattenObject({ service: { id: 'x', description: 'Compute Engine' }, cost: 1.5, labels: [{ key: 'team', value: 'ml' }], none: null });
    expect([...flat]).toEqual([
      ['service.id', 'x'], ['service.description', 'Compute Engine'], ['cost', '1.5'], ['labels', '[{"key":"team","value":"ml"}]'], ['none', ''],
    ]);
  });

  it('tables objects of different shapes under the union of their paths', () => {
    expect(tableOfObjects([{ a: 1 }, { b: { c: 'x' } }])).toEqual({ header: ['a', 'b.c'], rows: [['1', ''], ['', 'x']] });
  });

  it('reads JSON Lines across chunk boundaries, header from the first batch', async () => {
    const rows = await collect(jsonLinesRecords(chunks('{"a":1,"b":{"c":"x"}}\n{"a":2,', '"b":{"c":"y"}}\n\n{"a":3}'), 'f.jsonl'));
    expect(rows).toEqual([['a', 'b.c'], ['1', 'x'], ['2', 'y'], ['3', '']]);
    expect(looksLikeJsonLines('{"a":1}\n{"a":2}\n')).toBe(true);
    expect(looksLikeJsonLines('{\n  "a": 1\n}')).toBe(false);
  });

  it('refuses a broken JSON Lines file with the line number', async () => {
    await expect(collect(jsonLinesRecords(chunks('{"a":1}\n{"a":'), 'cut.jsonl'))).rejects.toThrow('cut.jsonl: line 2 is not a JSON object; the file may be truncated.');
  });

  it('tabulates a document with the first format that knows it, else an array of objects, else refuses', async () => {
    const known = await collect(jsonDocumentRecords(chunks('{"data":[{"x":1}]}'), 'api.json', [() => null, (d) => ({ header: ['n'], rows: [[String((d as { data: unknown[] }).data.length)]] })]));
    expect(known).toEqual([['n'], ['1']]);
    expect(await collect(jsonDocumentRecords(chunks('[{"x":1},{"x":2}]'), 'a.json', []))).toEqual([['x'], ['1'], ['2']]);
    await expect(collect(jsonDocumentRecords(chunks('{"odd":true}'), 'odd.json', []))).rejects.toBeInstanceOf(FileRefused);
    await expect(collect(jsonDocumentRecords(chunks('{"cut":'), 'cut.json', []))).rejects.toThrow(/cut\.json is not valid JSON/);
  });
});
