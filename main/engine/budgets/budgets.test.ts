/**
 * Budgets through the engine on a real workspace: saving with checks, persistence through export
 * and open, and status with actuals from the imported costs (hand-summed) and the real forecast.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetInput } from '../../../shared/budgets.js';
import { days, writeDailyCosts } from '../../../test/support/daily-costs.js';
import { importPaths, testEngine, type TestEngine } from '../../../test/support/engine.js';

const dir = mkdtempSync(join(tmpdir(), 'cost-council-budgets-'));
const ec2: BudgetInput = { name: 'EC2 monthly', node: { by: 'ServiceName', value: 'Amazon EC2' }, period: 'month', currency: 'USD', amount: { kind: 'fixed', amount: 3000 } };

/**
 * 2026-07-01 … 2026-10-28 (120 days): Amazon EC2 100 a day; Amazon S3 20 a day tagged team=search.
 * So the total is 120 a day.
 */
async function workspace(): Promise<TestEngine> {
  const engine = await testEngine();
  const path = join(dir, `costs-${Math.random().toString(36).slice(2)}.csv`);
  writeDailyCosts(path, [...days('2026-07-01', 120, () => 100), ...days('2026-07-01', 120, () => 20, { service: 'Amazon S3', tags: { team: 'search' } })]);
  const result = await importPaths(engine, [path]);
  expect(result.committed).toBe(true);
  return engine;
}

