/**
 * Public list prices (USD per 1M tokens, standard tier) of common OpenAI and Anthropic models,
 * compiled on PRICE_BOOK_AS_OF from the providers' pricing pages and cross-checked against other
 * published tables. `effectiveFrom` is a day on or before the model's launch from which the price
 * below held (a model has no usage before its launch, so an early day is harmless); where a price
 * changed, each period has its own entry.
 *
 * Left out on purpose (price unconfirmed or not a per-token price): o1-mini, o1-pro, o3-pro,
 * gpt-4-turbo, gpt-4, gpt-3.5-turbo, audio and realtime models (audio token rates), image models
 * (per image and size), tts and whisper (per character / minute), fine-tuned models ("ft:…"),
 * Claude 3 Sonnet and Claude 2.x, Claude 3.5 Sonnet's 1-hour cache writes, long-context (over
 * 200K input tokens) rates, the US-only inference premium, priority / flex / scale tiers, and
 * per-request tools (web search, file search, code interpreter).
 */
import type { ModelPrice, PriceBook } from './price-book.js';

export const PRICE_BOOK_AS_OF = '2026-11-29';

const OPENAI_SOURCE = 'OpenAI API pricing page (openai.com/api/pricing), standard tier';
const ANTHROPIC_SOURCE = 'Anthropic pricing page (platform.claude.com/docs/en/about-claude/pricing), model pricing table';

/** OpenAI bills prompt-cache writes as ordinary input, so cacheWrite repeats the input price. */
function openai(models: string[], effectiveFrom: string, input: string, cachedInput: string | null, output: string | null, note = ''): ModelPrice {
  const perMillion: Partial<Record<'input' | 'cacheWrite' | 'cachedInput' | 'output', string>> = { input, cacheWrite: input };
  if (cachedInput) perMillion.cachedInput = cachedInput;
  if (output) perMillion.output = output;
  return {
    provider: 'openai', models, effectiveFrom, currency: 'USD', perMillion,
    batchMultiplier: '0.5',
    source: note ? `${OPENAI_SOURCE}; ${note}` : OPENAI_SOURCE,
  };
}

/** Anthropic: base input, 5-minute and 1-hour cache writes, cache hits, output. */
function anthropic(models: string[], effectiveFrom: string, [input, cacheWrite, cacheWrite1h, cachedInput, output]: Array<string | null>, note = ''): ModelPrice {
  const perMillion: Partial<Record<'input' | 'cacheWrite' | 'cacheWrite1h' | 'cachedInput' | 'output', string>> = {};
  if (input) perMillion.input = input;
  if (cacheWrite) perMillion.cacheWrite = cacheWrite;
  if (cacheWrite1h) perMillion.cacheWrite1h = cacheWrite1h;
  if (cachedInput) perMillion.cachedInput = cachedInput;
  if (output) perMillion.output = output;
  return {
    provider: 'anthropic', models, effectiveFrom, currency: 'USD', perMillion, batchMultiplier: '0.5',
    source: note ? `${ANTHROPIC_SOURCE}; ${note}` : ANTHROPIC_SOURCE,
  };
}

export const DEFAULT_PRICE_BOOK: PriceBook = [
  // OpenAI. The "gpt-4o" alias pointed at gpt-4o-2024-05-13 until 2024-10-02, then at 2024-08-06.
  openai(['gpt-4o-2024-05-13'], '2024-05-13', '5.00', null, '15.00'),
  openai(['gpt-4o'], '2024-05-13', '5.00', null, '15.00', 'alias of gpt-4o-2024-05-13 until 2024-10-02'),
  openai(['gpt-4o'], '2024-10-02', '2.50', '1.25', '10.00'),
  openai(['gpt-4o-2024-08-06'], '2024-08-06', '2.50', '1.25', '10.00'),
  openai(['gpt-4o-mini'], '2024-07-18', '0.15', '0.075', '0.60'),
  openai(['gpt-4.1'], '2025-04-14', '2.00', '0.50', '8.00'),
  openai(['gpt-4.1-mini'], '2025-04-14', '0.40', '0.10', '1.60'),
  openai(['gpt-4.1-nano'], '2025-04-14', '0.10', '0.025', '0.40'),
  openai(['gpt-5'], '2025-08-07', '1.25', '0.125', '10.00'),
  openai(['gpt-5-mini'], '2025-08-07', '0.25', '0.025', '2.00'),
  openai(['gpt-5-nano'], '2025-08-07', '0.05', '0.005', '0.40'),
  openai(['o1'], '2024-12-17', '15.00', '7.50', '60.00'),
  openai(['o3'], '2025-04-16', '10.00', '2.50', '40.00', 'launch price'),
  openai(['o3'], '2025-06-10', '2.00', '0.50', '8.00', 'after the June 2025 price cut'),
  openai(['o3-mini'], '2025-01-31', '1.10', '0.55', '4.40'),
  openai(['o4-mini'], '2025-04-16', '1.10', '0.275', '4.40'),
  openai(['text-embedding-3-small'], '2024-01-25', '0.02', null, null),
  openai(['text-embedding-3-large'], '2024-01-25', '0.13', null, null),
  openai(['text-embedding-ada-002'], '2022-12-15', '0.10', null, null),
  openai(['omni-moderation', 'text-moderation'], '2022-08-10', '0', null, null, 'the moderation endpoint is free'),

  // Anthropic: [base input, 5m cache write, 1h cache write, cache hit, output].
  anthropic(['claude-opus-4-5', 'claude-opus-4-6', 'claude-opus-4-7', 'claude-opus-4-8'], '2025-11-24', ['5', '6.25', '10', '0.50', '25']),
  anthropic(['claude-opus-4-1'], '2025-08-05', ['15', '18.75', '30', '1.50', '75']),
  anthropic(['claude-opus-4', 'claude-opus-4-0'], '2025-05-22', ['15', '18.75', '30', '1.50', '75']),
  anthropic(['claude-sonnet-4-5', 'claude-sonnet-4-6'], '2025-09-29', ['3', '3.75', '6', '0.30', '15']),
  anthropic(['claude-sonnet-4', 'claude-sonnet-4-0'], '2025-05-22', ['3', '3.75', '6', '0.30', '15']),
  anthropic(['claude-3-7-sonnet'], '2025-02-24', ['3', '3.75', '6', '0.30', '15']),
  anthropic(['claude-haiku-4-5'], '2025-10-15', ['1', '1.25', '2', '0.10', '5']),
  anthropic(['claude-3-5-haiku'], '2025-01-01', ['0.80', '1', '1.6', '0.08', '4'], 'current table price; its launch-period price is not confirmed, so usage before 2025 is left unpriced'),
  anthropic(['claude-3-opus'], '2024-03-04', ['15', '18.75', '30', '1.50', '75']),
  anthropic(['claude-3-haiku'], '2024-03-13', ['0.25', '0.30', '0.50', '0.03', '1.25']),
  anthropic(['claude-3-5-sonnet'], '2024-06-20', ['3', '3.75', null, '0.30', '15'], 'retired model; 1-hour cache write price not confirmed'),
];
