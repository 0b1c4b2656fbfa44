import { describe, expect, it } from 'vitest';
import { barData, breakdownSummary, dailySeries, dailySummary, preciseSum, withEveryDay } from './overview-view.js';

const days = Array.from({ length: 14 }, (_, i) => ({ day: `2026-09-${String(i + 1).padStart(2, '0')}`, effectiveCost: i < 7 ? 100 : 110, billedCost: 0 }));

describe('overview view transforms', () => {
  it('summarises daily spend: total, average, peak and week-on-week change', () => {
    expect(dailySummary(days, 'USD')).toBe(
      'From 2026-09-01 to 2026-09-14, spend was $1,470.00 over 14 days, $105.00 a day on average. The highest day was 2026-09-08 at $110.00. The last 7 days cost $770.00, +10% against the 7 days before.',
    );
    expect(dailySummary([], 'USD')).toBe('No spend in this period.');
  });

  it('summarises a breakdown with shares, and says when the rest is grouped as Other', () => {
    const rows = [
      { key: 'AWS', effectiveCost: 600, billedCost: 0 },
      { key: 'Azure', effectiveCost: 300, billedCost: 0 },
      { key: 'Other', effectiveCost: 100, billedCost: 0 },
    ];
    expect(breakdownSummary('provider', rows, 'USD')).toBe(
      'By provider: AWS is the largest at $600.00 (60%), then Azure $300.00 (30%), Other $100.00 (10%); the 2 largest and Other are shown, totalling $1,000.00.',
    );
    expect(breakdownSummary('region', [], 'EUR')).toBe('No spend by region in this period.');
  });

  it('builds series and bars in drawing order', () => {
    expect(dailySeries(days.slice(0, 2))).toEqual([{ id: 'Effective cost', data: [{ x: '2026-09-01', y: 100 }, { x: '2026-09-02', y: 100 }] }]);
    expect(barData([{ key: 'a', effectiveCost: 2.005, billedCost: 0 }, { key: 'b', effectiveCost: 1, billedCost: 0 }])).toEqual([{ key: 'b', cost: 1 }, { key: 'a', cost: 2.01 }]);
  });

  it('fills the days without costs with zero, so gaps show as gaps', () => {
    const sparse = [{ day: '2026-09-29', effectiveCost: 5, billedCost: 5 }, { day: '2026-10-02', effectiveCost: 7, billedCost: 7 }];
    expect(withEveryDay(sparse).map((d) => [d.day, d.effectiveCost])).toEqual([['2026-09-29', 5], ['2026-09-30', 0], ['2026-10-01', 0], ['2026-10-02', 7]]);
    expect(dailySummary(sparse, 'USD')).toMatch(/^From 2026-09-29 to 2026-10-02, spend was \$12\.00 over 4 days, \$3\.00 a day on average/);
  });

  it('sums without float drift', () => {
    expect(preciseSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(preciseSum([1e16, 1, -1e16])).toBe(1);
  });
});
