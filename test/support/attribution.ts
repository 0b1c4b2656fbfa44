/** Test helpers for attribution: the hand-made fixture with its rule pack, summaries as plain records. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { AllocationSummary, RulePack } from '../../shared/attribution.js';
import { fixture, importPaths, testEngine, type TestEngine } from './engine.js';

/** test/fixtures/attribution/rules.json: teams, projects and models for ai-spend.csv, two pools. */
export const AI_RULES = JSON.parse(readFileSync(fixture('attribution/rules.json'), 'utf8')) as RulePack;

/** A workspace with test/fixtures/attribution/ai-spend.csv and the pack applied (replacing the defaults). */
export async function engineWithPack(pack: RulePack = AI_RULES): Promise<TestEngine> {
  const engine = await testEngine();
  const report = await importPaths(engine, [fixture('attribution/ai-spend.csv')]);
  expect(report.committed).toBe(true);
  await engine.call('applyRulePack', { pack, mode: 'replace' });
  return engine;
}

/** value (or "(unallocated)") → cost text. */
export function costs(summary: AllocationSummary | undefined): Record<string, string> {
  return Object.fromEntries((summary?.rows ?? []).map((r) => [r.value ?? '(unallocated)', r.cost]));
}
