/** The workspace schema (one SQLite file). Bump SCHEMA_VERSION with every change and migrate. */
import { COST_COLUMNS, sqlTypeOf } from './cost-columns.js';

export const SCHEMA_VERSION = 9;
export const APPLICATION_TAG = 'cost-council';

const costColumnsDdl = COST_COLUMNS.map((c) => `  "${c.name}" ${sqlTypeOf(c.kind)}`).join(',\n');

export const SCHEMA_SQL = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per imported file: its provenance and its own totals (exact decimals, as JSON).
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  columns TEXT NOT NULL,
  extra_columns TEXT NOT NULL,
  totals TEXT NOT NULL,
  period_start TEXT,
  period_end TEXT
);

-- Dictionary of the distinct strings of every dimension (and of whole tag sets).
CREATE TABLE dict (
  id INTEGER PRIMARY KEY,
  value TEXT NOT NULL UNIQUE
);

-- Tag sets split into key/value pairs (keys trimmed), for "cost by tag key".
CREATE TABLE tag_pairs (
  tags INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (tags, key)
) WITHOUT ROWID;

-- The line level, kept for "explain this number". Provenance: source_id + row_number.
CREATE TABLE cost_lines (
  source_id INTEGER NOT NULL,
  row_number INTEGER NOT NULL,
  day INTEGER NOT NULL,
${costColumnsDdl},
  extras TEXT
);

-- The daily cube: every overview dimension at once (for filtered and combined questions).
CREATE TABLE daily_cost (
  source_id INTEGER NOT NULL,
  day INTEGER NOT NULL,
  currency INTEGER,
  provider INTEGER,
  service_category INTEGER,
  service INTEGER,
  sub_account_id INTEGER,
  sub_account_name INTEGER,
  region INTEGER,
  charge_category INTEGER,
  tags INTEGER,
  billed REAL NOT NULL,
  effective REAL NOT NULL,
  lines INTEGER NOT NULL
);

-- One dimension at a time, per day: what the overview reads. kind: see rollups.ts (DIMENSION);
-- value is a dict id (NULL: not set); tag_key is the dict id of the tag key for kind = tag.
-- The index covers every overview query, so none of them touches the table itself.
CREATE TABLE daily_dim (
  kind INTEGER NOT NULL,
  currency INTEGER,
  day INTEGER NOT NULL,
  tag_key INTEGER,
  value INTEGER,
  source_id INTEGER NOT NULL,
  billed REAL NOT NULL,
  effective REAL NOT NULL,
  lines INTEGER NOT NULL
);
CREATE INDEX daily_dim_covering ON daily_dim (kind, currency, tag_key, day, value, effective, billed, lines);

-- Resources per day (for ranges that cut months) and per month (for whole months).
CREATE TABLE daily_resource (
  source_id INTEGER NOT NULL,
  day INTEGER NOT NULL,
  currency INTEGER,
  resource_id INTEGER,
  resource_name INTEGER,
  service INTEGER,
  billed REAL NOT NULL,
  effective REAL NOT NULL
);
CREATE INDEX daily_resource_covering ON daily_resource (currency, day, resource_id, effective, billed);

CREATE TABLE monthly_resource (
  source_id INTEGER NOT NULL,
  month INTEGER NOT NULL,
  currency INTEGER,
  resource_id INTEGER,
  resource_name INTEGER,
  service INTEGER,
  billed REAL NOT NULL,
  effective REAL NOT NULL
);
CREATE INDEX monthly_resource_covering ON monthly_resource (currency, month, resource_id, effective, billed);
`;

/** Workspace data beside the lines (the user's, not derived). */
export const FX_RATES_SQL = `
CREATE TABLE fx_rates (
  from_currency TEXT NOT NULL,
  to_currency TEXT NOT NULL,
  day INTEGER NOT NULL,
  rate REAL NOT NULL CHECK (rate > 0),
  source TEXT NOT NULL,
  PRIMARY KEY (from_currency, to_currency, day)
) WITHOUT ROWID;
`;

/** Workspace settings as JSON values by key (edited price book, saved column mappings, …). */
export const SETTINGS_SQL = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * Cost attribution: rule-set versions (JSON configs with effective days), frozen periods (a
 * snapshot of the configs that allocated them), and the materialised result: `alloc_daily`
 * (value NULL = unallocated; read by forecasting), pool flows for explanations, and the state
 * that says whether the result is up to date.
 */
export const ATTRIBUTION_SQL = `
CREATE TABLE attribution_versions (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  effective_from INTEGER,
  created_at TEXT NOT NULL,
  config TEXT NOT NULL
);
CREATE TABLE attribution_frozen (
  id INTEGER PRIMARY KEY,
  from_day INTEGER NOT NULL,
  to_day INTEGER NOT NULL,
  label TEXT NOT NULL,
  frozen_at TEXT NOT NULL,
  segments TEXT NOT NULL
);
CREATE TABLE alloc_daily (
  dimension TEXT NOT NULL,
  value TEXT,
  currency TEXT NOT NULL,
  day INTEGER NOT NULL,
  billed REAL NOT NULL,
  effective REAL NOT NULL
);
CREATE INDEX alloc_daily_by_dimension ON alloc_daily (dimension, currency, day);
CREATE TABLE alloc_flows (
  dimension TEXT NOT NULL,
  pool TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  currency TEXT NOT NULL,
  day INTEGER NOT NULL,
  value TEXT,
  other_pool TEXT,
  billed REAL NOT NULL,
  effective REAL NOT NULL,
  even_fallback INTEGER NOT NULL
);
CREATE INDEX alloc_flows_by_pool ON alloc_flows (dimension, pool, currency, day);
CREATE TABLE alloc_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * Business metrics the user imports (unit economics, usage-metric pool splits): one amount per
 * metric, dimension value and day. dimension: an allocated dimension (`team`), `tag:<key>` or a
 * FOCUS column; source: the file the row came from.
 */
