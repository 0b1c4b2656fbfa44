/**
 * `npm run bench`: import speed, memory and query latency of the engine on generated FOCUS 1.2
 * files of 100k and 1M rows by default, any count with `--rows` (5M: a 3.7 GB file, imported at a
 * daily grain, see main/engine/import/daily-grain/). Prints figures; asserts nothing about time.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BENCH_USAGE, parseBenchArgs, type BenchOptions } from './bench-args.js';
import { benchEngine, QUERY_NAMES, type EngineFigures } from './engine-bench.js';
import { writeLargeFocusFile } from './large-focus-file.js';
import { sqlite3Version, timeSqliteImport, type ShellImport } from './sqlite-shell.js';
import { fmt, formatTable, type Cell } from './text-table.js';
import { forecastBench } from './forecast-bench.js';
import { budgetBench } from './budget-bench.js';

const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));
const MB = 1e6;
const WORKER_FLAG = '--worker';

interface SizeResult {
  engine: EngineFigures;
  sqlite: ShellImport | null;
}

/** Generates the file for a row count unless it exists. */
async function ensureFile(rows: number, options: BenchOptions): Promise<string> {
  await mkdir(OUT_DIR, { recursive: true });
  const path = `${OUT_DIR}focus-1.2-${rows}-rows-seed${options.seed}.csv`;
  if (existsSync(path) && !options.regenerate) return path;
  const start = performance.now();
  process.stderr.write(`generating ${path} …\n`);
  await writeLargeFocusFile(path, { rows, seed: options.seed });
  process.stderr.write(`  ${fmt(rows)} rows in ${fmt((performance.now() - start) / 1000, 1)} s\n`);
  return path;
}

/** Runs the engine benchmark of one file in a fresh Node process (same tsx loader). */
function runWorker(path: string, runs: number, workers: number | null): Promise<EngineFigures> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), WORKER_FLAG, path, String(runs), workers === null ? '' : String(workers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`the benchmark worker for ${path} exited with ${code}`));
      else resolve(JSON.parse(last) as EngineFigures);
    });
  });
}

function importTable(results: SizeResult[]): string {
  const header = ['rows', 'grain', 'stored rows', 'workers', 'file MB', 'import s', '(load s', 'rollups s)', 'rows/s', 'MB/s', 'start RSS MB', 'peak RSS MB', 'DB MB', 'sqlite3 s', 'sqlite3 rows/s', 'engine/sqlite3'];
  const rows: Cell[][] = results.map(({ engine, sqlite }) => [
    fmt(engine.rows),
    engine.grain,
    fmt(engine.storedRows),
    engine.workers,
    fmt(engine.fileBytes / MB, 1),
    fmt(engine.importSeconds, 2),
    fmt(engine.loadSeconds, 2),
    fmt(engine.importSeconds - engine.loadSeconds, 2),
    fmt(engine.rows / engine.importSeconds),
    fmt(engine.fileBytes / MB / engine.importSeconds, 1),
    fmt(engine.startRssBytes / MB),
    fmt(engine.importPeakRssBytes / MB),
    fmt(engine.databaseBytes / MB, 1),
    sqlite ? fmt(sqlite.seconds, 2) : '–',
    sqlite ? fmt(sqlite.rows / sqlite.seconds) : '–',
    sqlite ? `${fmt(engine.importSeconds / sqlite.seconds, 2)}×` : '–',
  ]);
  return formatTable(header, rows);
}

function queryTable(results: SizeResult[]): string {
  const rows: Cell[][] = results.flatMap(({ engine }) =>
    QUERY_NAMES.map((name) => [fmt(engine.rows), name, fmt(engine.queries[name].p50, 1), fmt(engine.queries[name].p95, 1), engine.queries[name].runs]),
  );
  return formatTable(['rows', 'query', 'p50 ms', 'p95 ms', 'runs'], rows);
}

function attributionTable(results: SizeResult[]): string {
  const rows: Cell[][] = results.map(({ engine }) => {
    const a = engine.attribution;
    const reruns = [...a.rerunSeconds].sort((x, y) => x - y);
    return [
      fmt(engine.rows), `${a.rules} + ${a.pools}`, fmt(a.firstRunSeconds, 2), fmt(a.firstRunCpuSeconds, 2), fmt(a.loadAverage, 1), fmt(reruns[Math.floor(reruns.length / 2)] ?? NaN, 2), fmt(reruns.at(-1) ?? NaN, 2),
      fmt(a.lineRerunSeconds, 2), fmt(a.preview.p50, 0), fmt(a.preview.p95, 0), fmt(a.summary.p95, 1), fmt(a.explain.p50, 0), fmt(a.allocRows),
    ];
  });
  return formatTable(['rows', 'rules + pools', 'first run s', '(CPU s', 'load)', 're-run s (median', 'max)', 'numeric rule re-run s', 'preview p50 ms', 'preview p95 ms', 'summary p95 ms', 'explain p50 ms', 'alloc_daily rows'], rows);
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === WORKER_FLAG) {
    const [, path = '', runs = '20', workers = ''] = argv;
    process.stdout.write(`${JSON.stringify(await benchEngine(path, Number(runs), workers === '' ? null : Number(workers)))}\n`);
    return;
  }
  if (argv.includes('--help')) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return;
  }
  const options = parseBenchArgs(argv);
  if (options.budgets) {
    process.stdout.write(`Cost Council budget benchmark: Node ${process.version}\n${await budgetBench(options.seed)}`);
    return;
  }
  if (options.forecast) {
    const cpu = cpus();
    process.stdout.write(`Cost Council forecast benchmark: Node ${process.version}, ${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}\n`);
    process.stdout.write(await forecastBench(options.seed));
    return;
  }
  const sqlite = options.sqlite ? sqlite3Version() : null;
  const cpu = cpus();
  process.stdout.write(`Cost Council engine benchmark: Node ${process.version}, ${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, sqlite3 ${sqlite ?? 'not used'}\n`);
  const results: SizeResult[] = [];
  for (const rows of options.rows) {
    const path = await ensureFile(rows, options);
    process.stderr.write(`importing ${fmt(rows)} rows through the engine …\n`);
    const engine = await runWorker(path, options.runs, options.workers);
    const shell = sqlite ? await timeSqliteImport(path) : null;
    results.push({ engine, sqlite: shell });
  }
  process.stdout.write(
    `\nImport (end to end: read, parse, validate, insert, rollups, indexes; load: until the lines are in, rollups: indexes and rollups after;\n` +
      `peak RSS of a fresh process, its worker threads included)\n${importTable(results)}`,
  );
  process.stdout.write(`\nOverview queries (after 1 warm-up; tagBreakdown key "team", costLines limit 100)\n${queryTable(results)}`);
  process.stdout.write(
    `\nAttribution (bench/attribution-bench.ts: 20 rules, 2 pools; first run builds the in-memory cube from the lines; re-run: a rule\n` +
      `changed, every rule re-run and alloc_daily rewritten; numeric rule: one rule compares BilledCost, so the cube is read again;\n` +
      `preview: one new rule, live; explain: a team's figure with its source rows)\n${attributionTable(results)}`,
  );
}

await main(process.argv.slice(2));
