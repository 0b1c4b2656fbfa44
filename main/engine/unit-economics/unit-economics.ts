/** Unit economics: which figures each metric divides, and the notes that say what is left out. */
import type { UnitEconomics, UnitEconomicsQuery, UnitGrain } from '../../../shared/unit-economics.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { readMetric } from '../metrics/metric-store.js';
import { describeSource, dimensionCost, dimensionSource } from './dimension-cost.js';
import {
  gpuFigures, modelRequestFigures, perRequestChargeFigures, REQUEST_COUNT_FIELD, tokenFigures, tokenLinesWithoutRequests, unpricedLines, type LineKind,
} from './line-figures.js';
import { RUN_TAG_KEYS, trainingRunFigures } from './training-runs.js';
import { buildSeries, type BuiltSeries, type DailyFigure } from './unit-series.js';
import { ensureUnitIndexes } from './unit-indexes.js';
import { unitScope, type UnitScope } from './unit-scope.js';

/** Series shown besides the overall one; the rest are counted in a note. */
const MAX_SERIES = 12;
const CHARGE = 'charge:';

interface Shape {
  unit: string;
  quantityUnit: string;
  per: number;
}

function result(query: UnitEconomicsQuery, grain: UnitGrain, shape: Shape, built: BuiltSeries, notes: string[]): UnitEconomics {
  if (built.dropped > 0) notes.push(`${built.dropped} smaller series are not shown (the ${MAX_SERIES} largest by cost are).`);
  return { metric: query.metric, grain, cost: query.cost ?? 'effective', ...shape, periods: built.periods, series: built.series, notes };
}

const identity = (group: string) => group;

/** A note on lines left out because their cost is unknown (usage the price book has no price for). */
function unpricedNote(store: Store, scope: UnitScope, what: LineKind, notes: string[]): string[] {
  const n = unpricedLines(store, scope, what);
  if (n > 0) notes.push(`${n} usage line${n === 1 ? '' : 's'} without a price (not in the price book) ${n === 1 ? 'is' : 'are'} left out: ${n === 1 ? 'its' : 'their'} cost is unknown, not zero.`);
  return notes;
}

/**
 * `prepareAllocations` brings the attribution's `alloc_daily` up to date before it is read (the
 * attribution engine recomputes it lazily); without attribution there is nothing to prepare.
 */
export function unitEconomics(store: Store, query: UnitEconomicsQuery, prepareAllocations: (store: Store) => void = () => undefined): UnitEconomics {
  const grain = query.grain ?? 'day';
  const scope = unitScope(query);
  ensureUnitIndexes(store);
  switch (query.metric) {
    case 'tokens':
    case 'model': {
      const by = query.metric === 'tokens' ? 'x_TokenType' : 'x_Model';
      const shape = { unit: '1K tokens', quantityUnit: 'tokens', per: 1000 };
      const built = buildSeries(tokenFigures(store, scope, by), { grain, per: 1000, label: identity, overall: 'All tokens', maxSeries: MAX_SERIES });
      const notes = built.series.length === 0 ? ['No token usage is imported: no line has x_Tokens (import OpenAI, Anthropic or other AI usage or cost exports).'] : [];
      return result(query, grain, shape, built, unpricedNote(store, scope, 'tokens', notes));
    }
    case 'request':
      return requests(store, query, grain, scope);
    case 'gpu-hour': {
      const built = buildSeries(gpuFigures(store, scope), { grain, per: 1, label: identity, overall: 'All GPU hours', maxSeries: MAX_SERIES });
      const notes = built.series.length === 0 ? ['No GPU hours are imported: no line has x_GpuHours (AWS GPU instances, Google Cloud GPUs, OpenCost GPU allocations).'] : [];
      return result(query, grain, { unit: 'GPU hour', quantityUnit: 'GPU hours', per: 1 }, built, unpricedNote(store, scope, 'gpu', notes));
    }
    case 'training-run': {
      const { figures, runs } = trainingRunFigures(store, scope);
      const built = buildSeries(figures, { grain, per: 1, label: () => 'Cost per training run', distinct: true });
      const notes = [
        `A training run is the cost of lines with x_Workload "training", named by the tag ${RUN_TAG_KEYS.join(', ')} (the first present), else ResourceId; a period's figure is its training cost over the runs with cost in it.`,
      ];
      if (runs.length === 0) notes.unshift('No training is imported: no line has x_Workload "training".');
      return { ...result(query, grain, { unit: 'training run', quantityUnit: 'runs', per: 1 }, built, notes), runs };
    }
    case 'imported':
      prepareAllocations(store);
      return imported(store, query, grain, scope);
    default:
      throw new EngineError('BAD_REQUEST', 'metric must be tokens, model, request, gpu-hour, training-run or imported.');
  }
}

