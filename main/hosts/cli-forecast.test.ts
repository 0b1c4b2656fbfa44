import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Anomaly, SeriesForecast } from '../../shared/forecast.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoOf, writeDailyFocus } from '../../test/support/daily-focus.js';
import { runCli, type CliIo } from './cli.js';

const DEMO = fileURLToPath(new URL('../../assets/demo.costcouncil', import.meta.url));

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', isTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('cost-council forecast', () => {
  it('prints the total’s forecast as JSON for the horizon asked', async () => {
    const io = capture();
    expect(await runCli(['forecast', '--workspace', DEMO, '--horizon', '10', '--json'], io)).toBe(0);
    const { forecasts } = JSON.parse(io.out) as { forecasts: SeriesForecast[] };
    expect(forecasts).toHaveLength(1);
    const [total] = forecasts;
    // The demo covers 2026-08-01 … 2026-10-31 (92 days).
    expect(total?.history).toHaveLength(92);
    expect(total?.forecast.map((p) => p.day)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`));
    expect(total?.forecast.every((p) => p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95)).toBe(true);
    expect(total?.backtest?.mase).not.toBeNull();
    expect(total?.projections.map((p) => p.label)).toEqual(['2026-11', '2026-Q4', '2026']);
  });

  it('prints model, intervals, month-end projection and backtest per series as text', async () => {
    const io = capture();
    expect(await runCli(['forecast', '--workspace', DEMO, '--by', 'ServiceName', '--limit', '3', '--horizon', '7'], io)).toBe(0);
    const blocks = io.out.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^ServiceName = .+\(USD, effective cost, 92 days of history\)/);
    expect(blocks[0]).toMatch(/model: [a-z-]+: lowest backtest error of 6 candidates/);
    expect(blocks[0]).toMatch(/backtest: MAPE [\d.]+%, MASE [\d.]+/);
    expect(blocks[0]).toMatch(/month-end 2026-11: [\d,.]+ \(80%: [\d,.]+ – [\d,.]+; 95%/);
    expect(blocks[0]?.match(/^ {2}2026-11-0\d /gm)).toHaveLength(7);
  });

  it('keeps the daily table readable for billions a day', async () => {
    // 60 days of about 3 billion a day: figures of 16 characters and more.
    const dir = mkdtempSync(join(tmpdir(), 'cc-cli-big-'));
    writeDailyFocus(join(dir, 'big.csv'), Array.from({ length: 60 }, (_, i) => ({ day: isoOf(20700 + i), cost: 3e9 + 1e8 * (i % 7) })));
    const workspace = join(dir, 'big.costcouncil');
    expect(await runCli(['import', join(dir, 'big.csv'), '--workspace', workspace], capture())).toBe(0);
    const io = capture();
    expect(await runCli(['forecast', '--workspace', workspace, '--horizon', '3'], io)).toBe(0);
    const rows = io.out.split('\n').filter((line) => /^ {2}\d{4}-\d\d-\d\d /.test(line));
    expect(rows).toHaveLength(3);
    // A day and five figures, each set apart by spaces.
    for (const row of rows) expect(row.trim().split(/ +/)).toHaveLength(6);
  });

  it('says what is wrong with bad options', async () => {
    const missing = capture();
    expect(await runCli(['forecast'], missing)).toBe(2);
    expect(missing.err).toMatch(/--workspace <path> is required/);
    const badBy = capture();
    expect(await runCli(['forecast', '--workspace', DEMO, '--by', 'Colour'], badBy)).toBe(1);
    // The engine's message, in the option's name the user typed (not the argument path `slice.by`).
    expect(badBy.err).toMatch(/^cost-council: --by "Colour" is not a dimension/);
    const zeroHorizon = capture();
    expect(await runCli(['forecast', '--workspace', DEMO, '--horizon', '0'], zeroHorizon)).toBe(1);
    expect(zeroHorizon.err).toBe('cost-council: --horizon must be between 1 and 366.\n');
    const badDimensions = capture();
    expect(await runCli(['anomalies', '--workspace', DEMO, '--dimensions', 'total,Colour'], badDimensions)).toBe(1);
    expect(badDimensions.err).toMatch(/^cost-council: --dimensions "Colour" is not a dimension/);
    const badSensitivity = capture();
    expect(await runCli(['anomalies', '--workspace', DEMO, '--sensitivity=-3'], badSensitivity)).toBe(1);
    expect(badSensitivity.err).toBe('cost-council: --sensitivity must be a number from 0 to 100.\n');
    const badHorizon = capture();
    expect(await runCli(['forecast', '--workspace', DEMO, '--horizon', 'soon'], badHorizon)).toBe(2);
    expect(badHorizon.err).toMatch(/--horizon: "soon" is not a number/);
    const noFile = capture();
    expect(await runCli(['forecast', '--workspace', '/nonexistent/x.costcouncil'], noFile)).toBe(1);
    expect(noFile.err).toMatch(/no such workspace file/);
  });

  it('shows the usage for `forecast --help` and `anomalies -h`', async () => {
    for (const args of [['forecast', '--help'], ['anomalies', '-h']]) {
      const io = capture();
      expect(await runCli(args, io)).toBe(0);
      expect(io.out).toMatch(/cost-council forecast --workspace <path> \[--by <dimension>\]/);
      expect(io.err).toBe('');
    }
  });

  it('says a series without a forecast has none, once', async () => {
    const io = capture();
    expect(await runCli(['forecast', '--workspace', DEMO, '--by', 'ServiceName', '--value', 'Nope'], io)).toBe(0);
    expect(io.out).toBe('ServiceName = Nope  (USD, effective cost, 0 days of history)\n  no forecast: fewer than 2 days with a cost (0).\n');
  });

  it('says why there is nothing to forecast instead of calling a workspace with costs empty', async () => {
    // The demo has USD costs only, no tag key "nokey" and nothing in EUR.
    const noKey = capture();
    expect(await runCli(['forecast', '--workspace', DEMO, '--by', 'tag:nokey'], noKey)).toBe(0);
    expect(noKey.out).toBe('No tag:nokey series has effective cost in the currency with the largest spend. The workspace has costs in USD: choose one with --currency.\n');
    const euro = capture();
    expect(await runCli(['forecast', '--workspace', DEMO, '--currency', 'eur', '--cost', 'billed'], euro)).toBe(0);
    expect(euro.out).toBe('No series has billed cost in EUR. The workspace has costs in USD: choose one with --currency.\n');
  });
});

describe('cost-council anomalies', () => {
  it('finds the demo’s Claude API spike with its root causes, as JSON', async () => {
    const io = capture();
    expect(await runCli(['anomalies', '--workspace', DEMO, '--json'], io)).toBe(0);
    const { anomalies } = JSON.parse(io.out) as { anomalies: Anomaly[] };
    const claude = anomalies.find((a) => a.series.dimension === 'ServiceName' && a.series.value === 'Claude API');
    expect(claude).toMatchObject({ day: '2026-10-14', direction: 'spike' });
    expect(claude?.impact).toBeGreaterThan(1000);
    expect(claude?.rootCauses.find((c) => c.dimension === 'SubAccountName')?.value).toBe('support-bot');
    // Ranked by amount.
    const sizes = claude?.rootCauses.map((c) => Math.abs(c.impact)) ?? [];
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('prints day, series, actual, expected, impact and causes as text; honours the settings', async () => {
    const io = capture();
    expect(await runCli(['anomalies', '--workspace', DEMO, '--dimensions', 'ServiceName'], io)).toBe(0);
    expect(io.out).toMatch(/^2026-10-14 {2}ServiceName = Claude API {2}spike: actual [\d,.]+ USD, expected [\d,.]+ \(range [\d,.]+ – [\d,.]+\), impact \+[\d,.]+ \(\+[\d.]+%\)/m);
    expect(io.out).toMatch(/root causes:\n {4}\S+ = .+: \+[\d,.]+ \(\d+% of the impact\)/);
    const drops = capture();
    expect(await runCli(['anomalies', '--workspace', DEMO, '--direction', 'drops', '--dimensions', 'ServiceName'], drops)).toBe(0);
    expect(drops.out).not.toMatch(/Claude API {2}spike/);
    // A currency the workspace has no cost in is said, not reported as a quiet period.
    const yen = capture();
    expect(await runCli(['anomalies', '--workspace', DEMO, '--currency', 'JPY'], yen)).toBe(0);
    expect(yen.out).toBe('No cost in JPY in this workspace: it has costs in USD.\n');
    const bad = capture();
    expect(await runCli(['anomalies', '--workspace', DEMO, '--direction', 'sideways'], bad)).toBe(1);
    expect(bad.err).toMatch(/direction must be "spikes", "drops" or "both"/);
  });
});
