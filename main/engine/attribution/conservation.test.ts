/**
 * Conservation as a property: for random data and random rule sets (rules with nested AND/OR
 * conditions, regex captures, pools of every method feeding pools), every dimension's allocated
 * total equals the source total per currency, to the cent, billed and effective. Expected totals
 * are exact BigInt sums of the cost texts written to the file, not the engine's sums. Rule-set
 * versions (and a frozen period) with different dimensions are covered too: a dimension that
 * some versions lack still totals the whole source.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AllocationRule, Condition, ConditionGroup, PoolTarget, RulePack, RuleValue, SharedCostPool, SplitMethod } from '../../../shared/attribution.js';
import { exactSum, toCents } from '../../../test/support/csv.js';
import { importPaths, testEngine, type TestEngine } from '../../../test/support/engine.js';
import { seeded } from '../../../test/support/focus-file.js';

const HEADER = [
  'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodStart', 'BillingPeriodEnd', 'ChargeCategory', 'ChargeClass',
  'ChargeDescription', 'ChargePeriodStart', 'ChargePeriodEnd', 'ContractedCost', 'EffectiveCost', 'BilledCost', 'InvoiceIssuerName', 'ListCost',
  'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory', 'ServiceName', 'ResourceId', 'Tags', 'SkuId',
  'x_Model', 'x_Tokens', 'x_GpuHours',
];
const CURRENCIES = ['USD', 'EUR', 'JPY'];
const SERVICES = ['Bedrock', 'EC2', 'S3', 'OpenAI API', 'Vertex AI', 'Support'];
const PROVIDERS = ['AWS', 'OpenAI', 'Google'];
const MODELS = ['claude', 'llama', 'gpt-4o', 'gemini'];
const TEAMS = ['search', 'research', 'platform', 'shared', 'web'];
const ENVS = ['prod', 'dev'];
const DIMENSIONS = ['team', 'env', 'model'];

type Rand = () => number;
const pick = <T,>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

/** A cost text with up to 10 decimals: tiny token prices, ordinary amounts, credits. */
function costText(r: Rand): string {
  const kind = r();
  const units = kind < 0.3 ? BigInt(Math.floor(r() * 5000)) : kind < 0.9 ? BigInt(Math.floor(r() * 5e12)) : -BigInt(Math.floor(r() * 2e11));
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(11, '0');
  return `${negative ? '-' : ''}${text.slice(0, -10)}.${text.slice(-10)}`;
}

function writeData(r: Rand, rows: number, path: string): { billed: Map<string, string[]>; effective: Map<string, string[]> } {
  const billed = new Map<string, string[]>();
  const effective = new Map<string, string[]>();
  const lines = [HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    const currency = pick(r, CURRENCIES);
    const month = r() < 0.6 ? '09' : '10';
    const day = `2026-${month}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const b = costText(r);
    const e = r() < 0.7 ? b : costText(r);
    (billed.get(currency) ?? billed.set(currency, []).get(currency))?.push(b);
    (effective.get(currency) ?? effective.set(currency, []).get(currency))?.push(e);
    const tags: Record<string, string> = {};
    if (r() < 0.7) tags.team = pick(r, TEAMS);
    if (r() < 0.5) tags.env = pick(r, ENVS);
    const tagText = Object.keys(tags).length ? `"${JSON.stringify(tags).replace(/"/g, '""')}"` : '';
    const model = pick(r, MODELS);
    const sku = r() < 0.5 ? `sku-${model}-${r() < 0.5 ? 'in' : 'out'}` : `box-${Math.floor(r() * 4)}`;
    lines.push([
      '1', 'Acme', currency, `2026-${month}-01T00:00:00Z`, `2026-${month === '09' ? '10' : '11'}-01T00:00:00Z`, 'Usage', '', 'Random', `${day}T00:00:00Z`,
      `${day}T01:00:00Z`, b, e, b, 'X', b, '1', 'Units', pick(r, PROVIDERS), 'X', 'AI and Machine Learning', pick(r, SERVICES), `res-${i % 17}`, tagText, sku,
      r() < 0.6 ? model : '', r() < 0.5 ? String(Math.floor(r() * 1e6)) : '', r() < 0.3 ? (r() * 10).toFixed(3) : '',
    ].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { billed, effective };
}

