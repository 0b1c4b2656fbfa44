/** Checks of request arguments at the engine's door: whatever crosses a port is untrusted. */
import type { CostLineQuery, FxRate, ImportRequest, OverviewQuery, SourceRef, TagBreakdownQuery, WorkspaceBytes } from '../../shared/model.js';
import { EngineError } from '../../shared/rpc.js';
import type { ModelPriceFields, PriceBookEdit } from '../../shared/model.js';
import { checkPriceFields } from './pricing/price-fields.js';
import type { ColumnMapping, FilePreviewRequest, FormatId } from '../../shared/model.js';
import { checkColumnMapping } from './mapping/column-mapping.js';
import { DEFAULT_ANOMALY_SETTINGS, SLICE_COLUMNS } from '../../shared/forecast.js';
import type { AnomalyQuery, AnomalySettings, CostMeasure, DriverForecastQuery, ForecastQuery, SliceDimension, SliceSpec } from '../../shared/forecast.js';
import { dayFromIso } from './import/values.js';

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
  if (r.overlapping !== undefined) {
    if (r.overlapping !== 'replace' && r.overlapping !== 'keep-both') bad('overlapping must be "replace" or "keep-both".');
    request.overlapping = r.overlapping;
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

export function filePreviewRequest(arg: unknown): FilePreviewRequest {
  const r = record(arg, 'The preview request');
  if (!Array.isArray(r.files) || r.files.length === 0) bad('files must list at least one file.');
  if (typeof r.source !== 'string' || r.source === '') bad('source must name the file to preview.');
  return { files: r.files.map(sourceRef), source: r.source };
}

export function columnMapping(arg: unknown): ColumnMapping {
  const checked = checkColumnMapping(arg);
  if ('problem' in checked) bad(checked.problem);
  return checked;
}

export function mappingFormat(arg: unknown): FormatId {
  const format = record(arg, 'The request').format;
  if (typeof format !== 'string' || !/^[a-z]+-mapped-[a-z0-9-]+$/.test(format)) bad('format must be the format id of a column mapping.');
  return format as FormatId;
}

// The price book.

const MAX_PRICE_EDITS = 500;

/** Edits of the price book: each an action with the id of an entry and/or its checked fields. */
export function priceBookEdits(arg: unknown): PriceBookEdit[] {
  const edits = record(arg, 'The request').edits;
  if (!Array.isArray(edits) || edits.length === 0) bad('edits must list at least one change of the price book.');
  if (edits.length > MAX_PRICE_EDITS) bad(`At most ${MAX_PRICE_EDITS} price book changes at a time.`);
  return edits.map((value, i): PriceBookEdit => {
    const where = edits.length === 1 ? '' : `Change ${i + 1}: `;
    const r = record(value, `edits[${i}]`);
    const id = typeof r.id === 'string' && r.id !== '' ? r.id : null;
    const price = (): ModelPriceFields => {
      const checked = checkPriceFields(r.price);
      return typeof checked === 'string' ? bad(`${where}${checked}`) : checked;
    };
    switch (r.action) {
      case 'add':
        return { action: 'add', price: price() };
      case 'set':
      case 'remove':
      case 'restore':
        if (id === null) bad(`${where}id must name a price book entry.`);
        return r.action === 'set' ? { action: 'set', id, price: price() } : { action: r.action, id };
      default:
        return bad(`${where}action must be add, set, remove or restore.`);
    }
  });
}

// Forecasts and anomalies.

const SLICE_COLUMN_SET: ReadonlySet<string> = new Set(SLICE_COLUMNS);

function optionalBoundedInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  const n = optionalInteger(value, field);
  if (n !== undefined && (n < min || n > max)) bad(`${field} must be between ${min} and ${max}.`);
  return n;
}

function optionalDay(value: unknown, field: string): string | undefined {
  const text = optionalString(value, field);
  if (text === undefined || text === '') return undefined;
  if (dayFromIso(text) === undefined) bad(`${field} "${text}" is not a date (YYYY-MM-DD).`);
  return text;
}

function optionalCurrency(value: unknown, field: string): string | undefined {
  const text = optionalString(value, field)?.trim();
  if (text === undefined || text === '') return undefined;
  if (!/^[A-Za-z]{3}$/.test(text)) bad(`${field} "${text}" is not a currency code.`);
  return text.toUpperCase();
}

function costMeasure(value: unknown, field: string): CostMeasure | undefined {
  if (value === undefined) return undefined;
  if (value !== 'billed' && value !== 'effective') bad(`${field} must be "billed" or "effective".`);
  return value;
}

