/**
 * Upgrades of older workspaces, one step per schema version, run in a transaction when a
 * workspace is opened. A step may rebuild derived tables (rollups) from the lines, which are
 * never changed by a migration.
 */
import { buildRollups } from './rollups.js';
import { ALERT_KINDS_SQL, ALERTS_BUDGETS_SQL, ATTRIBUTION_SQL, FX_RATES_SQL, GRAIN_SQL, METRICS_SQL, SETTINGS_SQL } from './schema.js';
import type { Store } from './store.js';

type Migration = (store: Store) => void;

/** MIGRATIONS[v] upgrades version v to v + 1. */
const MIGRATIONS: Record<number, Migration> = {
  // 1 → 2: per-dimension daily rollup and monthly resources; rollups rebuilt from the lines.
  1: (store) => {
    store.exec(`
      DROP INDEX IF EXISTS daily_cost_by_currency_day;
      DROP INDEX IF EXISTS daily_resource_by_currency_day;
      DELETE FROM daily_cost;
      DELETE FROM daily_resource;
      CREATE TABLE daily_dim (kind INTEGER NOT NULL, currency INTEGER, day INTEGER NOT NULL, tag_key INTEGER, value INTEGER,
        source_id INTEGER NOT NULL, billed REAL NOT NULL, effective REAL NOT NULL, lines INTEGER NOT NULL);
      CREATE INDEX daily_dim_covering ON daily_dim (kind, currency, tag_key, day, value, effective, billed, lines);
      CREATE INDEX daily_resource_covering ON daily_resource (currency, day, resource_id, effective, billed);
      CREATE TABLE monthly_resource (source_id INTEGER NOT NULL, month INTEGER NOT NULL, currency INTEGER, resource_id INTEGER,
        resource_name INTEGER, service INTEGER, billed REAL NOT NULL, effective REAL NOT NULL);
      CREATE INDEX monthly_resource_covering ON monthly_resource (currency, month, resource_id, effective, billed);
    `);
    buildRollups(store, store.all<{ id: number }>('SELECT id FROM sources ORDER BY id').map((s) => s.id));
  },
  // 2 → 3: exchange rates.
  2: (store) => store.exec(FX_RATES_SQL),
  // 3 → 4: workspace settings (JSON by key).
  3: (store) => store.exec(SETTINGS_SQL),
  // 4 → 5: cost attribution (rule-set versions, frozen periods, materialised allocation).
  4: (store) => store.exec(ATTRIBUTION_SQL),
  // 5 → 6: imported business metrics.
  5: (store) => store.exec(METRICS_SQL),
  // 6 → 7: alerts, their history, expected patterns and budgets.
  6: (store) => store.exec(ALERTS_BUDGETS_SQL),
  // 7 → 8: the daily-grain fallback (sources.grain, sources.stored_rows, cost_lines.line_count).
  7: (store) => store.exec(GRAIN_SQL),
  // 8 → 9: alert kinds (budget alerts) and incidents.
  8: (store) => store.exec(ALERT_KINDS_SQL),
};

/** Brings a workspace from `version` to `target`; false when a step is missing (a newer workspace). */
export function migrate(store: Store, version: number, target: number): boolean {
  if (!Number.isInteger(version) || version > target) return false;
  for (let v = version; v < target; v++) if (!MIGRATIONS[v]) return false;
  if (version === target) return true;
  store.exec('BEGIN');
  try {
    for (let v = version; v < target; v++) MIGRATIONS[v]?.(store);
    store.run("UPDATE meta SET value = ? WHERE key = 'schema_version'", [String(target)]);
    store.exec('COMMIT');
  } catch (error) {
    store.exec('ROLLBACK');
    throw error;
  }
  return true;
}
