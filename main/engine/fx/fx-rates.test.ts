import { describe, expect, it } from 'vitest';
import { fixture, importPaths, testEngine } from '../../../test/support/engine.js';

// two-currencies.csv: USD effective 9.00 on 2026-09-01 and 1.00 on 2026-09-03; EUR 18.00 on 2026-09-02.
async function engineWithTwoCurrencies() {
  const engine = await testEngine();
  await importPaths(engine, [fixture('focus/awkward/two-currencies.csv')]);
  return engine;
}

describe('exchange rates and a display currency', () => {
  it('stores rates, replaces a rate of the same pair and day, and lists them', async () => {
    const engine = await testEngine();
    await engine.call('setFxRates', { rates: [{ date: '2026-09-01', from: 'eur', to: 'USD', rate: 1.1, source: 'ECB' }] });
    const rates = await engine.call('setFxRates', { rates: [{ date: '2026-09-01', from: 'EUR', to: 'USD', rate: 1.12, source: 'ECB corrected' }] });
    expect(rates).toEqual([{ date: '2026-09-01', from: 'EUR', to: 'USD', rate: 1.12, source: 'ECB corrected' }]);
  });

  it('refuses bad rates, naming the first, and writes none of the batch', async () => {
    const engine = await testEngine();
    await expect(engine.call('setFxRates', { rates: [
      { date: '2026-09-01', from: 'EUR', to: 'USD', rate: 1.1, source: 'ECB' },
      { date: '2026-09-02', from: 'EUR', to: 'USD', rate: -1, source: 'ECB' },
    ] })).rejects.toThrow('Rate 2 (EUR→USD on 2026-09-02): the rate must be a positive number.');
    await expect(engine.call('setFxRates', { rates: [{ date: '2026-13-01', from: 'EUR', to: 'USD', rate: 1, source: 'x' }] })).rejects.toThrow(/the date must be YYYY-MM-DD/);
    await expect(engine.call('setFxRates', { rates: [{ date: '2026-09-01', from: 'EURO', to: 'USD', rate: 1, source: 'x' }] })).rejects.toThrow(/three-letter codes/);
    expect(await engine.call('fxRates', {})).toEqual([]);
  });

  it('converts every currency at the latest rate on or before each day, and says so', async () => {
    const engine = await engineWithTwoCurrencies();
    await engine.call('setFxRates', { rates: [
      { date: '2026-08-01', from: 'EUR', to: 'USD', rate: 1.1, source: 'ECB reference rate' },
      { date: '2026-09-02', from: 'EUR', to: 'USD', rate: 1.2, source: 'ECB reference rate' },
      { date: '2026-09-03', from: 'EUR', to: 'USD', rate: 5, source: 'ECB reference rate' },
    ] });
    const overview = await engine.call('overview', { displayCurrency: 'USD' });
    expect(overview.currency).toBe('USD');
    expect(overview.conversion).toEqual({ to: 'USD', sources: ['ECB reference rate'], missing: [] });
    // 9.00 + 18.00 × 1.2 (the rate of 2026-09-02) + 1.00 = 31.60
    expect(overview.total.effectiveCost).toBe('31.600000');
    expect(overview.byDay.map((d) => [d.day, Number(d.effectiveCost.toFixed(2))])).toEqual([['2026-09-01', 9], ['2026-09-02', 21.6], ['2026-09-03', 1]]);
    expect(overview.byProvider.reduce((s, b) => s + b.effectiveCost, 0)).toBeCloseTo(31.6, 9);
    expect(overview.topResources[0]?.effectiveCost).toBeCloseTo(31.6, 9);
    const team = await engine.call('tagBreakdown', { key: 'team', displayCurrency: 'USD' });
    expect(team.rows).toEqual([{ key: 'search', effectiveCost: expect.closeTo(31.6, 9), billedCost: expect.closeTo(11 + 24, 9) }]);
    // The original currencies stay as they are.
    expect(overview.currencies.map((c) => [c.currency, c.effectiveCost])).toEqual([['EUR', '18.000000'], ['USD', '10.000000']]);
  });

  it('uses the inverse pair when only that exists, and lists what has no rate instead of guessing', async () => {
    const engine = await engineWithTwoCurrencies();
    await engine.call('setFxRates', { rates: [{ date: '2026-09-01', from: 'USD', to: 'EUR', rate: 0.5, source: 'treasury' }] });
    const eur = await engine.call('overview', { displayCurrency: 'EUR' });
    expect(eur.total.effectiveCost).toBe('23.000000'); // 18 + (9 + 1) × 0.5, the direct pair
    const usd = await engine.call('overview', { displayCurrency: 'USD' });
    expect(usd.total.effectiveCost).toBe('46.000000'); // 18 / 0.5 + 9 + 1, the inverse of USD→EUR
    const gbp = await engine.call('overview', { displayCurrency: 'GBP' });
    expect(gbp.total.effectiveCost).toBe('0.000000');
    expect(gbp.conversion?.missing).toEqual([
      { currency: 'EUR', firstDay: '2026-09-02', lastDay: '2026-09-02', effectiveCost: 18 },
      { currency: 'USD', firstDay: '2026-09-01', lastDay: '2026-09-03', effectiveCost: 10 },
    ]);
  });

  it('rates survive saving and reopening the workspace (and old workspaces gain the table)', async () => {
    const engine = await testEngine();
    await engine.call('setFxRates', { rates: [{ date: '2026-09-01', from: 'EUR', to: 'USD', rate: 1.1, source: 'ECB' }] });
    const reopened = await testEngine((await engine.call('exportWorkspace', {})).bytes);
    expect(await reopened.call('fxRates', {})).toHaveLength(1);
  });
});
