/**
 * Budget alerts through the engine on a real workspace: saving a budget already past thresholds
 * raises them (one incident, one `alerts` event), never twice; an import that takes the spend
 * further raises the next one; the lifecycle works as for anomalies, and "expected" teaches nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertsEvent, BudgetAlert } from '../../../shared/alerts.js';
import type { BudgetInput } from '../../../shared/budgets.js';
import { days, writeDailyCosts } from '../../../test/support/daily-costs.js';
import { importPaths, testEngine } from '../../../test/support/engine.js';

const dir = mkdtempSync(join(tmpdir(), 'cost-council-budget-alerts-'));
const ec2: BudgetInput = { name: 'EC2 monthly', node: { by: 'ServiceName', value: 'Amazon EC2' }, period: 'month', currency: 'USD', amount: { kind: 'fixed', amount: 3000 } };

function alertsEvents(events: ReadonlyArray<{ name: string; payload: unknown }>): AlertsEvent[] {
  return events.filter((e) => e.name === 'alerts').map((e) => e.payload as AlertsEvent);
}

describe('budget alerts on imported costs', () => {
  it('are raised when a budget is saved and after imports, once per budget, period, basis and threshold', async () => {
    const engine = await testEngine();
    // EC2 at 100 a day from 2026-07-01 to 2026-10-28 (120 days).
    const first = join(dir, 'to-28.csv');
    writeDailyCosts(first, days('2026-07-01', 120, () => 100));
    expect((await importPaths(engine, [first])).committed).toBe(true);
    expect((await engine.call('listAlerts', {})).alerts).toEqual([]);

    engine.events.length = 0;
    await engine.call('saveBudget', ec2);
    // October so far: 28 days × 100 = 2800 of 3000 (93.3%): 50% and 80% by the actual spend. The flat
    // series forecasts about 100 a day for the last three days, about 3100 (103%): 100% by the forecast.
    const { alerts } = await engine.call('listAlerts', { kind: 'budget' });
    expect(alerts.map((a) => a.key)).toEqual(['budget:1/2026-10/actual/80', 'budget:1/2026-10/actual/50', 'budget:1/2026-10/forecast/100']);
    const [lead] = alerts as BudgetAlert[];
    expect(lead?.budget).toMatchObject({ budgetId: 1, budgetName: 'EC2 monthly', period: '2026-10', basis: 'actual', threshold: 80, value: 2800, amount: 3000, asOf: '2026-10-28' });
    expect(lead?.budget.percent).toBeCloseTo(93.333, 3);
    expect(lead?.title).toMatch(/^Budget "EC2 monthly", 2026-10: actual spend reached 80%: 2,800\.00 of 3,000\.00 USD \(93\.3%\); breach probability \d+%$/);
    const forecast = (alerts as BudgetAlert[])[2]?.budget;
    expect(forecast?.value).toBeGreaterThan(3000);
    expect(forecast?.breachProbability).toBeGreaterThan(0.5);
    // One incident (the thresholds crossed together), announced once.
    expect(new Set(alerts.map((a) => a.incident))).toEqual(new Set(['budget:1/2026-10/actual/80']));
    // The summary's impact: 2800 − 80% × 3000 = 400 past the threshold.
    expect(alertsEvents(engine.events)).toEqual([{
      newAlerts: 3, incidents: 1,
      top: [{ kind: 'budget', key: lead?.key, title: `${lead?.title} and 2 related thresholds`, day: '2026-10-28', currency: 'USD', impact: 400, direction: 'spike', related: 2 }],
    }]);
    expect(engine.events.filter((e) => e.name === 'dataChanged').map((e) => e.payload)).toEqual([{ tables: ['budgets'] }, { tables: ['alerts'] }]);

    // Saved again, or checked again: nothing new.
    engine.events.length = 0;
    await engine.call('saveBudget', { ...ec2, id: 1, name: 'EC2' });
    expect((await engine.call('refreshAlerts', {})).raised).toEqual([]);
    expect(alertsEvents(engine.events)).toEqual([]);

    // 29–31 October arrive: 3100 of 3000, the period is over: 100% by the actual spend is new, and
    // says the budget is overspent (no probability). The forecast's 100% stays as it was.
    const second = join(dir, 'to-31.csv');
    writeDailyCosts(second, days('2026-10-29', 3, () => 100));
    engine.events.length = 0;
    expect((await importPaths(engine, [second])).committed).toBe(true);
    const after = (await engine.call('listAlerts', { kind: 'budget' })).alerts;
    expect(after.map((a) => a.key)).toEqual(['budget:1/2026-10/actual/100', 'budget:1/2026-10/actual/80', 'budget:1/2026-10/actual/50', 'budget:1/2026-10/forecast/100']);
    expect(after[0]?.title).toBe('Budget "EC2", 2026-10: actual spend reached 100%: 3,100.00 of 3,000.00 USD (103.3%)');
    expect(after[0]?.incident).toBe('budget:1/2026-10/actual/100');
    expect(alertsEvents(engine.events)).toEqual([{ newAlerts: 1, incidents: 1, top: [expect.objectContaining({ title: after[0]?.title, related: 0 })] }]);
    // The anomaly list holds none of them; the budget filter finds them.
    expect((await engine.call('listAlerts', { kind: 'anomaly' })).alerts).toEqual([]);
    expect((await engine.call('listAlerts', { budgetId: 1 })).alerts).toHaveLength(4);
    expect((await engine.call('listAlerts', { budgetId: 2 })).alerts).toEqual([]);
  }, 60_000);

  it('follow the lifecycle; "expected" teaches no pattern; a deleted budget keeps its alerts and its id', async () => {
    const engine = await testEngine();
    const path = join(dir, 'lifecycle.csv');
    writeDailyCosts(path, days('2026-07-01', 120, () => 100));
    await importPaths(engine, [path]);
    await engine.call('saveBudget', ec2);
    const key = 'budget:1/2026-10/actual/80';
    const acknowledged = await engine.call('updateAlert', { key, status: 'acknowledged', owner: 'Ana', comment: 'Migration month' });
    expect(acknowledged).toMatchObject({ kind: 'budget', status: 'acknowledged', owner: 'Ana', comment: 'Migration month' });
    expect(acknowledged.history.map((h) => [h.from, h.to, h.comment, h.owner])).toEqual([[null, 'new', null, null], ['new', 'acknowledged', 'Migration month', 'Ana']]);
    await expect(engine.call('updateAlert', { key, status: 'expected', remember: 'weekday' })).rejects.toMatchObject({
      code: 'BAD_REQUEST', message: 'remember applies to anomaly alerts only: a budget alert marked expected teaches no pattern.',
    });
    expect((await engine.call('listAlerts', { budgetId: 1 })).alerts.find((a) => a.key === key)?.status).toBe('acknowledged');
    expect((await engine.call('updateAlert', { key, status: 'expected' })).status).toBe('expected');
    expect(await engine.call('listExpectedPatterns', {})).toEqual([]);

    // The budget goes; its alerts stay. A new budget gets id 2 (not 1 again), so the old alerts never
    // stand for it and its own thresholds are raised afresh.
    await engine.call('deleteBudget', { id: 1 });
    expect((await engine.call('listAlerts', { budgetId: 1 })).alerts).toHaveLength(3);
    const again = await engine.call('saveBudget', ec2);
    expect(again.id).toBe(2);
    expect((await engine.call('listAlerts', { budgetId: 2 })).alerts.map((a) => a.key)).toEqual(['budget:2/2026-10/actual/80', 'budget:2/2026-10/actual/50', 'budget:2/2026-10/forecast/100']);
  }, 60_000);
});
