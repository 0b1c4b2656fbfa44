/** Checks of the metric methods' arguments (untrusted: they cross a port). */
import type { MetricImportRequest } from '../../../shared/metrics.js';
import type { SourceRef } from '../../../shared/model.js';
import { EngineError } from '../../../shared/rpc.js';

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

/** A path (desktop, CLI) or a browser File, as the importer takes them. */
function sourceRef(value: unknown): SourceRef {
  const r = record(value, 'file');
  if (r.kind === 'path' && typeof r.path === 'string' && r.path !== '') {
    if (r.name !== undefined && typeof r.name !== 'string') bad('file.name must be text.');
    return typeof r.name === 'string' ? { kind: 'path', path: r.path, name: r.name } : { kind: 'path', path: r.path };
  }
  if (r.kind === 'blob' && typeof r.name === 'string' && typeof r.blob === 'object' && r.blob !== null) return { kind: 'blob', name: r.name, blob: r.blob };
  return bad('file must be a path or a file.');
}

export function metricImportRequest(arg: unknown): MetricImportRequest {
  const r = record(arg, 'The metric import request');
  const request: MetricImportRequest = {};
  if (r.name !== undefined) {
    if (typeof r.name !== 'string' || r.name.trim() === '') bad('name must be non-empty text.');
    request.name = r.name.trim();
  }
  if (r.text !== undefined) {
    if (typeof r.text !== 'string') bad('text must be the CSV text.');
    request.text = r.text;
  }
  if (r.file !== undefined) request.file = sourceRef(r.file);
  if ((request.text === undefined) === (request.file === undefined)) bad('Give either file or text (one of them).');
  return request;
}

export function metricName(arg: unknown): string {
  const name = record(arg, 'The request').name;
  if (typeof name !== 'string' || name.trim() === '') bad('name must name an imported metric.');
  return name.trim();
}
