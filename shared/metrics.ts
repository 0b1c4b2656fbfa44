/**
 * Imported business metrics (searches served, active users, documents processed…): one number
 * per day and per value of a dimension, imported from a CSV file (`date,<dimension>,<metric>`).
 * Unit economics divides cost by them; attribution may split shared pools by them.
 */
import type { SourceRef } from './model.js';

/** One imported metric, as listed. */
export interface MetricSummary {
  /** The metric's name (the CSV's third header cell, or the name given at import). */
  name: string;
  /** What its values are of: an allocated dimension (`team`), `tag:<key>` or a FOCUS column. */
  dimension: string;
  /** Distinct dimension values (teams…). */
  values: number;
  /** Rows stored (one per value and day). */
  rows: number;
  /** First and last day (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The sum of all its amounts. */
  total: number;
  /** The file(s) its rows came from. */
  sources: string[];
}

export interface MetricImportRequest {
  /** The CSV file, as the cost importer takes it (a path, or a File in the browser). */
  file?: SourceRef;
  /** Or the CSV text itself (tests, the CLI, pasted text). */
  text?: string;
  /** The metric's name; default: the third header cell. */
  name?: string;
}

export interface MetricProblem {
  /** The record number in the file (the header is row 1); null for the file as a whole. */
  row: number | null;
  message: string;
}

/** What an import of a metric file did: everything, or (with problems) nothing. */
export interface MetricImportReport {
  file: string;
  imported: boolean;
  name: string | null;
  dimension: string | null;
  /** Data rows read (blank lines skipped). */
  rowsRead: number;
  /** Rows written (0 when refused). */
  rowsImported: number;
  /** Of those, rows that replaced a stored row of the same value and day. */
  rowsReplaced: number;
  values: number;
  from: string | null;
  to: string | null;
  /** At most MAX_METRIC_PROBLEMS listed; `problemCount` counts all. */
  problems: MetricProblem[];
  problemCount: number;
  warnings: string[];
}

/** One stored metric row. */
export interface MetricRow {
  dimension: string;
  value: string;
  /** Day number (days since 1970-01-01, UTC). */
  day: number;
  amount: number;
}
