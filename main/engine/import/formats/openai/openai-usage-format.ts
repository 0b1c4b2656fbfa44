/**
 * OpenAI usage without cost: the organization Usage API responses (`/v1/organization/usage/…`:
 * completions, embeddings, moderations, images, audio_speeches, audio_transcriptions,
 * vector_stores, code_interpreter_sessions, file_search_calls, web_search_calls) and a dashboard
 * activity export with the same fields as columns.
 *
 * Token results become one line per token type (input, cached-read, cache-write, output) priced
 * from the price book and marked as estimates; counted results (images, seconds, …) become one
 * line at cost 0. `input_tokens` includes cached and cache-write tokens, so the input line is
 * `input_uncached_tokens` (or input − cached − cache-write when that field is absent).
 */
import { DEFAULT_PRICE_BOOK, PRICE_BOOK_AS_OF } from '../../../pricing/default-price-book.js';
import { applyEstimate, estimateExtras, extrasObject } from '../../../pricing/estimated-line.js';
import type { PriceBook, PriceKind } from '../../../pricing/price-book.js';
import { UsageCostEstimator, type Estimate } from '../../../pricing/usage-cost-estimator.js';
import { normaliseDecimalText } from '../../values.js';
import { addDecimals, negateDecimal } from '../decimal-text.js';
import { emptyValues, HeaderIndex } from '../canonical-line.js';
import type { CanonicalLine, FormatAdapter, FormatMatch, RecordMapper } from '../format-adapter.js';
import { openAiPageRows, openAiTable } from './openai-pages.js';
import { AT, cell } from '../line-columns.js';
import { HAS_MORE_WARNING, OpenAiRecord } from './openai-record.js';
import { COUNT_FIELDS, DEFAULT_KIND, usageKindOf, type CountKind, type TokenKind, type UsageKind } from './usage-kinds.js';
import { plural } from '../../../text/plural.js';

const USAGE_OBJECT = /^organization\.usage\./;
const EMPTY_HEADER = ['object', 'start_time', 'end_time', 'input_tokens', 'output_tokens', 'model'];
const SIGNATURE = ['start_time', 'end_time', 'input_tokens', 'output_tokens', 'num_model_requests', 'model', 'project_id'];
const STANDARD_TIERS = new Set(['', 'default', 'auto', 'standard']);
const ZERO = /^[+-]?0*(?:\.0*)?$/;

interface TokenPart {
  kind: PriceKind;
  tokenType: string;
  /** As the Costs API line items say it ("gpt-4o, cached input"). */
  label: string;
  tokens: string;
}

function isZero(text: string): boolean {
  return ZERO.test(text);
}

export function createOpenAiUsageFormat(book: PriceBook, asOf: string): FormatAdapter {
  return {
    name: 'OpenAI usage',
    family: 'openai',
    detect(header): FormatMatch | null {
      const index = new HeaderIndex(header);
      if (index.has('amount_value') || index.has('amount.value')) return null;
      if (!index.has('start_time') && !index.has('start_time_iso')) return null;
      const measures = ['input_tokens', 'output_tokens', 'num_model_requests', ...COUNT_FIELDS];
      if (index.count(measures) === 0) return null;
      return { format: index.has('object') ? 'openai-usage-api' : 'openai-usage-csv', score: index.count(SIGNATURE) / SIGNATURE.length, missing: [] };
    },
    mapper(header): RecordMapper {
      return new OpenAiUsageMapper(new HeaderIndex(header), new UsageCostEstimator(book, asOf), asOf);
    },
    tabulateJson(document) {
      const page = openAiPageRows(document);
      if (!page || page.rows.length === 0) return null;
      if (![...page.objects].every((o) => USAGE_OBJECT.test(o))) return null;
      return openAiTable(page.rows, EMPTY_HEADER);
    },
  };
}

export const openaiUsageFormat = createOpenAiUsageFormat(DEFAULT_PRICE_BOOK, PRICE_BOOK_AS_OF);

class OpenAiUsageMapper implements RecordMapper {
  readonly extraColumns: readonly string[];
  private readonly common: OpenAiRecord;
  private readonly extras: Array<{ name: string; index: number }>;
  private readonly object: number;
  private readonly model: number;
  private readonly input: number;
  private readonly cached: number;
  private readonly uncached: number;
  private readonly cacheWrite: number;
  private readonly output: number;
  private readonly inputAudio: number;
  private readonly outputAudio: number;
  private readonly batch: number;
  private readonly serviceTier: number;
  private readonly counts: Map<string, number>;
  /** The token fields in the order tokenParts reads them. */
  private readonly tokenFields: ReadonlyArray<readonly [number, string]>;
  private readonly kinds = new Map<string, UsageKind | undefined>();
  private readonly otherTiers = new Map<string, number>();
  private hasMore = false;

  constructor(index: HeaderIndex, private readonly estimator: UsageCostEstimator, private readonly asOf: string) {
    this.common = new OpenAiRecord(index);
    this.object = index.indexOf('object');
    this.model = index.indexOf('model');
    this.input = index.indexOf('input_tokens');
    this.cached = index.indexOf('input_cached_tokens');
    this.uncached = index.indexOf('input_uncached_tokens');
    this.cacheWrite = index.indexOf('input_cache_write_tokens');
    this.output = index.indexOf('output_tokens');
    this.inputAudio = index.indexOf('input_audio_tokens');
    this.outputAudio = index.indexOf('output_audio_tokens');
    this.batch = index.indexOf('batch');
    this.serviceTier = index.indexOf('service_tier');
    this.tokenFields = [
      [this.input, 'input_tokens'], [this.cached, 'input_cached_tokens'], [this.uncached, 'input_uncached_tokens'],
      [this.cacheWrite, 'input_cache_write_tokens'], [this.output, 'output_tokens'],
    ];
    this.counts = new Map(COUNT_FIELDS.map((f) => [f, index.indexOf(f)] as const).filter(([, i]) => i >= 0));
    const used = new Set([...this.common.consumed, this.model, this.input, this.cached, this.uncached, this.cacheWrite, this.output, ...this.counts.values()]);
    this.extras = index.names.map((name, i) => ({ name, index: i })).filter((e) => e.name !== '' && !used.has(e.index));
    this.extraColumns = this.extras.map((e) => e.name);
  }

