/**
 * Allocated lines: the lines of some days, each with the part of its cost an allocated value got.
 * It follows the stored runs (the placements and pool splits behind `alloc_daily`), so the parts
 * add up to `alloc_daily`'s figures: a line a rule gave the value counts whole; a line a pool took
 * counts at the value's share of that pool's split that day (through pools of pools), as in the
 * hierarchy tree. Other allocated dimensions can ride along: each line's fractions among their
 * values, combined independently (as the tree combines its levels).
 *
 * Lines are read from `cost_lines` by day (indexed), never grouped in SQL; each signature is
 * placed once per call. The compiled plans are kept per materialised result.
 */
import type { CostKind } from '../../../shared/attribution.js';
import type { Store } from '../db/store.js';
import { placer, planDimensions, type DimensionResult, type Placement } from './allocate.js';
import { Compiler, type Signature } from './compile.js';
import { LineReader } from './cube.js';
import { PoolDistributions } from './distribution.js';
import { latestRuns, type Materialised } from './materialise.js';

/** Fractions (summing to 1) of a line's cost by value of one dimension (null: unallocated). */
export type Fractions = ReadonlyArray<readonly [string | null, number]>;

export interface AllocatedLinesQuery {
  /** The allocated dimension (a rule set's dimension id, without "alloc:"). */
  dimension: string;
  /** The value whose part is wanted; null: the unallocated bucket. */
  value: string | null;
  /** Currency code, as in `alloc_daily`. */
  currency: string;
  days: readonly number[];
  cost: CostKind;
  /** SQL expressions over `cost_lines` handed back with each line, e.g. `"ServiceName"`. */
  columns?: readonly string[];
  /** Other allocated dimensions whose fractions are handed back with each line. */
  alongside?: readonly string[];
}

export interface AllocatedLine {
  day: number;
  /** The line's cost × the fraction of it allocated to the value. */
  amount: number;
  /** The query's `columns`, in order. */
  columns: readonly unknown[];
  /** Per `alongside` dimension, in order: the line's fractions by value. */
  alongside: readonly Fractions[];
}

const WHOLE_UNALLOCATED: Fractions = [[null, 1]];
/** Measures LineReader reads before the extra columns (billed, effective, tokens, GPU hours, requests). */
const MEASURES = 5;

interface DimensionPlacer {
  place: (sig: Signature) => Placement;
  poolId: (pool: number) => string | undefined;
  pools: Partial<Record<CostKind, PoolDistributions>>;
  result: DimensionResult;
}

/** One compiler over every stored rule set's inputs, and each segment's plans (built when first asked). */
class Prepared {
  readonly compiler: Compiler;
  private readonly placers = new Map<string, DimensionPlacer | null>();

  constructor(store: Store, private readonly materialised: Materialised) {
    this.compiler = new Compiler(store);
    for (const { segment } of materialised.segments) this.compiler.register(segment.config);
  }

  /** How segment `s` places a signature in `dimension`; null when its rule set lacks the dimension (all unallocated). */
  placer(s: number, dimension: string): DimensionPlacer | null {
    const key = `${s}\u0000${dimension}`;
    if (this.placers.has(key)) return this.placers.get(key) ?? null;
    const run = this.materialised.segments[s]?.run;
    const plan = run ? planDimensions(this.compiler, run.config, dimension)[0] : undefined;
    const result = run?.dimensions.find((d) => d.dimension === dimension);
    let made: DimensionPlacer | null = null;
    if (run && plan && result) {
      const place = placer(run.config, plan, 0);
      made = {
        place: (sig) => place({ keys: [plan.key(sig)], pools: [plan.pool(sig)] }),
        poolId: (pool) => run.config.pools[pool]?.id,
        pools: {},
        result,
      };
    }
    this.placers.set(key, made);
    return made;
  }
}

const preparedCache = new WeakMap<Materialised, Prepared>();

