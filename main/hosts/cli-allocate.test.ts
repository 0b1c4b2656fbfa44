/**
 * `cost-council allocate` on real files: a workspace built from test/fixtures/attribution/ai-spend.csv
 * by the import command, the rule pack test/fixtures/attribution/rules.json. Figures worked out by
 * hand in main/engine/attribution/allocation.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/support/engine.js';
import { runCli, type CliIo } from './cli.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/cost-council.mjs', import.meta.url).pathname;
const RULES = fixture('attribution/rules.json');

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

async function workspace(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'cc-allocate-')), 'ai.costcouncil');
  expect(await runCli(['import', fixture('attribution/ai-spend.csv'), '--workspace', path], capture())).toBe(0);
  return path;
}

describe('cost-council allocate', () => {
  it('prints one JSON object per currency with the documented shape, unallocated included', async () => {
    const path = await workspace();
    const io = capture();
    expect(await runCli(['allocate', '--workspace', path, '--rules', RULES, '--by', 'team', '--json'], io)).toBe(0);
    const lines = io.out.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      {
        dimension: 'team',
        currency: 'USD',
        total: '685.000000',
        coverage: 1,
        rows: [
          { value: 'search', cost: '529.300000' },
          { value: 'research', cost: '135.700000' },
          { value: 'helpdesk', cost: '20.000000' },
          { value: 'unallocated', cost: '0.000000' },
        ],
      },
      {
        dimension: 'team',
        currency: 'EUR',
        total: '20.000000',
        coverage: 1,
        rows: [
          { value: 'helpdesk', cost: '12.340000' },
          { value: 'research', cost: '3.830000' },
          { value: 'search', cost: '3.830000' },
          { value: 'unallocated', cost: '0.000000' },
        ],
      },
    ]);
  });

  it('applies --rules for the run only: the workspace keeps its rules (and bytes) unless --save', async () => {
    const path = await workspace();
    const before = readFileSync(path);
    await runCli(['allocate', '--workspace', path, '--rules', RULES, '--by', 'model', '--json'], capture());
    expect(readFileSync(path).equals(before)).toBe(true);
    // Without rules the default dimensions have no rules: everything is unallocated.
    const plain = capture();
    expect(await runCli(['allocate', '--workspace', path, '--by', 'team', '--json', '--currency', 'USD'], plain)).toBe(0);
    expect(JSON.parse(plain.out)).toMatchObject({ coverage: 0, rows: [{ value: 'unallocated', cost: '685.000000' }] });
    expect(await runCli(['allocate', '--workspace', path, '--rules', RULES, '--save', '--by', 'team'], capture())).toBe(0);
    const saved = capture();
    expect(await runCli(['allocate', '--workspace', path, '--by', 'model', '--json', '--currency', 'USD'], saved)).toBe(0);
    // Models (hand-computed): claude 75, gpt-4o 50, llama 20, titan 5, unallocated 535 of 685.
    const model = JSON.parse(saved.out) as { coverage: number; rows: Array<{ value: string; cost: string }> };
    expect(model.rows).toEqual([
      { value: 'anthropic.claude-sonnet-4', cost: '75.000000' },
      { value: 'gpt-4o', cost: '50.000000' },
      { value: 'meta.llama3-70b', cost: '20.000000' },
      { value: 'titan-embed', cost: '5.000000' },
      { value: 'unallocated', cost: '535.000000' },
    ]);
    expect(model.coverage).toBeCloseTo(150 / 685, 12);
  });

  it('breaks down by a FOCUS column or a tag, billed cost on request', async () => {
    const path = await workspace();
    const io = capture();
    expect(await runCli(['allocate', '--workspace', path, '--by', 'ServiceName', '--json', '--currency', 'EUR', '--cost', 'billed'], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({
      dimension: 'ServiceName',
      currency: 'EUR',
      total: '20.000000',
      coverage: 1,
      rows: [
        { value: 'Azure OpenAI', cost: '12.340000' },
        { value: 'Storage Accounts', cost: '7.660000' },
        { value: 'unallocated', cost: '0.000000' },
      ],
    });
    const tag = capture();
    expect(await runCli(['allocate', '--workspace', path, '--by', 'tag:project', '--json', '--currency', 'USD'], tag)).toBe(0);
    // ranker 30 + 300 + 45, pretraining 100; 210 without the tag.
    expect(JSON.parse(tag.out)).toMatchObject({ total: '685.000000', rows: [{ value: 'ranker', cost: '375.000000' }, { value: 'pretraining', cost: '100.000000' }, { value: 'unallocated', cost: '210.000000' }] });
  });

  it('prints a readable table through the real binary', async () => {
    const path = await workspace();
    const { stdout } = await run(process.execPath, [BIN, 'allocate', '--workspace', path, '--rules', RULES, '--by', 'team', '--currency', 'USD']);
    expect(stdout).toContain('team — effective cost in USD: total 685.000000, coverage 100.0%');
    expect(stdout).toMatch(/search\s+529\.300000\s+77\.3%/);
    expect(stdout).toMatch(/unallocated\s+0\.000000/);
  });

  it('says what is wrong: missing options, no workspace, a bad pack, an unknown dimension', async () => {
    const path = await workspace();
    const missing = capture();
    expect(await runCli(['allocate', '--workspace', path], missing)).toBe(2);
    expect(missing.err).toContain('--by <dimension> is required');
    const none = capture();
    expect(await runCli(['allocate', '--workspace', join(tmpdir(), 'no-such.costcouncil'), '--by', 'team'], none)).toBe(1);
    expect(none.err).toContain('there is no workspace at');
    const badPack = capture();
    expect(await runCli(['allocate', '--workspace', path, '--rules', fixture('attribution/ai-spend.csv'), '--by', 'team'], badPack)).toBe(1);
    expect(badPack.err).toContain('cannot read the rule pack');
    const unknown = capture();
    expect(await runCli(['allocate', '--workspace', path, '--by', 'department'], unknown)).toBe(1);
    expect(unknown.err).toContain('"department" is not an allocated dimension');
  });
});
