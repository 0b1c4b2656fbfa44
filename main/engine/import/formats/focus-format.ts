/** FOCUS 1.0–1.2 (and providers' FOCUS exports with `x_` columns): columns map one to one by name. */
import { COST_COLUMNS } from '../../db/cost-columns.js';
import { isNullToken } from '../values.js';
import { extrasOf, HeaderIndex } from './canonical-line.js';
import type { FormatAdapter, FormatMatch, RecordMapper } from './format-adapter.js';
import { FOCUS_COLUMNS } from './focus-columns.js';

const FOCUS_NAMES = FOCUS_COLUMNS.map((c) => c.name);
const MANDATORY = FOCUS_COLUMNS.filter((c) => c.mandatory).map((c) => c.name);
/** Fewer FOCUS names than this and it is not a FOCUS file at all (rather than one with gaps). */
const MIN_FOCUS_COLUMNS = 5;

/** The lowest FOCUS version that has every FOCUS column the header uses. */
function focusVersion(index: HeaderIndex): '1.0' | '1.1' | '1.2' {
  let version: '1.0' | '1.1' | '1.2' = '1.0';
  for (const column of FOCUS_COLUMNS) if (column.since > version && index.has(column.name)) version = column.since;
  return version;
}

export const focusFormat: FormatAdapter = {
  name: 'FOCUS',
  family: 'focus',
  detect(header): FormatMatch | null {
    const index = new HeaderIndex(header);
    const found = index.count(FOCUS_NAMES);
    if (found < MIN_FOCUS_COLUMNS || !(index.has('BilledCost') || index.has('EffectiveCost'))) return null;
    return {
      format: `focus-${focusVersion(index)}`,
      score: index.count(MANDATORY) / MANDATORY.length,
      missing: MANDATORY.filter((name) => !index.has(name)),
    };
  },
  mapper(header): RecordMapper {
    const index = new HeaderIndex(header);
    const positions = COST_COLUMNS.map((c) => index.indexOf(c.name));
    const used = new Set(positions.filter((p) => p >= 0));
    const extras = index.names.map((name, i) => ({ name, index: i })).filter((e) => e.name !== '' && !used.has(e.index));
    return {
      extraColumns: extras.map((e) => e.name),
      direct: { positions, extras },
      map(record) {
        const values = positions.map((p) => (p >= 0 ? (record[p] ?? null) : null));
        return [{ values, extras: extrasOf(record, extras, isNullToken) }];
      },
    };
  },
};
