/**
 * Text chunks → CSV records, in batches, streaming: papaparse's core parser is fed chunk by chunk
 * and reports where the last complete record ended; the rest is carried into the next chunk, so
 * quoted newlines across chunk boundaries are handled. CRLF, LF and mixed endings all work.
 */
import Papa, { type Parser } from 'papaparse';

/** What Parser.parse returns (typed as `any` by @types/papaparse). */
interface ParseResult {
  data: string[][];
  errors: Array<{ code: string; row?: number }>;
  meta: { cursor: number };
}
import { FileRefused } from '../file-refused.js';

/** A record longer than this is an unclosed quote or not CSV at all. */
const MAX_RECORD_CHARS = 32 << 20;

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter that occurs most often outside quotes in the header line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function stripCarriageReturn(record: string[]): string[] {
  const last = record.length - 1;
  const field = record[last];
  if (field !== undefined && field.endsWith('\r')) record[last] = field.slice(0, -1);
  return record;
}

/** Yields batches of records. The first record of the first batch is the header. */
export async function* csvRecords(texts: AsyncIterable<string>, fileName: string): AsyncGenerator<string[][]> {
  let parser: Parser | null = null;
  let carry = '';
  let recordsSoFar = 0;
  for await (const text of texts) {
    const input = carry + text;
    parser ??= new Papa.Parser({ delimiter: detectDelimiter(input), newline: '\n' });
    const result = parser.parse(input, 0, true) as ParseResult;
    carry = input.slice(result.meta.cursor);
    if (carry.length > MAX_RECORD_CHARS) {
      throw new FileRefused(`${fileName}: record ${recordsSoFar + result.data.length + 1} is longer than ${MAX_RECORD_CHARS >> 20} MB. The file has an unclosed quote or is not a CSV file.`);
    }
    recordsSoFar += result.data.length;
    if (result.data.length > 0) yield result.data.map(stripCarriageReturn);
  }
  if (carry.length > 0) {
    parser ??= new Papa.Parser({ delimiter: detectDelimiter(carry), newline: '\n' });
    const result = parser.parse(carry, 0, false) as ParseResult;
    const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
    if (unclosed) {
      throw new FileRefused(`${fileName}: record ${recordsSoFar + (unclosed.row ?? 0) + 1} has a quote that is never closed; the file may be truncated.`);
    }
    if (result.data.length > 0) yield result.data.map(stripCarriageReturn);
  }
}
