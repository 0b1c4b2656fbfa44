/**
 * Alerts end to end on a real workspace: raising from detected anomalies, de-duplication, the
 * lifecycle with owner, comments and history, "expected" patterns, settings, and persistence
 * through export and open. Detection itself is stood in for (hand-made anomalies), so each test
 * states exactly what was detected.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgOf, EngineEventName, EngineMethod, ResultOf } from '../../../shared/contract.js';
import type { Anomaly, AnomalyQuery, AnomalySettings } from '../../../shared/forecast.js';
import { DEFAULT_ANOMALY_SETTINGS } from '../../../shared/forecast.js';
import type { CallContext, EngineHandlers } from '../../../shared/rpc.js';
import { anomaly } from '../../../test/support/anomalies.js';
import { days, writeDailyCosts } from '../../../test/support/daily-costs.js';
import { importPaths, testEngine, type TestEngine } from '../../../test/support/engine.js';
import { downgradeTo } from '../../../test/support/older-workspace.js';
import { nodeEngineDeps } from '../../hosts/node-host.js';
import { alertHandlers, raiseAlertsAfterImport } from './handlers.js';
import type { Detect } from './refresh.js';

type Query = AnomalyQuery & { settings: AnomalySettings };

interface Harness {
  engine: TestEngine;
  call<M extends EngineMethod>(method: M, arg: ArgOf<M>): Promise<ResultOf<M>>;
  /** What detection returns next (per currency). */
  detected: Anomaly[];
  queries: Query[];
  events: Array<{ name: EngineEventName; payload: unknown }>;
  setClock(iso: string): void;
  handlers: Pick<EngineHandlers, 'listAlerts'>;
}

const dir = mkdtempSync(join(tmpdir(), 'cost-council-alerts-'));

async function harness(workspace?: Uint8Array, detected: Anomaly[] = []): Promise<Harness> {
  const engine = await testEngine(workspace);
  if (!workspace) {
    // USD costs 2026-09-01 … 2026-10-31 and EUR costs in October: two currencies to scan.
    const path = join(dir, `costs-${Math.random().toString(36).slice(2)}.csv`);
    writeDailyCosts(path, [...days('2026-09-01', 61, () => 100), ...days('2026-10-01', 31, () => 40, { currency: 'EUR' })]);
    await importPaths(engine, [path]);
  }
  let clock = Date.parse('2026-11-01T09:00:00Z');
  const deps = { ...(await nodeEngineDeps()), now: () => clock };
  const h: Harness = {
    engine,
    detected,
    queries: [],
    events: [],
    setClock: (iso) => {
      clock = Date.parse(iso);
    },
    call: undefined as unknown as Harness['call'],
    handlers: undefined as unknown as Harness['handlers'],
  };
  const detect: Detect = (_store, query) => {
    h.queries.push(query);
    return h.detected.filter((a) => a.currency === query.currency);
  };
  const handlers = alertHandlers({ store: () => engine.store(), deps, serialised: (job) => job() }, detect);
  const ctx: CallContext = { requestId: 1, cancelled: false, emit: (name, payload) => h.events.push({ name, payload }) };
  h.call = (method, arg) => (handlers as unknown as Record<string, (a: unknown, c: CallContext) => Promise<never>>)[method]?.(arg, ctx) as never;
  h.handlers = handlers;
  return h;
}

const spike = anomaly({ day: '2026-10-26', impact: 400 }); // a Monday
const drop = anomaly({ day: '2026-10-20', impact: -90, dimension: 'total' });
const euro = anomaly({ day: '2026-10-28', impact: 60, currency: 'EUR', value: 'Amazon S3' });

