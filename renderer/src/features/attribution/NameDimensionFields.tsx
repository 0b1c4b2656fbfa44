/** The first row of the rule and pool editors: the name, the dimension it works in, and whether it is enabled. */
import { Box, FormControl, FormControlLabel, InputLabel, MenuItem, Select, Switch, TextField } from '@mui/material';
import type { AttributionDimension } from '../../../../shared/attribution.js';

export function NameDimensionFields({ idPrefix, nameLabel, dimensions, name, dimension, enabled, onName, onDimension, onEnabled }: {
  /** Prefix of the dimension select's label id (unique on the page). */
  idPrefix: string;
  nameLabel: string;
  dimensions: readonly AttributionDimension[];
  name: string;
  dimension: string;
  enabled: boolean;
  onName: (name: string) => void;
  onDimension: (dimension: string) => void;
  onEnabled: (enabled: boolean) => void;
}) {
  const labelId = `${idPrefix}-dimension-label`;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr auto' }, gap: 2, alignItems: 'center' }}>
      <TextField size="small" label={nameLabel} required value={name} onChange={(e) => onName(e.target.value)} autoFocus />
      <FormControl size="small">
        <InputLabel id={labelId}>Dimension</InputLabel>
        <Select labelId={labelId} label="Dimension" value={dimension} onChange={(e) => onDimension(String(e.target.value))}>
          {dimensions.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
        </Select>
      </FormControl>
      <FormControlLabel control={<Switch checked={enabled} onChange={(e) => onEnabled(e.target.checked)} />} label="Enabled" />
    </Box>
  );
}