function requests(store: Store, query: UnitEconomicsQuery, grain: UnitGrain, scope: UnitScope): UnitEconomics {
  const charges = perRequestChargeFigures(store, scope).map((f) => ({ ...f, group: `${CHARGE}${f.group}` }));
  const modelRequests = modelRequestFigures(store, scope);
  const figures = [...modelRequests, ...charges];
  const label = (group: string) => (group.startsWith(CHARGE) ? `${group.slice(CHARGE.length)} (charged per request)` : group);
  const built = buildSeries(figures, { grain, per: 1, label, overall: 'All model requests', maxSeries: MAX_SERIES });
  const notes: string[] = [];
  if (modelRequests.length === 0) {
    notes.push(`No model request counts are imported: cost per request needs usage exports that count requests (OpenAI usage's ${REQUEST_COUNT_FIELD}) or lines with ConsumedUnit "Requests".`);
  }
  const uncounted = tokenLinesWithoutRequests(store, scope);
  if (uncounted.length > 0) {
    const list = uncounted.map((u) => `${u.lines} from ${u.format}`).join(', ');
    notes.push(`Token lines without a request count (${list}) are left out: their rows do not count requests (Anthropic's usage and cost reports and OpenAI's cost exports never do).`);
  }
  return result(query, grain, { unit: 'request', quantityUnit: 'requests', per: 1 }, built, unpricedNote(store, scope, 'requests', notes));
}

function imported(store: Store, query: UnitEconomicsQuery, grain: UnitGrain, scope: UnitScope): UnitEconomics {
  const name = query.name ?? '';
  const stored = readMetric(store, name);
  if (stored.length === 0) throw new EngineError('NOT_FOUND', `There is no imported metric named "${name}".`);
  const shape = { unit: name, quantityUnit: name, per: 1 };
  const dimension = stored[0]?.dimension ?? '';
  const source = dimensionSource(store, dimension);
  const values = new Set(stored.map((r) => r.value));
  // Only the metric's own days: before and after them every ratio would be a gap.
  const days = stored.map((r) => r.day);
  const within: UnitScope = { ...scope, fromDay: Math.max(scope.fromDay, Math.min(...days)), toDay: Math.min(scope.toDay, Math.max(...days)) };
  const rows = stored.filter((r) => r.day >= within.fromDay && r.day <= within.toDay);
  const costs = dimensionCost(store, source, dimension, within);
  const currencies = [...new Set(costs.map((c) => c.currency))].sort();
  const figures: DailyFigure[] = [];
  let outside = 0;
  const outsideValues = new Set<string>();
  for (const c of costs) {
    if (values.has(c.value)) figures.push({ group: c.value, currency: c.currency, day: c.day, cost: c.cost, quantity: 0 });
    else {
      outside++;
      outsideValues.add(c.value);
    }
  }
  // A value's units count in each currency it has cost in (in every currency when it has none).
  const currenciesOf = new Map<string, Set<string>>();
  for (const f of figures) currenciesOf.set(f.group, (currenciesOf.get(f.group) ?? new Set()).add(f.currency));
  for (const r of rows) {
    for (const currency of currenciesOf.get(r.value) ?? currencies) figures.push({ group: r.value, currency, day: r.day, cost: 0, quantity: r.amount });
  }
  const built = buildSeries(figures, { grain, per: 1, label: identity, overall: `All ${dimension} values`, maxSeries: MAX_SERIES });
  const notes = [`Cost per ${dimension} value from ${describeSource(source, dimension)}.`];
  if (currencies.length === 0) notes.push(`No cost in this range for the ${dimension} values of "${name}".`);
  if (outside > 0) {
    const sample = [...outsideValues].sort().slice(0, 5).join(', ');
    notes.push(`Cost of ${dimension} values the metric does not count (${sample}${outsideValues.size > 5 ? ', …' : ''}) is left out.`);
  }
  return result(query, grain, shape, built, notes);
}
