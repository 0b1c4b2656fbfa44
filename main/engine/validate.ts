/** Checks of request arguments at the engine's door: whatever crosses a port is untrusted. */
import type { CostLineQuery, FxRate, ImportRequest, OverviewQuery, SourceRef, TagBreakdownQuery, WorkspaceBytes } from '../../shared/model.js';
import { EngineError } from '../../shared/rpc.js';

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') bad(`${field} must be text.`);
  return value;
}

function optionalInteger(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) bad(`${field} must be a whole number.`);
  return value;
}

export function overviewQuery(arg: unknown): OverviewQuery {
  const r = record(arg, 'The query');
  const query: OverviewQuery = {};
  const currency = optionalString(r.currency, 'currency');
  const from = optionalString(r.from, 'from');
  const to = optionalString(r.to, 'to');
  const top = optionalInteger(r.top, 'top');
  const displayCurrency = optionalString(r.displayCurrency, 'displayCurrency');
  if (displayCurrency !== undefined && displayCurrency !== '') query.displayCurrency = displayCurrency;
  if (currency !== undefined) query.currency = currency;
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  if (top !== undefined) query.top = top;
  return query;
}

export function tagBreakdownQuery(arg: unknown): TagBreakdownQuery {
  const key = optionalString(record(arg, 'The query').key, 'key');
  if (!key) bad('key (the tag key) is required.');
  return { ...overviewQuery(arg), key };
}

export function costLineQuery(arg: unknown): CostLineQuery {
  const r = record(arg, 'The query');
  const query: CostLineQuery = overviewQuery({ currency: r.currency, from: r.from, to: r.to });
  const limit = optionalInteger(r.limit, 'limit');
  const offset = optionalInteger(r.offset, 'offset');
  if (limit !== undefined) query.limit = limit;
  if (offset !== undefined) query.offset = offset;
  if (r.where !== undefined) {
    const where: Record<string, string> = {};
    for (const [column, value] of Object.entries(record(r.where, 'where'))) {
      if (typeof value !== 'string') bad(`where.${column} must be text.`);
      where[column] = value;
    }
    query.where = where;
  }
  return query;
}

function sourceRef(value: unknown, index: number): SourceRef {
  const r = record(value, `files[${index}]`);
  if (r.kind === 'path' && typeof r.path === 'string' && r.path !== '') {
    const name = optionalString(r.name, `files[${index}].name`);
    return name === undefined ? { kind: 'path', path: r.path } : { kind: 'path', path: r.path, name };
  }
  if (r.kind === 'blob' && typeof r.name === 'string' && typeof r.blob === 'object' && r.blob !== null) {
    return { kind: 'blob', name: r.name, blob: r.blob };
  }
  return bad(`files[${index}] must be a path or a file.`);
}

export function importRequest(arg: unknown): ImportRequest {
  const r = record(arg, 'The import request');
  if (!Array.isArray(r.files) || r.files.length === 0) bad('files must list at least one file.');
  const request: ImportRequest = { files: r.files.map(sourceRef) };
  if (r.acceptPartial !== undefined) {
    if (typeof r.acceptPartial !== 'boolean') bad('acceptPartial must be true or false.');
    request.acceptPartial = r.acceptPartial;
  }
  return request;
}

export function workspaceBytes(arg: unknown): WorkspaceBytes {
  const bytes = record(arg, 'The workspace').bytes;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) bad('bytes must be the workspace file’s content.');
  return { bytes };
}

export function sourceId(arg: unknown): number {
  const id = record(arg, 'The request').id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) bad('id must be the number of an imported file.');
  return id;
}

export function fxRates(arg: unknown): FxRate[] {
  const rates = record(arg, 'The request').rates;
  if (!Array.isArray(rates)) bad('rates must be a list.');
  return rates.map((value, i) => {
    const r = record(value, `rates[${i}]`);
    if (typeof r.date !== 'string' || typeof r.from !== 'string' || typeof r.to !== 'string' || typeof r.rate !== 'number' || typeof r.source !== 'string') {
      bad(`rates[${i}] needs date, from, to (text), rate (a number) and source (text).`);
    }
    return { date: r.date, from: r.from, to: r.to, rate: r.rate, source: r.source };
  });
}
