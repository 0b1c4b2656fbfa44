/**
 * Keeps `alloc_daily` (and the pool flows) up to date. Nothing is hooked into imports: every
 * attribution read, and `allocatedDimensions`, first calls `ensureAllocations`, which compares a
 * fingerprint of the rule sets (a revision bumped by every write) and of the data (sources,
 * imported metrics) with the one the stored result was made from, and recomputes when they differ.
 */
import type { AttributionConfig } from '../../../shared/attribution.js';
import type { Store } from '../db/store.js';
import { entry, Money } from './accumulate.js';
import { runAllocation, type RunResult } from './allocate.js';
import { Compiler } from './compile.js';
import { readFrozen, readRevision, readVersions, versionSegments } from './config-store.js';
import { ensureCube, type Cube } from './cube.js';

/** Bump when the allocation arithmetic changes, so stored results are recomputed. */
const ALGORITHM = 2;
export const FIRST_DAY = -1_000_000;
export const LAST_DAY = 1_000_000;

export interface Segment {
  fromDay: number;
  toDay: number;
  config: AttributionConfig;
  versionId: number;
  frozenId: number | null;
}

export interface Materialised {
  fingerprint: string;
  segments: Array<{ segment: Segment; run: RunResult }>;
}
const cache = new WeakMap<Store, Materialised>();

export function dataFingerprint(store: Store): string {
  const sources = store.all('SELECT COUNT(*) AS n, IFNULL(MAX(id), 0) AS m, IFNULL(SUM(id), 0) AS s, IFNULL(SUM(row_count), 0) AS r FROM sources')[0];
  const hasMetrics = store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'metrics'") === 1;
  const metrics = hasMetrics ? store.all('SELECT COUNT(*) AS n, TOTAL(amount) AS t FROM metrics')[0] : null;
  return JSON.stringify([sources, metrics]);
}

function fingerprintOf(store: Store, data: string): string {
  return `${ALGORITHM}|${readRevision(store)}|${data}`;
}

/** Every day from FIRST_DAY to LAST_DAY, in stretches with the rule set that allocates them. */
export function allSegments(store: Store): Segment[] {
  const versions = readVersions(store);
  const frozen = readFrozen(store);
  const segments: Segment[] = [];
  let next = FIRST_DAY;
  const open = (to: number): void => {
    if (to >= next) for (const s of versionSegments(versions, next, to)) segments.push({ ...s, frozenId: null });
  };
  for (const f of frozen) {
    open(f.fromDay - 1);
    for (const s of f.segments) segments.push({ ...s, frozenId: f.id });
    next = f.toDay + 1;
  }
  open(LAST_DAY);
  return segments;
}

/**
 * A compiler with the inputs of every stored rule set registered (then of `extra` ones), and the
 * cube over them. Registering the stored ones first keeps the inputs, and so the cube, the same
 * from call to call unless an extra rule set reads a new column.
 */
export function prepare(store: Store, extra: readonly AttributionConfig[] = [], data = dataFingerprint(store)): { compiler: Compiler; cube: Cube } {
  const compiler = new Compiler(store);
  for (const segment of allSegments(store)) compiler.register(segment.config);
  for (const config of extra) compiler.register(config);
  return { compiler, cube: ensureCube(store, compiler.inputs, data) };
}

function compute(store: Store, fingerprint: string, data: string): Materialised {
  const segments = allSegments(store);
  const { compiler, cube } = prepare(store, [], data);
  return {
    fingerprint,
    segments: segments.map((segment) => ({ segment, run: runAllocation(store, compiler, cube, segment.config, segment.fromDay, segment.toDay) })),
  };
}

/** A run's whole cost by currency and day (its cells cover every line of its days). */
function unallocatedCost(run: RunResult): Map<string, Map<number, Money>> {
  const result = new Map<string, Map<number, Money>>();
  for (const cell of run.cells) entry(entry(result, cell.currency, () => new Map()), cell.day, () => new Money()).add(cell.billed, cell.effective);
  return result;
}

function write(store: Store, result: Materialised): void {
  store.exec('SAVEPOINT alloc_write');
  try {
    store.exec('DELETE FROM alloc_daily; DELETE FROM alloc_flows;');
    const daily = store.db.prepare('INSERT INTO alloc_daily (dimension, value, currency, day, billed, effective) VALUES (?, ?, ?, ?, ?, ?)');
    const flows = store.db.prepare(
      'INSERT INTO alloc_flows (dimension, pool, direction, currency, day, value, other_pool, billed, effective, even_fallback) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    try {
      const everyDimension = new Set(result.segments.flatMap(({ run }) => run.dimensions.map((d) => d.dimension)));
      for (const { run } of result.segments) {
        // A dimension this segment's rule set lacks (added by a later version, or only in a frozen
        // one) still gets the segment's cost, unallocated: every dimension conserves the source total.
        const missing = [...everyDimension].filter((id) => !run.dimensions.some((d) => d.dimension === id));
        if (missing.length > 0) {
          for (const [currency, byDay] of unallocatedCost(run)) {
            for (const [day, money] of byDay) {
              for (const dimension of missing) daily.run([dimension, null, currency, day, money.totalBilled, money.totalEffective]);
            }
          }
        }
        for (const dim of run.dimensions) {
          for (const [value, byCurrency] of dim.rows) {
            for (const [currency, byDay] of byCurrency) {
              for (const [day, money] of byDay) daily.run([dim.dimension, value, currency, day, money.totalBilled, money.totalEffective]);
            }
          }
          for (const f of dim.flows) {
            flows.run([dim.dimension, f.pool, f.direction, f.currency, f.day, f.value, f.otherPool, f.billed, f.effective, f.evenFallback ? 1 : 0]);
          }
        }
      }
    } finally {
      daily.free();
      flows.free();
    }
    store.run("INSERT OR REPLACE INTO alloc_state (key, value) VALUES ('fingerprint', ?)", [result.fingerprint]);
    store.exec('RELEASE alloc_write');
  } catch (error) {
    store.exec('ROLLBACK TO alloc_write; RELEASE alloc_write;');
    throw error;
  }
}

/**
 * Recomputes `alloc_daily` when the rules or the data changed since it was made (a stored result
 * that is up to date, e.g. in a workspace just opened, is used as it is).
 */
export function ensureAllocations(store: Store): void {
  const fingerprint = fingerprintOf(store, dataFingerprint(store));
  if (cache.get(store)?.fingerprint === fingerprint) return;
  if (store.scalar("SELECT value FROM alloc_state WHERE key = 'fingerprint'") === fingerprint) return;
  latestRuns(store);
}

/** The runs behind the stored result (recomputed, and stored again, only when stale). */
export function latestRuns(store: Store): Materialised {
  const data = dataFingerprint(store);
  const fingerprint = fingerprintOf(store, data);
  const cached = cache.get(store);
  if (cached && cached.fingerprint === fingerprint) return cached;
  const result = compute(store, fingerprint, data);
  if (store.scalar("SELECT value FROM alloc_state WHERE key = 'fingerprint'") !== fingerprint) write(store, result);
  cache.set(store, result);
  return result;
}

/** Forces a full recompute and write (the benchmark's "re-run all rules"). */
export function recomputeAllocations(store: Store): Materialised {
  const data = dataFingerprint(store);
  const result = compute(store, fingerprintOf(store, data), data);
  write(store, result);
  cache.set(store, result);
  return result;
}
