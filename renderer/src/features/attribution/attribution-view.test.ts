import { describe, expect, it } from 'vitest';
import type { AllocationTree, CoveragePoint, RulePackDiff, VersionDiff } from '../../../../shared/attribution.js';
import {
  coverageRows, coverageSeries, coverageSummary, formatCoverage, fromMicros, hierarchyNodes, micros, packDiffLines, summaryBreakdown, versionDiffSummary, dimensionIdFor, dimensionUsage,
} from './attribution-view.js';

const dims = [{ id: 'team', name: 'Team' }, { id: 'project', name: 'Project' }];

describe('attribution view transforms', () => {
  it('never rounds a gap away in a coverage percentage', () => {
    expect(formatCoverage(1)).toBe('100%');
    expect(formatCoverage(0.996)).toBe('99.6%');
    expect(formatCoverage(0.9999)).toBe('99.9%');
    expect(formatCoverage(0.001)).toBe('0.1%');
    expect(formatCoverage(0)).toBe('0%');
    expect(formatCoverage(0.3616)).toBe('36%');
  });
  it('turns the allocation tree into labelled nodes with path ids and explain targets', () => {
    const tree: AllocationTree = {
      currency: 'USD', hierarchy: ['team', 'project'],
      root: {
        dimension: null, value: null, cost: '100.000000', coverage: 0.75,
        children: [
          { dimension: 'team', value: 'search', cost: '75.000000', coverage: 1, children: [{ dimension: 'project', value: 'rag', cost: '75.000000', coverage: 1, children: [] }] },
          { dimension: 'team', value: null, cost: '25.000000', coverage: 0, children: [] },
        ],
      },
    };
    const [root] = hierarchyNodes(tree, dims);
    expect(root).toMatchObject({ id: 'org', label: 'Organisation', detail: '$100.00 · 75% to a team', target: null });
    expect(root?.children.map((c) => [c.id, c.label, c.detail])).toEqual([
      ['org/search', 'Team: search', '$75.00 · 100% to a project'],
      ['org/\u0000', 'Team: (unallocated)', '$25.00'],
    ]);
    expect(root?.children[0]?.children[0]).toMatchObject({ id: 'org/search/rag', label: 'Project: rag', target: { dimension: 'project', value: 'rag' } });
    expect(root?.children[1]?.target).toEqual({ dimension: 'team', value: null });
  });
  it('summarises coverage over time from exact totals, with the lowest and highest period', () => {
    const points: CoveragePoint[] = [
      { period: '2026-10-01', total: '100.000000', allocated: '50.000000', coverage: 0.5 },
      { period: '2026-10-02', total: '300.000000', allocated: '270.000000', coverage: 0.9 },
    ];
    // (50 + 270) / (100 + 300) = 320 / 400 = 80%, not the mean of 50% and 90% (70%).
    expect(coverageSummary('Team', points, 'USD')).toBe('Team: 80% of $400.00 is allocated from 2026-10-01 to 2026-10-02; lowest 50% on 2026-10-01, highest 90% on 2026-10-02.');
    expect(coverageSummary('Team', [points[0]!], 'USD')).toBe('Team: 50% of $100.00 is allocated in 2026-10-01; the same every day.');
    expect(coverageSummary('Team', [], null)).toBe('Team: no costs in this period.');
    expect(coverageSeries(points)).toEqual([{ id: 'Coverage', data: [{ x: '2026-10-01', y: 50 }, { x: '2026-10-02', y: 90 }] }]);
  });
  it('keeps money exact in micro-units', () => {
    expect(micros('3337.6')).toBe(3_337_600_000n);
    expect(micros('-0.0000015')).toBe(-1n);
    expect(fromMicros(micros('0.1') + micros('0.2'))).toBe('0.300000');
    expect(fromMicros(-5n)).toBe('-0.000005');
  });
  it('lists coverage per dimension with its unallocated cost', () => {
    const rows = coverageRows([
      { dimension: dims[0]!, summary: { dimension: 'team', currency: 'USD', total: '10', coverage: 0.7, rows: [{ value: 'a', cost: '7' }, { value: null, cost: '3' }] } },
      { dimension: dims[1]!, summary: { dimension: 'project', currency: 'USD', total: '10', coverage: 1, rows: [{ value: 'a', cost: '10' }] } },
      { dimension: { id: 'model', name: 'Model' }, summary: undefined },
    ]);
    expect(rows.map((r) => [r.name, r.unallocated, r.coverage])).toEqual([['Team', '3', 0.7], ['Project', '0', 1]]);
  });
  it('says how much money moves between versions, and when none does', () => {
    const diff: VersionDiff = {
      dimension: 'team', currency: 'USD', before: 1, after: 2,
      rows: [],
      moves: [{ from: null, to: 'platform', cost: '120.000000' }, { from: 'search', to: 'platform', cost: '0.500000' }],
    };
    const label = (id: number) => `version ${id}`;
    expect(versionDiffSummary(diff, 'Team', label)).toBe('From version 1 to version 2, $120.50 moves between values of team in 2 moves. The largest move: $120.00 from (unallocated) to platform.');
    expect(versionDiffSummary({ ...diff, moves: [] }, 'Team', label)).toBe('version 1 and version 2 allocate this period the same way by team: no money moves.');
  });
  it('writes a rule-pack diff as sentences', () => {
    const rule = { id: 'r', name: 'Team from tag', enabled: true, dimension: 'team', when: { match: 'all' as const, conditions: [] }, value: { kind: 'constant' as const, value: 'x' } };
    const diff: RulePackDiff = {
      mode: 'merge',
      rules: { added: [rule], removed: [], changed: [{ id: 'q', before: { ...rule, name: 'Old' }, after: { ...rule, name: 'New' }, fields: ['name', 'when'] }], unchanged: 3, reordered: true },
      pools: { added: [], removed: [], changed: [], unchanged: 0 },
      dimensions: { added: [{ id: 'env', name: 'Environment' }], removed: [] },
      hierarchyChanged: false,
    };
    expect(packDiffLines(diff)).toEqual([
      '1 rule added: “Team from tag”.',
      '1 rule changed: “New” (name, when).',
      'The rule order changes.',
      '1 dimension added: “Environment”.',
      'Unchanged: 3 rules and 0 pools.',
    ]);
    const nothing: RulePackDiff = { ...diff, rules: { added: [], removed: [], changed: [], unchanged: 4, reordered: false }, dimensions: { added: [], removed: [] } };
    expect(packDiffLines(nothing)).toEqual(['The pack changes nothing: the rule set already has these rules and pools.']);
  });
  it('merges effective and billed summaries into overview rows, unallocated last', () => {
    const effective = { dimension: 'team', currency: 'USD', total: '10', coverage: 0.6, rows: [{ value: null, cost: '4.000000' }, { value: 'a', cost: '5.5' }, { value: 'b', cost: '0.5' }] };
    const billed = { ...effective, rows: [{ value: 'a', cost: '6' }, { value: null, cost: '4' }] };
    expect(summaryBreakdown(effective, billed)).toEqual([
      { key: 'a', effectiveCost: 5.5, billedCost: 6 },
      { key: 'b', effectiveCost: 0.5, billedCost: 0 },
      { key: '(unallocated)', effectiveCost: 4, billedCost: 4 },
    ]);
    expect(summaryBreakdown(effective, undefined)[0]).toEqual({ key: 'a', effectiveCost: 5.5, billedCost: 0 });
  });
  it('makes dimension ids the engine accepts, and counts what uses a dimension', () => {
    expect(dimensionIdFor('Cost centre', new Set())).toBe('cost_centre');
    expect(dimensionIdFor('Business unit (EMEA)', new Set(['business_unit_emea']))).toBe('business_unit_emea_2');
    expect(dimensionIdFor('2nd team', new Set())).toBe('d_2nd_team');
    expect(dimensionIdFor('  ', new Set())).toBe('d_');
    const rule = { id: 'r', name: 'R', enabled: true, dimension: 'team', when: { match: 'all' as const, conditions: [] }, value: { kind: 'constant' as const, value: 'x' } };
    const config = { dimensions: dims, hierarchy: ['team'], rules: [rule, { ...rule, id: 's' }, { ...rule, id: 't', dimension: 'project' }], pools: [] };
    expect(dimensionUsage(config, 'team')).toEqual({ rules: 2, pools: 0 });
    expect(dimensionUsage(config, 'model')).toEqual({ rules: 0, pools: 0 });
  });
});
