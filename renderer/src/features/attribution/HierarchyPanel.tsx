/**
 * The hierarchy (organisation → team → project → model) with totals and coverage at each level,
 * the allocated totals of any dimension, and the explain panel for the figure the user picks.
 */
import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Paper, Select, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import type { AttributionConfig } from '../../../../shared/attribution.js';
import { useEngineQuery } from '../../app/engine-context.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatMoney } from '../../format/money.js';
import { dimensionName, formatCoverage, hierarchyNodes, valueLabel, type HierarchyNode } from './attribution-view.js';
import { ExplainPanel, type ExplainTarget } from './ExplainPanel.js';
import { HierarchyTree } from './HierarchyTree.js';

function findNode(nodes: readonly HierarchyNode[], id: string): HierarchyNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = findNode(n.children, id);
    if (found) return found;
  }
  return undefined;
}

export function HierarchyPanel({ config, currency }: { config: AttributionConfig; currency: string | undefined }) {
  const { data: tree, error } = useEngineQuery('allocationTree', currency ? { currency } : {});
  const nodes = useMemo(() => (tree ? hierarchyNodes(tree, config.dimensions) : []), [tree, config.dimensions]);
  const [selected, setSelected] = useState<string | null>(null);
  const [target, setTarget] = useState<ExplainTarget | null>(null);
  const [by, setBy] = useState(config.dimensions[0]?.id ?? 'team');
  const { data: summaries } = useEngineQuery('allocationSummary', { by, ...(currency ? { currency } : {}) });
  const summary = summaries?.[0];

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(360px, 1fr) 1.4fr' }, gap: 2, alignItems: 'start' }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
        <Paper component="section" aria-labelledby="hierarchy-title" variant="outlined" sx={{ p: 2 }}>
          <Typography id="hierarchy-title" variant="h6" component="h2">Hierarchy</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            Organisation → {config.hierarchy.map((d) => dimensionName(config.dimensions, d)).join(' → ')}{tree?.currency ? `, in ${tree.currency}` : ''}.
            Each level shows its cost and the share allocated one level down. Arrow keys move; Right opens, Left closes; Enter explains.
          </Typography>
          {error && <Alert severity="error">The hierarchy could not be computed: {error.message}</Alert>}
          {tree && (
            <HierarchyTree
              label="Cost hierarchy"
              roots={nodes}
              selected={selected}
              initiallyExpanded={['org']}
              onSelect={(id) => {
                setSelected(id);
                const node = findNode(nodes, id);
                if (node?.target) setTarget(node.target);
              }}
            />
          )}
        </Paper>
        <Paper component="section" aria-labelledby="by-dimension-title" variant="outlined" sx={{ p: 2 }}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
            <Typography id="by-dimension-title" variant="h6" component="h2">Allocated totals</Typography>
            <FormControl size="small" sx={{ minWidth: 180 }}>
              <InputLabel id="by-dimension-label">Dimension</InputLabel>
              <Select labelId="by-dimension-label" label="Dimension" value={by} onChange={(e) => setBy(String(e.target.value))}>
                {config.dimensions.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
              </Select>
            </FormControl>
          </Box>
          {summary && (
            <>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {formatMoney(summary.total, summary.currency)} in all; {formatCoverage(summary.coverage)} allocated to a {dimensionName(config.dimensions, by).toLowerCase()}.
              </Typography>
              <DataTable
                caption={`Allocated cost by ${dimensionName(config.dimensions, by).toLowerCase()}, ${summary.currency}`}
                rowKey={(r) => r.value ?? '\u0000'}
                rows={summary.rows}
                columns={[
                  { header: dimensionName(config.dimensions, by), cell: (r) => valueLabel(r.value) },
                  { header: 'Cost', numeric: true, cell: (r) => formatMoney(r.cost, summary.currency) },
                  { header: 'Explain', cell: (r) => <Button size="small" onClick={() => setTarget({ dimension: by, value: r.value })}>Explain<VisuallyHidden> {valueLabel(r.value)}</VisuallyHidden></Button> },
                ]}
              />
            </>
          )}
        </Paper>
      </Box>
      {target
        ? <ExplainPanel config={config} target={target} currency={currency} />
        : (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography>Choose a figure in the hierarchy or the allocated totals to see how it came about: the rules, the shared-cost pools and the source rows.</Typography>
          </Paper>
        )}
    </Box>
  );
}
