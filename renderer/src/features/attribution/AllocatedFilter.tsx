/**
 * Filters the overview by an allocated value (team = search, or a dimension's unallocated cost).
 * Allocation is kept per dimension and day, so only the total and the spend by day follow the
 * filter; the notice says so, and the billing-column breakdowns stay whole.
 */
import { Alert, Box, FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import { useEngineQuery } from '../../app/engine-context.js';
import { dimensionName, valueLabel } from './attribution-view.js';

export interface AllocatedFilterValue {
  dimension: string;
  value: string | null;
}

/** Select values are text: the unallocated bucket (null) needs a key no value can have. */
const NULL_KEY = '\u0000unallocated';
const NONE = '';

export function AllocatedFilter({ currency, filter, onChange }: {
  currency: string;
  filter: AllocatedFilterValue | null;
  onChange: (next: AllocatedFilterValue | null) => void;
}) {
  const { data: config } = useEngineQuery('attributionConfig', {});
  const { data: summaries } = useEngineQuery('allocationSummary', filter ? { by: filter.dimension, currency } : null);
  if (!config || config.rules.length === 0) return null;
  const values = summaries?.[0]?.rows.map((r) => r.value) ?? [];
  const name = filter ? dimensionName(config.dimensions, filter.dimension) : '';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <FormControl size="small" sx={{ minWidth: 220 }}>
          <InputLabel id="allocated-filter-dimension-label">Filter by allocated</InputLabel>
          <Select labelId="allocated-filter-dimension-label" label="Filter by allocated" value={filter?.dimension ?? NONE}
            onChange={(e) => {
              const dimension = String(e.target.value);
              onChange(dimension === NONE ? null : { dimension, value: null });
            }}>
            <MenuItem value={NONE}>No filter</MenuItem>
            {config.dimensions.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
          </Select>
        </FormControl>
        {filter && (
          <FormControl size="small" sx={{ minWidth: 220 }}>
            <InputLabel id="allocated-filter-value-label">{name}</InputLabel>
            <Select labelId="allocated-filter-value-label" label={name} value={filter.value ?? NULL_KEY}
              onChange={(e) => onChange({ dimension: filter.dimension, value: e.target.value === NULL_KEY ? null : String(e.target.value) })}>
              {values.map((v) => <MenuItem key={v ?? NULL_KEY} value={v ?? NULL_KEY}>{valueLabel(v)}</MenuItem>)}
              {!values.includes(null) && <MenuItem value={NULL_KEY}>{valueLabel(null)}</MenuItem>}
            </Select>
          </FormControl>
        )}
      </Box>
      {filter && (
        <Alert severity="info" role="status">
          Filtered to {name.toLowerCase()} {valueLabel(filter.value)}: the total and the spend by day show only the cost allocated to it
          (after shared-cost pools). The breakdowns by provider, service and the other billing columns are not filtered.
        </Alert>
      )}
    </Box>
  );
}
