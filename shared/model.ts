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
  /**
   * What to do when a file covers the same billing account(s) and period as a file already in
   * the workspace (a re-export): replace the older file, or keep both. Unset: nothing is imported
   * and the report lists the overlaps, so the user decides.
   */
  overlapping?: 'replace' | 'keep-both';
}

/** An imported file that a new file overlaps (same format family, account and period). */
export interface Overlap {
  sourceId: number;
  file: string;
  period: { start: string; end: string };
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
  /**
   * When no known format reads the file: the known formats it came closest to (best first), each
   * with the columns it lacks; empty when none came close. Such a file can be mapped by hand.
   */
  closestFormats?: ClosestFormat[];
  /** The header of a file no known format reads (its column names, as written). */
  header?: string[];
  /** Columns kept as extras (not part of the FOCUS model). */
  extraColumns: string[];
  /** What the import assumed or estimated, for the user to know (e.g. the day/month order chosen). */
  warnings: string[];
  /** Files already in the workspace that this one overlaps (see ImportRequest.overlapping). */
  overlaps?: Overlap[];
  totals: Record<string, CurrencyTotals>;
  period: { start: string; end: string } | null;
}

export interface ImportResult {
  /** True when the batch was written to the workspace. */
  committed: boolean;
  /** Set when nothing was imported only because the user must decide about overlapping files. */
  needsDecision?: 'overlapping';
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
  /**
   * Break down by an allocated dimension (see shared/attribution.ts): `Overview.byAllocated`,
   * read from the materialised allocation (alloc_daily). Ignored with a display currency.
   */
  allocatedBy?: string;
  /**
   * Keep only the cost allocated to one value of an allocated dimension (null: its unallocated
   * cost). Applies to `total`, `byDay`, and `byAllocated` when that is the same dimension; the
   * other breakdowns stay unfiltered (allocation is kept per dimension and day, not per line),
   * which `allocatedFilter.appliesTo` says. Ignored with a display currency.
   */
  allocated?: { dimension: string; value: string | null };
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
  /** Set when the query asks for `allocatedBy`: cost by value of that dimension (key "(unallocated)" for the rest). */
  byAllocated?: { dimension: string; coverage: number; rows: Breakdown[] };
  /** Set when the query filters by `allocated`: what the filter applied to. */
  allocatedFilter?: { dimension: string; value: string | null; appliesTo: Array<'total' | 'byDay' | 'byAllocated'> };
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

// ── Price book (AI model list prices per 1M tokens) ─────────────────────────────────────────────

/** What a token is billed as: plain input, a prompt-cache read, a 5-minute or 1-hour cache write, output. */
export type TokenPriceKind = 'input' | 'cachedInput' | 'cacheWrite' | 'cacheWrite1h' | 'output';

/** A model's list prices per 1,000,000 tokens from a day on (until a later entry for the same name). */
export interface ModelPriceFields {
  /** Lower-case provider id, e.g. `openai`, `anthropic`: usage exports of a provider use its entries. */
  provider: string;
  /** Model names as usage exports write them (lower case); a dated snapshot falls back to its family name. */
  models: string[];
  /** YYYY-MM-DD: applies to usage on or after this day. */
  effectiveFrom: string;
  /** ISO 4217 code of the prices. */
  currency: string;
  /** Price per 1M tokens as decimal text; a kind left out has no list price. */
  perMillion: Partial<Record<TokenPriceKind, Decimal>>;
  /** Factor for Batch API usage (e.g. "0.5"). */
  batchMultiplier?: Decimal;
  /** Where the price was read, for the user to check. */
  source: string;
}

/** Shipped with the app, shipped but edited in this workspace, or added in this workspace. */
export type PriceStatus = 'shipped' | 'edited' | 'added';

export interface PriceBookEntry extends ModelPriceFields {
  /** Stable id: `provider:model@effectiveFrom` for shipped entries, `user-N` for added ones. */
  id: string;
  status: PriceStatus;
  /** The shipped version of an edited entry. */
  shipped?: ModelPriceFields;
}

/** The workspace's price book: the shipped list with this workspace's edits. */
export interface EffectivePriceBook {
  /** The day the shipped prices were compiled. */
  asOf: string;
  /** True when the workspace has edits (estimates then name the "edited price book"). */
  edited: boolean;
  /** Entries in force, by provider, model and date. */
  entries: PriceBookEntry[];
  /** Shipped entries removed in this workspace (they can be restored). */
  removed: PriceBookEntry[];
  /** Set when stored edits could not be read (all or some of them are ignored). */
  problem?: string;
}

/**
 * One change to the price book. `set` changes an entry in place (a shipped one becomes "edited");
 * `add` adds an entry: a new model, or a new price of a listed model from a date on (the earlier
 * entry still prices usage before that day); `remove` takes an entry out; `restore` gives a
 * shipped entry back its shipped prices (undoing a change or a removal).
 */
export type PriceBookEdit =
  | { action: 'set'; id: string; price: ModelPriceFields }
  | { action: 'add'; price: ModelPriceFields }
  | { action: 'remove'; id: string }
  | { action: 'restore'; id: string };

/** A known format a refused file came close to, and the columns the file lacks for it. */
export interface ClosestFormat {
  /** The format's name in messages, e.g. "OpenAI costs". */
  name: string;
  format: FormatId;
  missing: string[];
}

/**
 * Which source file to preview: the files of the import (as given to `importFiles`) and the name
 * the validation report gave the source (`bill.csv`, `archive.zip › inner.csv`).
 */
export interface FilePreviewRequest {
  files: SourceRef[];
  source: string;
}

/** The head of a source file, for mapping its columns by hand. */
export interface FilePreview {
  file: string;
  /** Its column names, as written (BOM and surrounding spaces removed). */
  header: string[];
  /** The first records after the header (at most 5), cells cut to 200 characters. */
  rows: string[][];
  /** The known formats it came closest to, best first, with the columns it lacks for each. */
  closestFormats: ClosestFormat[];
  /** The format that reads it now (a built-in one, or a column mapping saved since), or null. */
  format: FormatId | null;
}

/** The FOCUS columns a column mapping can fill from a column of the file. */
export type MappedField =
  | 'ChargePeriodStart'
  | 'ChargePeriodEnd'
  | 'BilledCost'
  | 'EffectiveCost'
  | 'ListCost'
  | 'BillingCurrency'
  | 'ProviderName'
  | 'ServiceName'
  | 'ServiceCategory'
  | 'ChargeCategory'
  | 'ChargeDescription'
  | 'BillingAccountId'
  | 'SubAccountId'
  | 'SubAccountName'
  | 'RegionId'
  | 'ResourceId'
  | 'ResourceName'
  | 'SkuId'
  | 'ConsumedQuantity'
  | 'ConsumedUnit'
  | 'x_Model'
  | 'x_TokenType'
  | 'x_Tokens'
  | 'x_GpuHours'
  | 'x_Workload'
  | 'x_ApiKey'
  | 'x_User';

/**
 * A column mapping made by hand for files no known format reads. It reads every file whose header
 * has exactly its columns (in any order and case); its format id is the family, `-mapped-` and the
 * slug of its name: `openai-mapped-finance-export`.
 */
export interface ColumnMapping {
  /** The user's name for it (its slug must be unique in the workspace). */
  name: string;
  /** The provider family the files come from. */
  family: FormatFamily;
  /** The columns of the files it reads. */
  header: string[];
  /**
   * FOCUS column → the file's column it is read from. ChargePeriodStart and BilledCost are
   * required; EffectiveCost, when not mapped, is the BilledCost.
   */
  columns: Partial<Record<MappedField, string>>;
  /** Fixed values for columns the file does not have: the currency (a code) and the provider. */
  fixed: { BillingCurrency?: string; ProviderName?: string };
  /** Columns whose names start with this prefix become tags (the key is the rest of the name). */
  tagPrefix?: string;
  /** Further columns that become tags (the key is the column name). */
  tagColumns?: string[];
}

/** A column mapping as saved in the workspace. */
export interface SavedColumnMapping extends ColumnMapping {
  /** The format id of the files it reads, e.g. `openai-mapped-finance-export`. */
  format: FormatId;
  /** When it was saved (ISO 8601). */
  savedAt: string;
}
