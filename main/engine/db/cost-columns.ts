/**
 * The canonical cost line: every FOCUS column plus the AI extension columns (`x_` convention).
 * Strings and JSON are stored as ids into the `dict` table (few distinct values, 66 bytes a row
 * instead of 400); decimals as REAL (summed by SQLite's compensated SUM, see docs/ARCHITECTURE.md);
 * date-times as INTEGER Unix seconds (UTC).
 */
import { FOCUS_COLUMNS, type ColumnKind } from '../import/formats/focus-columns.js';

export interface CostColumn {
  name: string;
  kind: ColumnKind;
}

export const AI_COLUMNS: readonly CostColumn[] = [
  { name: 'x_Model', kind: 'string' },
  { name: 'x_TokenType', kind: 'string' },
  { name: 'x_Tokens', kind: 'decimal' },
  { name: 'x_GpuHours', kind: 'decimal' },
  { name: 'x_Workload', kind: 'string' },
  { name: 'x_ApiKey', kind: 'string' },
  { name: 'x_User', kind: 'string' },
];

export const COST_COLUMNS: readonly CostColumn[] = [
  ...FOCUS_COLUMNS.map(({ name, kind }) => ({ name, kind })),
  ...AI_COLUMNS,
];

const COST_COLUMN_NAMES = new Set(COST_COLUMNS.map((c) => c.name));

/** True for a canonical column name; used to keep user input out of SQL identifiers. */
export function isCostColumn(name: string): boolean {
  return COST_COLUMN_NAMES.has(name);
}

export function sqlTypeOf(kind: ColumnKind): 'INTEGER' | 'REAL' {
  return kind === 'decimal' ? 'REAL' : 'INTEGER';
}
