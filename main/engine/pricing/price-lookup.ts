/** Finds the list price of a model on a day in a price book. */
import { modelNameCandidates } from './model-names.js';
import type { ModelPrice, PriceBook } from './price-book.js';

type BookIndex = Map<string, ModelPrice[]>;

const INDEXES = new WeakMap<PriceBook, BookIndex>();

/** Name → entries, latest effective date first; built once per book. */
function indexOf(book: PriceBook): BookIndex {
  let index = INDEXES.get(book);
  if (index) return index;
  index = new Map();
  for (const entry of book) {
    for (const name of entry.models) {
      const entries = index.get(name) ?? [];
      entries.push(entry);
      index.set(name, entries);
    }
  }
  for (const entries of index.values()) entries.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0));
  INDEXES.set(book, index);
  return index;
}

/**
 * The entry in force on `day` (YYYY-MM-DD) for the most specific name of `model` the book lists,
 * or null. A dated snapshot with its own entry wins over its family's entry.
 */
export function findModelPrice(book: PriceBook, model: string, day: string): ModelPrice | null {
  const index = indexOf(book);
  for (const name of modelNameCandidates(model)) {
    const entry = index.get(name)?.find((e) => e.effectiveFrom <= day);
    if (entry) return entry;
  }
  return null;
}