/** total, a FOCUS column of SLICE_COLUMNS, tag:<key> or alloc:<dimension>. */
export function sliceDimension(value: unknown, field: string): SliceDimension {
  if (typeof value !== 'string') bad(`${field} must be text.`);
  if (value === 'total' || SLICE_COLUMN_SET.has(value)) return value as SliceDimension;
  const prefixed = /^(tag|alloc):(.+)$/.exec(value);
  if (prefixed && (prefixed[2] as string).trim() !== '') return `${prefixed[1] as 'tag' | 'alloc'}:${(prefixed[2] as string).trim()}`;
  return bad(`${field} "${value}" is not a dimension: use total, ${SLICE_COLUMNS.join(', ')}, tag:<key> or alloc:<dimension>.`);
}

export function forecastQuery(arg: unknown): ForecastQuery {
  const r = record(arg, 'The forecast query');
  const s = record(r.slice, 'slice');
  const slice: SliceSpec = { by: sliceDimension(s.by, 'slice.by') };
  const value = optionalString(s.value, 'slice.value');
  if (value !== undefined) {
    if (slice.by === 'total') bad('slice.value must be left out when slice.by is total.');
    slice.value = value;
  }
  const cost = costMeasure(s.cost, 'slice.cost');
  if (cost !== undefined) slice.cost = cost;
  const currency = optionalCurrency(s.currency, 'slice.currency');
  if (currency !== undefined) slice.currency = currency;
  const query: ForecastQuery = { slice };
  const horizon = optionalBoundedInteger(r.horizon, 'horizon', 1, 366);
  const history = optionalBoundedInteger(r.history, 'history', 14, 1095);
  const limit = optionalBoundedInteger(r.limit, 'limit', 1, 200);
  const asOf = optionalDay(r.asOf, 'asOf');
  if (horizon !== undefined) query.horizon = horizon;
  if (history !== undefined) query.history = history;
  if (limit !== undefined) query.limit = limit;
  if (asOf !== undefined) query.asOf = asOf;
  return query;
}

export function driverForecastQuery(arg: unknown): DriverForecastQuery {
  const r = record(arg, 'The driver forecast query');
  const query: DriverForecastQuery = {};
  const horizon = optionalBoundedInteger(r.horizon, 'horizon', 1, 366);
  const basis = optionalBoundedInteger(r.basis, 'basis', 1, 365);
  if (r.growth !== undefined) {
    if (typeof r.growth !== 'number' || !Number.isFinite(r.growth) || r.growth < -0.9 || r.growth > 10) bad('growth must be a number between -0.9 and 10 (0.1 = +10% a month).');
    query.growth = r.growth;
  }
  const currency = optionalCurrency(r.currency, 'currency');
  const asOf = optionalDay(r.asOf, 'asOf');
  if (horizon !== undefined) query.horizon = horizon;
  if (basis !== undefined) query.basis = basis;
  if (currency !== undefined) query.currency = currency;
  if (asOf !== undefined) query.asOf = asOf;
  return query;
}

function nonNegative(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) bad(`${field} must be a number from 0 to ${max}.`);
  return value;
}

/** The query with every setting filled in from the defaults. */
export function anomalyQuery(arg: unknown): AnomalyQuery & { settings: AnomalySettings } {
  const r = record(arg, 'The anomaly query');
  const s = r.settings === undefined ? {} : record(r.settings, 'settings');
  const settings: AnomalySettings = { ...DEFAULT_ANOMALY_SETTINGS };
  if (s.dimensions !== undefined) {
    if (!Array.isArray(s.dimensions) || s.dimensions.length === 0 || s.dimensions.length > 20) bad('settings.dimensions must list 1 to 20 dimensions.');
    settings.dimensions = [...new Set(s.dimensions.map((d, i) => sliceDimension(d, `settings.dimensions[${i}]`)))];
  }
  if (s.minImpact !== undefined) settings.minImpact = nonNegative(s.minImpact, 'settings.minImpact');
  if (s.minPercent !== undefined) settings.minPercent = nonNegative(s.minPercent, 'settings.minPercent', 100_000);
  if (s.sensitivity !== undefined) {
    settings.sensitivity = nonNegative(s.sensitivity, 'settings.sensitivity', 100);
    if (settings.sensitivity < 1) bad('settings.sensitivity must be at least 1 (a robust z).');
  }
  if (s.direction !== undefined) {
    if (s.direction !== 'spikes' && s.direction !== 'drops' && s.direction !== 'both') bad('settings.direction must be "spikes", "drops" or "both".');
    settings.direction = s.direction;
  }
  const cost = costMeasure(s.cost, 'settings.cost');
  if (cost !== undefined) settings.cost = cost;
  const query: AnomalyQuery & { settings: AnomalySettings } = { settings };
  const from = optionalDay(r.from, 'from');
  const to = optionalDay(r.to, 'to');
  const currency = optionalCurrency(r.currency, 'currency');
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  if (from !== undefined && to !== undefined && from > to) bad(`from (${from}) is after to (${to}).`);
  if (currency !== undefined) query.currency = currency;
  return query;
}
