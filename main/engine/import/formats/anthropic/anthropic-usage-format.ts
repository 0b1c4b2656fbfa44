/**
 * Anthropic usage without cost: the Admin API messages usage report
 * (`/v1/organizations/usage_report/messages`: uncached_input_tokens, cache_creation.
 * {ephemeral_5m,ephemeral_1h}_input_tokens, cache_read_input_tokens, output_tokens,
 * server_tool_use.web_search_requests, by model, workspace, API key, service tier, context window,
 * inference geo) and the Console's token usage export (CSV: `usage_date_utc, model_version, api_key,
 * workspace, usage_type, context_window, usage_input_tokens_no_cache,
 * usage_input_tokens_cache_write_5m, usage_input_tokens_cache_write_1h,
 * usage_input_tokens_cache_read, usage_output_tokens, web_search_count, inference_geo, speed`).
 *
 * One line per token type, priced from the price book and marked as estimates. Usage the book
 * cannot price (long context, fast mode, web searches, unknown models) is imported at cost 0.
 */
import { DEFAULT_PRICE_BOOK, PRICE_BOOK_AS_OF } from '../../../pricing/default-price-book.js';
import { applyEstimate, estimateExtras, extrasObject } from '../../../pricing/estimated-line.js';
import type { PriceBook, PriceKind } from '../../../pricing/price-book.js';
import { UsageCostEstimator, type Estimate } from '../../../pricing/usage-cost-estimator.js';
import { normaliseDecimalText } from '../../values.js';
import { emptyValues, HeaderIndex } from '../canonical-line.js';
import type { CanonicalLine, FormatAdapter, FormatMatch, RecordMapper } from '../format-adapter.js';
import { anthropicReportRows, reportTable } from './anthropic-reports.js';
import { AT, cell } from '../line-columns.js';
import { AnthropicRecord, HAS_MORE_WARNING } from './anthropic-record.js';
import { plural } from '../../../text/plural.js';

interface TokenField {
  /** The API's name (also the cost report's token_type), then the Console's. */
  names: readonly string[];
  kind: PriceKind;
  tokenType: string;
  label: string;
}

const TOKEN_FIELDS: readonly TokenField[] = [
  { names: ['uncached_input_tokens', 'usage_input_tokens_no_cache'], kind: 'input', tokenType: 'input', label: 'input tokens' },
  { names: ['cache_creation.ephemeral_5m_input_tokens', 'usage_input_tokens_cache_write_5m', 'cache_creation_5m_input_tokens'], kind: 'cacheWrite', tokenType: 'cache-write', label: '5-minute cache write tokens' },
  { names: ['cache_creation.ephemeral_1h_input_tokens', 'usage_input_tokens_cache_write_1h', 'cache_creation_1h_input_tokens'], kind: 'cacheWrite1h', tokenType: 'cache-write', label: '1-hour cache write tokens' },
  { names: ['cache_read_input_tokens', 'usage_input_tokens_cache_read'], kind: 'cachedInput', tokenType: 'cached-read', label: 'cache read tokens' },
  { names: ['output_tokens', 'usage_output_tokens'], kind: 'output', tokenType: 'output', label: 'output tokens' },
];
const WEB_SEARCH = ['server_tool_use.web_search_requests', 'web_search_count'];
const API_SIGNATURE = ['starting_at', 'ending_at', 'uncached_input_tokens', 'cache_read_input_tokens', 'output_tokens', 'model', 'workspace_id', 'api_key_id'];
const CONSOLE_SIGNATURE = ['usage_date_utc', 'model_version', 'api_key', 'workspace', 'usage_input_tokens_no_cache', 'usage_input_tokens_cache_read', 'usage_output_tokens'];
const EMPTY_HEADER = ['starting_at', 'ending_at', 'uncached_input_tokens', 'output_tokens'];
/** Tier values billed at standard rates (the Console's usage_type also says "message"). */
const STANDARD_TIERS = new Set(['', 'standard', 'message', 'messages']);
const LONG_CONTEXT = /200k\s*-\s*1m|>\s*200k/i;
const ZERO = /^[+-]?0*(?:\.0*)?$/;

export function createAnthropicUsageFormat(book: PriceBook, asOf: string): FormatAdapter {
  return {
    name: 'Anthropic usage',
    family: 'anthropic',
    detect(header): FormatMatch | null {
      const index = new HeaderIndex(header);
      if (index.has('starting_at') && (index.has('uncached_input_tokens') || index.has('output_tokens'))) {
        return { format: 'anthropic-usage-report-api', score: index.count(API_SIGNATURE) / API_SIGNATURE.length, missing: [] };
      }
      if (index.has('usage_date_utc') && (index.has('usage_input_tokens_no_cache') || index.has('usage_output_tokens'))) {
        return { format: 'anthropic-console-usage-csv', score: index.count(CONSOLE_SIGNATURE) / CONSOLE_SIGNATURE.length, missing: [] };
      }
      return null;
    },
    mapper(header): RecordMapper {
      return new AnthropicUsageMapper(new HeaderIndex(header), new UsageCostEstimator(book, asOf), asOf);
    },
    tabulateJson(document) {
      const report = anthropicReportRows(document);
      return report?.kind === 'usage' ? reportTable(report.rows, EMPTY_HEADER) : null;
    },
  };
}

export const anthropicUsageFormat = createAnthropicUsageFormat(DEFAULT_PRICE_BOOK, PRICE_BOOK_AS_OF);

