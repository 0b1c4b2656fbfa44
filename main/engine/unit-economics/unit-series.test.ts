import { describe, expect, it } from 'vitest';
import { buildSeries, ratioOf, type DailyFigure } from './unit-series.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('buildSeries', () => {
  it('sums are compensated: ten costs of 0.1 make exactly 1 (a naive sum gives 0.9999999999999999)', () => {
    const figures: DailyFigure[] = Array.from({ length: 10 }, () => ({ group: 'a', currency: 'USD', day: day('2026-01-05'), cost: 0.1, quantity: 1 }));
    let naive = 0;
    for (const f of figures) naive += f.cost;
    expect(naive).not.toBe(1);
    const built = buildSeries(figures, { grain: 'day', per: 1, label: (g) => g });
    expect(built.series[0]?.total).toEqual({ cost: 1, quantity: 10, ratio: 0.1 });
  });

  it('a zero or missing quantity is a gap (null), never Infinity or NaN', () => {
    expect(ratioOf(5, 0, 1)).toBeNull();
    expect(ratioOf(0, 0, 1)).toBeNull();
    expect(ratioOf(3, 2, 1000)).toBe(1500);
    const built = buildSeries(
      [
        { group: 'a', currency: 'USD', day: day('2026-01-05'), cost: 2, quantity: 4 },
        { group: 'a', currency: 'USD', day: day('2026-01-07'), cost: 1, quantity: 0 },
      ],
      { grain: 'day', per: 1, label: (g) => g },
    );
    expect(built.series[0]?.points.map((p) => p.ratio)).toEqual([0.5, null, null]);
  });

  it('the overall series comes first; the largest series by cost are kept, the rest counted', () => {
    const figures: DailyFigure[] = ['x', 'y', 'z'].map((group, i) => ({ group, currency: 'USD', day: 0, cost: i + 1, quantity: 1 }));
    const built = buildSeries(figures, { grain: 'day', per: 1, label: (g) => g.toUpperCase(), overall: 'All', maxSeries: 2 });
    expect(built.series.map((s) => s.label)).toEqual(['All', 'Z', 'Y']);
    expect(built.dropped).toBe(1);
    // 1 + 2 + 3 over 3 units.
    expect(built.series[0]?.total.ratio).toBe(2);
  });

  it('distinct items: a period counts each item once however many days it has', () => {
    const figures: DailyFigure[] = [
      { group: 'runs', currency: 'USD', day: day('2026-01-05'), cost: 10, quantity: 0, item: 'r1' },
      { group: 'runs', currency: 'USD', day: day('2026-01-06'), cost: 20, quantity: 0, item: 'r1' },
      { group: 'runs', currency: 'USD', day: day('2026-01-06'), cost: 30, quantity: 0, item: 'r2' },
    ];
    const built = buildSeries(figures, { grain: 'week', per: 1, label: (g) => g, distinct: true });
    // One week (Monday 5 January): 60 over 2 runs.
    expect(built.series[0]?.points).toEqual([{ period: '2026-01-05', cost: 60, quantity: 2, ratio: 30 }]);
  });
});
