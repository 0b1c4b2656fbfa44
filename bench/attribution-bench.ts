/**
 * The attribution part of `npm run bench`: a realistic rule set (20 rules over tags, accounts,
 * services, SKUs and AI columns, 2 pools, one fed by the other) on the benchmark file. Times the
 * first run after an import (it builds the attribution cube), a full re-run of all rules after a
 * rule change, the live preview of one rule and the reads; prints figures, asserts nothing.
 */
import { loadavg } from 'node:os';
import type { AllocationRule, ConditionGroup, RulePack, RuleValue } from '../shared/attribution.js';
import type { CallContext, EngineHandlers } from '../shared/rpc.js';
import type { Store } from '../main/engine/db/store.js';
import { recomputeAllocations } from '../main/engine/attribution/index.js';
import { defaultConfig } from '../main/engine/attribution/check-config.js';
import { measureLatency, type Latency } from './latency.js';

export interface AttributionFigures {
  rules: number;
  pools: number;
  /** The first run after the import: builds the cube, runs every rule, writes alloc_daily. */
  firstRunSeconds: number;
  /** CPU time of the first run (the process's threads; steadier than wall time on a loaded machine). */
  firstRunCpuSeconds: number;
  /** The 1-minute load average just after the first run (other processes share the cores). */
  loadAverage: number;
  /** A rule changed: every rule re-run over the cube and alloc_daily rewritten. */
  rerunSeconds: number[];
  /** The same rule set with one numeric condition (BilledCost > 100): evaluated over the lines, not the cube. */
  lineRerunSeconds: number;
  allocRows: number;
  preview: Latency;
  summary: Latency;
  explain: Latency;
}

const all = (...conditions: ConditionGroup['conditions']): ConditionGroup => ({ match: 'all', conditions });
const any = (...conditions: ConditionGroup['conditions']): ConditionGroup => ({ match: 'any', conditions });
let counter = 0;
const rule = (dimension: string, name: string, when: ConditionGroup, value: RuleValue): AllocationRule => ({
  id: `bench-${++counter}`,
  name,
  enabled: true,
  dimension,
  when,
  value,
});
const constant = (value: string): RuleValue => ({ kind: 'constant', value });

/** 20 rules and 2 pools, the kind an AI cost council writes. */
export function benchRulePack(): RulePack {
  counter = 0;
  const rules: AllocationRule[] = [
    rule('team', 'Team from the team tag', all({ column: 'tag:team', op: 'exists' }), { kind: 'column', column: 'tag:team' }),
    rule('team', 'OpenAI and Anthropic workspaces', all({ column: 'ProviderName', op: 'in', values: ['OpenAI', 'Anthropic'] }), { kind: 'column', column: 'SubAccountName' }),
    rule('team', 'Shared platform accounts', any({ column: 'SubAccountName', op: 'contains', value: 'platform' }, { column: 'SubAccountName', op: 'equals', value: 'corp-it' }), constant('platform')),
    rule('team', 'ML accounts', all({ column: 'SubAccountName', op: 'regex', value: '^(ml|research)-' }), constant('research')),
    rule('team', 'Web accounts', all({ column: 'SubAccountName', op: 'startsWith', value: 'web' }), constant('web')),
    rule('project', 'Project from the project tag', all({ column: 'tag:project', op: 'exists' }), { kind: 'column', column: 'tag:project' }),
    rule('project', 'Project from the account name', all({ column: 'SubAccountName', op: 'exists' }), { kind: 'capture', column: 'SubAccountName', pattern: '^([a-z]+)', group: 1 }),
    rule('environment', 'Environment from the tag', all({ column: 'tag:environment', op: 'exists' }), { kind: 'column', column: 'tag:environment' }),
    rule('environment', 'Production accounts', all({ column: 'SubAccountName', op: 'contains', value: 'prod' }), constant('prod')),
    rule('environment', 'Sandboxes', any({ column: 'SubAccountName', op: 'contains', value: 'sandbox', ignoreCase: true }, { column: 'SubAccountName', op: 'equals', value: 'research' }), constant('dev')),
    rule('model', 'Model from x_Model', all({ column: 'x_Model', op: 'exists' }), { kind: 'column', column: 'x_Model' }),
    rule('model', 'Model from a token SKU', all({ column: 'SkuId', op: 'regex', value: '-(input|output|cached-read|cache-write)$' }), { kind: 'capture', column: 'SkuId', pattern: '^(.+)-(?:input|output|cached-read|cache-write)$', group: 1 }),
    rule('model', 'GPU training', all({ column: 'SkuId', op: 'startsWith', value: 'gpu-' }, { column: 'x_Workload', op: 'equals', value: 'training' }), constant('training-cluster')),
    rule('model', 'GPU serving', all({ column: 'SkuId', op: 'startsWith', value: 'gpu-' }), constant('gpu-pool')),
    rule('model', 'Managed ML', all({ column: 'ServiceName', op: 'in', values: ['Amazon SageMaker', 'Azure Machine Learning', 'Vertex AI'] }), constant('managed-ml')),
    rule('cost_centre', 'Cost centre from the tag', all({ column: 'tag:cost-center', op: 'exists' }), { kind: 'column', column: 'tag:cost-center' }),
    rule('cost_centre', 'AI services', all({ column: 'ServiceCategory', op: 'equals', value: 'AI and Machine Learning' }), constant('CC-AI')),
    rule('cost_centre', 'Infrastructure', any({ column: 'ServiceCategory', op: 'in', values: ['Networking', 'Storage'] }, all({ column: 'ServiceCategory', op: 'equals', value: 'Compute' }, { column: 'RegionId', op: 'startsWith', value: 'us-' })), constant('CC-INFRA')),
    rule('cost_centre', 'Data', all({ column: 'ServiceCategory', op: 'in', values: ['Databases', 'Analytics'] }), constant('CC-DATA')),
    rule('cost_centre', 'Everything else', all(), constant('CC-OTHER')),
  ];
  return {
    format: 'cost-council-rule-pack',
    version: 1,
    name: 'Benchmark rules',
    // A new workspace's dimensions and hierarchy, with the benchmark's rules and pools.
    ...defaultConfig(),
    rules,
    pools: [
      {
        id: 'observability',
        name: 'Observability',
        enabled: true,
        dimension: 'team',
        source: { kind: 'condition', when: all({ column: 'ServiceCategory', op: 'equals', value: 'Management and Governance' }) },
        targets: [{ kind: 'pool', pool: 'platform' }, { kind: 'value', value: 'security' }],
        method: { kind: 'fixed', percentages: [80, 20] },
      },
      {
        id: 'platform',
        name: 'Shared platform',
        enabled: true,
        dimension: 'team',
        source: { kind: 'value', value: 'platform' },
        targets: ['search', 'research', 'web', 'data', 'mobile'].map((value) => ({ kind: 'value' as const, value })),
        method: { kind: 'proportional' },
      },
    ],
  };
}

