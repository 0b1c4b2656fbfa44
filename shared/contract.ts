/**
 * The one contract between the renderer (or CLI) and the engine.
 *
 * Every engine method takes one argument and returns one value. The engine's handler table is
 * typed as `EngineHandlers`, so a method added here without a handler (or the reverse) fails to
 * compile. Nothing here imports the DOM, Node or Electron: both sides use these types.
 */
import type {
  ImportRequest,
  ImportResult,
  Overview,
  OverviewQuery,
  SourceSummary,
  TagBreakdown,
  TagBreakdownQuery,
  WorkspaceBytes,
  WorkspaceStatus,
  CostLinePage,
  CostLineQuery,
  FxRate,
  EffectivePriceBook,
  PriceBookEdit,
  ColumnMapping,
  FilePreview,
  FilePreviewRequest,
  FormatId,
  SavedColumnMapping,
} from './model.js';
import type {
  AllocationExplanation,
  AllocationQuery,
  AllocationRule,
  AllocationScope,
  AllocationSummary,
  AllocationTree,
  AttributionConfig,
  CoverageOverTime,
  CoverageQuery,
  ExplainQuery,
  LineExplanation,
  RulePack,
  RulePackDiff,
  RulePackRequest,
  RulePreview,
  RulePreviewRequest,
  RuleVersions,
  SharedCostPool,
  VersionDiff,
  VersionDiffRequest,
} from './attribution.js';
import type { MetricImportReport, MetricImportRequest, MetricSummary } from './metrics.js';
import type { UnitEconomics, UnitEconomicsQuery } from './unit-economics.js';
import type { Anomaly, AnomalyQuery, AnomalySettings, DriverForecast, DriverForecastQuery, ForecastQuery, SeriesForecast, SliceDimensions } from './forecast.js';
import type { AlertList, AlertQuery, AlertRefresh, AlertUpdate, Alert, AlertsEvent, ExpectedPattern, IncidentUpdate } from './alerts.js';
import type { Budget, BudgetInput, BudgetStatusReport, BudgetStatusQuery } from './budgets.js';

export interface EngineApi {
  /** Engine and workspace facts: versions, row counts, database size. */
  status(arg: Record<string, never>): WorkspaceStatus;
  /** Imports a batch of files in one transaction: all of it, or (on any failure) none of it. */
  importFiles(arg: ImportRequest): ImportResult;
  /** Sources (imported files) with their provenance and totals. */
  listSources(arg: Record<string, never>): SourceSummary[];
  /** Removes an imported file: its lines and everything derived from them. */
  removeSource(arg: { id: number }): WorkspaceStatus;
  /** Totals and breakdowns for the overview screen, from the daily rollups. */
  overview(arg: OverviewQuery): Overview;
  /** The workspace's exchange rates. */
  fxRates(arg: Record<string, never>): FxRate[];
  /** Adds or replaces exchange rates (same date and pair: replaced). All or nothing. */
  setFxRates(arg: { rates: FxRate[] }): FxRate[];
  /** Cost by the values of one tag key. */
  tagBreakdown(arg: TagBreakdownQuery): TagBreakdown;
  /** The source lines behind a figure: "explain this number". */
  costLines(arg: CostLineQuery): CostLinePage;
  /** The whole workspace as one SQLite file. */
  exportWorkspace(arg: Record<string, never>): WorkspaceBytes;
  /** Replaces the workspace with the given SQLite file (validated first). */
  openWorkspace(arg: WorkspaceBytes): WorkspaceStatus;
  /** Replaces the workspace with an empty one. */
  newWorkspace(arg: Record<string, never>): WorkspaceStatus;
  /** The head of a source file no known format reads: its columns, first rows and closest formats. */
  previewFile(arg: FilePreviewRequest): FilePreview;
  /** The workspace's column mappings (invalid stored ones are left out). */
  listColumnMappings(arg: Record<string, never>): SavedColumnMapping[];
  /** Saves a column mapping (replacing one of the same name or the same columns); returns them all. */
  saveColumnMapping(arg: ColumnMapping): SavedColumnMapping[];
  /** Deletes the column mapping of that format id; returns the rest. */
  deleteColumnMapping(arg: { format: FormatId }): SavedColumnMapping[];
  /** The workspace's price book: the shipped list with its edits, each entry marked shipped, edited or added. */
  priceBook(arg: Record<string, never>): EffectivePriceBook;
  /** Applies edits to the workspace's price book (checked first: all or nothing). */
  savePriceBook(arg: { edits: PriceBookEdit[] }): EffectivePriceBook;
  /** Drops every edit: the workspace goes back to the shipped prices. */
  resetPriceBook(arg: Record<string, never>): EffectivePriceBook;