describe('saving budgets', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await testEngine();
  });

  it('adds with default thresholds, replaces by id, deletes, and announces each change', async () => {
    const saved = await engine.call('saveBudget', ec2);
    expect(saved).toEqual({ ...ec2, id: 1, thresholds: [50, 80, 100], createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' });
    const replaced = await engine.call('saveBudget', { ...ec2, id: 1, name: 'EC2', thresholds: [90, 75], currency: 'usd' });
    expect(replaced).toMatchObject({ id: 1, name: 'EC2', thresholds: [75, 90], currency: 'USD' });
    await engine.call('saveBudget', { name: 'All', node: { by: 'total' }, period: 'year', currency: 'USD', amount: { kind: 'planned', periods: [{ period: '2027', amount: 5 }, { period: '2026', amount: 4 }] } });
    expect((await engine.call('listBudgets', {})).map((b) => b.name)).toEqual(['All', 'EC2']);
    expect((await engine.call('listBudgets', {}))[0]?.amount).toEqual({ kind: 'planned', periods: [{ period: '2026', amount: 4 }, { period: '2027', amount: 5 }] });
    expect(await engine.call('deleteBudget', { id: 1 })).toHaveLength(1);
    await expect(engine.call('deleteBudget', { id: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'There is no budget #1.' });
    expect(engine.events.filter((e) => e.name === 'dataChanged').map((e) => e.payload)).toEqual(Array(4).fill({ tables: ['budgets'] }));
  });

  it('refuses bad budgets with a clear error and changes nothing', async () => {
    const before = await engine.call('listBudgets', {});
    const cases: Array<[unknown, RegExp | string]> = [
      [{ ...ec2, name: ' ' }, 'name must be text of 1 to 120 characters.'],
      [{ ...ec2, period: 'week' }, 'period must be "month", "quarter" or "year".'],
      [{ ...ec2, currency: 'dollars' }, 'currency must be a currency code such as USD.'],
      [{ ...ec2, node: { by: 'ServiceName' } }, 'node.value must name a value of ServiceName (text up to 500 characters).'],
      [{ ...ec2, node: { by: 'total', value: 'x' } }, 'node.value must be left out for the total.'],
      [{ ...ec2, node: { by: 'Colour', value: 'red' } }, /node.by "Colour" is not a dimension/],
      [{ ...ec2, amount: { kind: 'fixed', amount: 0 } }, /amount.amount must be a number above 0/],
      [{ ...ec2, amount: { kind: 'fixed', amount: '3000' } }, /amount.amount must be a number above 0/],
      [{ ...ec2, amount: { kind: 'planned', periods: [{ period: '2026-Q1', amount: 1 }] } }, 'amount.periods[0].period "2026-Q1" is not a month (write it like 2026-03).'],
      [{ ...ec2, amount: { kind: 'planned', periods: [{ period: '2026-01', amount: 1 }, { period: '2026-01', amount: 2 }] } }, 'amount.periods lists 2026-01 twice.'],
      [{ ...ec2, amount: { kind: 'monthly' } }, 'amount.kind must be "fixed" or "planned".'],
      [{ ...ec2, thresholds: [] }, 'thresholds must list 1 to 10 percentages.'],
      [{ ...ec2, thresholds: [50, -1] }, 'thresholds[1] must be a percentage above 0 (at most 1000).'],
      [{ ...ec2, id: 0 }, /id must be the number of a budget/],
    ];
    for (const [input, message] of cases) await expect(engine.call('saveBudget', input as BudgetInput)).rejects.toThrow(message);
    await expect(engine.call('saveBudget', { ...ec2, id: 42 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await engine.call('listBudgets', {})).toEqual(before);
  });
});

describe('budget status on imported costs', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await workspace();
    await engine.call('saveBudget', ec2);
    await engine.call('saveBudget', { name: 'Everything Q4', node: { by: 'total' }, period: 'quarter', currency: 'USD', amount: { kind: 'fixed', amount: 12000 } });
    await engine.call('saveBudget', { name: 'Search team 2026', node: { by: 'tag:team', value: 'search' }, period: 'year', currency: 'USD', amount: { kind: 'fixed', amount: 7000 } });
    await engine.call('saveBudget', { name: 'Euro', node: { by: 'total' }, period: 'month', currency: 'EUR', amount: { kind: 'fixed', amount: 10 } });
  }, 60_000);

  it('reports each budget’s period up to the last day with costs, with actuals summed from the lines', async () => {
    const report = await engine.call('budgetStatus', {});
    expect(report.asOf).toBe('2026-10-28');
    const byName = new Map(report.statuses.map((s) => [s.budget.name, s]));
    // EC2 October: 28 days × 100 = 2800. Total Q4 so far: 28 × 120 = 3360. Search 2026: 120 days × 20 = 2400.
    expect(byName.get('EC2 monthly')).toMatchObject({ period: { label: '2026-10', daysElapsed: 28 }, actual: 2800 });
    expect(byName.get('Everything Q4')).toMatchObject({ period: { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31', daysElapsed: 28 }, actual: 3360 });
    expect(byName.get('Search team 2026')).toMatchObject({ period: { label: '2026', daysElapsed: 301 }, actual: 2400 });
    expect(byName.get('Euro')).toMatchObject({ actual: 0, forecast: null, note: 'There are no costs in EUR yet.' });
  });

  it('forecasts the period end from the daily forecast: a flat 100 a day ends October near 3100, over 3000', async () => {
    const status = (await engine.call('budgetStatus', { id: 1 })).statuses[0];
    expect(status?.forecast?.total).toBeCloseTo(3100, 0);
    expect(status?.crossedForecast).toEqual([50, 80, 100]);
    expect(status?.breachProbability).toBeGreaterThan(0.99);
    expect(status?.level).toBe('at-risk');
    // The quarter: 3360 + 64 days × 120 = 11040 < 12000.
    const quarter = (await engine.call('budgetStatus', { id: 2 })).statuses[0];
    expect(quarter?.forecast?.total).toBeCloseTo(11040, 0);
    expect(quarter?.breachProbability).toBeLessThan(0.01);
  });

  it('reports another period by date: a closed one is final, a later one all forecast', async () => {
    const september = (await engine.call('budgetStatus', { id: 1, date: '2026-09-15' })).statuses[0];
    // September: 30 × 100 = 3000, not over 3000.
    expect(september).toMatchObject({ period: { label: '2026-09', daysElapsed: 30 }, actual: 3000, forecast: null, breachProbability: 0, crossedActual: [50, 80, 100] });
    const november = (await engine.call('budgetStatus', { id: 1, date: '2026-11-02' })).statuses[0];
    expect(november).toMatchObject({ period: { label: '2026-11', daysElapsed: 0 }, actual: 0 });
    expect(november?.forecast?.total).toBeCloseTo(3000, 0);
    await expect(engine.call('budgetStatus', { date: '2026-13-01' })).rejects.toThrow('date must be a day (YYYY-MM-DD).');
    await expect(engine.call('budgetStatus', { id: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a budget on an allocated dimension before any allocation says so; the others are unaffected', async () => {
    const saved = await engine.call('saveBudget', { name: 'Team A', node: { by: 'alloc:team', value: 'A' }, period: 'month', currency: 'USD', amount: { kind: 'fixed', amount: 100 } });
    const report = await engine.call('budgetStatus', {});
    const status = report.statuses.find((s) => s.budget.id === saved.id);
    expect(status).toMatchObject({ level: 'unavailable', actual: 0, forecast: null, breachProbability: null, amount: 100 });
    expect(status?.note).toMatch(/no allocation in this workspace/);
    expect(report.statuses.find((s) => s.budget.name === 'EC2 monthly')?.actual).toBe(2800);
    await engine.call('deleteBudget', { id: saved.id });
  });

  it('budgets survive export and open', async () => {
    const { bytes } = await engine.call('exportWorkspace', {});
    const reopened = await testEngine(bytes);
    expect(await reopened.call('listBudgets', {})).toEqual(await engine.call('listBudgets', {}));
    expect((await reopened.call('budgetStatus', { id: 1 })).statuses[0]?.actual).toBe(2800);
  });
});
