/** The text of a metric file, from a path or browser File (the host opens it) or given inline. */
import type { MetricImportRequest } from '../../../shared/metrics.js';
import { EngineError } from '../../../shared/rpc.js';
import type { EngineDeps } from '../deps.js';
import { FileRefused } from '../import/file-refused.js';
import { textChunks } from '../import/readers/text-chunks.js';

/** Metric files are small (a row per day and value); anything larger is not one. */
const MAX_METRIC_TEXT_CHARS = 64 << 20;

export interface MetricText {
  file: string;
  text: string;
  warnings: string[];
}

export async function readMetricText(deps: EngineDeps, request: MetricImportRequest): Promise<MetricText | { file: string; refusal: string }> {
  if (request.text !== undefined) return { file: request.name ? `${request.name} (pasted)` : 'pasted text', text: request.text, warnings: [] };
  const ref = request.file;
  if (!ref) throw new EngineError('BAD_REQUEST', 'Give the metric file or its text.');
  const file = ref.kind === 'path' ? (ref.name ?? ref.path.split(/[\\/]/).pop() ?? ref.path) : ref.name;
  try {
    const source = await deps.openSource(ref);
    const warnings: string[] = [];
    let text = '';
    for await (const chunk of textChunks(source.chunks(), file, warnings)) {
      text += chunk;
      if (text.length > MAX_METRIC_TEXT_CHARS) return { file, refusal: `${file} is larger than ${MAX_METRIC_TEXT_CHARS >> 20} MB: it is not a metric file (a row per day and value).` };
    }
    return { file, text, warnings };
  } catch (error) {
    if (error instanceof FileRefused) return { file, refusal: error.message };
    return { file, refusal: `${file} cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