function randomCondition(r: Rand): Condition {
  const column = pick(r, ['ServiceName', 'ProviderName', 'SkuId', 'tag:team', 'tag:env', 'x_Model', 'x_Tokens', 'BilledCost']);
  if (column === 'x_Tokens' || column === 'BilledCost') return { column, op: pick(r, ['<', '<=', '>', '>=', '='] as const), number: Math.floor(r() * 300) };
  switch (Math.floor(r() * 7)) {
    case 0:
      return { column, op: 'equals', value: pick(r, [...SERVICES, ...TEAMS, ...MODELS, ...PROVIDERS]) };
    case 1:
      return { column, op: 'in', values: [pick(r, [...SERVICES, ...TEAMS]), pick(r, [...MODELS, ...ENVS])] };
    case 2:
      return { column, op: 'contains', value: pick(r, ['e', 'o', 'sku', 'r']), ignoreCase: r() < 0.5 };
    case 3:
      return { column, op: 'startsWith', value: pick(r, ['s', 'b', 'O', 'p']) };
    case 4:
      return { column, op: 'regex', value: pick(r, ['^sku-', '(in|out)$', 'a.', '^[a-m]']) };
    case 5:
      return { column, op: 'exists' };
    default:
      return { column, op: 'missing' };
  }
}

function randomGroup(r: Rand, depth = 0): ConditionGroup {
  const n = Math.floor(r() * 3);
  return {
    match: r() < 0.5 ? 'all' : 'any',
    conditions: Array.from({ length: n }, () => (depth < 2 && r() < 0.25 ? randomGroup(r, depth + 1) : randomCondition(r))),
  };
}

function randomValue(r: Rand): RuleValue {
  const kind = r();
  if (kind < 0.5) return { kind: 'constant', value: pick(r, [...TEAMS, ...ENVS, ...MODELS]) };
  if (kind < 0.8) return { kind: 'column', column: pick(r, ['tag:team', 'tag:env', 'x_Model', 'ServiceName']) };
  return { kind: 'capture', column: 'SkuId', pattern: '^sku-([a-z0-9-]+?)-(in|out)$', group: 1 };
}

function randomMethod(r: Rand, targets: number): SplitMethod {
  switch (Math.floor(r() * 5)) {
    case 0:
      return { kind: 'even' };
    case 1:
      return { kind: 'proportional' };
    case 2: {
      // Integer percentages that total 100.
      const cuts = Array.from({ length: targets - 1 }, () => Math.floor(r() * 101)).sort((a, b) => a - b);
      return { kind: 'fixed', percentages: [...cuts, 100].map((c, i) => c - (i === 0 ? 0 : (cuts[i - 1] ?? 0))) };
    }
    case 3:
      return { kind: 'usage', metric: 'tokens' };
    default:
      return { kind: 'usage', metric: 'gpuHours' };
  }
}

function randomPack(r: Rand): RulePack {
  const rules: AllocationRule[] = Array.from({ length: Math.floor(r() * 9) }, (_, i) => ({
    id: `r${i}`,
    name: `Rule ${i}`,
    enabled: r() < 0.9,
    dimension: pick(r, DIMENSIONS),
    when: randomGroup(r),
    value: randomValue(r),
  }));
  const pools: SharedCostPool[] = [];
  const poolCount = Math.floor(r() * 5);
  for (let i = 0; i < poolCount; i++) {
    const dimension = pick(r, DIMENSIONS);
    // Only pools made before (of the same dimension) can be fed: no cycles.
    const earlier = pools.filter((p) => p.dimension === dimension);
    const targets: PoolTarget[] = [];
    const count = 1 + Math.floor(r() * 3);
    for (let t = 0; t < count; t++) {
      const target: PoolTarget = earlier.length > 0 && r() < 0.3 ? { kind: 'pool', pool: pick(r, earlier).id } : { kind: 'value', value: pick(r, [...TEAMS, ...MODELS]) };
      if (!targets.some((x) => JSON.stringify(x) === JSON.stringify(target))) targets.push(target);
    }
    pools.push({
      id: `p${i}`,
      name: `Pool ${i}`,
      enabled: true,
      dimension,
      source: r() < 0.5 ? { kind: 'condition', when: randomGroup(r) } : { kind: 'value', value: r() < 0.3 ? null : pick(r, [...TEAMS, ...MODELS, ...ENVS]) },
      targets,
      method: randomMethod(r, targets.length),
    });
  }
  return {
    format: 'cost-council-rule-pack',
    version: 1,
    dimensions: DIMENSIONS.map((id) => ({ id, name: id })),
    hierarchy: ['team', 'model'],
    rules,
    pools,
  };
}

