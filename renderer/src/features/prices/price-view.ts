/** Pure helpers of the price book screen: filtering, labels, and the edit form ↔ an entry's fields. */
import type { EffectivePriceBook, ModelPriceFields, PriceBookEntry, PriceStatus, TokenPriceKind } from '../../../../shared/model.js';

export const STATUS_LABEL: Record<PriceStatus, string> = { shipped: 'Shipped', edited: 'Edited', added: 'Added' };

/** The price kinds in the order the form shows them, with their labels. */
export const PRICE_FIELDS: ReadonlyArray<{ kind: TokenPriceKind; label: string }> = [
  { kind: 'input', label: 'Input' },
  { kind: 'cachedInput', label: 'Cached input' },
  { kind: 'cacheWrite', label: 'Cache write (5 minutes)' },
  { kind: 'cacheWrite1h', label: 'Cache write (1 hour)' },
  { kind: 'output', label: 'Output' },
];

/** What the edit form holds: text as typed (the engine checks and normalises it). */
export interface PriceForm {
  provider: string;
  models: string;
  effectiveFrom: string;
  currency: string;
  prices: Record<TokenPriceKind, string>;
  batchMultiplier: string;
  source: string;
}

export function formOf(entry: ModelPriceFields | null, today: string): PriceForm {
  const price = (kind: TokenPriceKind) => entry?.perMillion[kind] ?? '';
  return {
    provider: entry?.provider ?? '',
    models: entry?.models.join(', ') ?? '',
    effectiveFrom: entry?.effectiveFrom ?? today,
    currency: entry?.currency ?? 'USD',
    prices: { input: price('input'), cachedInput: price('cachedInput'), cacheWrite: price('cacheWrite'), cacheWrite1h: price('cacheWrite1h'), output: price('output') },
    batchMultiplier: entry?.batchMultiplier ?? '',
    source: entry?.source ?? '',
  };
}

export function fieldsOf(form: PriceForm, effectiveFrom = form.effectiveFrom): ModelPriceFields {
  const perMillion: ModelPriceFields['perMillion'] = {};
  for (const { kind } of PRICE_FIELDS) if (form.prices[kind].trim() !== '') perMillion[kind] = form.prices[kind].trim();
  const fields: ModelPriceFields = {
    provider: form.provider, models: form.models.split(',').map((m) => m.trim()).filter((m) => m !== ''), effectiveFrom,
    currency: form.currency, perMillion, source: form.source,
  };
  if (form.batchMultiplier.trim() !== '') fields.batchMultiplier = form.batchMultiplier.trim();
  return fields;
}

/** "gpt-4o from 2024-10-02": how an entry is named in buttons and messages. */
export function entryLabel(entry: Pick<ModelPriceFields, 'models' | 'effectiveFrom'>): string {
  return `${entry.models.join(', ')} from ${entry.effectiveFrom}`;
}

export function providersOf(book: EffectivePriceBook): string[] {
  return [...new Set(book.entries.map((e) => e.provider))].sort();
}

/** Entries of a provider ('' for all) whose model names contain the text (case-insensitive). */
export function filterEntries(entries: readonly PriceBookEntry[], provider: string, text: string): PriceBookEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter((e) => (provider === '' || e.provider === provider) && (needle === '' || e.models.some((m) => m.includes(needle))));
}

export function editCounts(book: EffectivePriceBook): { edited: number; added: number; removed: number } {
  return {
    edited: book.entries.filter((e) => e.status === 'edited').length,
    added: book.entries.filter((e) => e.status === 'added').length,
    removed: book.removed.length,
  };
}

/** "1 edited, 2 added and 1 removed", leaving out what is zero. */
export function editSummary(book: EffectivePriceBook): string {
  const { edited, added, removed } = editCounts(book);
  const parts = [[edited, 'edited'], [added, 'added'], [removed, 'removed']].filter(([n]) => n !== 0).map(([n, what]) => `${n} ${what}`);
  return parts.length <= 1 ? (parts[0] ?? 'no edits') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
