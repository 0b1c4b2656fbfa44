/** Coverage over time for one dimension (chart, summary, table) and coverage of every dimension. */
import { Alert, Box, FormControl, InputLabel, MenuItem, Paper, Select, Typography } from '@mui/material';
import { useState } from 'react';
import type { AttributionConfig } from '../../../../shared/attribution.js';
import { useEngineQuery } from '../../app/engine-context.js';
import { ChartCard } from '../../components/ChartCard.js';
import { DataTable } from '../../components/DataTable.js';
import { formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { coverageRows, coverageSummary, dimensionName, formatCoverage } from './attribution-view.js';
import { CoverageChart } from './CoverageChart.js';
import { useSummaries } from './use-summaries.js';

export function CoveragePanel({ config, currency, mode }: { config: AttributionConfig; currency: string | undefined; mode: ThemeMode }) {
  const [dimension, setDimension] = useState(config.dimensions[0]?.id ?? 'team');
  const [granularity, setGranularity] = useState<'day' | 'month'>('day');
  const { data, error } = useEngineQuery('coverageOverTime', { dimension, granularity, ...(currency ? { currency } : {}) });
  const all = useSummaries(config.dimensions, currency);
  const name = dimensionName(config.dimensions, dimension);
  const cur = data?.currency ?? 'USD';
  const rows = all.data ? coverageRows(all.data) : [];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <FormControl size="small" sx={{ minWidth: 180 }}>
          <InputLabel id="coverage-dimension-label">Dimension</InputLabel>
          <Select labelId="coverage-dimension-label" label="Dimension" value={dimension} onChange={(e) => setDimension(String(e.target.value))}>
            {config.dimensions.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
          </Select>
        </FormControl>
        <FormControl size="small" sx={{ minWidth: 140 }}>
          <InputLabel id="coverage-granularity-label">Per</InputLabel>
          <Select labelId="coverage-granularity-label" label="Per" value={granularity} onChange={(e) => setGranularity(e.target.value as 'day' | 'month')}>
            <MenuItem value="day">Day</MenuItem>
            <MenuItem value="month">Month</MenuItem>
          </Select>
        </FormControl>
      </Box>
      {error && <Alert severity="error">Coverage over time could not be computed: {error.message}</Alert>}
      {data && (
        <ChartCard
          title={`${name} coverage by ${granularity}`}
          summary={coverageSummary(name, data.points, data.currency)}
          height={260}
          chart={(ids) => <CoverageChart points={data.points} mode={mode} {...ids} />}
          table={
            <DataTable
              caption={`${name} coverage by ${granularity}, ${cur}`}
              rowKey={(p) => p.period}
              rows={data.points}
              columns={[
                { header: granularity === 'day' ? 'Day' : 'Month', cell: (p) => p.period },
                { header: 'Total cost', numeric: true, cell: (p) => formatMoney(p.total, cur) },
                { header: 'Allocated', numeric: true, cell: (p) => formatMoney(p.allocated, cur) },
                { header: 'Coverage', numeric: true, cell: (p) => formatCoverage(p.coverage) },
              ]}
            />
          }
        />
      )}
      <Paper component="section" aria-labelledby="coverage-all-title" variant="outlined" sx={{ p: 2 }}>
        <Typography id="coverage-all-title" variant="h6" component="h2" gutterBottom>Coverage by dimension</Typography>
        {all.error && <Alert severity="error">{all.error.message}</Alert>}
        <DataTable
          caption="Coverage and unallocated cost of every dimension"
          rowKey={(r) => r.dimension}
          rows={rows}
          columns={[
            { header: 'Dimension', cell: (r) => r.name },
            { header: 'Coverage', numeric: true, cell: (r) => formatCoverage(r.coverage) },
            { header: 'Unallocated', numeric: true, cell: (r) => formatMoney(r.unallocated, r.currency) },
            { header: 'Total', numeric: true, cell: (r) => formatMoney(r.total, r.currency) },
          ]}
        />
      </Paper>
    </Box>
  );
}
