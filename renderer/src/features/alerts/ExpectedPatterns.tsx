/** Patterns learned from alerts marked expected, each of which can be forgotten. */
import { Alert, Button, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { ExpectedPattern } from '../../../../shared/alerts.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatMoney } from '../../format/money.js';
import { seriesLabel } from '../forecast/forecast-view.js';
import { patternWhen } from './alert-view.js';

export function ExpectedPatterns() {
  const { api } = useEngine();
  const { data } = useEngineQuery('listExpectedPatterns', {});
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<ExpectedPattern[] | null>(null);
  const patterns = shown ?? data ?? [];
  const forget = async (id: number) => {
    try {
      setShown(await api.deleteExpectedPattern({ id }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Paper component="section" aria-labelledby="patterns-title" variant="outlined" sx={{ p: 2 }}>
      <Typography id="patterns-title" variant="h6" component="h2" gutterBottom>Expected patterns</Typography>
      {error && <Alert severity="error" role="alert">{error}</Alert>}
      {patterns.length === 0
        ? <Typography>None yet. Marking an alert expected teaches a pattern, so that the same kind of day is not raised again.</Typography>
        : (
          <DataTable
            caption="Patterns not raised as alerts"
            rowKey={(p) => String(p.id)}
            rows={patterns}
            columns={[
              { header: 'Series', cell: (p) => seriesLabel(p.series) },
              { header: 'Direction', cell: (p) => (p.direction === 'spike' ? 'Spikes' : 'Drops') },
              { header: 'When', cell: (p) => patternWhen(p) },
              { header: 'Up to', numeric: true, cell: (p) => formatMoney(p.maxImpact, p.currency) },
              { header: 'Comment', cell: (p) => p.comment ?? '' },
              { header: 'Actions', cell: (p) => <Button size="small" onClick={() => void forget(p.id)}>Forget<VisuallyHidden> the pattern of {seriesLabel(p.series)}, {patternWhen(p)}</VisuallyHidden></Button> },
            ]}
          />
        )}
    </Paper>
  );
}
