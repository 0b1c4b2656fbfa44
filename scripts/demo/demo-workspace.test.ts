import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../main/engine/index.js';
import { DEMO_FILE_NAME, DEMO_SEED, demoCsv } from './demo-data.js';
import { inProcessContext } from './engine-context.js';
import { buildDemoWorkspace, fixedClockDeps } from './demo-workspace.js';

const ASSET = fileURLToPath(new URL('../../assets/demo.costcouncil', import.meta.url));
const ctx = inProcessContext();

/** Exact sum of decimal texts with up to 10 decimals, as a number of cents. */
function cents(texts: string[]): number {
  let total = 0n;
  for (const text of texts) {
    const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
    const value = BigInt(whole) * 10n ** 10n + BigInt(fraction.padEnd(10, '0'));
    total += text.startsWith('-') ? -value : value;
  }
  return Number(total / 10n ** 8n);
}

describe('the demo workspace, built by the real engine', () => {
  it('imports every row, with none rejected, and its total matches the file to the cent', async () => {
    const { bytes, report } = await buildDemoWorkspace();
    const rows = Papa.parse<Record<string, string>>(demoCsv(), { header: true, skipEmptyLines: true }).data;
    expect(report).toMatchObject({ status: 'imported', format: 'focus-1.2', rowsRejected: 0, rowsRead: rows.length, rowsImported: rows.length, extraColumns: [] });

    const engine = createEngine(await fixedClockDeps(), bytes);
    try {
      const overview = await engine.handlers.overview({}, ctx);
      const expected = cents(rows.map((r) => r.EffectiveCost ?? ''));
      expect(Math.round(Number(overview.total.effectiveCost) * 100)).toBe(expected);
      expect(Math.round(Number(report.totals.USD?.effectiveCost) * 100)).toBe(expected);
    } finally {
      engine.dispose();
    }
  });

  it('is byte-identical when built twice (fixed clock, seeded data)', async () => {
    const first = await buildDemoWorkspace();
    const second = await buildDemoWorkspace();
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it('differs for a different seed', async () => {
    const [a, b] = await Promise.all([buildDemoWorkspace(1), buildDemoWorkspace(2)]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);
  });
});

describe('the committed assets/demo.costcouncil', () => {
  it('opens with the engine: three months, five providers, tags team and project', async () => {
    const bytes = new Uint8Array(await readFile(ASSET));
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const engine = createEngine(await fixedClockDeps(), bytes);
    try {
      const status = await engine.handlers.status({}, ctx);
      expect(status.sources).toBe(1);
      expect(status.costLines).toBeGreaterThan(8000);

      const overview = await engine.handlers.overview({ top: 20 }, ctx);
      expect(overview.currency).toBe('USD');
      expect(overview.period).toEqual({ start: '2026-08-01', end: '2026-10-31' });
      expect(overview.byDay).toHaveLength(92);
      expect(overview.byProvider.map((b) => b.key).sort()).toEqual(['AWS', 'Anthropic', 'Google Cloud', 'Microsoft', 'OpenAI']);
      expect(overview.tagKeys).toEqual(expect.arrayContaining(['team', 'project', 'environment', 'cost-center']));

      const teams = await engine.handlers.tagBreakdown({ key: 'team' }, ctx);
      expect(teams.rows.map((r) => r.key).sort()).toEqual(['(untagged)', 'marketing', 'platform', 'research', 'search', 'support-bot']);
      const projects = await engine.handlers.tagBreakdown({ key: 'project' }, ctx);
      expect(projects.rows.length).toBeGreaterThanOrEqual(6);

      const bedrock = await engine.handlers.costLines({ where: { ServiceName: 'Amazon Bedrock' }, limit: 5 }, ctx);
      expect(bedrock.total).toBeGreaterThan(500);
    } finally {
      engine.dispose();
    }
  });

  it('has budgets whose status shows each kind of outcome at the end of October', async () => {
    const engine = createEngine(await fixedClockDeps(), new Uint8Array(await readFile(ASSET)));
    try {
      const report = await engine.handlers.budgetStatus({}, ctx);
      expect(report.asOf).toBe('2026-10-31');
      const level = new Map(report.statuses.map((s) => [s.budget.name, s.level]));
      // Anthropic spent more than the 30,000 planned for October; the search team crossed 80% of 75,000.
      expect(Object.fromEntries(level)).toMatchObject({ 'Anthropic, monthly plan': 'over', 'Search team, monthly': 'watch' });
      expect(report.statuses).toHaveLength(4);
      const quarter = report.statuses.find((s) => s.period.label === '2026-Q4' && s.budget.node.by === 'total');
      expect(quarter?.forecast).not.toBeNull();
      expect(quarter?.breachProbability).toBeGreaterThan(0);
    } finally {
      engine.dispose();
    }
  });

  it('has budget alerts: the thresholds its budgets crossed when they were saved, one incident per budget', async () => {
    const engine = createEngine(await fixedClockDeps(), new Uint8Array(await readFile(ASSET)));
    try {
      const { alerts } = await engine.handlers.listAlerts({ kind: 'budget' }, ctx);
      const keys = alerts.map((a) => a.key);
      // Anthropic spent more than October's 30,000 (level "over"): 50, 80 and 100% by the actual spend.
      expect(keys).toEqual(expect.arrayContaining(['budget:2/2026-10/actual/100', 'budget:2/2026-10/actual/80', 'budget:2/2026-10/actual/50']));
      // The search team is past 80% of 75,000 (level "watch") but not 100%.
      expect(keys).toEqual(expect.arrayContaining(['budget:3/2026-10/actual/80', 'budget:3/2026-10/actual/50']));
      expect(keys).not.toContain('budget:3/2026-10/actual/100');
      expect(alerts.filter((a) => a.key.startsWith('budget:2/')).every((a) => a.incident === 'budget:2/2026-10/actual/100')).toBe(true);
    } finally {
      engine.dispose();
    }
  });

  it('has the demo rule pack: teams from their tag, AWS Enterprise Support shared, the other untagged cost unallocated', async () => {
    const engine = createEngine(await fixedClockDeps(), new Uint8Array(await readFile(ASSET)));
    try {
      const config = await engine.handlers.attributionConfig({}, ctx);
      expect(config.rules.map((r) => r.id)).toContain('team-from-tag');
      expect(config.pools.map((p) => p.id)).toEqual(['enterprise-support']);
      const cents = (text: string | undefined) => Math.round(Number(text ?? 'NaN') * 100);
      const unallocated = async (by: string) => cents((await engine.handlers.allocationSummary({ by }, ctx))[0]?.rows.find((r) => r.value === null)?.cost);
      const support = (await engine.handlers.allocationSummary({ by: 'ServiceName' }, ctx))[0]?.rows.find((r) => r.value === 'AWS Support (Enterprise)')?.cost;
      // The untagged cost less the support the pool shares out is what stays unallocated.
      expect(cents(support)).toBeGreaterThan(0);
      expect(await unallocated('team')).toBe((await unallocated('tag:team')) - cents(support));
      const [team] = await engine.handlers.allocationSummary({ by: 'team' }, ctx);
      expect(team?.coverage).toBeGreaterThan(0.95);
      expect(team?.coverage).toBeLessThan(1);
    } finally {
      engine.dispose();
    }
  });

  it('was built from the current generator (else run `npm run demo`)', async () => {
    const engine = createEngine(await fixedClockDeps(), new Uint8Array(await readFile(ASSET)));
    try {
      const [source] = await engine.handlers.listSources({}, ctx);
      expect(source?.file).toBe(DEMO_FILE_NAME);
      expect(source?.sha256, 'assets/demo.costcouncil is stale: run `npm run demo`').toBe(createHash('sha256').update(demoCsv(DEMO_SEED)).digest('hex'));
    } finally {
      engine.dispose();
    }
  });
});
