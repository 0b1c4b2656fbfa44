/**
 * The overview's breakdown by an allocated dimension (team, project, model…), with its coverage:
 * allocated dimensions as group-bys beside the billing columns. Read from the allocation summaries
 * (effective and billed), so it follows the rules as soon as they change.
 */
import { Alert, Box, FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import { useState } from 'react';
import { useEngineQuery } from '../../app/engine-context.js';
import { ChartCard } from '../../components/ChartCard.js';
import { DataTable } from '../../components/DataTable.js';
import { formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { BreakdownChart } from '../overview/BreakdownChart.js';
import { breakdownSummary } from '../overview/overview-view.js';
import { formatCoverage, summaryBreakdown } from './attribution-view.js';

export function AllocatedBreakdownCard({ currency, mode }: { currency: string; mode: ThemeMode }) {
  const { data: config } = useEngineQuery('attributionConfig', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const dimension = chosen ?? config?.dimensions[0]?.id ?? null;
  const { data, error } = useEngineQuery('allocationSummary', dimension ? { by: dimension, currency } : null);
  const { data: billed } = useEngineQuery('allocationSummary', dimension ? { by: dimension, currency, cost: 'billed' } : null);
  if (!config || !dimension) return null;
  const name = config.dimensions.find((d) => d.id === dimension)?.name ?? dimension;
  const effective = data?.[0];
  const rows = effective ? summaryBreakdown(effective, billed?.[0]) : [];
  const coverage = effective?.coverage;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <FormControl size="small" sx={{ maxWidth: 240 }}>
        <InputLabel id="allocated-by-label">Allocated dimension</InputLabel>
        <Select labelId="allocated-by-label" label="Allocated dimension" value={dimension} onChange={(e) => setChosen(String(e.target.value))}>
          {config.dimensions.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
        </Select>
      </FormControl>
      {error && <Alert severity="error">The breakdown by {name.toLowerCase()} could not be computed: {error.message}</Alert>}
      {effective && (
        <ChartCard
          title={`By ${name.toLowerCase()} (allocated)`}
          summary={`${breakdownSummary(name.toLowerCase(), rows, currency)}${coverage === undefined ? '' : ` Coverage: ${formatCoverage(coverage)} of the cost has a ${name.toLowerCase()}.`}`}
          height={Math.max(160, rows.length * 28 + 40)}
          chart={(ids) => <BreakdownChart rows={rows} currency={currency} mode={mode} {...ids} />}
          table={
            <DataTable
              caption={`Effective and billed cost by allocated ${name.toLowerCase()}, ${currency}`}
              rowKey={(r) => r.key}
              rows={rows}
              columns={[
                { header: name, cell: (r) => r.key },
                { header: 'Effective cost', numeric: true, cell: (r) => formatMoney(r.effectiveCost, currency) },
                { header: 'Billed cost', numeric: true, cell: (r) => formatMoney(r.billedCost, currency) },
              ]}
            />
          }
        />
      )}
    </Box>
  );
}
