/** Engine results → tree nodes, chart series, table rows and plain-language summaries (pure, tested beside). */
import type {
  AllocationSummary, AllocationTree, AllocationTreeNode, AttributionConfig, AttributionDimension, CoveragePoint, RulePackDiff, VersionDiff,
} from '../../../../shared/attribution.js';
import type { Breakdown } from '../../../../shared/model.js';
import { formatMoney } from '../../format/money.js';

/** How the unallocated bucket is shown wherever a value would be. */
export const UNALLOCATED = '(unallocated)';

export const valueLabel = (value: string | null): string => value ?? UNALLOCATED;

export function dimensionName(dimensions: readonly AttributionDimension[], id: string): string {
  return dimensions.find((d) => d.id === id)?.name ?? id;
}

/** "80%", "99.5%", "100%": whole percent unless that would hide a gap (99.6% is not 100%). */
export function formatCoverage(fraction: number): string {
  const percent = fraction * 100;
  const whole = Math.round(percent);
  if ((whole === 100 && fraction < 1) || (whole === 0 && fraction > 0)) return `${(Math.floor(percent * 10) / 10).toFixed(1)}%`;
  return `${whole}%`;
}

// ── The hierarchy tree ─────────────────────────────────────────────────────────────────────────

export interface HierarchyNode {
  /** A path id, unique in the tree: "search/rag". */
  id: string;
  label: string;
  /** "$1,234.56 · 80% allocated below" */
  detail: string;
  /** The figure this node stands for, for the explain panel (null at the root). */
  target: { dimension: string; value: string | null } | null;
  children: HierarchyNode[];
}

export function hierarchyNodes(tree: AllocationTree, dimensions: readonly AttributionDimension[]): HierarchyNode[] {
  const currency = tree.currency ?? 'USD';
  const convert = (node: AllocationTreeNode, path: string): HierarchyNode => {
    const below = node.children[0]?.dimension;
    const label = node.dimension === null ? 'Organisation' : `${dimensionName(dimensions, node.dimension)}: ${valueLabel(node.value)}`;
    const cost = formatMoney(node.cost, currency);
    const detail = below ? `${cost} · ${formatCoverage(node.coverage)} to a ${dimensionName(dimensions, below).toLowerCase()}` : cost;
    return {
      id: path,
      label,
      detail,
      target: node.dimension === null ? null : { dimension: node.dimension, value: node.value },
      children: node.children.map((c) => convert(c, `${path}/${c.value ?? '\u0000'}`)),
    };
  };
  return [convert(tree.root, 'org')];
}

// ── Coverage ───────────────────────────────────────────────────────────────────────────────────

export function coverageSeries(points: readonly CoveragePoint[]): Array<{ id: string; data: Array<{ x: string; y: number }> }> {
  return [{ id: 'Coverage', data: points.map((p) => ({ x: p.period, y: Math.round(p.coverage * 1000) / 10 })) }];
}

/** "Team: 62% of $3,337.60 is allocated from 2026-10-01 to 2026-10-03; lowest 55% on 2026-10-02, highest 70% on …". */
export function coverageSummary(name: string, points: readonly CoveragePoint[], currency: string | null): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || currency === null) return `${name}: no costs in this period.`;
  let total = 0n;
  let allocated = 0n;
  for (const p of points) {
    total += micros(p.total);
    allocated += micros(p.allocated);
  }
  const overall = total === 0n ? 1 : Number(allocated) / Number(total);
  const low = points.reduce((a, p) => (p.coverage < a.coverage ? p : a), first);
  const high = points.reduce((a, p) => (p.coverage > a.coverage ? p : a), first);
  const range = first.period === last.period ? `in ${first.period}` : `from ${first.period} to ${last.period}`;
  const spread = low.coverage === high.coverage
    ? `the same every ${first.period.length === 7 ? 'month' : 'day'}`
    : `lowest ${formatCoverage(low.coverage)} on ${low.period}, highest ${formatCoverage(high.coverage)} on ${high.period}`;
  return `${name}: ${formatCoverage(overall)} of ${formatMoney(fromMicros(total), currency)} is allocated ${range}; ${spread}.`;
}

/** Decimal text → integer micro-units, exactly (amounts come as text with up to 6+ decimals). */
export function micros(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace(/^[-+]/, '').split('.');
  const value = BigInt(whole || '0') * 1_000_000n + BigInt(`${fraction}000000`.slice(0, 6));
  return negative ? -value : value;
}

