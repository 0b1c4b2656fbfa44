/**
 * The usage-only formats (OpenAI usage, Anthropic usage) priced with a workspace's own price book.
 * Each provider's usage is estimated from that provider's entries. A workspace without edits keeps
 * the built-in adapters (the shipped book, named by its as-of day).
 */
import type { Store } from '../db/store.js';
import { anthropicUsageFormat, createAnthropicUsageFormat } from '../import/formats/anthropic/anthropic-usage-format.js';
import type { FormatAdapter } from '../import/formats/format-adapter.js';
import { createOpenAiUsageFormat, openaiUsageFormat } from '../import/formats/openai/openai-usage-format.js';
import { workspacePriceBook } from './workspace-price-book.js';

export function withWorkspacePriceBook(adapters: readonly FormatAdapter[], store: Store): readonly FormatAdapter[] {
  const { book, label, view } = workspacePriceBook(store);
  if (!view.edited) return adapters;
  const openai = createOpenAiUsageFormat(book.filter((e) => e.provider === 'openai'), label);
  const anthropic = createAnthropicUsageFormat(book.filter((e) => e.provider === 'anthropic'), label);
  return adapters.map((adapter) => (adapter === openaiUsageFormat ? openai : adapter === anthropicUsageFormat ? anthropic : adapter));
}
