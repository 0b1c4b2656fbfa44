import { describe, expect, it } from 'vitest';
import { parseUnitOfMeasure } from './azure-units.js';

describe('parseUnitOfMeasure', () => {
  it.each([
    ['1 Hour', '1', 'Hours', 'Hours'],
    ['10 Hours', '10', 'Hours', '10 Hours'],
    ['100 Hours', '100', 'Hours', '100 Hours'],
    ['10K', '10000', 'Units', '10000 Units'],
    ['1K', '1000', 'Units', '1000 Units'],
    ['1M', '1000000', 'Units', '1000000 Units'],
    ['1 GB/Month', '1', 'GB/Month', 'GB/Month'],
    ['1/Month', '1', 'Units/Month', 'Units/Month'],
    ['1 /Month', '1', 'Units/Month', 'Units/Month'],
    ['10000', '10000', 'Units', '10000 Units'],
    ['1 KB', '1', 'KB', 'KB'],
  ])('%s → block %s of %s', (text, block, unit, pricingUnit) => {
    expect(parseUnitOfMeasure(text)).toEqual({ block, unit, pricingUnit });
  });

  it('keeps a unit without a leading number as it is, and gives null for an empty cell', () => {
    expect(parseUnitOfMeasure('Requests')).toEqual({ block: '1', unit: 'Requests', pricingUnit: 'Requests' });
    expect(parseUnitOfMeasure('')).toBeNull();
  });
});
