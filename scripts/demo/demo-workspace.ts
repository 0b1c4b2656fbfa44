/**
 * The demo workspace: the demo CSV imported by the real engine (Node host), exported as one
 * SQLite file. The clock is fixed, so the import time stored in the workspace, and with it the
 * whole file, is the same on every run.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RulePack } from '../../shared/attribution.js';
import type { SourceReport } from '../../shared/model.js';
import { createEngine, type EngineDeps } from '../../main/engine/index.js';
import { nodeEngineDeps } from '../../main/hosts/node-host.js';
import { DEMO_FILE_NAME, DEMO_SEED, demoCsv } from './demo-data.js';
import { inProcessContext } from './engine-context.js';
import { DEMO_BUDGETS } from './demo-budgets.js';

/** 2026-11-01 08:00 UTC: the morning after the demo period, recorded as the import time. */
export const DEMO_CLOCK_MS = Date.UTC(2026, 10, 1, 8, 0, 0);

/** The demo's attribution rules (also an example rule pack, see docs/rule-packs.md). */
export const DEMO_RULES_PATH = new URL('../../assets/demo-rules.json', import.meta.url);

export interface DemoWorkspace {
  bytes: Uint8Array;
  report: SourceReport;
}

/** Engine dependencies for reproducible output: the Node host's, with a fixed clock. */
export async function fixedClockDeps(nowMs: number = DEMO_CLOCK_MS): Promise<EngineDeps> {
  return { ...(await nodeEngineDeps()), now: () => nowMs };
}

export async function buildDemoWorkspace(seed: number = DEMO_SEED): Promise<DemoWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'cost-council-demo-'));
  const engine = createEngine(await fixedClockDeps());
  try {
    const path = join(dir, DEMO_FILE_NAME);
    await writeFile(path, demoCsv(seed));
    const ctx = inProcessContext();
    const result = await engine.handlers.importFiles({ files: [{ kind: 'path', path, name: DEMO_FILE_NAME }] }, ctx);
    const report = result.sources[0];
    if (!result.committed || !report || report.status !== 'imported' || report.rowsRejected > 0) {
      const reasons = report ? [report.message ?? '', ...report.errors.slice(0, 5).map((e) => e.message)].join('\n') : 'no report';
      throw new Error(`the demo file did not import cleanly:\n${reasons}`);
    }
    for (const budget of DEMO_BUDGETS) await engine.handlers.saveBudget(budget, ctx);
    const pack = JSON.parse(await readFile(DEMO_RULES_PATH, 'utf8')) as RulePack;
    await engine.handlers.applyRulePack({ pack, mode: 'replace' }, ctx);
    const { bytes } = await engine.handlers.exportWorkspace({}, ctx);
    return { bytes, report };
  } finally {
    engine.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}
