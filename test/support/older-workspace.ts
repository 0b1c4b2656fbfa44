/**
 * Turns a fresh workspace into one of an older schema version, for migration tests: each entry
 * undoes one step of `main/engine/db/migrations.ts` (MIGRATIONS[v] upgrades v to v + 1, so
 * UNDO[v] takes v + 1 back to v). Add the undo of every new migration here.
 */
import type { Store } from '../../main/engine/db/store.js';
import { SCHEMA_VERSION } from '../../main/engine/db/schema.js';

const UNDO: Record<number, string> = {
  4: 'DROP TABLE attribution_versions; DROP TABLE attribution_frozen; DROP TABLE alloc_daily; DROP TABLE alloc_flows; DROP TABLE alloc_state;',
  5: 'DROP TABLE metrics;',
  6: 'DROP TABLE alerts; DROP TABLE alert_history; DROP TABLE expected_patterns; DROP TABLE budgets;',
  7: 'ALTER TABLE sources DROP COLUMN grain; ALTER TABLE sources DROP COLUMN stored_rows; ALTER TABLE cost_lines DROP COLUMN line_count;',
  8: 'DROP INDEX alerts_by_budget; DROP INDEX alerts_by_incident; ALTER TABLE alerts DROP COLUMN kind; ALTER TABLE alerts DROP COLUMN budget_id; ALTER TABLE alerts DROP COLUMN incident;',
};

/** Undoes the migrations from the current schema down to `version` (4 or later). */
export function downgradeTo(store: Store, version: number): void {
  for (let v = SCHEMA_VERSION - 1; v >= version; v--) {
    const undo = UNDO[v];
    if (undo === undefined) throw new Error(`older-workspace.ts has no undo for the migration ${v} → ${v + 1}`);
    store.exec(undo);
  }
  store.run("UPDATE meta SET value = ? WHERE key = 'schema_version'", [String(version)]);
}