export const METRICS_SQL = `
CREATE TABLE metrics (
  name TEXT NOT NULL,
  dimension TEXT NOT NULL,
  value TEXT NOT NULL,
  day INTEGER NOT NULL,
  amount REAL NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (name, dimension, value, day)
) WITHOUT ROWID;
`;

/**
 * Alerts (anomalies kept with their lifecycle), their history, the patterns "expected" feedback
 * taught, and budgets (docs/alerts-and-budgets.md). JSON columns hold plain contract types.
 */
export const ALERTS_BUDGETS_SQL = `
CREATE TABLE alerts (
  key TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('new', 'acknowledged', 'resolved', 'expected')),
  series_key TEXT NOT NULL,
  day TEXT NOT NULL,
  impact REAL NOT NULL,
  anomaly TEXT NOT NULL,
  title TEXT NOT NULL,
  owner TEXT,
  comment TEXT,
  raised_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  suppressed_by INTEGER
) WITHOUT ROWID;
CREATE INDEX alerts_by_day ON alerts (day, status);

CREATE TABLE alert_history (
  alert_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  comment TEXT,
  owner TEXT,
  PRIMARY KEY (alert_key, seq)
) WITHOUT ROWID;

CREATE TABLE expected_patterns (
  id INTEGER PRIMARY KEY,
  series_key TEXT NOT NULL,
  series TEXT NOT NULL,
  currency TEXT NOT NULL,
  direction TEXT NOT NULL,
  recurrence TEXT NOT NULL,
  weekday INTEGER,
  day_of_month INTEGER,
  max_impact REAL NOT NULL,
  from_alert TEXT NOT NULL,
  comment TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE budgets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  node TEXT NOT NULL,
  period TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount TEXT NOT NULL,
  thresholds TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;

/**
 * The daily-grain fallback (import/daily-grain/): a source too large for its line level is stored as
 * daily groups; `sources.grain` says which ('line' | 'daily'), `sources.stored_rows` how many rows
 * it has in `cost_lines` (NULL in workspaces from before: row_count), and `cost_lines.line_count`
 * how many lines of the file a daily group holds (NULL: one line).
 */
export const GRAIN_SQL = `
ALTER TABLE sources ADD COLUMN grain TEXT NOT NULL DEFAULT 'line';
ALTER TABLE sources ADD COLUMN stored_rows INTEGER;
ALTER TABLE cost_lines ADD COLUMN line_count INTEGER;
`;

/** Indexes on the line level, built after a load (cheaper than maintaining them row by row). */
/**
 * Alert kinds and incidents: a budget alert keeps its crossing (BudgetCrossing JSON) in the
 * `anomaly` column (the alert's subject), its budget in `budget_id`; `incident` ties the alerts of
 * one event together (NULL: the alert stands alone). See docs/alerts-and-budgets.md.
 */
export const ALERT_KINDS_SQL = `
ALTER TABLE alerts ADD COLUMN kind TEXT NOT NULL DEFAULT 'anomaly';
ALTER TABLE alerts ADD COLUMN budget_id INTEGER;
ALTER TABLE alerts ADD COLUMN incident TEXT;
CREATE INDEX alerts_by_budget ON alerts (budget_id);
CREATE INDEX alerts_by_incident ON alerts (incident);
`;

export const LINE_INDEXES = [
  'CREATE INDEX IF NOT EXISTS cost_lines_by_source_row ON cost_lines (source_id, row_number);',
  'CREATE INDEX IF NOT EXISTS cost_lines_by_day ON cost_lines (day);',
] as const;
export const LINE_INDEXES_SQL = LINE_INDEXES.join('\n');
