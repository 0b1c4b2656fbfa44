/** Coverage per dimension, always in view on the Attribution screen: the share of cost with a value. */
import { Box, Paper, Typography } from '@mui/material';
import type { AttributionDimension } from '../../../../shared/attribution.js';
import { useEngineQuery } from '../../app/engine-context.js';
import { formatMoney } from '../../format/money.js';
import { formatCoverage } from './attribution-view.js';

export function CoverageFigures({ dimensions, currency }: { dimensions: readonly AttributionDimension[]; currency: string | undefined }) {
  return (
    <Paper component="section" aria-labelledby="coverage-figures-title" variant="outlined" sx={{ p: 2 }}>
      <Typography id="coverage-figures-title" variant="h6" component="h2" gutterBottom>Coverage</Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {dimensions.map((d) => <DimensionCoverage key={d.id} dimension={d} currency={currency} />)}
      </Box>
    </Paper>
  );
}

function DimensionCoverage({ dimension, currency }: { dimension: AttributionDimension; currency: string | undefined }) {
  const { data, error } = useEngineQuery('allocationSummary', { by: dimension.id, ...(currency ? { currency } : {}) });
  const summary = data?.[0];
  const unallocated = summary?.rows.find((r) => r.value === null)?.cost;
  return (
    <li>
      <Typography variant="body2" color="text.secondary" id={`coverage-${dimension.id}-label`}>{dimension.name}</Typography>
      <Typography variant="h5" component="p" data-testid={`coverage-${dimension.id}`} aria-describedby={`coverage-${dimension.id}-label`} sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {error ? '—' : summary ? formatCoverage(summary.coverage) : '…'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {error ? 'not available' : summary ? `unallocated ${formatMoney(unallocated ?? '0', summary.currency)}` : ' '}
      </Typography>
    </li>
  );
}