  map(record: readonly string[]): CanonicalLine[] | string {
    const objectText = cell(record, this.object);
    const kind = objectText === null ? DEFAULT_KIND : this.kindOf(objectText);
    if (!kind) return `has a usage result of an unknown kind ("${objectText}")`;
    this.hasMore ||= this.common.pageHasMore(record);
    const base = emptyValues();
    this.common.fill(base, record);
    const model = cell(record, this.model);
    base[AT.model] = model;
    const own = extrasObject(record, this.extras);
    return kind.kind === 'tokens' ? this.tokenLines(record, kind, base, model, own) : this.countLine(record, kind, base, own);
  }

  private kindOf(object: string): UsageKind | undefined {
    if (!this.kinds.has(object)) this.kinds.set(object, usageKindOf(object));
    return this.kinds.get(object);
  }

  private tokenLines(record: readonly string[], kind: TokenKind, base: Array<string | null>, model: string | null, own: Record<string, string> | null): CanonicalLine[] | string {
    const parts = this.tokenParts(record);
    if (typeof parts === 'string') return parts;
    const tier = (cell(record, this.serviceTier) ?? '').toLowerCase();
    if (!STANDARD_TIERS.has(tier)) this.otherTiers.set(tier, (this.otherTiers.get(tier) ?? 0) + 1);
    const audio = [this.inputAudio, this.outputAudio].some((i) => !isZero(cell(record, i) ?? '0'));
    const batch = (cell(record, this.batch) ?? '').toLowerCase() === 'true';
    const day = (base[AT.chargeStart] ?? '').slice(0, 10);
    const shown = parts.filter((p) => !isZero(p.tokens));
    return (shown.length > 0 ? shown : parts.slice(0, 1)).map((part) => {
      const values = base.slice();
      values[AT.tokenType] = part.tokenType;
      values[AT.tokens] = part.tokens;
      values[AT.consumedQuantity] = part.tokens;
      values[AT.consumedUnit] = 'Tokens';
      values[AT.skuId] = model ? `${model}, ${part.label}` : part.label;
      values[AT.workload] = kind.workload;
      const estimate: Estimate = audio
        ? this.estimator.unpricedLine(`${model ?? 'OpenAI'} audio tokens (audio rates are not in the price book)`)
        : this.estimator.estimate({ model, day, kind: part.kind, tokens: part.tokens, batch });
      applyEstimate(values, estimate, `${model ?? 'OpenAI'} ${kind.label} ${part.label} tokens`);
      return { values, extras: estimateExtras(estimate, own, this.asOf) };
    });
  }

  /** Uncached input, cache reads, cache writes and output, as exact decimal text; or why they cannot be read. */
  private tokenParts(record: readonly string[]): TokenPart[] | string {
    const got: Array<string | null> = [];
    for (const [index, name] of this.tokenFields) {
      const text = cell(record, index);
      const value = text === null ? null : normaliseDecimalText(text);
      if (value === undefined) return `${name} "${text}" is not a number`;
      got.push(value);
    }
    const [input, cached, uncached, cacheWrite, output] = got;
    const cachedTokens = cached ?? '0';
    const writeTokens = cacheWrite ?? '0';
    const inputTokens = uncached ?? addDecimals(input ?? '0', negateDecimal(cachedTokens), negateDecimal(writeTokens));
    if (inputTokens.startsWith('-')) return `input_tokens (${input ?? '0'}) is less than its cached (${cachedTokens}) and cache-write (${writeTokens}) tokens`;
    return [
      { kind: 'input', tokenType: 'input', label: 'input', tokens: inputTokens },
      { kind: 'cachedInput', tokenType: 'cached-read', label: 'cached input', tokens: cachedTokens },
      { kind: 'cacheWrite', tokenType: 'cache-write', label: 'cache write', tokens: writeTokens },
      { kind: 'output', tokenType: 'output', label: 'output', tokens: output ?? '0' },
    ];
  }

  private countLine(record: readonly string[], kind: CountKind, base: Array<string | null>, own: Record<string, string> | null): CanonicalLine[] {
    const values = base;
    values[AT.consumedQuantity] = cell(record, this.counts.get(kind.field) ?? -1);
    values[AT.consumedUnit] = kind.unit;
    values[AT.skuId] = kind.label;
    const estimate = this.estimator.unpricedLine(`${kind.label} (${kind.unit.toLowerCase()})`);
    applyEstimate(values, estimate, `OpenAI ${kind.label}`);
    return [{ values, extras: estimateExtras(estimate, own, this.asOf) }];
  }

  warnings(): string[] {
    const warnings = this.estimator.warnings();
    for (const [tier, rows] of this.otherTiers) {
      warnings.push(`${plural(rows, 'row')} on service tier "${tier}" priced at standard-tier list prices (that tier is billed differently).`);
    }
    if (this.hasMore) warnings.push(HAS_MORE_WARNING);
    return warnings;
  }
}
