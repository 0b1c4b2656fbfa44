/**
 * The head of one source file, for mapping its columns by hand: its header, first records and
 * the known formats it came closest to. Reads only as far as the first batch of records.
 */
import type { FilePreview, FilePreviewRequest } from '../../../shared/model.js';
import { EngineError } from '../../../shared/rpc.js';
import type { EngineDeps } from '../deps.js';
import type { Store } from '../db/store.js';
import { FileRefused } from '../import/file-refused.js';
import { HeaderIndex } from '../import/formats/canonical-line.js';
import { chooseFormat, closestFormats } from '../import/formats/registry.js';
import { workspaceFormats } from '../import/formats/workspace-formats.js';
import type { RecordSource } from '../import/readers/record-source.js';
import { expandSource } from '../import/sources/expand.js';

const PREVIEW_ROWS = 5;
const MAX_CELL = 200;

export async function previewFile(store: Store, deps: EngineDeps, request: FilePreviewRequest): Promise<FilePreview> {
  const formats = workspaceFormats(store);
  for (const ref of request.files) {
    for await (const expanded of expandSource(deps, ref, formats.tabulators)) {
      if ('refused' in expanded) {
        if (expanded.refused.name === request.source) throw new EngineError('BAD_REQUEST', expanded.refused.message);
        continue;
      }
      if (expanded.source.name !== request.source) continue;
      const head = await headOf(expanded.source);
      let format: FilePreview['format'] = null;
      try {
        format = chooseFormat(head.header, expanded.source.name, formats.adapters).format;
      } catch (error) {
        if (!(error instanceof FileRefused)) throw error;
      }
      return { file: expanded.source.name, ...head, closestFormats: closestFormats(head.header, formats.adapters), format };
    }
  }
  throw new EngineError('NOT_FOUND', `${request.source} is not among the files given.`);
}

async function headOf(source: RecordSource): Promise<{ header: string[]; rows: string[][] }> {
  let header: string[] | null = null;
  const rows: string[][] = [];
  try {
    for await (const batch of source.records(null, [])) {
      for (const record of batch) {
        if (!header) {
          header = new HeaderIndex(record).names.slice();
          continue;
        }
        if (record.length === 1 && record[0] === '') continue;
        rows.push(record.map((cell) => (cell.length > MAX_CELL ? `${cell.slice(0, MAX_CELL - 1)}…` : cell)));
        if (rows.length >= PREVIEW_ROWS) return { header, rows };
      }
    }
  } catch (error) {
    if (error instanceof FileRefused) throw new EngineError('BAD_REQUEST', error.message);
    throw error;
  }
  if (!header) throw new EngineError('BAD_REQUEST', `${source.name} is empty: it has no header row.`);
  return { header, rows };
}
