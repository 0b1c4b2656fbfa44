/**
 * Indexes that let unit economics read only the lines it divides (token, GPU, training, request
 * lines) instead of scanning every line: partial indexes, built on first use (as the drill-down
 * indexes are), so imports into workspaces that never ask do not maintain them. The token and GPU
 * indexes cover their queries (no lookup of the line itself).
 */
import type { Store } from '../db/store.js';

export const UNIT_INDEXES = [
  `CREATE INDEX IF NOT EXISTS cost_lines_unit_tokens ON cost_lines
     (day, BillingCurrency, x_TokenType, x_Model, ChargeDescription, source_id, x_Tokens, EffectiveCost, BilledCost) WHERE x_Tokens IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS cost_lines_unit_gpu ON cost_lines
     (day, BillingCurrency, ServiceName, ChargeDescription, x_GpuHours, EffectiveCost, BilledCost) WHERE x_GpuHours > 0`,
  'CREATE INDEX IF NOT EXISTS cost_lines_unit_workload ON cost_lines (x_Workload, day) WHERE x_Workload IS NOT NULL',
  'CREATE INDEX IF NOT EXISTS cost_lines_unit_consumed ON cost_lines (ConsumedUnit, day)',
  `CREATE INDEX IF NOT EXISTS cost_lines_unit_requests ON cost_lines (day) WHERE extras LIKE '%"num_model_requests"%'`,
] as const;

export function ensureUnitIndexes(store: Store): void {
  for (const sql of UNIT_INDEXES) store.exec(sql);
}
