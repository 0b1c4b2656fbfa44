/** The workspace's column mappings, on the Import screen: what each reads, and Delete. */
import { Alert, Button, Paper, Typography } from '@mui/material';
import { DataTable } from '../../../components/DataTable.js';
import { VisuallyHidden } from '../../../components/VisuallyHidden.js';
import { useColumnMappings } from './mapping.api.js';
import { FAMILIES } from './mapping-form.js';

export function SavedMappings({ refreshKey }: { refreshKey: unknown }) {
  const { mappings, error, remove, clearError } = useColumnMappings(refreshKey);
  if (mappings.length === 0 && !error) return null;
  return (
    <Paper component="section" aria-labelledby="mappings-title" variant="outlined" sx={{ p: 2 }}>
      <Typography id="mappings-title" variant="h6" component="h2" gutterBottom>Column mappings</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Files with exactly these columns (in any order) are read with the mapping you made. Deleting a mapping does not change files already imported.
      </Typography>
      <DataTable
        caption="Column mappings saved in this workspace"
        rowKey={(m) => m.format}
        rows={mappings}
        columns={[
          { header: 'Name', cell: (m) => m.name },
          { header: 'Format', cell: (m) => <code>{m.format}</code> },
          { header: 'Provider family', cell: (m) => FAMILIES.find((f) => f.family === m.family)?.label ?? m.family },
          { header: 'Columns', numeric: true, cell: (m) => `${Object.keys(m.columns).length} of ${m.header.length} mapped` },
          { header: 'Saved (UTC)', cell: (m) => m.savedAt.replace('T', ' ').slice(0, 16) },
          { header: 'Actions', cell: (m) => <Button size="small" color="error" onClick={() => void remove(m.format)}>Delete<VisuallyHidden> mapping {m.name}</VisuallyHidden></Button> },
        ]}
      />
      {error && <Alert severity="error" role="alert" onClose={clearError}>{error}</Alert>}
    </Paper>
  );
}
