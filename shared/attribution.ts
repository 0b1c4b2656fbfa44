/**
 * Cost attribution: the plain data types of dimensions, rules, shared-cost pools, rule-set
 * versions and the allocation results. Shared by the engine, the CLI and the renderer.
 *
 * Money is exact decimal text (`Decimal`) in totals and rows; coverage is a fraction 0..1.
 * "Unallocated" is a first-class bucket: its value is `null` in every result.
 */
import type { Decimal } from './model.js';

// ── Configuration ──────────────────────────────────────────────────────────────────────────────

/** A dimension the organisation allocates cost to (team, project, model, …). */
export interface AttributionDimension {
  /** Stable id, lower case: letters, digits, `_` and `-` (e.g. `team`, `cost_centre`). */
  id: string;
  /** Its name as shown (e.g. "Cost centre"). */
  name: string;
}

/**
 * What a condition reads: a FOCUS or AI column by name (`ServiceName`, `x_Model`, `BilledCost`),
 * a tag (`tag:<key>`) or an extra column kept from the source file (`extra:<column>`).
 */
export type ColumnRef = string;

/** Text operators (case-sensitive unless `ignoreCase`). `regex` is a JavaScript regular expression. */
export type TextOperator = 'equals' | 'contains' | 'startsWith' | 'regex';
/** Numeric operators; they read the column as a number (a line without a number never matches). */
export type NumericOperator = '<' | '<=' | '>' | '>=' | '=';

export type Condition =
  | { column: ColumnRef; op: TextOperator; value: string; ignoreCase?: boolean }
  | { column: ColumnRef; op: 'in'; values: string[]; ignoreCase?: boolean }
  /** `exists`: the column has a non-empty value; `missing`: it has none. */
  | { column: ColumnRef; op: 'exists' | 'missing' }
  | { column: ColumnRef; op: NumericOperator; number: number };

/** All (AND) or any (OR) of conditions and nested groups. An empty `all` matches every line. */
export interface ConditionGroup {
  match: 'all' | 'any';
  conditions: ConditionNode[];
}
export type ConditionNode = Condition | ConditionGroup;

/**
 * The value a rule gives a line. `column` reads a column, tag (`tag:<key>`) or extra
 * (`extra:<col>`); `capture` takes a regex capture group (number, or name) out of one. When the
 * value comes out empty (no such tag, no regex match), the rule does not match that line and the
 * next rule is tried.
 */
export type RuleValue =
  | { kind: 'constant'; value: string }
  | { kind: 'column'; column: ColumnRef }
  | { kind: 'capture'; column: ColumnRef; pattern: string; group: number | string; ignoreCase?: boolean };

/**
 * A rule ("virtual tag"). Rules are ordered; per dimension, the first enabled rule that matches a
 * line (and yields a value) decides the line's value in that dimension.
 */
export interface AllocationRule {
  /** Stable id (letters, digits, `_`, `-`, `.`), unique among rules. */
  id: string;
  name: string;
  enabled: boolean;
  /** The id of the dimension it sets. */
  dimension: string;
  when: ConditionGroup;
  value: RuleValue;
  /** Why the rule exists, for the council. */
  note?: string;
}

/** Which costs go into a pool: the lines matching a condition, or a value of the pool's dimension. */
export type PoolSource =
  | { kind: 'condition'; when: ConditionGroup }
  /** The cost the rules gave this value (e.g. team = `shared-platform`); `null` = the unallocated cost. */
  | { kind: 'value'; value: string | null };

/** Where a pool's cost goes: a value of the pool's dimension, or another pool (of the same dimension). */
export type PoolTarget = { kind: 'value'; value: string } | { kind: 'pool'; pool: string };

/** A usage metric for splitting: built in (from the lines of each target), or one the user imported. */
export type UsageMetric = 'tokens' | 'gpuHours' | 'requests' | { imported: string };

/**
 * How a pool splits its cost among its targets.
 * - `even`: equal shares.
 * - `proportional`: in proportion to each target's direct cost (cost the rules gave it) in the
 *   same calendar month and currency.
 * - `fixed`: the given percentages, one per target in target order, totalling 100.
 * - `usage`: in proportion to a usage metric of each target in the same calendar month.
 * A pool target weighs what its own targets weigh together; negative weights count as zero. When
 * every weight of a month is zero, that month splits evenly (the explanation says so).
 */
export type SplitMethod =
  | { kind: 'even' }
  | { kind: 'proportional' }
  | { kind: 'fixed'; percentages: number[] }
  | { kind: 'usage'; metric: UsageMetric };

