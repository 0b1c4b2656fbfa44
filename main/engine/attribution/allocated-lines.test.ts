/**
 * Allocated lines on the hand-made fixture (ai-spend.csv, rules.json): each line's part of an
 * allocated value, by hand for a pooled day, and adding up to `alloc_daily` for every figure.
 */
import { describe, expect, it } from 'vitest';
import type { AllocationRule } from '../../../shared/attribution.js';
import { engineWithPack } from '../../../test/support/attribution.js';
import type { TestEngine } from '../../../test/support/engine.js';
import { dayFromIso } from '../import/values.js';
import { ensureAllocations } from './materialise.js';
import { readAllocatedLines, type AllocatedLine, type AllocatedLinesQuery } from './allocated-lines.js';

const SERVICE = '(SELECT value FROM dict WHERE id = "ServiceName")';

function day(iso: string): number {
  return dayFromIso(iso) as number;
}

function linesOf(engine: TestEngine, query: AllocatedLinesQuery): AllocatedLine[] {
  const lines: AllocatedLine[] = [];
  readAllocatedLines(engine.store(), query, (line) => lines.push(line));
  return lines;
}

/** [service, amount rounded to 1e-9] sorted by service (code points), for readable expectations. */
function byService(lines: readonly AllocatedLine[]): Array<[string, number]> {
  return lines.map((l): [string, number] => [String(l.columns[0]), Math.round(l.amount * 1e9) / 1e9]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('readAllocatedLines', () => {
  it("gives each line its value's part: pooled lines at the pool's share that day, through a pool of pools", async () => {
    const engine = await engineWithPack();
    const base = { dimension: 'team', currency: 'USD', days: [day('2026-09-03')], cost: 'effective' as const, columns: [SERVICE] };
    // 2026-09-03 has S3 60 (team tag shared-platform: the shared-platform pool) and AWS Support 40
    // (the support pool: 50% helpdesk, 50% into shared platform). Shared platform splits September by
    // direct cost: search 30 + 300 + 50 + 5 = 385, research 20 + 100 − 5 = 115, so 77% / 23%.
    expect(byService(linesOf(engine, { ...base, value: 'search' }))).toEqual([
      ['AWS Support', 15.4], // 40 × 50% × 77%
      ['Amazon Simple Storage Service', 46.2], // 60 × 77%
    ]);
    expect(byService(linesOf(engine, { ...base, value: 'research' }))).toEqual([
      ['AWS Support', 4.6], // 40 × 50% × 23%
      ['Amazon Simple Storage Service', 13.8], // 60 × 23%
    ]);
    expect(byService(linesOf(engine, { ...base, value: 'helpdesk' }))).toEqual([['AWS Support', 20]]);
    // The pools took both lines: nothing of that day is unallocated in team.
    expect(linesOf(engine, { ...base, value: null })).toEqual([]);
    // Rule matches count whole: 2026-09-02's two EC2 lines (research 100, search 300).
    expect(byService(linesOf(engine, { ...base, value: 'search', days: [day('2026-09-02')] }))).toEqual([['Amazon Elastic Compute Cloud', 300]]);
  });

  it('hands back the fractions of other allocated dimensions beside each line', async () => {
    const engine = await engineWithPack();
    const lines = linesOf(engine, { dimension: 'team', value: 'search', currency: 'USD', days: [day('2026-09-01'), day('2026-09-02')], cost: 'effective', columns: [SERVICE], alongside: ['project', 'model'] });
    // search on 1–2 Sep: Bedrock 30 (project ranker, model from the SKU) and EC2 300 (project ranker, no model rule).
    expect(lines.map((l) => [String(l.columns[0]), l.amount, l.alongside]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['Amazon Bedrock', 30, [[['ranker', 1]], [['anthropic.claude-sonnet-4', 1]]]],
      ['Amazon Elastic Compute Cloud', 300, [[['ranker', 1]], [[null, 1]]]],
    ]);
  });

  it("adds up to alloc_daily for every value, currency and day of every dimension", async () => {
    const engine = await engineWithPack();
    const store = engine.store();
    ensureAllocations(store);
    const rows = store.all<{ dimension: string; value: string | null; currency: string; day: number; effective: number; billed: number }>(
      'SELECT dimension, value, currency, day, effective, billed FROM alloc_daily',
    );
    expect(rows.length).toBeGreaterThan(20);
    const allDays = [...new Set(rows.map((r) => r.day))];
    for (const cost of ['effective', 'billed'] as const) {
      // One call per figure's value over all days, summed per day here.
      const groups = new Map<string, typeof rows>();
      for (const r of rows) groups.set(JSON.stringify([r.dimension, r.value, r.currency]), [...(groups.get(JSON.stringify([r.dimension, r.value, r.currency])) ?? []), r]);
      for (const [key, figures] of groups) {
        const [dimension, value, currency] = JSON.parse(key) as [string, string | null, string];
        const perDay = new Map<number, number>();
        readAllocatedLines(store, { dimension, value, currency, days: allDays, cost, alongside: ['team', 'project', 'model'] }, (line) => {
          perDay.set(line.day, (perDay.get(line.day) ?? 0) + line.amount);
          // Another dimension's fractions place the whole line.
          for (const fractions of line.alongside) expect(fractions.reduce((s, [, f]) => s + f, 0)).toBeCloseTo(1, 12);
        });
        for (const figure of figures) {
          expect(Math.round((perDay.get(figure.day) ?? 0) * 100), `${key} day ${figure.day} ${cost}`).toBe(Math.round(figure[cost] * 100));
        }
        // No part lands on a day alloc_daily has nothing for.
        for (const [d, amount] of perDay) if (!figures.some((f) => f.day === d)) expect(Math.round(amount * 100)).toBe(0);
      }
    }
  });

  it('follows the rule-set version in force on each day', async () => {
    const engine = await engineWithPack();
    const bedrockToResearch: AllocationRule = {
      id: 'bedrock-to-research',
      name: 'Bedrock is research',
      enabled: true,
      dimension: 'team',
      when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'equals', value: 'Amazon Bedrock' }] },
      value: { kind: 'constant', value: 'research' },
    };
    await engine.call('saveRuleVersion', { label: 'Q4', effectiveFrom: '2026-10-01' });
    await engine.call('saveRule', { rule: bedrockToResearch, position: 0 });
    const base = { dimension: 'team', currency: 'USD', days: [day('2026-09-01'), day('2026-10-01')], cost: 'effective' as const, columns: [SERVICE] };
    // 1 Sep (first version): the Bedrock 30 tagged search stays search's. 1 Oct (second): Bedrock 45
    // is research's, and so is all of shared platform's S3 30 (October direct cost: research 45, search 0).
    expect(linesOf(engine, { ...base, value: 'search' }).map((l) => [l.day, String(l.columns[0]), l.amount])).toEqual([[day('2026-09-01'), 'Amazon Bedrock', 30]]);
    expect(linesOf(engine, { ...base, value: 'research', days: [day('2026-10-01')] }).map((l) => [String(l.columns[0]), l.amount]).sort()).toEqual([
      ['Amazon Bedrock', 45],
      ['Amazon Simple Storage Service', 30],
    ]);
  });

  it('reads nothing for a currency or days without lines', async () => {
    const engine = await engineWithPack();
    expect(linesOf(engine, { dimension: 'team', value: 'search', currency: 'JPY', days: [day('2026-09-01')], cost: 'effective' })).toEqual([]);
    expect(linesOf(engine, { dimension: 'team', value: 'search', currency: 'USD', days: [], cost: 'effective' })).toEqual([]);
  });
});
