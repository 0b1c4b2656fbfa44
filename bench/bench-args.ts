/** The command line of `npm run bench`. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Row counts to benchmark, ascending. */
  rows: number[];
  /** Timed runs of each query, after one warm-up. */
  runs: number;
  seed: number;
  /** Also time the sqlite3 shell's `.import`, when it is on PATH. */
  sqlite: boolean;
  /** Generate the files again even when they exist. */
  regenerate: boolean;
  /** Import worker threads (0: the engine converts in its own thread); null: the Node host's default. */
  workers: number | null;
  /** Run the forecast and anomaly bench instead of the import bench. */
  forecast: boolean;
  /** Run the budget breach-probability calibration bench instead of the import bench. */
  budgets: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--rows 100k,1M] [--runs 20] [--seed 42] [--workers N] [--no-sqlite] [--regenerate] [--forecast] [--budgets]`;

const DEFAULT_ROWS = [100_000, 1_000_000];

/** "100000", "100_000", "100k", "1M", "1e6" → a positive whole number. */
export function parseRowCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([kKmM]?)$/.exec(text.trim().replaceAll('_', ''));
  const multiplier = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[match?.[2] ?? ''] ?? 1;
  const value = match ? Number(match[1]) * multiplier : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--rows: "${text}" is not a positive whole number of rows`);
  return value;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', multiple: true },
      runs: { type: 'string', default: '20' },
      seed: { type: 'string', default: '42' },
      'no-sqlite': { type: 'boolean', default: false },
      regenerate: { type: 'boolean', default: false },
      workers: { type: 'string' },
      forecast: { type: 'boolean', default: false },
      budgets: { type: 'boolean', default: false },
    },
  });
  const rows = values.rows ? values.rows.flatMap((list) => list.split(',')).map(parseRowCount) : DEFAULT_ROWS;
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" is not a positive whole number`);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed: "${values.seed}" is not a whole number`);
  const workers = values.workers === undefined ? null : Number(values.workers);
  if (workers !== null && (!Number.isSafeInteger(workers) || workers < 0)) throw new Error(`--workers: "${values.workers}" is not a whole number of threads`);
  return { rows: [...new Set(rows)].sort((a, b) => a - b), runs, seed, sqlite: !values['no-sqlite'], regenerate: values.regenerate, workers, forecast: values.forecast, budgets: values.budgets };
}
