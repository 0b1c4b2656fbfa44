import { describe, expect, it } from 'vitest';
import { normaliseDecimalText } from '../import/values.js';
import { DEFAULT_PRICE_BOOK, PRICE_BOOK_AS_OF } from './default-price-book.js';
import { modelNameCandidates } from './model-names.js';

describe('DEFAULT_PRICE_BOOK', () => {
  it('holds plain decimal prices, valid days and a source for every entry', () => {
    for (const entry of DEFAULT_PRICE_BOOK) {
      expect(entry.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.effectiveFrom <= PRICE_BOOK_AS_OF).toBe(true);
      expect(entry.source).not.toBe('');
      expect(entry.currency).toBe('USD');
      expect(Object.keys(entry.perMillion).length).toBeGreaterThan(0);
      for (const price of Object.values(entry.perMillion)) expect(normaliseDecimalText(price ?? '')).toBe(price);
    }
  });
  it('lists each name in its lookup form, at most once per day', () => {
    const seen = new Set<string>();
    for (const entry of DEFAULT_PRICE_BOOK) {
      for (const name of entry.models) {
        expect(modelNameCandidates(name)[0]).toBe(name);
        const key = `${name}@${entry.effectiveFrom}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
  it('has the common OpenAI and Anthropic models', () => {
    const names = new Set(DEFAULT_PRICE_BOOK.flatMap((e) => e.models));
    for (const name of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'o1', 'o3', 'o3-mini', 'o4-mini', 'text-embedding-3-small',
      'text-embedding-3-large', 'claude-opus-4-1', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-3-5-haiku', 'claude-3-haiku', 'claude-3-opus']) {
      expect(names.has(name), name).toBe(true);
    }
  });
});
