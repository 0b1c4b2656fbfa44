/**
 * `npm run bench -- --budgets`: how well the budget breach probability is calibrated. For many
 * series and forecast origins inside a month, the period-end total's distribution (budgets/breach.ts)
 * is built from the daily forecast made at the origin and compared with the month's real total:
 * how often the 80% / 95% intervals hold it, for several day-to-day correlations ρ, beside the
 * forecast's own month projection; and, for a budget of 1.05 × the previous month, how the breach
 * probabilities compare with what happened (Brier score, reliability by bin).
 * Cases: bench/month-end-cases.ts. Synthetic series: test/support/synthetic-series.ts, seeds
 * `seed × 100,000 + 70,000 + i` (series the forecast models were not tuned on); demo: the total,
 * provider and service series of October.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../main/engine/index.js';
import { breachProbability, CORRELATION, normalCdf, periodEndTotal, Z80, Z95 } from '../main/engine/budgets/breach.js';
import { nodeEngineDeps } from '../main/hosts/node-host.js';
import { JAN_1_2025, syntheticSeries } from '../test/support/synthetic-series.js';
import { BUDGET_FACTOR, demoMonthEndCases, monthEndCases, ORIGIN_DAYS, projectionCoverage, type MonthEndCase } from './month-end-cases.js';
import { fmt, formatTable } from './text-table.js';

const DEMO = fileURLToPath(new URL('../assets/demo.costcouncil', import.meta.url));
const SERIES = 300;
const RHOS = [0, 0.1, 0.15, 0.2, 0.25, 0.5, 1];
function coverage(cases: readonly MonthEndCase[], rho: number): { in80: number; in95: number; brier: number; budgets: number } {
  let in80 = 0;
  let in95 = 0;
  let brier = 0;
  let budgets = 0;
  for (const c of cases) {
    const total = periodEndTotal(c.actualToDate, c.points, rho);
    const z = total.sd > 0 ? (c.truth - total.mean) / total.sd : c.truth === total.mean ? 0 : Infinity;
    if (Math.abs(z) <= Z80) in80++;
    if (Math.abs(z) <= Z95) in95++;
    if (c.amount !== null) {
      const p = breachProbability(total, c.amount);
      brier += (p - (c.truth > c.amount ? 1 : 0)) ** 2;
      budgets++;
    }
  }
  return { in80: in80 / cases.length, in95: in95 / cases.length, brier: budgets === 0 ? NaN : brier / budgets, budgets };
}

/** Predicted breach probability by bin against the share of budgets actually breached. */
function reliability(cases: readonly MonthEndCase[], rho: number): string[][] {
  const bins = [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0000001];
  const rows: string[][] = [];
  for (let b = 0; b + 1 < bins.length; b++) {
    const lo = bins[b] as number;
    const hi = bins[b + 1] as number;
    let n = 0;
    let predicted = 0;
    let breached = 0;
    for (const c of cases) {
      if (c.amount === null) continue;
      const p = breachProbability(periodEndTotal(c.actualToDate, c.points, rho), c.amount);
      if (p < lo || p >= hi) continue;
      n++;
      predicted += p;
      if (c.truth > c.amount) breached++;
    }
    rows.push([`${fmt(lo, 1)}–${fmt(Math.min(hi, 1), 1)}`, fmt(n), n ? fmt(predicted / n, 3) : '–', n ? fmt(breached / n, 3) : '–']);
  }
  return rows;
}

async function demoCases(): Promise<MonthEndCase[]> {
  const engine = createEngine(await nodeEngineDeps(), new Uint8Array(await readFile(DEMO)));
  const cases = demoMonthEndCases(engine.store(), ['total', 'ProviderName', 'ServiceName']);
  engine.dispose();
  return cases;
}

export async function budgetBench(seed: number): Promise<string> {
  const started = performance.now();
  const synthetic: MonthEndCase[] = [];
  for (let i = 0; i < SERIES; i++) {
    // 2025-01-01 … 2026-04-30 (485 days): the months from May 2025 on are judged.
    const s = syntheticSeries(seed * 100_000 + 70_000 + i, { length: 485, firstDay: JAN_1_2025 });
    synthetic.push(...monthEndCases(s.values, s.firstDay, 120));
  }
  const demo = await demoCases();
  const seconds = (performance.now() - started) / 1000;
  const out: string[] = [];
  const rows: string[][] = [];
  for (const [name, cases] of [['synthetic', synthetic], ['demo', demo]] as const) {
    for (const rho of RHOS) {
      const c = coverage(cases, rho);
      rows.push([name, fmt(cases.length), `ρ = ${rho}`, `${fmt(100 * c.in80, 1)}%`, `${fmt(100 * c.in95, 1)}%`, Number.isNaN(c.brier) ? '–' : fmt(c.brier, 4)]);
    }
    const p = projectionCoverage(cases);
    rows.push([name, fmt(cases.length), 'forecast month projection', `${fmt(100 * p.in80, 1)}%`, `${fmt(100 * p.in95, 1)}%`, '–']);
  }
  out.push(
    `\nMonth-end totals: how often the intervals of the period-end distribution hold the real total (target 80% and 95%), ` +
      `and the Brier score of the breach probability for a budget of ${BUDGET_FACTOR} × the previous month (lower is better)\n` +
      formatTable(['series set', 'cases', 'method', '80% coverage', '95% coverage', 'Brier'], rows) +
      `cases: forecasts made on days ${ORIGIN_DAYS.join(', ')} of each month (${SERIES} synthetic series, months May 2025 – Apr 2026; demo: October 2026)\n`,
  );
  out.push(
    `\nReliability of the breach probability (synthetic, ρ = ${CORRELATION}, the engine's): predicted vs breached\n` +
      formatTable(['predicted P', 'budgets', 'mean predicted', 'share breached'], reliability(synthetic, CORRELATION)),
  );
  out.push(`\n(${fmt(synthetic.length + demo.length)} forecasts in ${fmt(seconds, 1)} s; Φ check: Φ(1.96) = ${fmt(normalCdf(1.96), 4)})\n`);
  return out.join('');
}
