/** The alert centre: alerts by status, each opening its detail; a check for anomalies; settings; expected patterns. */
import { Alert as MuiAlert, Box, Button, FormControl, InputLabel, MenuItem, Paper, Select, Typography } from '@mui/material';
import { useState } from 'react';
import { ALERT_STATUSES, type Alert, type AlertStatus } from '../../../../shared/alerts.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { seriesLabel } from '../forecast/forecast-view.js';
import { AlertDialog } from './AlertDialog.js';
import { rootCauseRows, STATUS_LABEL } from './alert-view.js';
import { AnomalySettingsForm, type FormMessage } from './AnomalySettingsForm.js';
import { ExpectedPatterns } from './ExpectedPatterns.js';
import { StatusChip } from './StatusChip.js';

type Filter = AlertStatus | 'all';

export function AlertsScreen({ mode }: { mode: ThemeMode }) {
  const { api } = useEngine();
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<Alert | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [settingsMessage, setSettingsMessage] = useState<FormMessage | null>(null);
  const { data, error } = useEngineQuery('listAlerts', filter === 'all' ? { limit: 200 } : { status: filter, limit: 200 });
  const { data: settings } = useEngineQuery('anomalySettings', {});
  const { data: dimensions } = useEngineQuery('sliceDimensions', {});

  const check = async () => {
    setChecking(true);
    try {
      const result = await api.refreshAlerts({});
      const raised = result.raised.length;
      setMessage({
        severity: raised > 0 ? 'info' : 'success',
        text: `${raised === 0 ? 'No new anomalies' : raised === 1 ? '1 new alert' : `${raised} new alerts`}; ${result.known} already known, ${result.suppressed} matched a pattern marked expected.`,
      });
    } catch (e) {
      setMessage({ severity: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setChecking(false);
    }
  };

  const label = (a: Alert) => `${seriesLabel(a.anomaly.series)} on ${a.anomaly.day}`;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        Days whose cost was far from what the forecast models expected, on every series you watch. Open an alert to see which services,
        resources or tags caused it, then acknowledge, resolve or mark it expected (an expected pattern is not raised again).
      </Typography>
      {message && <MuiAlert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'} onClose={() => setMessage(null)}>{message.text}</MuiAlert>}
      {error && <MuiAlert severity="error" role="alert">The alerts could not be read: {error.message}</MuiAlert>}
      <Paper component="section" aria-labelledby="alerts-title" variant="outlined" sx={{ p: 2 }}>
        <Typography id="alerts-title" variant="h6" component="h2" gutterBottom>Alerts</Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
          <FormControl size="small" sx={{ minWidth: 220 }}>
            <InputLabel id="alert-filter-label">Show</InputLabel>
            <Select labelId="alert-filter-label" label="Show" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              <MenuItem value="all">All alerts{data ? ` (${ALERT_STATUSES.reduce((n, s) => n + data.counts[s], 0)})` : ''}</MenuItem>
              {ALERT_STATUSES.map((s) => <MenuItem key={s} value={s}>{STATUS_LABEL[s]}{data ? ` (${data.counts[s]})` : ''}</MenuItem>)}
            </Select>
          </FormControl>
          <Button variant="outlined" disabled={checking} onClick={() => void check()}>{checking ? 'Checking…' : 'Check for anomalies now'}</Button>
        </Box>
        {data && data.alerts.length === 0 && (
          <Typography>{filter === 'all' ? 'No alerts yet. Alerts are raised when an import brings days far from the expected cost.' : `No ${STATUS_LABEL[filter].toLowerCase()} alerts.`}</Typography>
        )}
        {data && data.alerts.length > 0 && (
          <DataTable
            caption={`${filter === 'all' ? 'All alerts' : `${STATUS_LABEL[filter]} alerts`}, newest day first`}
            rowKey={(a) => a.key}
            rows={data.alerts}
            columns={[
              { header: 'Day', cell: (a) => <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{a.anomaly.day}</Box> },
              { header: 'Series', cell: (a) => seriesLabel(a.anomaly.series) },
              { header: 'Actual', numeric: true, cell: (a) => formatMoney(a.anomaly.actual, a.anomaly.currency) },
              { header: 'Expected', numeric: true, cell: (a) => formatMoney(a.anomaly.expected, a.anomaly.currency) },
              { header: 'Impact', numeric: true, cell: (a) => `${a.anomaly.impact < 0 ? '−' : '+'}${formatMoney(Math.abs(a.anomaly.impact), a.anomaly.currency)}` },
              { header: 'Top cause', cell: (a) => <span style={{ overflowWrap: 'anywhere' }}>{rootCauseRows(a.anomaly)[0]?.label ?? '—'}</span> },
              { header: 'Status', cell: (a) => <StatusChip status={a.status} /> },
              { header: 'Owner', cell: (a) => a.owner ?? '' },
              { header: 'Details', cell: (a) => <Button size="small" onClick={() => setOpen(a)}>Open<VisuallyHidden> {label(a)}</VisuallyHidden></Button> },
            ]}
          />
        )}
      </Paper>
      {settings && <AnomalySettingsForm key={JSON.stringify(settings)} settings={settings} tagKeys={dimensions?.tagKeys ?? []} allocated={dimensions?.allocated ?? []} message={settingsMessage} setMessage={setSettingsMessage} />}
      <ExpectedPatterns />
      {open && <AlertDialog key={open.key} alert={open} mode={mode} onClose={() => setOpen(null)} />}
    </Box>
  );
}