/** A shared-cost pool: takes costs out of where the rules put them and splits them to targets. */
export interface SharedCostPool {
  id: string;
  name: string;
  enabled: boolean;
  /** The dimension whose values it moves cost between. */
  dimension: string;
  source: PoolSource;
  targets: PoolTarget[];
  method: SplitMethod;
  note?: string;
}

/** The whole rule set of a workspace. */
export interface AttributionConfig {
  dimensions: AttributionDimension[];
  /** Dimension ids from the top of the hierarchy down, under the organisation (e.g. team → project → model). */
  hierarchy: string[];
  /** In evaluation order. */
  rules: AllocationRule[];
  /** In evaluation order (a pool fed by another pool is split after it, whatever the order). */
  pools: SharedCostPool[];
}

// ── Versions and frozen periods ────────────────────────────────────────────────────────────────

/**
 * A saved rule-set version. Each day is allocated by the version with the latest `effectiveFrom`
 * on or before it (the first version has `effectiveFrom` null: from the beginning). The newest
 * version is the one being edited; `saveRuleVersion` starts a new one from a day on.
 */
export interface RuleVersionSummary {
  id: number;
  label: string;
  /** YYYY-MM-DD, or null for the first version. */
  effectiveFrom: string | null;
  createdAt: string;
  rules: number;
  pools: number;
  /** True for the version being edited (the newest). */
  current: boolean;
}

/** A closed period whose results are kept: it is allocated by a snapshot of the rule sets that allocated it when frozen. */
export interface FrozenPeriod {
  id: number;
  /** Inclusive days, YYYY-MM-DD. */
  from: string;
  to: string;
  label: string;
  frozenAt: string;
}

export interface RuleVersions {
  versions: RuleVersionSummary[];
  frozen: FrozenPeriod[];
}

// ── Queries and results ────────────────────────────────────────────────────────────────────────

export type CostKind = 'effective' | 'billed';

/** Scope shared by allocation queries. */
export interface AllocationScope {
  /** Inclusive days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** One currency; default: every currency (summaries) or the largest spend (tree, coverage). */
  currency?: string;
  /** Default `effective`. */
  cost?: CostKind;
}

export interface AllocationQuery extends AllocationScope {
  /** An allocated dimension id, a FOCUS column name (e.g. `ServiceName`) or `tag:<key>`. */
  by: string;
}

export interface AllocationRow {
  /** null: unallocated (for a column: not set; for a tag: untagged). */
  value: string | null;
  cost: Decimal;
}

/** Allocated totals of one dimension in one currency. Rows are largest first; they sum to `total`. */
export interface AllocationSummary {
  dimension: string;
  currency: string;
  total: Decimal;
  /** Share of `total` with a value (0..1); 1 when the total is zero. */
  coverage: number;
  rows: AllocationRow[];
}

export interface CoveragePoint {
  /** YYYY-MM-DD (day) or YYYY-MM (month). */
  period: string;
  total: Decimal;
  allocated: Decimal;
  coverage: number;
}

export interface CoverageQuery extends AllocationScope {
  dimension: string;
  granularity?: 'day' | 'month';
}

export interface CoverageOverTime {
  dimension: string;
  currency: string | null;
  granularity: 'day' | 'month';
  points: CoveragePoint[];
}

/** A node of the hierarchy: the organisation at the root, then values of each hierarchy dimension. */
export interface AllocationTreeNode {
  /** null at the root (the organisation). */
  dimension: string | null;
  /** null: unallocated at this level (or the root). */
  value: string | null;
  cost: Decimal;
  /** Share of this node's cost allocated at the next level down (1 for a leaf). */
  coverage: number;
  children: AllocationTreeNode[];
}

export interface AllocationTree {
  currency: string | null;
  hierarchy: string[];
  root: AllocationTreeNode;
}

/** Source provenance of a cost line. */
export interface LineRef {
  sourceId: number;
  rowNumber: number;
  file: string;
  cost: Decimal;
}

export interface ExplainQuery extends AllocationScope {
  dimension: string;
  /** null: the unallocated bucket. */
  value: string | null;
  /** How many source rows to list (largest first); default 50, at most 1,000. */
  rowLimit?: number;
}

/**
 * Why a figure is what it is: `figure` = Σ direct − Σ givenToPools + Σ receivedFromPools
 * (to the cent). Direct cost is broken down by the rule that set it (rule null: no rule matched).
 */
