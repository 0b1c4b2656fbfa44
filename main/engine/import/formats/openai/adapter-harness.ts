/**
 * For tests: runs an adapter's detect and mapper over a table outside the engine, and names the
 * values of each canonical line by column. No I/O: the tests read the files.
 */
import { COST_COLUMNS } from '../../../db/cost-columns.js';
import type { CanonicalLine, FormatAdapter, RecordMapper } from '../format-adapter.js';

export type NamedLine = Record<string, string | null>;

export function named(line: CanonicalLine): NamedLine {
  const values: NamedLine = Object.fromEntries(COST_COLUMNS.map((c, i) => [c.name, line.values[i] ?? null]));
  values.extras = line.extras;
  return values;
}

export interface Mapped {
  format: string | undefined;
  mapper: RecordMapper;
  /** Per record: its lines, or the reason it is rejected. */
  results: Array<NamedLine[] | string>;
}

export function runTable(adapter: FormatAdapter, header: string[], rows: string[][]): Mapped {
  const format = adapter.detect(header)?.format;
  const mapper = adapter.mapper(header);
  const results = rows.map((row) => {
    const lines = mapper.map(row);
    return typeof lines === 'string' ? lines : lines.map(named);
  });
  return { format, mapper, results };
}

export function runDocument(adapter: FormatAdapter, document: unknown): Mapped {
  const table = adapter.tabulateJson?.(document);
  if (!table) throw new Error(`The document is not tabulated by ${adapter.name}`);
  return runTable(adapter, table.header, table.rows);
}

/** All lines of all records (rejections left out). */
export function linesOf(mapped: Mapped): NamedLine[] {
  return mapped.results.flatMap((r) => (typeof r === 'string' ? [] : r));
}