describe('raising alerts', () => {
  it('stores each detected anomaly as a new alert, largest first, and announces them', async () => {
    const h = await harness(undefined, [drop, spike, euro]);
    const refresh = await h.call('refreshAlerts', {});
    expect(refresh.raised.map((a) => a.key)).toEqual([spike.key, drop.key, euro.key]);
    expect(refresh).toMatchObject({ suppressed: 0, known: 0 });
    expect(refresh.raised[0]).toMatchObject({
      status: 'new',
      owner: null,
      comment: null,
      raisedAt: '2026-11-01T09:00:00.000Z',
      title: 'Spike in service Amazon EC2 on 2026-10-26: +400.00 USD (+400%)',
      history: [{ at: '2026-11-01T09:00:00.000Z', from: null, to: 'new', comment: null, owner: null }],
    });
    expect(refresh.raised[0]).toMatchObject({ kind: 'anomaly', incident: spike.key, anomaly: spike });
    expect(h.events.map((e) => e.name)).toEqual(['dataChanged', 'alerts']);
    expect(h.events[1]?.payload).toEqual({
      newAlerts: 3,
      // Three days, three incidents of one alert each.
      incidents: 3,
      top: [
        { key: spike.key, kind: 'anomaly', title: refresh.raised[0]?.title, day: '2026-10-26', currency: 'USD', impact: 400, direction: 'spike', related: 0 },
        { key: drop.key, kind: 'anomaly', title: 'Drop in total spend on 2026-10-20: −90.00 USD (−90%)', day: '2026-10-20', currency: 'USD', impact: -90, direction: 'drop', related: 0 },
        { key: euro.key, kind: 'anomaly', title: refresh.raised[2]?.title, day: '2026-10-28', currency: 'EUR', impact: 60, direction: 'spike', related: 0 },
      ],
    });
    const list = await h.call('listAlerts', {});
    // Newest anomaly day first.
    expect(list.alerts.map((a) => (a.kind === 'anomaly' ? a.anomaly.day : a.key))).toEqual(['2026-10-28', '2026-10-26', '2026-10-20']);
    expect(list.counts).toEqual({ new: 3, acknowledged: 0, resolved: 0, expected: 0 });
  });

  it('scans each currency over its last 30 days with the workspace settings', async () => {
    const h = await harness();
    await h.call('saveAnomalySettings', { minImpact: 10, direction: 'spikes' });
    await h.call('refreshAlerts', {});
    expect(h.queries.map((q) => [q.currency, q.from, q.to])).toEqual([
      ['EUR', '2026-10-02', '2026-10-31'],
      ['USD', '2026-10-02', '2026-10-31'],
    ]);
    expect(h.queries[0]?.settings).toEqual({ ...DEFAULT_ANOMALY_SETTINGS, minImpact: 10, direction: 'spikes' });
  });

  it('never raises the same anomaly twice', async () => {
    const h = await harness(undefined, [spike]);
    await h.call('refreshAlerts', {});
    h.events.length = 0;
    h.detected = [spike, { ...spike, impact: 420, actual: 520 }, drop];
    const again = await h.call('refreshAlerts', {});
    expect(again.raised.map((a) => a.key)).toEqual([drop.key]);
    expect(again.known).toBe(2);
    const third = await h.call('refreshAlerts', {});
    // Three detections (the spike twice), all known.
    expect(third).toEqual({ raised: [], incidents: 0, suppressed: 0, known: 3 });
    expect(h.events.filter((e) => e.name === 'alerts')).toHaveLength(1);
    expect((await h.call('listAlerts', {})).alerts).toHaveLength(2);
    // The stored anomaly is the first one detected.
    expect((await h.call('listAlerts', {})).alerts.find((a) => a.key === spike.key)).toMatchObject({ anomaly: { impact: 400 } });
  });
});