export interface AllocationExplanation {
  dimension: string;
  value: string | null;
  currency: string;
  figure: Decimal;
  direct: Array<{ ruleId: string | null; ruleName: string | null; cost: Decimal; lines: number }>;
  /** Direct cost of this value that pools took away to split. */
  givenToPools: Array<{ poolId: string; poolName: string; cost: Decimal }>;
  /** Shares of pools this value received: the pool, its method, this value's share and where the pool's cost came from. */
  receivedFromPools: Array<{
    poolId: string;
    poolName: string;
    method: SplitMethod['kind'];
    /** This value's share of the pool's cost over the scope (0..1). */
    share: number;
    cost: Decimal;
    /** The pool's own cost by where it came from (a value, or `pool:<id>` for a feeding pool). */
    poolInputs: Array<{ from: string | null; cost: Decimal }>;
    /** Set when every weight was zero in some month and the split fell back to even. */
    evenFallback?: boolean;
  }>;
  /** The source rows of the direct cost, largest first. */
  rows: LineRef[];
  /** How many source rows the direct cost has in all. */
  rowCount: number;
  /** Rules/pool version(s) used: the version ids and frozen periods that cover the scope. */
  versions: number[];
  frozen: number[];
}

/** Where one source row's cost went, per dimension. */
export interface LineExplanation {
  sourceId: number;
  rowNumber: number;
  file: string;
  day: string;
  currency: string;
  billedCost: Decimal;
  effectiveCost: Decimal;
  /** The rule-set version (or frozen period) that allocates the row's day. */
  version: number;
  frozen: number | null;
  dimensions: Array<{
    dimension: string;
    /** What the rules gave it (null: no rule matched). */
    value: string | null;
    rule: { id: string; name: string } | null;
    /** Set when a pool took the row's cost: the pool chain's final shares of this row (largest first). */
    pool: { id: string; name: string; shares: Array<{ value: string; share: number; cost: Decimal }> } | null;
  }>;
}

/** What saving a rule would do (rule put in place of the same id, or at `position`). */
export interface RulePreviewRequest {
  rule: AllocationRule;
  /** Index in the rule list for a new rule; default: last. */
  position?: number;
  currency?: string;
  cost?: CostKind;
}

export interface RulePreview {
  dimension: string;
  /** The currency of the money figures (the largest spend unless asked). */
  currency: string | null;
  /** Lines (every currency) this rule would decide. */
  rowsMatched: number;
  /** Cost whose value in the dimension changes (after pools). */
  costMoved: Decimal;
  coverageBefore: number;
  coverageAfter: number;
}

// ── Rule packs ─────────────────────────────────────────────────────────────────────────────────

/** The shareable JSON form of a rule set (see docs/rule-packs.md). */
export interface RulePack {
  format: 'cost-council-rule-pack';
  version: 1;
  name?: string;
  description?: string;
  dimensions: AttributionDimension[];
  hierarchy?: string[];
  rules: AllocationRule[];
  pools: SharedCostPool[];
}

/** `merge`: the pack's items replace same-id items and new ones are appended; `replace`: the pack becomes the rule set. */
export type RulePackMode = 'merge' | 'replace';

export interface RulePackRequest {
  pack: RulePack;
  mode: RulePackMode;
}

export interface ItemChange<T> {
  id: string;
  before: T;
  after: T;
  /** Names of the fields that differ. */
  fields: string[];
}

export interface RulePackDiff {
  mode: RulePackMode;
  rules: { added: AllocationRule[]; removed: AllocationRule[]; changed: Array<ItemChange<AllocationRule>>; unchanged: number; reordered: boolean };
  pools: { added: SharedCostPool[]; removed: SharedCostPool[]; changed: Array<ItemChange<SharedCostPool>>; unchanged: number };
  dimensions: { added: AttributionDimension[]; removed: AttributionDimension[] };
  hierarchyChanged: boolean;
}

// ── Version diff ───────────────────────────────────────────────────────────────────────────────

export interface VersionDiffRequest extends AllocationScope {
  /** Version ids; both are applied to the same lines (the scope), ignoring effective dates and freezes. */
  before: number;
  after: number;
  dimension: string;
}

export interface VersionDiff {
  dimension: string;
  currency: string | null;
  before: number;
  after: number;
  /** Per value: cost under each version and the change (after − before); largest change first. */
  rows: Array<{ value: string | null; before: Decimal; after: Decimal; change: Decimal }>;
  /**
   * Money moving from one value to another, largest first: per group of lines, what a value keeps
   * stays and the excess moves to the values that gain, in proportion to their gain.
   */
  moves: Array<{ from: string | null; to: string | null; cost: Decimal }>;
}
