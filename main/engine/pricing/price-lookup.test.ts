import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_BOOK } from './default-price-book.js';
import type { ModelPrice } from './price-book.js';
import { findModelPrice } from './price-lookup.js';

const entry = (models: string[], effectiveFrom: string, input: string): ModelPrice => ({
  provider: 'openai', models, effectiveFrom, currency: 'USD', perMillion: { input }, source: 'test',
});

describe('findModelPrice', () => {
  const book = [entry(['m'], '2025-01-01', '1'), entry(['m'], '2025-06-01', '2'), entry(['m-2025-03-01'], '2025-03-01', '9')];

  it('takes the entry in force on the day', () => {
    expect(findModelPrice(book, 'm', '2025-05-31')?.perMillion.input).toBe('1');
    expect(findModelPrice(book, 'm', '2025-06-01')?.perMillion.input).toBe('2');
    expect(findModelPrice(book, 'm', '2024-12-31')).toBeNull();
  });
  it('prefers a dated snapshot of its own to the family entry', () => {
    expect(findModelPrice(book, 'm-2025-03-01', '2025-07-01')?.perMillion.input).toBe('9');
    expect(findModelPrice(book, 'm-2025-04-01', '2025-07-01')?.perMillion.input).toBe('2');
  });
  it('takes the book as input: another list gives other prices', () => {
    expect(findModelPrice([entry(['m'], '2020-01-01', '7')], 'm', '2025-07-01')?.perMillion.input).toBe('7');
    expect(findModelPrice([], 'm', '2025-07-01')).toBeNull();
  });
  it('prices the default book by the documented dates', () => {
    expect(findModelPrice(DEFAULT_PRICE_BOOK, 'o3-2025-04-16', '2025-05-01')?.perMillion.input).toBe('10.00');
    expect(findModelPrice(DEFAULT_PRICE_BOOK, 'o3-2025-04-16', '2025-07-01')?.perMillion.input).toBe('2.00');
    expect(findModelPrice(DEFAULT_PRICE_BOOK, 'gpt-4o-2024-05-13', '2025-01-01')?.perMillion.input).toBe('5.00');
    expect(findModelPrice(DEFAULT_PRICE_BOOK, 'gpt-4o-2024-11-20', '2025-01-01')?.perMillion.input).toBe('2.50');
    expect(findModelPrice(DEFAULT_PRICE_BOOK, 'Claude Sonnet 4.5', '2025-10-01')?.perMillion.output).toBe('15');
    expect(findModelPrice(DEFAULT_PRICE_BOOK, 'claude-haiku-4-5-20251001', '2025-10-20')?.perMillion.cacheWrite1h).toBe('2');
    expect(findModelPrice(DEFAULT_PRICE_BOOK, 'gpt-4o-audio-preview', '2025-01-01')).toBeNull();
  });
});
