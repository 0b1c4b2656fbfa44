/** In the validation report, for a file no known format reads: the closest formats, and "Map columns…". */
import { Box, Button, List, ListItem, Typography } from '@mui/material';
import type { SourceReport } from '../../../../../shared/model.js';
import { VisuallyHidden } from '../../../components/VisuallyHidden.js';

const MISSING_SHOWN = 12;

function listed(names: readonly string[]): string {
  return names.length <= MISSING_SHOWN ? names.join(', ') : `${names.slice(0, MISSING_SHOWN).join(', ')} and ${names.length - MISSING_SHOWN} more`;
}

export function UnrecognisedFile({ report, onMapColumns }: { report: SourceReport; onMapColumns?: (report: SourceReport) => void }) {
  const closest = report.closestFormats ?? [];
  return (
    <Box sx={{ mt: 1, display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
      {closest.length > 0 ? (
        <Box>
          <Typography variant="subtitle2" component="h4">Closest known formats</Typography>
          <List dense aria-label={`Closest known formats for ${report.file}`} sx={{ py: 0 }}>
            {closest.map((c) => (
              <ListItem key={c.format} disableGutters>
                {c.name} ({c.format}): lacks {listed(c.missing)}
              </ListItem>
            ))}
          </List>
        </Box>
      ) : (
        <Typography>No known format comes close to its columns.</Typography>
      )}
      {onMapColumns && (
        <>
          <Typography variant="body2">
            You can map its columns to FOCUS by hand. The mapping is saved in this workspace, and files with the same columns are then imported without asking.
          </Typography>
          <Button variant="outlined" onClick={() => onMapColumns(report)}>
            Map columns…<VisuallyHidden> of {report.file}</VisuallyHidden>
          </Button>
        </>
      )}
    </Box>
  );
}