  // Cost attribution (shared/attribution.ts). Writes are checked whole first: all or nothing.
  /** The rule set being edited (the newest version): dimensions, hierarchy, rules, pools. */
  attributionConfig(arg: Record<string, never>): AttributionConfig;
  /** Replaces the whole rule set being edited. */
  saveAttributionConfig(arg: { config: AttributionConfig }): AttributionConfig;
  /** Adds a rule (at `position`, default last) or replaces the rule of the same id in place. */
  saveRule(arg: { rule: AllocationRule; position?: number }): AttributionConfig;
  deleteRule(arg: { id: string }): AttributionConfig;
  /** Puts the rules in this order (every rule id exactly once). */
  reorderRules(arg: { ids: string[] }): AttributionConfig;
  /** Adds a pool or replaces the pool of the same id (pool cycles and bad percentages are refused). */
  savePool(arg: { pool: SharedCostPool }): AttributionConfig;
  deletePool(arg: { id: string }): AttributionConfig;
  /** What saving this rule would change, without saving it: rows matched, cost moved, coverage before → after. */
  previewRule(arg: RulePreviewRequest): RulePreview;
  /** Allocated totals by a dimension (or a FOCUS column, or `tag:<key>`), one summary per currency. */
  allocationSummary(arg: AllocationQuery): AllocationSummary[];
  /** The hierarchy tree (organisation → …) with totals and coverage, in one currency. */
  allocationTree(arg: AllocationScope): AllocationTree;
  /** Coverage of one dimension per day or month, in one currency. */
  coverageOverTime(arg: CoverageQuery): CoverageOverTime;
  /** The chain behind an allocated figure: rules, pools, split shares, source rows. */
  explainAllocation(arg: ExplainQuery): AllocationExplanation;
  /** Where one source row's cost went, per dimension. */
  explainLine(arg: { sourceId: number; rowNumber: number }): LineExplanation;
  /** The rule set being edited as a shareable rule pack. */
  exportRulePack(arg: { name?: string; description?: string }): RulePack;
  /** What applying a rule pack would change (nothing is saved). */
  diffRulePack(arg: RulePackRequest): RulePackDiff;
  /** Applies a rule pack to the rule set being edited. */
  applyRulePack(arg: RulePackRequest): AttributionConfig;
  /** Saved rule-set versions and frozen periods. */
  listRuleVersions(arg: Record<string, never>): RuleVersions;
  /** Starts a new version (a copy of the current one) effective from a day; earlier days keep the previous version. */
  saveRuleVersion(arg: { label: string; effectiveFrom: string }): RuleVersions;
  /** Freezes a closed period: it keeps the allocation of today's rules whatever changes later. */
  freezePeriod(arg: { from: string; to: string; label?: string }): RuleVersions;
  /** Restates a frozen period on purpose: drops the freeze, so the period follows the versions again. */
  restatePeriod(arg: { id: number }): RuleVersions;
  /** Money moving between values of a dimension from one version to another, over the same lines. */
  diffVersions(arg: VersionDiffRequest): VersionDiff;
  /** Imported business metrics (searches, active users…), one line each. */
  listMetrics(arg: Record<string, never>): MetricSummary[];
  /** Imports a metric CSV (`date,<dimension>,<metric>`): all its rows, or none with the problems listed. */
  importMetrics(arg: MetricImportRequest): MetricImportReport;
  /** Deletes an imported metric; returns the rest. */
  deleteMetric(arg: { name: string }): MetricSummary[];
  /** Cost per unit (1K tokens, request, GPU hour, training run, imported metric) as time series. */
  unitEconomics(arg: UnitEconomicsQuery): UnitEconomics;
  /** Daily forecasts of a slice (one series, or one per value), each with its model, intervals and track record. */
  forecast(arg: ForecastQuery): SeriesForecast[];
  /** AI spend from its drivers: tokens per model × price book price × traffic growth, beside the time series. */
  driverForecast(arg: DriverForecastQuery): DriverForecast;
  /** What series can be cut by: the FOCUS columns, the tag keys and the allocated dimensions. */
  sliceDimensions(arg: Record<string, never>): SliceDimensions;
  /** Anomalous days of the chosen dimensions with their root causes. Pure detection: nothing is stored. */
  detectAnomalies(arg: AnomalyQuery): Anomaly[];
  // Alerts and budgets (docs/alerts-and-budgets.md).
  /** Alerts kept in the workspace (anomalies and budget crossings), newest day first, an incident's alerts together, with counts by status. */
  listAlerts(arg: AlertQuery): AlertList;
  /** Changes an alert's status (only along the lifecycle), comment or owner; "expected" on an anomaly may teach a pattern. */
  updateAlert(arg: AlertUpdate): Alert;
  /** The same change for every alert of an incident that allows it (each keeps its own history); returns the incident's alerts. */
  updateIncident(arg: IncidentUpdate): Alert[];
  /** Runs anomaly detection with the workspace's settings and checks every budget's thresholds; raises alerts for what was not seen before. */
  refreshAlerts(arg: Record<string, never>): AlertRefresh;
  /** The patterns learned from alerts marked expected. */
  listExpectedPatterns(arg: Record<string, never>): ExpectedPattern[];
  /** Forgets an expected pattern (later anomalies like it are raised again); returns the rest. */
  deleteExpectedPattern(arg: { id: number }): ExpectedPattern[];
  /** The workspace's anomaly settings (the defaults until saved). */
  anomalySettings(arg: Record<string, never>): AnomalySettings;
  /** Saves anomaly settings (any subset; the rest stays); returns them whole. */
  saveAnomalySettings(arg: Partial<AnomalySettings>): AnomalySettings;
  /** The workspace's budgets. */
  listBudgets(arg: Record<string, never>): Budget[];
  /** Adds a budget (no id) or replaces one (its id); checked first. */
  saveBudget(arg: BudgetInput): Budget;
  /** Deletes a budget; returns the rest. */
  deleteBudget(arg: { id: number }): Budget[];
  /** Each budget's period containing the day: actual, forecast, thresholds crossed, breach probability. */
  budgetStatus(arg: BudgetStatusQuery): BudgetStatusReport;
}