function preparedOf(store: Store, materialised: Materialised): Prepared {
  let prepared = preparedCache.get(materialised);
  if (!prepared) {
    prepared = new Prepared(store, materialised);
    preparedCache.set(materialised, prepared);
  }
  return prepared;
}

/** Per call: placements by signature (the reader numbers signatures per call) and fractions by pool and day. */
class Placements {
  private readonly bySig = new Map<string, Array<Placement | undefined>>();
  private readonly pooled = new Map<string, Fractions>();
  private readonly direct = new Map<string | null, Fractions>();

  constructor(private readonly prepared: Prepared, private readonly currency: string, private readonly cost: CostKind) {}

  fractions(s: number, dimension: string, sig: Signature, sigIndex: number, day: number): Fractions {
    const dp = this.prepared.placer(s, dimension);
    if (!dp) return WHOLE_UNALLOCATED;
    const key = `${s}\u0000${dimension}`;
    let placements = this.bySig.get(key);
    if (!placements) this.bySig.set(key, (placements = []));
    let placed = placements[sigIndex];
    if (!placed) placements[sigIndex] = placed = dp.place(sig);
    if (placed.pool === null) {
      let whole = this.direct.get(placed.value);
      if (!whole) this.direct.set(placed.value, (whole = [[placed.value, 1]]));
      return whole;
    }
    const poolId = dp.poolId(placed.pool);
    if (poolId === undefined) return WHOLE_UNALLOCATED;
    const pooledKey = `${key}\u0000${poolId}\u0000${day}`;
    let split = this.pooled.get(pooledKey);
    if (!split) {
      const distributions = (dp.pools[this.cost] ??= new PoolDistributions(dp.result, this.cost));
      const dist = distributions.of(poolId, this.currency, day);
      // A pool that split nothing that day leaves the cost unallocated (as the hierarchy tree does).
      split = dist.size === 0 ? WHOLE_UNALLOCATED : [...dist];
      this.pooled.set(pooledKey, split);
    }
    return split;
  }
}

/**
 * Calls `each` for every line of the days, in the currency, with a part allocated to the value
 * (lines with none are skipped). Brings the allocation up to date first.
 */
export function readAllocatedLines(store: Store, query: AllocatedLinesQuery, each: (line: AllocatedLine) => void): void {
  const days = [...new Set(query.days)];
  if (days.length === 0) return;
  // Lines without a currency are in the cube (and alloc_daily) under the empty code.
  const currencyId = query.currency === '' ? null : store.scalar('SELECT id FROM dict WHERE value = ?', [query.currency]);
  if (query.currency !== '' && typeof currencyId !== 'number') return;
  const materialised = latestRuns(store);
  const prepared = preparedOf(store, materialised);
  const segmentOf = new Map(days.map((day) => [day, materialised.segments.findIndex(({ segment }) => segment.fromDay <= day && day <= segment.toDay)]));
  const placements = new Placements(prepared, query.currency, query.cost);
  const columns = query.columns ?? [];
  const alongside = query.alongside ?? [];
  const reader = new LineReader(store, prepared.compiler.inputs);
  const costAt = query.cost === 'billed' ? 0 : 1;
  reader.read(
    `WHERE "BillingCurrency" IS ? AND day IN (${days.map(() => '?').join(', ')})`,
    [typeof currencyId === 'number' ? currencyId : null, ...days],
    (sigIndex, _currency, day, row, at) => {
      const s = segmentOf.get(day) ?? -1;
      const sig = reader.sigs[sigIndex] as Signature;
      let fraction = 0;
      for (const [value, f] of placements.fractions(s, query.dimension, sig, sigIndex, day)) if (value === query.value) fraction += f;
      if (fraction === 0) return;
      each({
        day,
        amount: ((row[at + costAt] as number | null) ?? 0) * fraction,
        columns: row.slice(at + MEASURES, at + MEASURES + columns.length),
        alongside: alongside.map((dimension) => placements.fractions(s, dimension, sig, sigIndex, day)),
      });
    },
    [...columns],
  );
}
