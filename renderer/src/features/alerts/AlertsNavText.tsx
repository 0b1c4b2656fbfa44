/** The Alerts link's text with a badge of new alerts; the link's accessible name reads "Alerts, 3 new". */
import { Box, ListItemText } from '@mui/material';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { alertsNavLabel } from './alert-view.js';
import { useNewAlertCount } from './use-alerts.js';

export function AlertsNavText() {
  const count = useNewAlertCount();
  const label = alertsNavLabel(count);
  return (
    <>
      {/* The hidden text is the whole name: a hidden fragment beside visible text would be read with a stray space. */}
      <ListItemText primary={count > 0 ? <><span aria-hidden>Alerts</span><VisuallyHidden>{label}</VisuallyHidden></> : 'Alerts'} />
      {count > 0 && (
        <Box
          aria-hidden
          data-testid="alerts-badge"
          sx={{ minWidth: 24, height: 24, px: 0.75, borderRadius: 12, display: 'inline-flex', alignItems: 'center', justifyContent: 'center', fontWeight: 700, fontSize: 13, bgcolor: 'primary.main', color: 'primary.contrastText' }}
        >
          {count > 99 ? '99+' : count}
        </Box>
      )}
    </>
  );
}
