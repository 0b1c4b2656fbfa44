/**
 * Root causes of anomalies on allocated series (teams, projects), from the lines' allocated
 * amounts: a line a rule gave the team counts whole, the support line at the team's share of the
 * support pool. Eight weeks of flat daily lines with one spike day; every expected figure is
 * worked out by hand from the lines below.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RulePack, SharedCostPool } from '../../../../shared/attribution.js';
import type { Anomaly } from '../../../../shared/forecast.js';
import { importPaths, testEngine, type TestEngine } from '../../../../test/support/engine.js';
import { isoOf, writeDailyFocus, type DailyLine } from '../../../../test/support/daily-focus.js';
import { allocatedChildren } from './allocated-children.js';

const AUG_1 = 20666; // 2026-08-01
const SPIKE = 50; // 2026-09-20, a Sunday: its same weekdays before are 13, 6 Sep, 30, 23 Aug
const SPIKE_DAY = AUG_1 + SPIKE;

/**
 * A day's lines (all AWS); on the spike day Bedrock 2,200, EC2 250, Support 160, Lambda 130:
 * - Amazon Bedrock 100 (team ml, project chatbot; model claude-sonnet-4, resource r-bedrock, us-east-1, ml-prod)
 * - Amazon EC2 50 (team ml, project training; resource i-train, eu-west-1, ml-prod)
 * - Amazon S3 40 (team web; resource bucket-web, us-east-1, web-prod)
 * - AWS Support 80 (no tags, no resource; us-east-1, shared): the support pool, 75% ml / 25% web
 * - AWS Lambda 30 (project chatbot, no team: unallocated in team; resource fn-1, us-east-1, web-prod)
 */
function lines(): DailyLine[] {
  const out: DailyLine[] = [];
  for (let i = 0; i < 56; i++) {
    const day = isoOf(AUG_1 + i);
    const spike = i === SPIKE;
    out.push({ day, cost: spike ? 2200 : 100, service: 'Amazon Bedrock', resource: 'r-bedrock', model: 'claude-sonnet-4', subAccount: 'ml-prod', tags: { team: 'ml', project: 'chatbot' } });
    out.push({ day, cost: spike ? 250 : 50, service: 'Amazon EC2', resource: 'i-train', region: 'eu-west-1', subAccount: 'ml-prod', tags: { team: 'ml', project: 'training' } });
    out.push({ day, cost: 40, service: 'Amazon S3', resource: 'bucket-web', subAccount: 'web-prod', tags: { team: 'web' } });
    out.push({ day, cost: spike ? 160 : 80, service: 'AWS Support', subAccount: 'shared' });
    out.push({ day, cost: spike ? 130 : 30, service: 'AWS Lambda', resource: 'fn-1', subAccount: 'web-prod', tags: { project: 'chatbot' } });
  }
  return out;
}

function pack(method: SharedCostPool['method']): RulePack {
  return {
    format: 'cost-council-rule-pack',
    version: 1,
    dimensions: [{ id: 'team', name: 'Team' }, { id: 'project', name: 'Project' }],
    rules: [
      {
        id: 'team-tag', name: 'Team from the team tag', enabled: true, dimension: 'team',
        when: { match: 'all', conditions: [{ column: 'tag:team', op: 'exists' }] }, value: { kind: 'column', column: 'tag:team' },
      },
      {
        id: 'project-tag', name: 'Project from the project tag', enabled: true, dimension: 'project',
        when: { match: 'all', conditions: [{ column: 'tag:project', op: 'exists' }] }, value: { kind: 'column', column: 'tag:project' },
      },
    ],
    pools: [
      {
        id: 'support', name: 'AWS Support', enabled: true, dimension: 'team',
        source: { kind: 'condition', when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'equals', value: 'AWS Support' }] } },
        targets: [{ kind: 'value', value: 'ml' }, { kind: 'value', value: 'web' }],
        method,
      },
    ],
  };
}

async function workspace(method: SharedCostPool['method']): Promise<TestEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'fc-alloc-causes-'));
  writeDailyFocus(join(dir, 'daily.csv'), lines());
  const engine = await testEngine();
  await importPaths(engine, [join(dir, 'daily.csv')]);
  await engine.call('applyRulePack', { pack: pack(method), mode: 'replace' });
  return engine;
}

function causes(anomaly: Anomaly | undefined): Array<[string, string, number]> {
  return (anomaly?.rootCauses ?? []).map((c) => [c.dimension, c.value, Math.round(c.impact * 1e6) / 1e6]);
}

