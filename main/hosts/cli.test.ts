import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/support/engine.js';
import { runCli, type CliIo } from './cli.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/cost-council.mjs', import.meta.url).pathname;

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const scratch = () => mkdtempSync(join(tmpdir(), 'cc-cli-'));
const good = fixture('focus/awkward/negative-credits.csv');

describe('cost-council import', () => {
  it('prints exactly one JSON object with the documented shape', async () => {
    const io = capture();
    expect(await runCli(['import', good, fixture('focus/awkward/two-currencies.csv'), '--json'], io)).toBe(0);
    const report = JSON.parse(io.out) as { sources: Array<Record<string, unknown>> };
    expect(io.out.trim().split('\n')).toHaveLength(1);
    expect(report.sources[0]).toMatchObject({
      file: 'negative-credits.csv', format: 'focus-1.0', rowsRead: 3, rowsImported: 3, rowsRejected: 0, errors: [],
      totals: { USD: { billedCost: '74.490000', effectiveCost: '74.490000' } },
      period: { start: '2026-09-01T00:00:00Z', end: '2026-09-04T00:00:00Z' },
    });
    expect(report.sources[1]?.totals).toEqual({ USD: { billedCost: '11.000000', effectiveCost: '10.000000' }, EUR: { billedCost: '20.000000', effectiveCost: '18.000000' } });
  });

  it('creates the workspace, adds to it, and skips a re-import', async () => {
    const workspace = join(scratch(), 'team.costcouncil');
    expect(await runCli(['import', good, '--workspace', workspace], capture())).toBe(0);
    expect(existsSync(workspace)).toBe(true);
    expect(await runCli(['import', fixture('focus/e2e/ai-services-sample.csv'), '--workspace', workspace], capture())).toBe(0);
    const again = capture();
    expect(await runCli(['import', good, '--workspace', workspace, '--json'], again)).toBe(0);
    expect(JSON.parse(again.out).sources[0].status).toBe('duplicate');
  });

  it('a refused file: message on stderr naming file and reason, exit 1, workspace byte-for-byte unchanged', async () => {
    const workspace = join(scratch(), 'team.costcouncil');
    await runCli(['import', good, '--workspace', workspace], capture());
    const before = readFileSync(workspace);
    const io = capture();
    expect(await runCli(['import', fixture('focus/awkward/bom-crlf.csv'), fixture('focus/awkward/missing-mandatory.csv'), '--workspace', workspace, '--json'], io)).toBe(1);
    expect(io.err).toContain('missing-mandatory.csv looks like a FOCUS file (focus-1.0) but lacks 2 required columns: BillingCurrency, ServiceName.');
    expect(io.err).toContain(`${workspace} is unchanged`);
    expect(JSON.parse(io.out).committed).toBe(false);
    expect(readFileSync(workspace).equals(before)).toBe(true);
  });

  it('rejected rows fail the import unless --accept-partial; then the readable rows are imported', async () => {
    const workspace = join(scratch(), 'w.costcouncil');
    const truncated = fixture('focus/awkward/truncated-last-line.csv');
    const refused = capture();
    expect(await runCli(['import', truncated, '--workspace', workspace], refused)).toBe(1);
    expect(refused.err).toMatch(/Row 4 has \d+ fields/);
    expect(refused.err).toContain('--accept-partial');
    expect(existsSync(workspace)).toBe(false);
    const accepted = capture();
    expect(await runCli(['import', truncated, '--workspace', workspace, '--accept-partial', '--json'], accepted)).toBe(0);
    expect(JSON.parse(accepted.out).sources[0]).toMatchObject({ rowsImported: 2, rowsRejected: 1, errors: [{ row: 4 }] });
  });

  it('never modifies the source file', async () => {
    const dir = scratch();
    const copy = join(dir, 'bill.csv');
    copyFileSync(good, copy);
    const before = readFileSync(copy);
    await runCli(['import', copy, '--workspace', join(dir, 'w.costcouncil')], capture());
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('a workspace path that is not a workspace is refused and left alone', async () => {
    const dir = scratch();
    const notWorkspace = join(dir, 'notes.costcouncil');
    writeFileSync(notWorkspace, 'hello');
    const io = capture();
    expect(await runCli(['import', good, '--workspace', notWorkspace], io)).toBe(1);
    expect(io.err).toMatch(/not a Cost Council workspace/);
    expect(readFileSync(notWorkspace, 'utf8')).toBe('hello');
  });

  it('runs as the installed command (bin) with usage errors and exit codes', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'import', good, '--json']);
    expect(JSON.parse(stdout).sources[0].format).toBe('focus-1.0');
    await expect(run(process.execPath, [BIN, 'import', fixture('focus/awkward/missing-mandatory.csv')])).rejects.toMatchObject({ code: 1 });
    await expect(run(process.execPath, [BIN, 'frobnicate'])).rejects.toMatchObject({ code: 2 });
  });
});

describe('cost-council import of a re-export', () => {
  it('refuses without a decision, then replaces the older file with --replace-overlapping', async () => {
    const workspace = join(scratch(), 'w.costcouncil');
    expect(await runCli(['import', fixture('focus/overlap/acct111-sep-first-export.csv'), '--workspace', workspace], capture())).toBe(0);
    const before = readFileSync(workspace);
    const held = capture();
    expect(await runCli(['import', fixture('focus/overlap/acct111-sep-reexport.csv'), '--workspace', workspace], held)).toBe(1);
    expect(held.err).toContain('covers the same account and period as acct111-sep-first-export.csv');
    expect(held.err).toContain('--replace-overlapping');
    expect(readFileSync(workspace).equals(before)).toBe(true);
    const replaced = capture();
    expect(await runCli(['import', fixture('focus/overlap/acct111-sep-reexport.csv'), '--workspace', workspace, '--replace-overlapping', '--json'], replaced)).toBe(0);
    expect(JSON.parse(replaced.out).sources[0].overlaps[0].file).toBe('acct111-sep-first-export.csv');
  });
});
