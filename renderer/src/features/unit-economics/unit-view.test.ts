import { describe, expect, it } from 'vitest';
import type { UnitEconomics, UnitSeries } from '../../../../shared/unit-economics.js';
import { chartSeries, currenciesOf, formatUnitCost, periodRows, unitChoices, unitSummary } from './unit-view.js';

function series(label: string, currency: string, ratios: Array<number | null>, total: UnitSeries['total']): UnitSeries {
  return { id: `${label}|${currency}`, label, currency, total, points: ratios.map((ratio, i) => ({ period: `2026-10-0${i + 1}`, cost: 0, quantity: 0, ratio })) };
}

const RESULT: UnitEconomics = {
  metric: 'tokens', grain: 'day', cost: 'effective', unit: '1K tokens', quantityUnit: 'tokens', per: 1000,
  periods: ['2026-10-01', '2026-10-02', '2026-10-03'],
  series: [
    series('All tokens', 'USD', [0.0036, null, 0.001], { cost: 12.2, quantity: 7_500_000, ratio: 12.2 / 7500 }),
    series('input', 'USD', [0.002, 0.0025, null], { cost: 6.5, quantity: 3_000_000, ratio: 6.5 / 3000 }),
    series('output', 'USD', [0.01, null, null], { cost: 5.3, quantity: 500_000, ratio: 0.0106 }),
    series('input', 'EUR', [0.0012, null, null], { cost: 1.2, quantity: 1_000_000, ratio: 0.0012 }),
  ],
  notes: [],
};

describe('unit economics view', () => {
  it('formats fractions of a cent with four significant digits, larger figures in cents', () => {
    expect(formatUnitCost(0.000277397, 'USD')).toBe('$0.0002774');
    expect(formatUnitCost(35, 'USD')).toBe('$35.00');
    expect(formatUnitCost(0, 'EUR')).toBe('€0.00');
  });

  it('offers the built-in metrics and each imported one', () => {
    const choices = unitChoices([{ name: 'searches', dimension: 'team', values: 2, rows: 5, from: '2026-10-01', to: '2026-10-05', total: 4000, sources: [] }]);
    expect(choices.map((c) => c.id)).toEqual(['tokens', 'model', 'request', 'gpu-hour', 'training-run', 'imported:searches']);
    expect(choices[5]?.label).toBe('Cost per searches (imported, per team)');
  });

  it('orders currencies by spend; keeps gaps as null points for the chart and the table', () => {
    expect(currenciesOf(RESULT)).toEqual(['USD', 'EUR']);
    const usd = RESULT.series.filter((s) => s.currency === 'USD');
    expect(chartSeries(usd)[1]).toEqual({ id: 'input', data: [{ x: '2026-10-01', y: 0.002 }, { x: '2026-10-02', y: 0.0025 }, { x: '2026-10-03', y: null }] });
    expect(periodRows(RESULT, usd)[1]).toEqual({ period: '2026-10-02', ratios: [null, 0.0025, null] });
  });

  it('summarises: range, overall figure, highest and lowest, gaps', () => {
    const usd = RESULT.series.filter((s) => s.currency === 'USD');
    expect(unitSummary(RESULT, usd, 'USD')).toBe(
      'Cost per 1K tokens in USD, by day, from 2026-10-01 to 2026-10-03. All tokens: $0.001627 per 1K tokens over the whole range ($12.20 for 7,500,000 tokens). ' +
        'Highest: output at $0.0106; lowest: input at $0.002167. 1 of 3 periods of All tokens have no tokens and are left as gaps.',
    );
  });
});
