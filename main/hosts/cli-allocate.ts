/**
 * `cost-council allocate`: allocated totals of a workspace by a dimension, per currency, with
 * coverage. A rule pack given with --rules replaces the workspace's rules for this run only; the
 * workspace file is written back only with --save.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AllocationSummary, CostKind, RulePack } from '../../shared/attribution.js';
import { EngineError, type CallContext } from '../../shared/rpc.js';
import { createEngine } from '../engine/index.js';
import { writeFileAtomic } from './atomic-write.js';
import type { CliIo } from './cli.js';
import { nodeEngineDeps } from './node-host.js';

export const ALLOCATE_USAGE = `  cost-council allocate --workspace <path> --by <dimension> [--rules <pack.json>] [--save]
                        [--json] [--cost billed|effective] [--currency <code>] [--from <day>] [--to <day>]`;

export const ALLOCATE_HELP = `  allocate Allocated cost by a dimension (a rule-set dimension such as team, a FOCUS
           column such as ServiceName, or tag:<key>), per currency, with coverage and the
           unallocated rest. --rules applies a rule pack (docs/rule-packs.md) for this run
           only; add --save to keep it in the workspace. --json prints one JSON object per
           currency, one per line (largest spend first). Effective cost unless --cost billed.`;

/** The label of the unallocated bucket in the CLI's output. */
export const UNALLOCATED = 'unallocated';

const context: CallContext = { requestId: 1, cancelled: false, emit: () => undefined };

export async function allocateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' },
      by: { type: 'string' },
      rules: { type: 'string' },
      save: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      cost: { type: 'string' },
      currency: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const usage = (message: string): number => {
    io.stderr(`cost-council allocate: ${message}\n\nUsage:\n${ALLOCATE_USAGE}\n`);
    return 2;
  };
  if (!values.workspace) return usage('--workspace <path> is required.');
  if (!values.by) return usage('--by <dimension> is required (e.g. team, ServiceName or tag:team).');
  if (values.cost !== undefined && values.cost !== 'billed' && values.cost !== 'effective') return usage('--cost must be "billed" or "effective".');
  if (values.save && !values.rules) return usage('--save keeps the rules of --rules; give --rules <pack.json>.');
  if (!existsSync(values.workspace)) {
    io.stderr(`cost-council allocate: there is no workspace at ${values.workspace}.\n`);
    return 1;
  }
  let pack: RulePack | undefined;
  if (values.rules) {
    try {
      pack = JSON.parse(await readFile(values.rules, 'utf8')) as RulePack;
    } catch (error) {
      io.stderr(`cost-council allocate: cannot read the rule pack ${values.rules}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  const engine = createEngine(await nodeEngineDeps(), new Uint8Array(await readFile(values.workspace)));
  try {
    if (pack) await engine.handlers.applyRulePack({ pack, mode: 'replace' }, context);
    const cost = (values.cost ?? 'effective') as CostKind;
    const summaries = await engine.handlers.allocationSummary(
      {
        by: values.by,
        cost,
        ...(values.currency ? { currency: values.currency } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      },
      context,
    );
    if (values.json) for (const s of summaries) io.stdout(`${JSON.stringify(jsonSummary(s))}\n`);
    else io.stdout(textSummaries(summaries, cost));
    if (values.save) await writeFileAtomic(values.workspace, (await engine.handlers.exportWorkspace({}, context)).bytes);
    return 0;
  } catch (error) {
    if (error instanceof EngineError) {
      io.stderr(`cost-council allocate: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    engine.dispose();
  }
}

/** Rows with the unallocated bucket always present (zero when everything is allocated), named "unallocated". */
function rowsOf(summary: AllocationSummary): Array<{ value: string; cost: string }> {
  const rows = summary.rows.filter((r) => r.value !== null).map((r) => ({ value: r.value as string, cost: r.cost }));
  const unallocated = summary.rows.find((r) => r.value === null)?.cost ?? '0.000000';
  return [...rows, { value: UNALLOCATED, cost: unallocated }];
}

/** The documented shape (issue #4): {"dimension","currency","total","coverage","rows":[{"value","cost"}]}. */
function jsonSummary(summary: AllocationSummary): unknown {
  return { dimension: summary.dimension, currency: summary.currency, total: summary.total, coverage: summary.coverage, rows: rowsOf(summary) };
}

function textSummaries(summaries: readonly AllocationSummary[], cost: CostKind): string {
  if (summaries.length === 0) return 'No costs in the workspace (or the period).\n';
  const blocks = summaries.map((s) => {
    const rows = rowsOf(s);
    const width = Math.max(...rows.map((r) => r.value.length), 5);
    const amountWidth = Math.max(...rows.map((r) => r.cost.length), s.total.length);
    const share = (value: string): string => (Number(s.total) === 0 ? '' : `  ${((100 * Number(value)) / Number(s.total)).toFixed(1).padStart(6)}%`);
    return [
      `${s.dimension} — ${cost} cost in ${s.currency}: total ${s.total}, coverage ${(100 * s.coverage).toFixed(1)}%`,
      ...rows.map((r) => `  ${r.value.padEnd(width)}  ${r.cost.padStart(amountWidth)}${share(r.cost)}`),
    ].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