/** The pack restricted to some dimensions (their rules, pools and hierarchy levels). */
function onlyDimensions(pack: RulePack, keep: readonly string[]): RulePack {
  const hierarchy = (pack.hierarchy ?? []).filter((d) => keep.includes(d));
  return {
    ...pack,
    dimensions: pack.dimensions.filter((d) => keep.includes(d.id)),
    hierarchy: hierarchy.length > 0 ? hierarchy : [keep[0] as string],
    rules: pack.rules.filter((rule) => keep.includes(rule.dimension)),
    pools: pack.pools.filter((pool) => keep.includes(pool.dimension)),
  };
}

type Written = ReturnType<typeof writeData>;

/** Checks one dimension's summaries, billed and effective, against the exact sums of the file. */
async function expectConserved(engine: TestEngine, written: Written, dimension: string, context: string): Promise<void> {
  for (const cost of ['billed', 'effective'] as const) {
    const summaries = await engine.call('allocationSummary', { by: dimension, cost });
    const where = `${context}, ${dimension}, ${cost}`;
    expect(summaries.map((s) => s.currency).sort(), where).toEqual([...written[cost].keys()].sort());
    for (const s of summaries) {
      const expected = toCents(exactSum(written[cost].get(s.currency) ?? []));
      expect(toCents(s.total), `${where}, ${s.currency}`).toBe(expected);
      // The rows (values and unallocated) add up to the total too.
      const rows = s.rows.reduce((sum, row) => sum + Number(row.cost), 0);
      expect(Math.round(rows * 100), `${where}, ${s.currency}`).toBe(Number(expected));
    }
  }
}

describe('conservation', () => {
  it('allocated total = source total per currency and dimension, to the cent, for random rule sets and data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attr-conservation-'));
    let cases = 0;
    for (let dataset = 0; dataset < 4; dataset++) {
      const r = seeded(1000 + dataset);
      const path = join(dir, `data-${dataset}.csv`);
      const written = writeData(r, 250 + dataset * 100, path);
      const engine = await testEngine();
      expect((await importPaths(engine, [path])).committed).toBe(true);
      for (let set = 0; set < 12; set++) {
        const pack = randomPack(r);
        await engine.call('applyRulePack', { pack, mode: 'replace' });
        for (const dimension of DIMENSIONS) await expectConserved(engine, written, dimension, `dataset ${dataset}, rule set ${set}: ${JSON.stringify(pack).slice(0, 300)}`);
        cases++;
      }
    }
    expect(cases).toBe(48);
  });

  it('holds across rule-set versions and a frozen period whose rule sets have different dimensions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attr-conservation-versions-'));
    // Versions start on these days (the data spans 2026-09-01 to 2026-10-28); September 5–15 is frozen after the second.
    const starts = ['2026-09-10', '2026-09-24', '2026-10-03', '2026-10-20'];
    let checks = 0;
    for (let dataset = 0; dataset < 3; dataset++) {
      const r = seeded(2000 + dataset);
      const path = join(dir, `data-${dataset}.csv`);
      const written = writeData(r, 300, path);
      const engine = await testEngine();
      expect((await importPaths(engine, [path])).committed).toBe(true);
      const seen = new Set<string>();
      for (let step = 0; step <= starts.length; step++) {
        // Each version keeps a random, non-empty subset of the dimensions.
        const keep = DIMENSIONS.filter(() => r() < 0.5);
        if (keep.length === 0) keep.push(pick(r, DIMENSIONS));
        keep.forEach((d) => seen.add(d));
        const pack = onlyDimensions(randomPack(r), keep);
        await engine.call('applyRulePack', { pack, mode: 'replace' });
        if (step === 1) await engine.call('freezePeriod', { from: '2026-09-05', to: '2026-09-15' });
        for (const dimension of seen) {
          await expectConserved(engine, written, dimension, `dataset ${dataset}, step ${step} (${keep.join('+')}): ${JSON.stringify(pack).slice(0, 300)}`);
          checks++;
        }
        const start = starts[step];
        if (start !== undefined) await engine.call('saveRuleVersion', { label: `v${step + 2}`, effectiveFrom: start });
      }
    }
    expect(checks).toBeGreaterThan(15);
  });
});
