import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_BOOK } from './default-price-book.js';
import { UsageCostEstimator } from './usage-cost-estimator.js';

describe('UsageCostEstimator', () => {
  it('prices tokens from the book, batch usage at the batch multiplier, and counts them', () => {
    const estimator = new UsageCostEstimator(DEFAULT_PRICE_BOOK, '2026-11-29');
    const input = estimator.estimate({ model: 'gpt-4o-mini-2024-07-18', day: '2025-01-01', kind: 'input', tokens: '2000000', batch: false });
    expect(input).toMatchObject({ priced: true, cost: '0.30000000', listCost: '0.30000000', unitPrice: '0.15', quantity: '2.000000', currency: 'USD' });
    const batch = estimator.estimate({ model: 'gpt-4o-mini', day: '2025-01-01', kind: 'output', tokens: '1000000', batch: true });
    expect(batch).toMatchObject({ priced: true, cost: '0.300000000', listCost: '0.60000000' });
    expect(estimator.warnings()).toEqual([
      '2 lines priced from the price book as of 2026-11-29 (1 of them Batch API usage, at the batch discount): list-price estimates, not billed amounts; each is marked "(estimated from list prices)".',
    ]);
  });
  it('leaves what it cannot price at cost 0 and names it in the report', () => {
    const estimator = new UsageCostEstimator(DEFAULT_PRICE_BOOK, '2026-11-29');
    expect(estimator.estimate({ model: 'gpt-4o-audio-preview', day: '2025-01-01', kind: 'input', tokens: '5', batch: false })).toEqual({ priced: false });
    expect(estimator.estimate({ model: null, day: '2025-01-01', kind: 'input', tokens: '5', batch: false })).toEqual({ priced: false });
    expect(estimator.estimate({ model: 'text-embedding-3-small', day: '2025-01-01', kind: 'output', tokens: '5', batch: false })).toEqual({ priced: false });
    estimator.unpricedLine('images');
    expect(estimator.warnings()).toEqual([
      '4 lines imported with cost 0: the price book has no price for gpt-4o-audio-preview (1), lines without a model (export not grouped by model) (1), text-embedding-3-small output (1), images (1).',
    ]);
  });
});