describe('the lifecycle', () => {
  it('acknowledges with an owner and a comment, resolves, and keeps every step in the history', async () => {
    const h = await harness(undefined, [spike]);
    await h.call('refreshAlerts', {});
    h.setClock('2026-11-02T10:00:00Z');
    const acknowledged = await h.call('updateAlert', { key: spike.key, status: 'acknowledged', owner: ' Dana ', comment: 'Looking at the EC2 fleet.' });
    expect(acknowledged).toMatchObject({ status: 'acknowledged', owner: 'Dana', comment: 'Looking at the EC2 fleet.', updatedAt: '2026-11-02T10:00:00.000Z' });
    h.setClock('2026-11-03T10:00:00Z');
    const noted = await h.call('updateAlert', { key: spike.key, comment: 'A load test; asked the team.' });
    expect(noted).toMatchObject({ status: 'acknowledged', owner: 'Dana', comment: 'A load test; asked the team.' });
    h.setClock('2026-11-04T10:00:00Z');
    const resolved = await h.call('updateAlert', { key: spike.key, status: 'resolved', owner: 'Lee' });
    expect(resolved.history).toEqual([
      { at: '2026-11-01T09:00:00.000Z', from: null, to: 'new', comment: null, owner: null },
      { at: '2026-11-02T10:00:00.000Z', from: 'new', to: 'acknowledged', comment: 'Looking at the EC2 fleet.', owner: 'Dana' },
      { at: '2026-11-03T10:00:00.000Z', from: 'acknowledged', to: 'acknowledged', comment: 'A load test; asked the team.', owner: 'Dana' },
      { at: '2026-11-04T10:00:00.000Z', from: 'acknowledged', to: 'resolved', comment: null, owner: 'Lee' },
    ]);
    expect(resolved).toMatchObject({ status: 'resolved', owner: 'Lee', comment: 'A load test; asked the team.', raisedAt: '2026-11-01T09:00:00.000Z' });
    expect((await h.call('listAlerts', { status: 'resolved' })).alerts.map((a) => a.key)).toEqual([spike.key]);
    expect((await h.call('listAlerts', { status: ['new', 'acknowledged'] })).alerts).toEqual([]);
  });

  it('refuses moves off the lifecycle with a clear error and changes nothing', async () => {
    const h = await harness(undefined, [spike, drop]);
    await h.call('refreshAlerts', {});
    await h.call('updateAlert', { key: spike.key, status: 'resolved' });
    const before = await h.call('listAlerts', {});
    await expect(h.call('updateAlert', { key: spike.key, status: 'acknowledged', comment: 'reopen?' })).rejects.toThrow('The alert is resolved, which is final: it cannot become acknowledged.');
    await expect(h.call('updateAlert', { key: spike.key, status: 'expected' })).rejects.toThrow(/final/);
    await expect(h.call('updateAlert', { key: drop.key, status: 'new' } as never)).rejects.toThrow('status cannot be set back to new; it can be acknowledged, resolved or expected.');
    await h.call('updateAlert', { key: drop.key, status: 'acknowledged' });
    await expect(h.call('updateAlert', { key: drop.key, status: 'acknowledged' })).rejects.toThrow('The alert is already acknowledged.');
    await expect(h.call('updateAlert', { key: 'no-such-key', status: 'resolved' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.call('updateAlert', { key: drop.key })).rejects.toThrow('Nothing to change: give a status, a comment or an owner.');
    await expect(h.call('updateAlert', { key: drop.key, owner: 'x'.repeat(201) })).rejects.toThrow('owner is 201 characters; at most 200.');
    await expect(h.call('updateAlert', { key: drop.key, status: 'resolved', remember: 'weekday' })).rejects.toThrow('remember goes only with status "expected".');
    const after = await h.call('listAlerts', {});
    expect(after.alerts.find((a) => a.key === spike.key)).toEqual(before.alerts.find((a) => a.key === spike.key));
    expect(after.alerts.find((a) => a.key === drop.key)?.history).toHaveLength(2);
  });

  it('clears the owner with an empty text; a comment is allowed after the end', async () => {
    const h = await harness(undefined, [spike]);
    await h.call('refreshAlerts', {});
    await h.call('updateAlert', { key: spike.key, status: 'acknowledged', owner: 'Dana' });
    expect((await h.call('updateAlert', { key: spike.key, owner: '' })).owner).toBeNull();
    await h.call('updateAlert', { key: spike.key, status: 'resolved' });
    expect(await h.call('updateAlert', { key: spike.key, comment: 'Post-mortem written.' })).toMatchObject({ status: 'resolved', comment: 'Post-mortem written.' });
  });
});

describe('expected feedback', () => {
  it('remembers the weekday pattern: a like anomaly on a later Monday is stored as expected, not raised', async () => {
    const h = await harness(undefined, [spike]);
    await h.call('refreshAlerts', {});
    await h.call('updateAlert', { key: spike.key, status: 'expected', comment: 'Monday batch' });
    const patterns = await h.call('listExpectedPatterns', {});
    expect(patterns).toEqual([
      expect.objectContaining({ id: 1, recurrence: 'weekday', weekday: 1, dayOfMonth: null, maxImpact: 600, direction: 'spike', fromAlert: spike.key, comment: 'Monday batch' }),
    ]);
    h.events.length = 0;
    // A week later (Monday), a little larger: expected. Tuesday, or a much larger Monday: raised.
    const nextMonday = anomaly({ day: '2026-11-02', impact: 450 });
    const tuesday = anomaly({ day: '2026-10-27', impact: 300 });
    const huge = anomaly({ day: '2026-10-19', impact: 900 });
    h.detected = [nextMonday, tuesday, huge];
    const refresh = await h.call('refreshAlerts', {});
    expect(refresh.raised.map((a) => a.key).sort()).toEqual([huge.key, tuesday.key].sort());
    expect(refresh.suppressed).toBe(1);
    const stored = (await h.call('listAlerts', { status: 'expected' })).alerts.find((a) => a.key === nextMonday.key);
    expect(stored).toMatchObject({ status: 'expected', suppressedBy: 1 });
    expect(stored?.history[0]?.comment).toBe(`Matches expected pattern #1 (taught by ${spike.key}).`);
    expect((h.events.find((e) => e.name === 'alerts')?.payload as { newAlerts: number }).newAlerts).toBe(2);
  });

  it('teaching the same pattern again widens its band instead of adding a copy', async () => {
    const first = anomaly({ day: '2026-10-05', impact: 200 }); // Monday
    const second = anomaly({ day: '2026-10-12', impact: 100 }); // Monday, smaller
    const third = anomaly({ day: '2026-10-19', impact: 500 }); // Monday, larger
    const h = await harness(undefined, [first, second, third]);
    await h.call('refreshAlerts', {});
    for (const a of [first, second, third]) await h.call('updateAlert', { key: a.key, status: 'expected' });
    const patterns = await h.call('listExpectedPatterns', {});
    // One Monday pattern; its band is 1.5 × the largest taught |impact| (500): 750.
    expect(patterns.map((p) => [p.id, p.weekday, p.maxImpact])).toEqual([[1, 1, 750]]);
  });

  it('a charge on the 1st is remembered by day of month; "none" remembers nothing; forgetting a pattern raises again', async () => {
    const monthly = anomaly({ day: '2026-10-01', impact: 1000, dimension: 'total' });
    const other = anomaly({ day: '2026-10-15', impact: 200, value: 'Amazon S3' });
    const h = await harness(undefined, [monthly, other]);
    await h.call('refreshAlerts', {});
    await h.call('updateAlert', { key: monthly.key, status: 'expected' });
    await h.call('updateAlert', { key: other.key, status: 'expected', remember: 'none' });
    const patterns = await h.call('listExpectedPatterns', {});
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({ recurrence: 'day-of-month', dayOfMonth: 1, weekday: null, seriesKey: 'total=@USD/effective' });
    const nextMonth = anomaly({ day: '2026-11-01', impact: 1100, dimension: 'total' });
    h.detected = [nextMonth];
    expect((await h.call('refreshAlerts', {})).suppressed).toBe(1);
    expect(await h.call('deleteExpectedPattern', { id: patterns[0]?.id ?? 0 })).toEqual([]);
    await expect(h.call('deleteExpectedPattern', { id: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const december = anomaly({ day: '2026-12-01', impact: 1000, dimension: 'total' });
    h.detected = [december];
    expect((await h.call('refreshAlerts', {})).raised.map((a) => a.key)).toEqual([december.key]);
  });
});

describe('anomaly settings', () => {
  it('are the defaults until saved; a save merges a checked subset; bad settings change nothing', async () => {
    const h = await harness();
    expect(await h.call('anomalySettings', {})).toEqual(DEFAULT_ANOMALY_SETTINGS);
    expect(await h.call('saveAnomalySettings', { minPercent: 35, dimensions: ['total', 'tag:team'] })).toEqual({ ...DEFAULT_ANOMALY_SETTINGS, minPercent: 35, dimensions: ['total', 'tag:team'] });
    await expect(h.call('saveAnomalySettings', { minImpact: -5 })).rejects.toThrow(/settings.minImpact must be a number from 0/);
    await expect(h.call('saveAnomalySettings', { threshold: 3 } as never)).rejects.toThrow(/Unknown anomaly setting threshold/);
    await expect(h.call('saveAnomalySettings', { dimensions: ['Colour'] } as never)).rejects.toThrow(/is not a dimension/);
    expect(await h.call('anomalySettings', {})).toEqual({ ...DEFAULT_ANOMALY_SETTINGS, minPercent: 35, dimensions: ['total', 'tag:team'] });
  });

  it('fall back to the defaults when the stored value is not valid', async () => {
    const h = await harness();
    h.engine.store().run("INSERT OR REPLACE INTO settings (key, value) VALUES ('anomaly-settings', '{\"minImpact\": \"lots\"}')");
    expect(await h.call('anomalySettings', {})).toEqual(DEFAULT_ANOMALY_SETTINGS);
  });
});

describe('persistence', () => {
  it('alerts, history, patterns and settings survive export and open', async () => {
    const h = await harness(undefined, [spike, drop]);
    await h.call('saveAnomalySettings', { sensitivity: 5 });
    await h.call('refreshAlerts', {});
    await h.call('updateAlert', { key: spike.key, status: 'acknowledged', owner: 'Dana', comment: 'checking' });
    await h.call('updateAlert', { key: drop.key, status: 'expected', remember: 'any-day' });
    const before = { list: await h.call('listAlerts', {}), patterns: await h.call('listExpectedPatterns', {}) };
    const { bytes } = await h.engine.call('exportWorkspace', {});
    const reopened = await harness(bytes, [spike, drop]);
    expect(await reopened.call('listAlerts', {})).toEqual(before.list);
    expect(await reopened.call('listExpectedPatterns', {})).toEqual(before.patterns);
    expect((await reopened.call('anomalySettings', {})).sensitivity).toBe(5);
    expect((await reopened.call('refreshAlerts', {})).raised).toEqual([]);
  });

  it('a schema-8 workspace keeps its alerts as anomaly alerts, each its own incident, and groups them on the next refresh', async () => {
    const related = { ...anomaly({ day: '2026-10-26', impact: 380, dimension: 'total' }), rootCauses: [{ dimension: 'ServiceName', value: 'Amazon EC2', impact: 380, share: 1 }] };
    const h = await harness(undefined, [spike, related]);
    await h.call('refreshAlerts', {});
    const store = h.engine.store();
    // Back to 8: no kind, budget or incident columns; the two alerts as an older version stored them.
    store.run('UPDATE alerts SET incident = NULL');
    downgradeTo(store, 8);
    expect(store.all<{ name: string }>("SELECT name FROM pragma_table_info('alerts') WHERE name IN ('kind', 'budget_id', 'incident')")).toEqual([]);
    const { bytes } = await h.engine.call('exportWorkspace', {});
    const reopened = await harness(bytes, []);
    const before = (await reopened.call('listAlerts', {})).alerts;
    expect(before.map((a) => [a.key, a.kind, a.incident])).toEqual([[spike.key, 'anomaly', spike.key], [related.key, 'anomaly', related.key]]);
    // A new anomaly on that day regroups it: the total lists EC2 with all of its +380 (≥ 50% of the larger, 400).
    reopened.detected = [spike, related, { ...anomaly({ day: '2026-10-26', impact: 60, value: 'Amazon S3' }), rootCauses: [] }];
    await reopened.call('refreshAlerts', {});
    const after = (await reopened.call('listAlerts', {})).alerts;
    expect(after.map((a) => [a.key, a.incident])).toEqual([[spike.key, spike.key], [related.key, spike.key], [`ServiceName=Amazon S3@USD/effective@2026-10-26`, 'ServiceName=Amazon S3@USD/effective@2026-10-26']]);
  });

  it('refuses a bad alert query with its reason', async () => {
    const h = await harness();
    await expect(h.call('listAlerts', { kind: 'forecast' } as never)).rejects.toThrow('kind must be one of anomaly, budget.');
    await expect(h.call('listAlerts', { budgetId: 0 })).rejects.toThrow('budgetId must be the number of a budget.');
  });

  it('a schema-6 workspace gets the alert and budget tables when opened', async () => {
    const engine = await testEngine();
    downgradeTo(engine.store(), 6);
    const { bytes } = await engine.call('exportWorkspace', {});
    const h = await harness(bytes, []);
    expect(await h.call('listAlerts', {})).toEqual({ alerts: [], counts: { new: 0, acknowledged: 0, resolved: 0, expected: 0 } });
    expect(h.engine.store().scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('alerts', 'alert_history', 'expected_patterns', 'budgets')")).toBe(4);
  });
});

describe('after an import', () => {
  it('raises alerts and announces them; a failing detection is logged and the import stands', async () => {
    const h = await harness();
    const events: Array<{ name: string; payload: unknown }> = [];
    const ctx: CallContext = { requestId: 1, cancelled: false, emit: (name, payload) => events.push({ name, payload }) };
    const deps = { ...(await nodeEngineDeps()), now: () => Date.parse('2026-11-01T09:00:00Z') };
    const imported = { committed: true, sources: [] };
    expect(raiseAlertsAfterImport(h.engine.store(), deps, ctx, imported, () => [spike])).toBe(imported);
    expect(events.map((e) => e.name)).toEqual(['dataChanged', 'alerts']);
    expect((events[1]?.payload as { newAlerts: number }).newAlerts).toBe(1);
    const warnings: string[] = [];
    const failing = { ...deps, log: { info: () => undefined, warn: (m: string) => warnings.push(m) } };
    const broken = () => {
      throw new Error('detector exploded');
    };
    expect(raiseAlertsAfterImport(h.engine.store(), failing, ctx, imported, broken)).toBe(imported);
    expect(warnings).toEqual(['Alerts were not refreshed after the import: detector exploded']);
    // A rolled-back import raises nothing.
    events.length = 0;
    raiseAlertsAfterImport(h.engine.store(), deps, ctx, { committed: false, sources: [] }, () => [drop]);
    expect(events).toEqual([]);
  });
});
