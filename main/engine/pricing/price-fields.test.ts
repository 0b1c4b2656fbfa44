import { describe, expect, it } from 'vitest';
import { EDITED_PRICE_BOOK, bookName } from './book-label.js';
import { estimateExtras } from './estimated-line.js';
import { checkPriceFields, isIsoDay, plainDecimal, samePrice } from './price-fields.js';
import { UsageCostEstimator } from './usage-cost-estimator.js';

const fields = {
  provider: ' OpenAI ', models: 'GPT-4.1, gpt-4.1 ,Claude Haiku 4.5', effectiveFrom: '2025-04-14', currency: 'usd',
  perMillion: { input: '2.', cachedInput: '.5', output: '8.00', cacheWrite: '' }, batchMultiplier: '0.5', source: ' vendor quote ', extra: 'ignored',
};

describe('checkPriceFields', () => {
  it('gives the normal form: lower-case ids, upper-case currency, plain decimals, blanks left out', () => {
    expect(checkPriceFields(fields)).toEqual({
      provider: 'openai', models: ['gpt-4.1', 'claude-haiku-4-5'], effectiveFrom: '2025-04-14', currency: 'USD',
      perMillion: { input: '2', cachedInput: '0.5', output: '8.00' }, batchMultiplier: '0.5', source: 'vendor quote',
    });
  });
  it('says what is wrong, one thing at a time', () => {
    expect(checkPriceFields(null)).toBe('A price must be an object.');
    expect(checkPriceFields({ ...fields, provider: 'Open AI!' })).toMatch(/^The provider must be/);
    expect(checkPriceFields({ ...fields, perMillion: { output: '1e3' } })).toBe('The output price must be a number such as 2.50 (per 1M tokens, no currency sign).');
    expect(checkPriceFields({ ...fields, perMillion: { input: 3 } })).toMatch(/^The input price/);
  });
  it('compares decimals by value', () => {
    const a = checkPriceFields(fields);
    const b = checkPriceFields({ ...fields, perMillion: { input: '2.000', cachedInput: '0.50', output: '8' } });
    if (typeof a === 'string' || typeof b === 'string') throw new Error('valid');
    expect(samePrice(a, b)).toBe(true);
    expect(samePrice(a, { ...b, perMillion: { ...b.perMillion, output: '8.01' } })).toBe(false);
  });
});

describe('days and decimals', () => {
  it('accepts calendar days only', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-1-01')).toBe(false);
  });
  it('accepts non-negative plain decimals only', () => {
    expect(plainDecimal(' 0.075 ')).toBe('0.075');
    expect(plainDecimal('-1')).toBeUndefined();
    expect(plainDecimal('1,000')).toBeUndefined();
  });
});

describe('estimates from an edited book', () => {
  const book = [{ provider: 'openai', models: ['m'], effectiveFrom: '2025-01-01', currency: 'USD', perMillion: { input: '2' }, source: 's', status: 'edited' as const }];
  it('are named by the book and counted in the report', () => {
    const estimator = new UsageCostEstimator(book, EDITED_PRICE_BOOK);
    const estimate = estimator.estimate({ model: 'm', day: '2025-02-01', kind: 'input', tokens: '500000', batch: false });
    expect(estimate).toMatchObject({ priced: true, cost: '1.000000' });
    expect(estimator.warnings()[0]).toMatch(/^1 line priced from the edited price book \(1 of them at prices edited or added in this workspace\): /);
    expect(JSON.parse(estimateExtras(estimate, { a: 'b' }, EDITED_PRICE_BOOK))).toEqual({
      a: 'b', x_CostSource: 'price book (estimated)', x_PriceBook: 'edited price book', x_PriceEffectiveFrom: '2025-01-01', x_PriceStatus: 'edited',
    });
    expect(bookName('2026-11-29')).toBe('the price book as of 2026-11-29');
  });
});
