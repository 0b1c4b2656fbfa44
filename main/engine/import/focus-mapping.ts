/** A FOCUS header → where each canonical column is in the record, and which columns are extras. */
import { COST_COLUMNS, type CostColumn } from '../db/cost-columns.js';
import { FOCUS_COLUMNS } from './focus-columns.js';
import { normaliseHeader } from './detect-format.js';

export interface ColumnPlan {
  /** Canonical column → index in the record, or -1 when the file lacks it. */
  indexOf: Map<string, number>;
  columns: ReadonlyArray<{ column: CostColumn; index: number }>;
  extras: ReadonlyArray<{ name: string; index: number }>;
  missingMandatory: string[];
  width: number;
}

const CANONICAL_BY_NAME = new Map(COST_COLUMNS.map((c) => [c.name.toLowerCase(), c]));
const MANDATORY = FOCUS_COLUMNS.filter((c) => c.mandatory).map((c) => c.name);

export function planColumns(header: readonly string[]): ColumnPlan {
  const indexOf = new Map<string, number>(COST_COLUMNS.map((c) => [c.name, -1]));
  const extras: Array<{ name: string; index: number }> = [];
  header.forEach((raw, index) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    const column = CANONICAL_BY_NAME.get(normaliseHeader(name));
    if (column && indexOf.get(column.name) === -1) indexOf.set(column.name, index);
    else if (name !== '') extras.push({ name, index });
  });
  const columns = COST_COLUMNS.map((column) => ({ column, index: indexOf.get(column.name) ?? -1 }));
  const missingMandatory = MANDATORY.filter((name) => indexOf.get(name) === -1);
  return { indexOf, columns, extras, missingMandatory, width: header.length };
}
