import { describe, expect, it } from 'vitest';
import type { EffectivePriceBook, PriceBookEntry } from '../../../../shared/model.js';
import { editSummary, entryLabel, fieldsOf, filterEntries, formOf, providersOf } from './price-view.js';

const entry = (id: string, provider: string, models: string[], status: PriceBookEntry['status'] = 'shipped'): PriceBookEntry => ({
  id, provider, models, effectiveFrom: '2025-01-01', currency: 'USD', perMillion: { input: '1', output: '2' }, source: 's', status,
});
const book: EffectivePriceBook = {
  asOf: '2026-11-29', edited: true,
  entries: [entry('a', 'openai', ['gpt-4o']), entry('b', 'openai', ['gpt-4o-mini'], 'edited'), entry('c', 'anthropic', ['claude-haiku-4-5'], 'added')],
  removed: [entry('d', 'openai', ['o1'])],
};

describe('price book view', () => {
  it('filters by provider and by model text', () => {
    expect(filterEntries(book.entries, 'openai', '').map((e) => e.id)).toEqual(['a', 'b']);
    expect(filterEntries(book.entries, '', ' MINI ').map((e) => e.id)).toEqual(['b']);
    expect(filterEntries(book.entries, 'anthropic', 'gpt')).toEqual([]);
    expect(providersOf(book)).toEqual(['anthropic', 'openai']);
  });
  it('turns an entry into the form and back, blanks meaning no price', () => {
    const form = formOf(book.entries[0] ?? null, '2026-01-01');
    expect(form).toMatchObject({ models: 'gpt-4o', prices: { input: '1', output: '2', cachedInput: '' }, batchMultiplier: '' });
    expect(fieldsOf({ ...form, models: 'a, b,', prices: { ...form.prices, cachedInput: ' 0.5 ' } }, '2026-02-01')).toEqual({
      provider: 'openai', models: ['a', 'b'], effectiveFrom: '2026-02-01', currency: 'USD', perMillion: { input: '1', cachedInput: '0.5', output: '2' }, source: 's',
    });
    expect(formOf(null, '2026-01-01')).toMatchObject({ effectiveFrom: '2026-01-01', currency: 'USD', models: '' });
  });
  it('names entries and edits', () => {
    expect(entryLabel({ models: ['o3'], effectiveFrom: '2025-06-10' })).toBe('o3 from 2025-06-10');
    expect(editSummary(book)).toBe('1 edited, 1 added and 1 removed');
    expect(editSummary({ ...book, entries: [], removed: [] })).toBe('no edits');
  });
});
