/**
 * Plain data types shared by the engine, the hosts and the renderer.
 *
 * Money crosses the boundary two ways: totals as `Decimal` strings (exact, at least six decimal
 * places) and chart values as numbers (sums that are exact to well below a cent, for drawing).
 */

/** An exact decimal amount as text, e.g. "1234.560000". */
export type Decimal = string;

/** A format id: family, then version, e.g. `focus-1.2`. */
export type FormatId = `${FormatFamily}-${string}`;
export type FormatFamily = 'focus' | 'aws' | 'azure' | 'gcp' | 'oci' | 'openai' | 'anthropic' | 'opencost';

/**
 * Where the engine reads a file from. The host resolves it to bytes: a path (desktop, CLI) or a
 * Blob/File handed over by the browser (structured-cloned into the worker).
 */
export type SourceRef =
  | { kind: 'path'; path: string; name?: string }
  | { kind: 'blob'; name: string; blob: unknown };

export interface ImportRequest {
  files: SourceRef[];
  /** Import the readable rows of files that have rejected rows, instead of importing nothing. */
  acceptPartial?: boolean;
}

export interface RowError {
  /** Record number in the file, the header being row 1. */
  row: number;
  message: string;
}

export interface CurrencyTotals {
  billedCost: Decimal;
  effectiveCost: Decimal;
}

export type SourceStatus = 'imported' | 'rejected' | 'duplicate' | 'failed' | 'cancelled' | 'not-imported';

export interface SourceReport {
  file: string;
  format: FormatId | null;
  status: SourceStatus;
  sha256: string | null;
  sizeBytes: number;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** The first rejected rows (at most 1,000), with row number and reason. */
  errors: RowError[];
  /** A file-level reason, when the file as a whole could not be imported. */
  message?: string;
  /** Mandatory columns the header lacks, when that is why the file was refused. */
  missingColumns?: string[];
  /** Columns kept as extras (not part of the FOCUS model). */
  extraColumns: string[];
  /** What the import assumed or estimated, for the user to know (e.g. the day/month order chosen). */
  warnings: string[];
  totals: Record<string, CurrencyTotals>;
  period: { start: string; end: string } | null;
}

export interface ImportResult {
  /** True when the batch was written to the workspace. */
  committed: boolean;
  sources: SourceReport[];
}

export interface SourceSummary {
  id: number;
  file: string;
  format: FormatId;
  sha256: string;
  sizeBytes: number;
  importedAt: string;
  rows: number;
  totals: Record<string, CurrencyTotals>;
  period: { start: string; end: string } | null;
}

export interface WorkspaceStatus {
  engineVersion: string;
  sqliteVersion: string;
  sources: number;
  costLines: number;
  /** Size of the database in bytes (page_count × page_size). */
  databaseBytes: number;
}

export interface WorkspaceBytes {
  bytes: Uint8Array;
}

export interface OverviewQuery {
  /** Currency of the breakdowns; defaults to the one with the largest spend. */
  currency?: string;
  /** Inclusive first day, YYYY-MM-DD. */
  from?: string;
  /** Inclusive last day, YYYY-MM-DD. */
  to?: string;
  /** How many rows in each ranked breakdown; the rest is summed as "Other". Default 10. */
  top?: number;
  /**
   * Convert every currency into this one at the workspace's daily FX rates (instead of showing
   * one currency). Converted figures say so: see `Overview.conversion`.
   */
  displayCurrency?: string;
}

/** An exchange rate: 1 `from` = `rate` `to`, from `date` on (until a later rate). */
export interface FxRate {
  date: string;
  from: string;
  to: string;
  rate: number;
  /** Where the rate comes from (e.g. "ECB reference rate"), shown beside converted figures. */
  source: string;
}

export interface Conversion {
  to: string;
  /** The sources of the rates used. */
  sources: string[];
  /** Amounts that could not be converted (no rate), left out of every converted figure. */
  missing: Array<{ currency: string; firstDay: string; lastDay: string; effectiveCost: number }>;
}

export interface Breakdown {
  key: string;
  effectiveCost: number;
  billedCost: number;
}

export interface DailyCost {
  day: string;
  effectiveCost: number;
  billedCost: number;
}

export interface ResourceCost {
  resourceId: string;
  resourceName: string;
  serviceName: string;
  effectiveCost: number;
  billedCost: number;
}

export interface Overview {
  /** Totals of every currency in the workspace (and period), largest first. */
  currencies: Array<{ currency: string } & CurrencyTotals & { rows: number }>;
  /** The currency every breakdown below is in; null for an empty workspace. */
  currency: string | null;
  total: CurrencyTotals;
  period: { start: string; end: string } | null;
  byDay: DailyCost[];
  byProvider: Breakdown[];
  byServiceCategory: Breakdown[];
  byService: Breakdown[];
  bySubAccount: Breakdown[];
  byRegion: Breakdown[];
  topResources: ResourceCost[];
  tagKeys: string[];
  /** Set when the figures are converted into a display currency. */
  conversion: Conversion | null;
}

export interface TagBreakdownQuery extends OverviewQuery {
  key: string;
}

export interface TagBreakdown {
  key: string;
  currency: string | null;
  rows: Breakdown[];
}

export interface CostLineQuery {
  currency?: string;
  from?: string;
  to?: string;
  /** FOCUS column equality filters, e.g. { ServiceName: 'Amazon Bedrock' }. */
  where?: Record<string, string>;
  limit?: number;
  offset?: number;
}

export interface CostLine {
  sourceFile: string;
  row: number;
  chargePeriodStart: string;
  providerName: string;
  serviceName: string;
  resourceId: string;
  billingCurrency: string;
  billedCost: number;
  effectiveCost: number;
}

export interface CostLinePage {
  total: number;
  lines: CostLine[];
}
