/** Checks of a unit-economics query (untrusted: it crosses a port). */
import type { UnitEconomicsQuery, UnitGrain, UnitMetric } from '../../../shared/unit-economics.js';
import { EngineError } from '../../../shared/rpc.js';

const METRICS: readonly UnitMetric[] = ['tokens', 'model', 'request', 'gpu-hour', 'training-run', 'imported'];
const GRAINS: readonly UnitGrain[] = ['day', 'week', 'month'];

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') bad(`${field} must be text.`);
  return value;
}

export function unitEconomicsQuery(arg: unknown): UnitEconomicsQuery {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) bad('The query must be an object.');
  const r = arg as Record<string, unknown>;
  if (!METRICS.includes(r.metric as UnitMetric)) bad(`metric must be one of ${METRICS.join(', ')}.`);
  const query: UnitEconomicsQuery = { metric: r.metric as UnitMetric };
  if (r.grain !== undefined) {
    if (!GRAINS.includes(r.grain as UnitGrain)) bad('grain must be day, week or month.');
    query.grain = r.grain as UnitGrain;
  }
  if (r.cost !== undefined) {
    if (r.cost !== 'effective' && r.cost !== 'billed') bad('cost must be effective or billed.');
    query.cost = r.cost;
  }
  const from = optionalText(r.from, 'from');
  const to = optionalText(r.to, 'to');
  const currency = optionalText(r.currency, 'currency');
  const name = optionalText(r.name, 'name');
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  if (currency !== undefined) {
    if (!/^[A-Za-z]{3}$/.test(currency.trim())) bad(`currency "${currency}" is not a currency code.`);
    query.currency = currency;
  }
  if (name !== undefined) query.name = name.trim();
  if (query.metric === 'imported' && !query.name) bad('name (the imported metric) is required for metric "imported".');
  return query;
}
