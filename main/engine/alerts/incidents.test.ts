/**
 * Incidents: which anomalies are one event (by hand, from their root causes), and what the engine
 * does with them: one line per incident in the event, one change for the whole incident with a
 * history entry per alert, late series joining their day's incident.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertsEvent } from '../../../shared/alerts.js';
import type { Anomaly, AnomalyDimension, RootCause } from '../../../shared/forecast.js';
import type { CallContext, EngineHandlers } from '../../../shared/rpc.js';
import { anomaly } from '../../../test/support/anomalies.js';
import { days, writeDailyCosts } from '../../../test/support/daily-costs.js';
import { importPaths, testEngine } from '../../../test/support/engine.js';
import { nodeEngineDeps } from '../../hosts/node-host.js';
import { alertHandlers } from './handlers.js';
import { groupIncidents, nested, sharedImpact } from './incidents.js';

const DAY = '2026-10-26';

function a(dimension: AnomalyDimension, value: string | null, impact: number, causes: Array<[string, string, number]>, day = DAY): Anomaly {
  const base = anomaly({ day, impact, dimension, value, expected: 1000 });
  const rootCauses: RootCause[] = causes.map(([d, v, i]) => ({ dimension: d, value: v, impact: i, share: i / impact }));
  return { ...base, rootCauses };
}

// One Bedrock spike in the ml-prod account, seen in the total, AWS, Bedrock, ml-prod and team=ml;
// EC2 moved a little the same day; S3 dropped.
const total = a('total', null, 1000, [['ProviderName', 'AWS', 980], ['ServiceName', 'Amazon Bedrock', 920], ['SubAccountName', 'ml-prod', 900], ['ServiceName', 'Amazon EC2', 60]]);
const aws = a('ProviderName', 'AWS', 980, [['ServiceName', 'Amazon Bedrock', 920], ['SubAccountName', 'ml-prod', 900], ['ServiceName', 'Amazon EC2', 60]]);
const bedrock = a('ServiceName', 'Amazon Bedrock', 920, [['ProviderName', 'AWS', 920], ['SubAccountName', 'ml-prod', 900]]);
const mlProd = a('SubAccountName', 'ml-prod', 900, [['ServiceName', 'Amazon Bedrock', 900], ['ProviderName', 'AWS', 900]]);
const team = a('tag:team', 'ml', 910, [['ServiceName', 'Amazon Bedrock', 905], ['SubAccountName', 'ml-prod', 890]]);
const ec2 = a('ServiceName', 'Amazon EC2', 60, [['ProviderName', 'AWS', 60]]);
const s3 = a('ServiceName', 'Amazon S3', -200, [['ProviderName', 'AWS', -200]]);

describe('which anomalies are one incident', () => {
  it('links series whose shared money is at least half the larger deviation', () => {
    // Total and Bedrock: the total lists Bedrock at 920 ≥ 0.5 × 1000.
    expect(sharedImpact(total, bedrock)).toBe(920);
    expect(nested(total, bedrock)).toBe(true);
    // The tag is listed by no one, but it lists Bedrock at 905 ≥ 0.5 × 920.
    expect(sharedImpact(team, bedrock)).toBe(905);
    expect(nested(team, bedrock)).toBe(true);
    // EC2 lists AWS at 60 (all of EC2 is AWS's), but 60 < 0.5 × 980: a separate story.
    expect(sharedImpact(ec2, aws)).toBe(60);
    expect(nested(ec2, aws)).toBe(false);
    expect(nested(ec2, total)).toBe(false);
  });

  it('never links across days, currencies or directions', () => {
    expect(nested(total, { ...bedrock, day: '2026-10-27' })).toBe(false);
    expect(nested(total, { ...bedrock, currency: 'EUR' })).toBe(false);
    // S3's drop is listed under AWS by S3 itself (−200), but AWS spiked.
    expect(nested(aws, s3)).toBe(false);
  });

  it('groups transitively and leads with the largest deviation', () => {
    const groups = groupIncidents([ec2, team, mlProd, bedrock, s3, aws, total]);
    expect(Object.fromEntries(groups)).toEqual({
      [total.key]: total.key, [aws.key]: total.key, [bedrock.key]: total.key, [mlProd.key]: total.key, [team.key]: total.key,
    });
    // Two services of 40% each: neither is the total's event, and siblings never list each other.
    const split = a('total', null, 1000, [['ServiceName', 'A', 400], ['ServiceName', 'B', 400]]);
    expect(groupIncidents([split, a('ServiceName', 'A', 400, [['ProviderName', 'AWS', 400]]), a('ServiceName', 'B', 400, [['ProviderName', 'AWS', 400]])]).size).toBe(0);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'cost-council-incidents-'));

async function harness(): Promise<{ call: <M extends keyof EngineHandlers>(m: M, arg: unknown) => ReturnType<EngineHandlers[M]>; detected: Anomaly[]; events: Array<{ name: string; payload: unknown }> }> {
  const engine = await testEngine();
  const path = join(dir, `costs-${Math.random().toString(36).slice(2)}.csv`);
  writeDailyCosts(path, days('2026-09-01', 61, () => 100));
  await importPaths(engine, [path]);
  const state = { detected: [] as Anomaly[], events: [] as Array<{ name: string; payload: unknown }> };
  let clock = Date.parse('2026-11-01T09:00:00Z');
  const deps = { ...(await nodeEngineDeps()), now: () => (clock += 60_000) };
  const handlers = alertHandlers({ store: () => engine.store(), deps, serialised: (job) => job() }, (_s, q) => state.detected.filter((x) => x.currency === q.currency));
  const ctx: CallContext = { requestId: 1, cancelled: false, emit: (name, payload) => state.events.push({ name, payload }) };
  return {
    get detected() { return state.detected; },
    set detected(v) { state.detected = v; },
    events: state.events,
    call: (m, arg) => (handlers as unknown as Record<string, (x: unknown, c: CallContext) => never>)[m]?.(arg, ctx) as never,
  };
}

describe('incidents in the alert centre', () => {
  it('announce one line per incident and change all its alerts at once, each with its own history', async () => {
    const h = await harness();
    h.detected = [ec2, team, mlProd, bedrock, s3, aws, total];
    const refresh = await h.call('refreshAlerts', {});
    expect(refresh.incidents).toBe(3);
    const event = h.events.find((e) => e.name === 'alerts')?.payload as AlertsEvent;
    // Largest first: the total (+1000) leads its five; S3 (−200) and EC2 (+60) stand alone.
    expect(event.newAlerts).toBe(7);
    expect(event.incidents).toBe(3);
    expect(event.top.map((t) => [t.key, t.related])).toEqual([[total.key, 4], [s3.key, 0], [ec2.key, 0]]);
    expect(event.top[0]?.title).toBe('Spike in total spend on 2026-10-26: +1,000.00 USD (+100%) and 4 related series');

    const list = await h.call('listAlerts', {});
    // The incident's alerts together, largest first, then the other incidents by size.
    expect(list.alerts.map((x) => x.key)).toEqual([total.key, aws.key, bedrock.key, team.key, mlProd.key, s3.key, ec2.key]);
    expect(list.alerts.map((x) => x.incident)).toEqual([...Array(5).fill(total.key), s3.key, ec2.key]);
    // The limit counts incidents: the first is all five of the total's, never cut inside it.
    expect((await h.call('listAlerts', { limit: 1 })).alerts.map((x) => x.key)).toEqual([total.key, aws.key, bedrock.key, team.key, mlProd.key]);
    expect((await h.call('listAlerts', { limit: 2 })).alerts.map((x) => x.key)).toEqual([total.key, aws.key, bedrock.key, team.key, mlProd.key, s3.key]);

    const acknowledged = await h.call('updateIncident', { incident: total.key, status: 'acknowledged', owner: 'Ana', comment: 'Bedrock batch' });
    expect(acknowledged.map((x) => [x.key, x.status, x.owner])).toEqual([total, aws, bedrock, team, mlProd].map((x) => [x.key, 'acknowledged', 'Ana']));
    for (const x of acknowledged) expect(x.history.map((t) => [t.from, t.to, t.comment, t.owner])).toEqual([[null, 'new', null, null], ['new', 'acknowledged', 'Bedrock batch', 'Ana']]);
    expect((await h.call('listAlerts', { status: 'new' })).alerts.map((x) => x.key)).toEqual([s3.key, ec2.key]);

    // One member resolved on its own; resolving the incident moves the other four, not it again.
    await h.call('updateAlert', { key: bedrock.key, status: 'resolved' });
    // A status filter picks incidents: the one with a resolved member comes whole, each alert with its own status.
    const withResolved = (await h.call('listAlerts', { status: 'resolved' })).alerts;
    expect(withResolved.map((x) => [x.key, x.status])).toEqual([[total.key, 'acknowledged'], [aws.key, 'acknowledged'], [bedrock.key, 'resolved'], [team.key, 'acknowledged'], [mlProd.key, 'acknowledged']]);
    const resolved = await h.call('updateIncident', { incident: total.key, status: 'resolved', comment: 'Job capped' });
    expect(resolved.every((x) => x.status === 'resolved')).toBe(true);
    expect(resolved.find((x) => x.key === bedrock.key)?.history).toHaveLength(3);
    expect(resolved.find((x) => x.key === aws.key)?.history.map((t) => t.comment)).toEqual([null, 'Bedrock batch', 'Job capped']);

    // Nothing left to acknowledge: refused, nothing written.
    await expect(h.call('updateIncident', { incident: total.key, status: 'acknowledged' })).rejects.toMatchObject({
      code: 'BAD_REQUEST', message: 'No alert of this incident can become acknowledged: The alert is resolved, which is final: it cannot become acknowledged.',
    });
    expect((await h.call('listAlerts', {})).alerts.find((x) => x.key === aws.key)?.history).toHaveLength(3);
    await expect(h.call('updateIncident', { incident: 'nope', status: 'resolved' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.call('updateIncident', { status: 'resolved' })).rejects.toThrow('incident must name an incident (the key of its lead alert).');
  }, 60_000);

  it('teaches a pattern per series when the incident is marked expected; a late series joins its day', async () => {
    const h = await harness();
    h.detected = [total, aws];
    await h.call('refreshAlerts', {});
    // Bedrock's costs arrive later: its anomaly joins the incident its day already has.
    h.detected = [total, aws, bedrock];
    const later = await h.call('refreshAlerts', {});
    expect(later.raised.map((x) => [x.key, x.incident])).toEqual([[bedrock.key, total.key]]);
    const expected = await h.call('updateIncident', { incident: total.key, status: 'expected', remember: 'weekday' });
    expect(expected.map((x) => x.status)).toEqual(['expected', 'expected', 'expected']);
    const patterns = await h.call('listExpectedPatterns', {});
    expect(patterns.map((p) => [p.fromAlert, p.recurrence, p.weekday]).sort()).toEqual([total.key, aws.key, bedrock.key].sort().map((k) => [k, 'weekday', 1]));
  }, 60_000);

  it('still acts on an incident by its old lead key after a larger late series took the lead', async () => {
    const h = await harness();
    h.detected = [aws, bedrock];
    await h.call('refreshAlerts', {});
    expect((await h.call('listAlerts', {})).alerts.map((x) => x.incident)).toEqual([aws.key, aws.key]);
    // The total (+1000, larger than AWS's +980) arrives: it leads, and the incident's key is now its own.
    h.detected = [aws, bedrock, total];
    await h.call('refreshAlerts', {});
    expect((await h.call('listAlerts', {})).alerts.map((x) => [x.key, x.incident])).toEqual([[total.key, total.key], [aws.key, total.key], [bedrock.key, total.key]]);
    // A dialog opened before still says aws.key: the change reaches all three.
    const acknowledged = await h.call('updateIncident', { incident: aws.key, status: 'acknowledged' });
    expect(acknowledged.map((x) => [x.key, x.status])).toEqual([[total.key, 'acknowledged'], [aws.key, 'acknowledged'], [bedrock.key, 'acknowledged']]);
  }, 60_000);
});
