import { describe, expect, it } from 'vitest';
import { commitmentCategoryOf, parseCredits } from './gcp-credits.js';

describe('parseCredits', () => {
  it('reads Python-literal credits with exact amounts', () => {
    expect(parseCredits("[{'name': 'Sustained use discount', 'amount': -1.23, 'type': 'SUSTAINED_USAGE_DISCOUNT', 'id': 'SUD', 'full_name': None}]")).toEqual([
      { name: 'Sustained use discount', amount: '-1.23', fullName: '', id: 'SUD', type: 'SUSTAINED_USAGE_DISCOUNT' },
    ]);
  });

  it('reads JSON credits (BigQuery JSON export) and empty lists', () => {
    expect(parseCredits('[{"name":"Free tier","amount":-0.25,"full_name":null,"id":"FreeTier","type":"FREE_TIER"},{"name":"Promo","amount":-1e-7,"id":"P","type":"PROMOTION"}]')).toEqual([
      { name: 'Free tier', amount: '-0.25', fullName: '', id: 'FreeTier', type: 'FREE_TIER' },
      { name: 'Promo', amount: '-1e-7', fullName: '', id: 'P', type: 'PROMOTION' },
    ]);
    expect(parseCredits('[]')).toEqual([]);
    expect(parseCredits('')).toEqual([]);
  });

  it('explains a cell it cannot read', () => {
    expect(parseCredits("[{'name': 'x', 'amount': 'lots'}]")).toBe('credit amount "lots" is not a number');
    expect(parseCredits('{"name": "x"}')).toBe('credits is not a list of credits');
    expect(parseCredits("[{'name': 'x'")).toMatch(/^credits is not a list of credits \(/);
  });

  it('knows the committed use discount credit types', () => {
    expect(commitmentCategoryOf('COMMITTED_USAGE_DISCOUNT')).toBe('Usage');
    expect(commitmentCategoryOf('COMMITTED_USAGE_DISCOUNT_DOLLAR_BASE')).toBe('Spend');
    expect(commitmentCategoryOf('FREE_TIER')).toBeNull();
  });
});
