/** Checks of request arguments at the engine's door: whatever crosses a port is untrusted. */
import type { CostLineQuery, FxRate, ImportRequest, OverviewQuery, SourceRef, TagBreakdownQuery, WorkspaceBytes } from '../../shared/model.js';
import { EngineError } from '../../shared/rpc.js';
import type { ModelPriceFields, PriceBookEdit } from '../../shared/model.js';
import { checkPriceFields } from './pricing/price-fields.js';
import type { ColumnMapping, FilePreviewRequest, FormatId } from '../../shared/model.js';
import { checkColumnMapping } from './mapping/column-mapping.js';
import type {
  AllocationQuery,
  AllocationRule,
  AllocationScope,
  AttributionConfig,
  CostKind,
  CoverageQuery,
  ExplainQuery,
  RulePackRequest,
  RulePreviewRequest,
  SharedCostPool,
  VersionDiffRequest,
} from '../../shared/attribution.js';
import { checkConfig, checkPool, checkRule } from './attribution/check-config.js';
import { checkRulePack } from './attribution/rule-pack.js';

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
  const allocatedBy = optionalString(r.allocatedBy, 'allocatedBy');
  if (allocatedBy) query.allocatedBy = allocatedBy;
  if (r.allocated !== undefined) {
    const a = record(r.allocated, 'allocated');
    if (typeof a.dimension !== 'string' || a.dimension === '') bad('allocated.dimension must name an allocated dimension.');
    if (a.value !== null && typeof a.value !== 'string') bad('allocated.value must be a value of the dimension, or null for its unallocated cost.');
    query.allocated = { dimension: a.dimension, value: a.value };
  }
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

// Cost attribution (shapes checked in attribution/check-config.ts).

function dayText(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) bad(`${field} must be a date (YYYY-MM-DD).`);
  return value;
}

function idText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') bad(`${field} must be an id.`);
  return value;
}

export function attributionConfig(arg: unknown): AttributionConfig {
  return checkConfig(record(arg, 'The request').config);
}

export function saveRule(arg: unknown): { rule: AllocationRule; position?: number } {
  const r = record(arg, 'The request');
  const position = optionalInteger(r.position, 'position');
  if (position !== undefined && position < 0) bad('position must be 0 or more.');
  return position === undefined ? { rule: checkRule(r.rule) } : { rule: checkRule(r.rule), position };
}

export function itemId(arg: unknown): string {
  return idText(record(arg, 'The request').id, 'id');
}

export function ruleIds(arg: unknown): string[] {
  const ids = record(arg, 'The request').ids;
  if (!Array.isArray(ids)) bad('ids must list the rule ids in their new order.');
  return ids.map((id, i) => idText(id, `ids[${i}]`));
}

export function savePool(arg: unknown): SharedCostPool {
  return checkPool(record(arg, 'The request').pool);
}

function costKind(value: unknown): CostKind | undefined {
  if (value === undefined) return undefined;
  if (value !== 'effective' && value !== 'billed') bad('cost must be "effective" or "billed".');
  return value;
}

export function allocationScope(arg: unknown): AllocationScope {
  const r = record(arg, 'The query');
  const scope: AllocationScope = {};
  if (r.from !== undefined) scope.from = dayText(r.from, 'from');
  if (r.to !== undefined) scope.to = dayText(r.to, 'to');
  const currency = optionalString(r.currency, 'currency');
  if (currency !== undefined && currency !== '') scope.currency = currency.trim().toUpperCase();
  const cost = costKind(r.cost);
  if (cost !== undefined) scope.cost = cost;
  return scope;
}

export function allocationQuery(arg: unknown): AllocationQuery {
  const by = optionalString(record(arg, 'The query').by, 'by');
  if (!by) bad('by must name a dimension, a FOCUS column or tag:<key>.');
  return { ...allocationScope(arg), by };
}

export function coverageQuery(arg: unknown): CoverageQuery {
  const r = record(arg, 'The query');
  const dimension = idText(r.dimension, 'dimension');
  if (r.granularity !== undefined && r.granularity !== 'day' && r.granularity !== 'month') bad('granularity must be "day" or "month".');
  return { ...allocationScope(arg), dimension, ...(r.granularity === undefined ? {} : { granularity: r.granularity }) };
}

export function explainQuery(arg: unknown): ExplainQuery {
  const r = record(arg, 'The query');
  const dimension = idText(r.dimension, 'dimension');
  if (r.value !== null && typeof r.value !== 'string') bad('value must be a value of the dimension, or null for the unallocated cost.');
  const rowLimit = optionalInteger(r.rowLimit, 'rowLimit');
  if (rowLimit !== undefined && (rowLimit < 0 || rowLimit > 1000)) bad('rowLimit must be between 0 and 1000.');
  return { ...allocationScope(arg), dimension, value: r.value, ...(rowLimit === undefined ? {} : { rowLimit }) };
}

export function lineRef(arg: unknown): { sourceId: number; rowNumber: number } {
  const r = record(arg, 'The request');
  if (typeof r.sourceId !== 'number' || !Number.isInteger(r.sourceId) || r.sourceId < 1) bad('sourceId must be the number of an imported file.');
  if (typeof r.rowNumber !== 'number' || !Number.isInteger(r.rowNumber) || r.rowNumber < 1) bad('rowNumber must be a row number of the file.');
  return { sourceId: r.sourceId, rowNumber: r.rowNumber };
}

export function rulePreview(arg: unknown): RulePreviewRequest {
  const r = record(arg, 'The request');
  const { rule, position } = saveRule({ rule: r.rule, position: r.position });
  const scope = allocationScope({ currency: r.currency, cost: r.cost });
  return { rule, ...(position === undefined ? {} : { position }), ...scope };
}

export function packInfo(arg: unknown): { name?: string; description?: string } {
  const r = record(arg, 'The request');
  const name = optionalString(r.name, 'name');
  const description = optionalString(r.description, 'description');
  return { ...(name ? { name } : {}), ...(description ? { description } : {}) };
}

export function rulePackRequest(arg: unknown): RulePackRequest {
  const r = record(arg, 'The request');
  if (r.mode !== 'merge' && r.mode !== 'replace') bad('mode must be "merge" or "replace".');
  return { pack: checkRulePack(r.pack), mode: r.mode };
}

export function ruleVersion(arg: unknown): { label: string; effectiveFrom: string } {
  const r = record(arg, 'The request');
  const label = optionalString(r.label, 'label');
  if (!label || label.trim() === '') bad('label must name the version.');
  return { label: label.trim(), effectiveFrom: dayText(r.effectiveFrom, 'effectiveFrom') };
}

export function period(arg: unknown): { from: string; to: string; label?: string } {
  const r = record(arg, 'The request');
  const label = optionalString(r.label, 'label');
  return { from: dayText(r.from, 'from'), to: dayText(r.to, 'to'), ...(label ? { label } : {}) };
}

export function frozenId(arg: unknown): number {
  const id = record(arg, 'The request').id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) bad('id must be the number of a frozen period.');
  return id;
}

export function versionDiffRequest(arg: unknown): VersionDiffRequest {
  const r = record(arg, 'The request');
  for (const field of ['before', 'after'] as const) {
    const v = r[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) bad(`${field} must be a rule-set version id.`);
  }
  return { ...allocationScope(arg), before: r.before as number, after: r.after as number, dimension: idText(r.dimension, 'dimension') };
}
