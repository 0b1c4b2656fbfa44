/**
 * The price book: AI model list prices per 1M tokens, as plain data. A price book is an array of
 * entries; the default one is `DEFAULT_PRICE_BOOK`, and every lookup takes the book as input, so a
 * workspace passes its own (edited) list (see workspace-price-book.ts).
 */
import type { PriceStatus, TokenPriceKind } from '../../../shared/model.js';

/** Lower-case provider id: `openai` and `anthropic` are shipped; a workspace may add others. */
export type PriceProvider = string;

/** What a token is billed as: plain input, output, a prompt-cache read, a 5-minute or 1-hour cache write. */
export type PriceKind = TokenPriceKind;

export interface ModelPrice {
  provider: PriceProvider;
  /** Model names the price applies to, lower case and without date suffixes (see model-names.ts). */
  models: readonly string[];
  /** YYYY-MM-DD: applies to usage on or after this day, until a later entry for the same name. */
  effectiveFrom: string;
  /** ISO 4217 code of the prices. */
  currency: string;
  /** Price per 1,000,000 tokens as decimal text; a kind left out has no list price in this entry. */
  perMillion: Readonly<Partial<Record<PriceKind, string>>>;
  /** Factor applied to Batch API usage ("0.5"), when the provider documents one. */
  batchMultiplier?: string;
  /** Where the price was read, for the user to check. */
  source: string;
  /** Set in a workspace's book: shipped, edited or added there (absent: shipped). */
  status?: PriceStatus;
}

export type PriceBook = readonly ModelPrice[];