export async function benchAttribution(handlers: EngineHandlers, store: () => Store, ctx: CallContext, runs: number): Promise<AttributionFigures> {
  const pack = benchRulePack();
  await handlers.applyRulePack({ pack, mode: 'replace' }, ctx);
  const time = (job: () => void): number => {
    const start = performance.now();
    job();
    return (performance.now() - start) / 1000;
  };
  const cpuBefore = process.cpuUsage();
  const firstRunSeconds = time(() => recomputeAllocations(store()));
  const cpu = process.cpuUsage(cpuBefore);
  const firstRunCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const loadAverage = loadavg()[0] ?? NaN;
  const rerunSeconds: number[] = [];
  for (let i = 0; i < 3; i++) {
    // A rule edit (its name) makes the stored result stale; the next read re-runs every rule.
    const first = pack.rules[0] as AllocationRule;
    await handlers.saveRule({ rule: { ...first, name: `${first.name} (${i})` } }, ctx);
    const start = performance.now();
    await handlers.allocationSummary({ by: 'team' }, ctx);
    rerunSeconds.push((performance.now() - start) / 1000);
  }
  const allocRows = Number(store().scalar('SELECT COUNT(*) FROM alloc_daily'));
  const candidate: AllocationRule = {
    id: 'bench-preview',
    name: 'Claude is the code assistant',
    enabled: true,
    dimension: 'team',
    when: all({ column: 'x_Model', op: 'startsWith', value: 'claude' }, { column: 'tag:environment', op: 'in', values: ['prod', 'staging'] }),
    value: constant('code-assistant'),
  };
  const preview = await measureLatency(() => handlers.previewRule({ rule: candidate, position: 0 }, ctx), runs);
  const summary = await measureLatency(() => handlers.allocationSummary({ by: 'team' }, ctx), runs);
  const explain = await measureLatency(() => handlers.explainAllocation({ dimension: 'team', value: 'search', rowLimit: 20 }, ctx), Math.min(runs, 5));
  const numeric: AllocationRule = { ...(pack.rules[1] as AllocationRule), when: all({ column: 'ProviderName', op: 'in', values: ['OpenAI', 'Anthropic'] }, { column: 'BilledCost', op: '>', number: 100 }) };
  await handlers.saveRule({ rule: numeric }, ctx);
  const lineRerunSeconds = time(() => recomputeAllocations(store()));
  return { rules: pack.rules.length, pools: pack.pools.length, firstRunSeconds, firstRunCpuSeconds, loadAverage, rerunSeconds, lineRerunSeconds, allocRows, preview, summary, explain };
}
