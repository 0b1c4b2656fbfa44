/**
 * Checks one price-book entry's fields, from a request or from a workspace file (both untrusted):
 * the checked fields in a normal form, or a sentence saying what is wrong.
 */
import type { ModelPriceFields, TokenPriceKind } from '../../../shared/model.js';
import { addDecimals, negateDecimal } from '../import/formats/decimal-text.js';
import { modelId } from './model-names.js';

export const PRICE_KINDS: readonly TokenPriceKind[] = ['input', 'cachedInput', 'cacheWrite', 'cacheWrite1h', 'output'];

export const PRICE_KIND_LABEL: Record<TokenPriceKind, string> = {
  input: 'Input', cachedInput: 'Cached input', cacheWrite: 'Cache write (5 minutes)', cacheWrite1h: 'Cache write (1 hour)', output: 'Output',
};

const PROVIDER = /^[a-z0-9][a-z0-9._-]{0,39}$/;
const CURRENCY = /^[A-Z]{3}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLAIN_DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const MAX_MODELS = 50;
const MAX_NAME = 120;
const MAX_SOURCE = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A valid calendar day as YYYY-MM-DD. */
export function isIsoDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** A non-negative decimal as plain text ("2.50", ".5" → "0.5"), or undefined. */
export function plainDecimal(text: string): string | undefined {
  const trimmed = text.trim();
  if (!PLAIN_DECIMAL.test(trimmed)) return undefined;
  const leading = trimmed.startsWith('.') ? `0${trimmed}` : trimmed;
  return leading.endsWith('.') ? leading.slice(0, -1) : leading;
}

export function sameDecimal(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return /^-?0*(?:\.0*)?$/.test(addDecimals(a, negateDecimal(b)));
}

/** The same prices, names, day, currency and source (decimals compared by value). */
export function samePrice(a: ModelPriceFields, b: ModelPriceFields): boolean {
  return a.provider === b.provider && a.models.join('\n') === b.models.join('\n') && a.effectiveFrom === b.effectiveFrom
    && a.currency === b.currency && a.source === b.source && sameDecimal(a.batchMultiplier, b.batchMultiplier)
    && PRICE_KINDS.every((kind) => sameDecimal(a.perMillion[kind], b.perMillion[kind]));
}

/** Model names in lookup form (lower case, display names as ids), without repeats. */
function modelNames(value: unknown): string[] | string {
  const raw = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(raw)) return 'models must list the model names the price applies to.';
  const names: string[] = [];
  for (const item of raw) {
    if (typeof item !== 'string') return 'models must be names (text).';
    const name = modelId(item);
    if (name === '') continue;
    if (name.length > MAX_NAME || name.includes(',')) return `The model name "${item.slice(0, MAX_NAME)}" is not a model name.`;
    if (!names.includes(name)) names.push(name);
  }
  if (names.length === 0) return 'Name at least one model the price applies to.';
  if (names.length > MAX_MODELS) return `An entry lists at most ${MAX_MODELS} model names.`;
  return names;
}

function prices(value: unknown): ModelPriceFields['perMillion'] | string {
  if (!isRecord(value)) return 'perMillion must hold the prices per 1M tokens.';
  const perMillion: ModelPriceFields['perMillion'] = {};
  for (const kind of PRICE_KINDS) {
    const text = value[kind];
    if (text === undefined || text === null || text === '') continue;
    const price = typeof text === 'string' ? plainDecimal(text) : undefined;
    if (price === undefined) return `The ${PRICE_KIND_LABEL[kind].toLowerCase()} price must be a number such as 2.50 (per 1M tokens, no currency sign).`;
    perMillion[kind] = price;
  }
  if (Object.keys(perMillion).length === 0) return 'Give at least one price per 1M tokens (input, cached input, cache write or output).';
  return perMillion;
}

/** The checked, normalised fields of one entry, or what is wrong with them. */
export function checkPriceFields(value: unknown): ModelPriceFields | string {
  if (!isRecord(value)) return 'A price must be an object.';
  const provider = typeof value.provider === 'string' ? value.provider.trim().toLowerCase() : '';
  if (!PROVIDER.test(provider)) return 'The provider must be a short lower-case id such as openai or anthropic.';
  const models = modelNames(value.models);
  if (typeof models === 'string') return models;
  const effectiveFrom = typeof value.effectiveFrom === 'string' ? value.effectiveFrom.trim() : '';
  if (!isIsoDay(effectiveFrom)) return 'The effective date must be a day as YYYY-MM-DD.';
  const currency = typeof value.currency === 'string' ? value.currency.trim().toUpperCase() : '';
  if (!CURRENCY.test(currency)) return 'The currency must be a three-letter code such as USD.';
  const perMillion = prices(value.perMillion);
  if (typeof perMillion === 'string') return perMillion;
  const source = typeof value.source === 'string' ? value.source.trim() : '';
  if (source === '') return 'Say where the price comes from (its source).';
  if (source.length > MAX_SOURCE) return `The source is at most ${MAX_SOURCE} characters.`;
  const fields: ModelPriceFields = { provider, models, effectiveFrom, currency, perMillion, source };
  const batch = value.batchMultiplier;
  if (batch !== undefined && batch !== null && batch !== '') {
    const multiplier = typeof batch === 'string' ? plainDecimal(batch) : undefined;
    if (multiplier === undefined || Number(multiplier) > 1) return 'The batch multiplier must be a number from 0 to 1 (0.5 is half price).';
    fields.batchMultiplier = multiplier;
  }
  return fields;
}
