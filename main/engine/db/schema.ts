/** The workspace schema (one SQLite file). Bump SCHEMA_VERSION with every change and migrate. */
import { COST_COLUMNS, sqlTypeOf } from './cost-columns.js';

export const SCHEMA_VERSION = 1;
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

-- Daily rollups: what the overview reads (the line level is too slow to group interactively).
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
CREATE INDEX daily_cost_by_currency_day ON daily_cost (currency, day);

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
CREATE INDEX daily_resource_by_currency_day ON daily_resource (currency, day);
`;

/** Indexes on the line level, built after a load (cheaper than maintaining them row by row). */
export const LINE_INDEXES_SQL = `
CREATE INDEX IF NOT EXISTS cost_lines_by_source_row ON cost_lines (source_id, row_number);
CREATE INDEX IF NOT EXISTS cost_lines_by_day ON cost_lines (day);
`;