describe('root causes of allocated series', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await workspace({ kind: 'fixed', percentages: [75, 25] });
  });

  it("ranks a team's spike by the children of its allocated lines, the pooled line at the team's share", async () => {
    const anomalies = await engine.call('detectAnomalies', { settings: { dimensions: ['alloc:team'] }, from: '2026-09-01' });
    // ml: 100 + 50 + 75% of 80 = 210 a day, 2,200 + 250 + 75% of 160 = 2,570 on the spike day.
    // The unallocated bucket (Lambda): 30 → 130. web: 40 + 20 = 60 → 80, under the 50 minimum impact.
    expect(anomalies.map((a) => [a.series.value, a.day, a.actual])).toEqual([
      ['ml', '2026-09-20', 2570],
      ['(unallocated)', '2026-09-20', 130],
    ]);
    const [ml, unallocated] = anomalies;
    // Children's actual − the median of their four same weekdays before (their flat daily amount):
    // AWS 2,570 − 210; ml-prod and the team tag: Bedrock + EC2 = 2,300; us-east-1: Bedrock + support's
    // 75% = 2,100 + 60; Bedrock's 2,100 in five dimensions; then the first of the 200s (EC2's).
    // Ties are ordered by dimension name (localeCompare: "alloc:…" sorts before "ResourceId").
    expect(causes(ml)).toEqual([
      ['ProviderName', 'AWS', 2360],
      ['SubAccountName', 'ml-prod', 2300],
      ['tag:team', 'ml', 2300],
      ['RegionId', 'us-east-1', 2160],
      ['alloc:project', 'chatbot', 2100],
      ['ResourceId', 'r-bedrock', 2100],
      ['ServiceName', 'Amazon Bedrock', 2100],
      ['tag:project', 'chatbot', 2100],
      ['x_Model', 'claude-sonnet-4', 2100],
      ['alloc:project', 'training', 200],
    ]);
    // The team's own dimension is no child of itself.
    expect(ml?.rootCauses.some((c) => c.dimension === 'alloc:team')).toBe(false);
    expect(ml?.rootCauses[6]?.share).toBeCloseTo(2100 / (ml?.impact ?? 1), 12);
    // The unallocated bucket is Lambda only: +100 in every dimension it has.
    expect(causes(unallocated)).toEqual([
      ['alloc:project', 'chatbot', 100],
      ['ProviderName', 'AWS', 100],
      ['RegionId', 'us-east-1', 100],
      ['ResourceId', 'fn-1', 100],
      ['ServiceName', 'AWS Lambda', 100],
      ['SubAccountName', 'web-prod', 100],
      ['tag:project', 'chatbot', 100],
    ]);
  });

  it("breaks a project's spike down by team, the unallocated part included", async () => {
    const anomalies = await engine.call('detectAnomalies', { settings: { dimensions: ['alloc:project'] }, from: '2026-09-01' });
    // chatbot: Bedrock 100 + Lambda 30 → 2,200 + 130; training: EC2 50 → 250; the unallocated bucket
    // (S3 40 and Support 80 → 40 + 160) +80.
    expect(anomalies.map((a) => [a.series.value, a.actual])).toEqual([
      ['chatbot', 2330],
      ['training', 250],
      ['(unallocated)', 200],
    ]);
    const chatbot = causes(anomalies[0]).filter(([dimension]) => dimension === 'alloc:team');
    expect(chatbot).toEqual([
      ['alloc:team', 'ml', 2100],
      ['alloc:team', '(unallocated)', 100],
    ]);
    // Support (no project) is split 75/25 between the teams.
    expect(causes(anomalies[2]).filter(([dimension]) => dimension === 'alloc:team')).toEqual([
      ['alloc:team', 'ml', 60],
      ['alloc:team', 'web', 20],
    ]);
  });
});

describe('children of an allocated series add up to it', () => {
  /** Each partitioning child dimension's actuals on the day, in cents, against the series' amount (alloc_daily). */
  async function checkConservation(engine: TestEngine, dimension: string): Promise<number> {
    const store = engine.store();
    await engine.call('allocationSummary', { by: dimension }); // brings alloc_daily up to date
    const figures = store.all<{ value: string | null; day: number; effective: number }>(
      'SELECT value, day, effective FROM alloc_daily WHERE dimension = ? AND currency = ? AND day BETWEEN ? AND ?',
      [dimension, 'USD', SPIKE_DAY - 28, SPIKE_DAY],
    );
    let checked = 0;
    for (const figure of figures) {
      const children = allocatedChildren(store, { dimension, value: figure.value, currency: 'USD', cost: 'effective' }, [figure.day], [
        { dimension: 'ProviderName', sql: 'ProviderName', skipNull: false },
        { dimension: 'ServiceName', sql: 'ServiceName', skipNull: false },
        { dimension: 'SubAccountName', sql: 'COALESCE(SubAccountName, SubAccountId)', skipNull: false },
        { dimension: 'RegionId', sql: 'COALESCE(RegionId, RegionName)', skipNull: false },
      ]);
      const partitions = children.filter((c) => !c.dimension.startsWith('tag:'));
      // The four columns and the other allocated dimension.
      expect(partitions).toHaveLength(5);
      for (const child of partitions) {
        const sum = child.rows.filter((r) => r.day === figure.day).reduce((s, r) => s + r.amount, 0);
        expect(Math.round(sum * 100), `${dimension}=${figure.value} ${isoOf(figure.day)} by ${child.dimension}`).toBe(Math.round(figure.effective * 100));
        checked++;
      }
    }
    return checked;
  }

  it('with a fixed pool, for every team and project on every day of the spike and the four weeks before', async () => {
    const engine = await workspace({ kind: 'fixed', percentages: [75, 25] });
    // 29 days × (ml, web, unallocated) teams and (chatbot, training, unallocated) projects, 5 partitions each.
    expect(await checkConservation(engine, 'team')).toBe(29 * 3 * 5);
    expect(await checkConservation(engine, 'project')).toBe(29 * 3 * 5);
  });

  it('with a proportional pool (shares from the month’s direct costs, not round)', async () => {
    // The lines run to 25 September. September's direct cost: ml 150 × 24 + 2,450 (the spike day),
    // web 40 × 25; support's cost is split by those weights every day of the month.
    const engine = await workspace({ kind: 'proportional' });
    expect(await checkConservation(engine, 'team')).toBe(29 * 3 * 5);
    // And the spike day's ml figure is the hand-made one: 2,450 direct + 160 × ml's September share.
    const mlSeptember = 150 * 24 + 2450;
    const webSeptember = 40 * 25;
    const [ml] = await engine.call('detectAnomalies', { settings: { dimensions: ['alloc:team'] }, from: '2026-09-20' });
    expect(ml?.series.value).toBe('ml');
    expect(ml?.actual).toBeCloseTo(2450 + (160 * mlSeptember) / (mlSeptember + webSeptember), 9);
  });
});