class AnthropicUsageMapper implements RecordMapper {
  readonly extraColumns: readonly string[];
  private readonly common: AnthropicRecord;
  private readonly fields: Array<TokenField & { index: number; apiName: string }>;
  private readonly webSearch: number;
  private readonly model: number;
  private readonly tier: number;
  private readonly contextWindow: number;
  private readonly speed: number;
  private readonly extras: Array<{ name: string; index: number }>;
  private readonly otherTiers = new Map<string, number>();
  private usOnlyRows = 0;
  private hasMore = false;

  constructor(index: HeaderIndex, private readonly estimator: UsageCostEstimator, private readonly asOf: string) {
    this.common = new AnthropicRecord(index);
    this.fields = TOKEN_FIELDS.map((f) => ({ ...f, index: index.indexOf(...f.names), apiName: f.names[0] as string })).filter((f) => f.index >= 0);
    this.webSearch = index.indexOf(...WEB_SEARCH);
    this.model = index.indexOf('model', 'model_version');
    this.tier = index.indexOf('service_tier', 'usage_type');
    this.contextWindow = index.indexOf('context_window');
    this.speed = index.indexOf('speed');
    const used = new Set([...this.common.consumed, ...this.fields.map((f) => f.index), this.webSearch, this.model]);
    this.extras = index.names.map((name, i) => ({ name, index: i })).filter((e) => e.name !== '' && !used.has(e.index));
    this.extraColumns = this.extras.map((e) => e.name);
  }

  map(record: readonly string[]): CanonicalLine[] | string {
    const counts: string[] = [];
    for (const field of this.fields) {
      const text = cell(record, field.index) ?? '0';
      const value = normaliseDecimalText(text);
      if (value == null) return `${field.apiName} "${text}" is not a number`;
      counts.push(value);
    }
    const searchText = cell(record, this.webSearch) ?? '0';
    const searches = normaliseDecimalText(searchText);
    if (searches == null) return `web search requests "${searchText}" is not a number`;
    this.hasMore ||= this.common.pageHasMore(record);

    const base = emptyValues();
    this.common.fill(base, record);
    const model = cell(record, this.model);
    base[AT.model] = model;
    base[AT.workload] = 'inference';
    const own = extrasObject(record, this.extras);
    const unpriced = this.unpricedReason(record, model);
    const tier = (cell(record, this.tier) ?? '').toLowerCase();
    const batch = tier === 'batch';
    if (!batch && !STANDARD_TIERS.has(tier)) this.otherTiers.set(tier, (this.otherTiers.get(tier) ?? 0) + 1);
    if (this.common.inferenceGeoOf(record) === 'us') this.usOnlyRows++;
    const day = this.common.day(record);

    const parts = this.fields.map((field, i) => ({ field, tokens: counts[i] as string })).filter((p) => !ZERO.test(p.tokens));
    const first = this.fields[0];
    if (parts.length === 0 && first && ZERO.test(searches)) parts.push({ field: first, tokens: counts[0] as string });
    const lines: CanonicalLine[] = parts.map(({ field, tokens }) => {
      const values = base.slice();
      values[AT.tokenType] = field.tokenType;
      values[AT.tokens] = tokens;
      values[AT.consumedQuantity] = tokens;
      values[AT.consumedUnit] = 'Tokens';
      values[AT.skuId] = model ? `${model}, ${field.apiName}` : field.apiName;
      const estimate: Estimate = unpriced ? this.estimator.unpricedLine(unpriced) : this.estimator.estimate({ model, day, kind: field.kind, tokens, batch });
      applyEstimate(values, estimate, `${model ?? 'Claude'} ${field.label}`);
      return { values, extras: estimateExtras(estimate, own, this.asOf) };
    });
    if (!ZERO.test(searches)) lines.push(this.webSearchLine(base, model, searches, own));
    return lines;
  }

  /** Why a row cannot be priced from the book (its usage is billed at rates the book does not hold), or null. */
  private unpricedReason(record: readonly string[], model: string | null): string | null {
    const window = cell(record, this.contextWindow) ?? '';
    if (LONG_CONTEXT.test(window)) return `${model ?? 'Claude'} long-context (${window}) usage`;
    const speed = (cell(record, this.speed) ?? '').toLowerCase();
    if (speed !== '' && speed !== 'standard') return `${model ?? 'Claude'} ${speed} mode`;
    return null;
  }

  private webSearchLine(base: Array<string | null>, model: string | null, searches: string, own: Record<string, string> | null): CanonicalLine {
    const values = base.slice();
    values[AT.consumedQuantity] = searches;
    values[AT.consumedUnit] = 'Requests';
    values[AT.skuId] = model ? `${model}, web_search_requests` : 'web_search_requests';
    const estimate = this.estimator.unpricedLine('web search requests (priced per request)');
    applyEstimate(values, estimate, `${model ?? 'Claude'} web search requests`);
    return { values, extras: estimateExtras(estimate, own, this.asOf) };
  }

  warnings(): string[] {
    const warnings = this.estimator.warnings();
    for (const [tier, rows] of this.otherTiers) {
      warnings.push(`${plural(rows, 'row')} on service tier "${tier}" priced at standard-tier list prices (that tier is billed differently).`);
    }
    if (this.usOnlyRows > 0) warnings.push(`${plural(this.usOnlyRows, 'row')} with US-only inference (inference_geo "us") priced at global list prices; US-only inference may cost more.`);
    if (this.hasMore) warnings.push(HAS_MORE_WARNING);
    return warnings;
  }
}
