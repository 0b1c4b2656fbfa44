/** Checks of the metric methods' arguments (untrusted: they cross a port). */
import type { MetricImportRequest } from '../../../shared/metrics.js';
import { EngineError } from '../../../shared/rpc.js';
import { sourceRef } from '../validate.js';

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${what} must be an object.`);
  return value as Record<string, unknown>;
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
  if (r.file !== undefined) request.file = sourceRef(r.file, 0);
  if ((request.text === undefined) === (request.file === undefined)) bad('Give either file or text (one of them).');
  return request;
}

export function metricName(arg: unknown): string {
  const name = record(arg, 'The request').name;
  if (typeof name !== 'string' || name.trim() === '') bad('name must name an imported metric.');
  return name.trim();
}