export type EngineMethod = keyof EngineApi;
export type ArgOf<M extends EngineMethod> = Parameters<EngineApi[M]>[0];
export type ResultOf<M extends EngineMethod> = ReturnType<EngineApi[M]>;

/** Tables a writing method may change; the UI re-runs only the queries that depend on them. */
export type TableName = 'cost_lines' | 'sources' | 'fx_rates' | 'workspace' | 'price_book' | 'attribution' | 'metrics' | 'alerts' | 'budgets';

/** Events the engine sends without being asked. */
export interface EngineEvents {
  /** Sent once by a host whose engine starts asynchronously (the web worker), when it serves. */
  ready: { engineVersion: string };
  progress: ProgressEvent;
  dataChanged: { tables: TableName[] };
  /** Sent when an import (or a refresh) raises new alerts: for a badge and a desktop notification. */
  alerts: AlertsEvent;
}
export type EngineEventName = keyof EngineEvents;

export interface ProgressEvent {
  /** The id of the request this progress belongs to. */
  requestId: number;
  file: string;
  fileIndex: number;
  fileCount: number;
  phase: 'reading' | 'indexing' | 'done';
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
}

/** Error codes a user-facing message comes with. */
export type EngineErrorCode =
  | 'BAD_REQUEST'
  | 'UNKNOWN_METHOD'
  | 'CANCELLED'
  | 'INVALID_WORKSPACE'
  | 'NOT_FOUND'
  | 'INTERNAL';

export interface EngineErrorData {
  code: EngineErrorCode;
  /** A sentence a user can act on. */
  message: string;
}

/** What the preload exposes to the renderer as `window.app` in the desktop host. */
export interface ShellApi {
  platform: 'desktop';
  /** Opens the OS file dialog; resolves to the chosen paths (empty when cancelled). */
  chooseBillingFiles(): Promise<string[]>;
  /** The path of a dropped File, for the engine to read it in place. */
  pathForFile(file: unknown): string;
  /** Saves bytes to a path the user picks; atomic (temporary file, then rename). */
  saveWorkspaceAs(bytes: Uint8Array): Promise<string | null>;
  /** Asks the user for a workspace file and returns its bytes. */
  openWorkspaceFile(): Promise<{ name: string; bytes: Uint8Array } | null>;
  /**
   * Shows a desktop notification (title up to 120 characters, body up to 500); resolves when shown,
   * or at once where the OS does not support notifications. Clicking it focuses the app window.
   */
  notify(message: { title: string; body: string }): Promise<void>;
}