export function fromMicros(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, '0')}`;
}

/** One line per dimension: its coverage and unallocated cost, for the coverage table. */
export interface CoverageRow {
  dimension: string;
  name: string;
  currency: string;
  total: string;
  unallocated: string;
  coverage: number;
}

export function coverageRows(summaries: ReadonlyArray<{ dimension: AttributionDimension; summary: AllocationSummary | undefined }>): CoverageRow[] {
  return summaries.flatMap(({ dimension, summary }) =>
    summary
      ? [{
          dimension: dimension.id,
          name: dimension.name,
          currency: summary.currency,
          total: summary.total,
          unallocated: summary.rows.find((r) => r.value === null)?.cost ?? '0',
          coverage: summary.coverage,
        }]
      : []);
}

// ── Diffs ──────────────────────────────────────────────────────────────────────────────────────

/** "Between version 1 and version 2, $120.00 moves between teams: the largest move is …". */
export function versionDiffSummary(diff: VersionDiff, name: string, label: (id: number) => string): string {
  const currency = diff.currency ?? 'USD';
  const moved = diff.moves.reduce((sum, m) => sum + micros(m.cost), 0n);
  if (moved === 0n) return `${label(diff.before)} and ${label(diff.after)} allocate this period the same way by ${name.toLowerCase()}: no money moves.`;
  const top = diff.moves[0];
  const largest = top ? ` The largest move: ${formatMoney(top.cost, currency)} from ${valueLabel(top.from)} to ${valueLabel(top.to)}.` : '';
  return `From ${label(diff.before)} to ${label(diff.after)}, ${formatMoney(fromMicros(moved), currency)} moves between values of ${name.toLowerCase()} in ${diff.moves.length} move${diff.moves.length === 1 ? '' : 's'}.${largest}`;
}

/** The lines a rule-pack diff shows before it is applied ("2 rules added: …"). */
export function packDiffLines(diff: RulePackDiff): string[] {
  const lines: string[] = [];
  const names = (items: ReadonlyArray<{ name: string }>) => items.map((i) => `“${i.name}”`).join(', ');
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  for (const [what, part] of [['rule', diff.rules], ['pool', diff.pools]] as const) {
    if (part.added.length) lines.push(`${plural(part.added.length, what)} added: ${names(part.added)}.`);
    if (part.changed.length) lines.push(`${plural(part.changed.length, what)} changed: ${part.changed.map((c) => `“${c.after.name}” (${c.fields.join(', ')})`).join(', ')}.`);
    if (part.removed.length) lines.push(`${plural(part.removed.length, what)} removed: ${names(part.removed)}.`);
  }
  if (diff.rules.reordered) lines.push('The rule order changes.');
  if (diff.dimensions.added.length) lines.push(`${plural(diff.dimensions.added.length, 'dimension')} added: ${names(diff.dimensions.added)}.`);
  if (diff.dimensions.removed.length) lines.push(`${plural(diff.dimensions.removed.length, 'dimension')} removed: ${names(diff.dimensions.removed)}.`);
  if (diff.hierarchyChanged) lines.push('The hierarchy changes.');
  if (lines.length === 0) lines.push('The pack changes nothing: the rule set already has these rules and pools.');
  else if (diff.rules.unchanged + diff.pools.unchanged > 0) lines.push(`Unchanged: ${plural(diff.rules.unchanged, 'rule')} and ${plural(diff.pools.unchanged, 'pool')}.`);
  return lines;
}

/**
 * The overview's breakdown rows from the effective and billed summaries of one dimension, in the
 * effective summary's order (largest first), unallocated last under its label.
 */
export function summaryBreakdown(effective: AllocationSummary, billed: AllocationSummary | undefined): Breakdown[] {
  const billedBy = new Map((billed?.rows ?? []).map((r) => [r.value, r.cost]));
  const rows = effective.rows.map((r) => ({ key: valueLabel(r.value), effectiveCost: Number(r.cost), billedCost: Number(billedBy.get(r.value) ?? '0'), unallocated: r.value === null }));
  return [...rows.filter((r) => !r.unallocated), ...rows.filter((r) => r.unallocated)].map(({ key, effectiveCost, billedCost }) => ({ key, effectiveCost, billedCost }));
}

// ── Dimensions ─────────────────────────────────────────────────────────────────────────────────

/** A dimension id from its name ("Cost centre" → "cost_centre"), unique among `taken`. */
export function dimensionIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = `${name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`.replace(/^(?![a-z])/, 'd_').slice(0, 40);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** How many rules and pools set a dimension (a dimension in use cannot be removed). */
export function dimensionUsage(config: AttributionConfig, id: string): { rules: number; pools: number } {
  return { rules: config.rules.filter((r) => r.dimension === id).length, pools: config.pools.filter((p) => p.dimension === id).length };
}
