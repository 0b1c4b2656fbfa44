/** The alert centre: anomaly and budget alerts by status and kind, one row per incident, each opening its detail; a check now; settings; expected patterns. */
import { Alert as MuiAlert, Box, Button, FormControl, InputLabel, MenuItem, Paper, Select, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { ALERT_KINDS, ALERT_STATUSES, type Alert, type AlertKind, type AlertStatus } from '../../../../shared/alerts.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { AlertDialog } from './AlertDialog.js';
import {
  alertChange, alertDay, alertSubject, incidentRows, incidentStatusWords, KIND_LABEL, relatedWords, rootCauseRows, STATUS_LABEL, type IncidentRow,
} from './alert-view.js';
import { AnomalySettingsForm, type FormMessage } from './AnomalySettingsForm.js';
import { ExpectedPatterns } from './ExpectedPatterns.js';
import { StatusChip } from './StatusChip.js';

type Filter = AlertStatus | 'all';
type KindFilter = AlertKind | 'all';

/** The budget a link from the Budgets screen asks for: `#/alerts?budget=3`. */
export function budgetFromHash(hash: string): number | null {
  const match = /[?&]budget=(\d+)/.exec(hash);
  return match ? Number(match[1]) : null;
}

function CostCell({ a }: { a: Alert }) {
  return <>{a.kind === 'anomaly' ? formatMoney(a.anomaly.actual, a.anomaly.currency) : formatMoney(a.budget.value, a.budget.currency)}</>;
}

export function AlertsScreen({ mode }: { mode: ThemeMode }) {
  const { api } = useEngine();
  const [filter, setFilter] = useState<Filter>('all');
  const [kind, setKind] = useState<KindFilter>('all');
  const [budgetId, setBudgetId] = useState<number | null>(() => budgetFromHash(location.hash));
  useEffect(() => {
    // The Budgets screen links here with `?budget=<id>`; the navigation link comes back without it.
    const onHash = () => setBudgetId(budgetFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const [open, setOpen] = useState<IncidentRow | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [settingsMessage, setSettingsMessage] = useState<FormMessage | null>(null);
  const query = {
    limit: 500,
    ...(filter === 'all' ? {} : { status: filter }),
    ...(budgetId !== null ? { budgetId } : kind === 'all' ? {} : { kind }),
  };
  const { data, error } = useEngineQuery('listAlerts', query);
  const { data: settings } = useEngineQuery('anomalySettings', {});
  const { data: dimensions } = useEngineQuery('sliceDimensions', {});
  const rows = data ? incidentRows(data.alerts) : [];
  const budgetName = budgetId === null ? null : budgetNameOf(data?.alerts ?? []) || `#${budgetId}`;

  const check = async () => {
    setChecking(true);
    try {
      const result = await api.refreshAlerts({});
      const raised = result.raised.length;
      const incidents = result.incidents === raised ? '' : ` in ${result.incidents === 1 ? '1 incident' : `${result.incidents} incidents`}`;
      setMessage({
        severity: raised > 0 ? 'info' : 'success',
        text: `${raised === 0 ? 'No new alerts' : raised === 1 ? '1 new alert' : `${raised} new alerts`}${incidents}; ${result.known} anomalies already known, ${result.suppressed} matched a pattern marked expected.`,
      });
    } catch (e) {
      setMessage({ severity: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setChecking(false);
    }
  };

  const showAllBudgets = () => {
    setBudgetId(null);
    history.replaceState(null, '', '#/alerts');
  };
  const label = (r: IncidentRow) => `${alertSubject(r.lead)} on ${alertDay(r.lead)}`;
  const what = `${filter === 'all' ? 'All' : STATUS_LABEL[filter]} ${budgetId !== null ? `alerts of budget ${budgetName ?? ''}` : kind === 'all' ? 'alerts' : `${KIND_LABEL[kind].toLowerCase()} alerts`}`;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        Days whose cost was far from what the forecast models expected, and budgets whose spend or forecast crossed a threshold. One event seen in
        several series (the total, its provider, the service) is one incident, shown on one row. Open an incident to see its causes and related series,
        then acknowledge, resolve or mark it expected (an expected anomaly pattern is not raised again).
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
          {budgetId === null ? (
            <FormControl size="small" sx={{ minWidth: 200 }}>
              <InputLabel id="alert-kind-label">Kind</InputLabel>
              <Select labelId="alert-kind-label" label="Kind" value={kind} onChange={(e) => setKind(e.target.value as KindFilter)}>
                <MenuItem value="all">Anomalies and budgets</MenuItem>
                {ALERT_KINDS.map((k) => <MenuItem key={k} value={k}>{k === 'anomaly' ? 'Anomalies only' : 'Budgets only'}</MenuItem>)}
              </Select>
            </FormControl>
          ) : (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <Typography component="span">Budget {budgetName} only</Typography>
              <Button size="small" onClick={showAllBudgets}>Show every alert</Button>
            </Box>
          )}
          <Button variant="outlined" disabled={checking} onClick={() => void check()}>{checking ? 'Checking…' : 'Check for alerts now'}</Button>
        </Box>
        {data && rows.length === 0 && (
          <Typography>{filter === 'all' && kind === 'all' && budgetId === null ? 'No alerts yet. Alerts are raised when an import brings days far from the expected cost, or a budget crosses a threshold.' : `No ${what.toLowerCase()}.`}</Typography>
        )}
        {data && rows.length > 0 && (
          <DataTable
            caption={`${what}, newest day first, one row per incident`}
            rowKey={(r) => r.incident}
            rows={rows}
            columns={[
              { header: 'Day', cell: (r) => <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{alertDay(r.lead)}</Box> },
              { header: 'Kind', cell: (r) => KIND_LABEL[r.lead.kind] },
              {
                header: 'Series or budget',
                cell: (r) => (
                  <>
                    {alertSubject(r.lead)}
                    {r.related.length > 0 && <>{' '}<Typography component="span" variant="body2" sx={{ display: 'block' }}>{relatedWords(r)}</Typography></>}
                  </>
                ),
              },
              { header: 'Cost', numeric: true, cell: (r) => <CostCell a={r.lead} /> },
              { header: 'Expected or budget', numeric: true, cell: (r) => (r.lead.kind === 'anomaly' ? formatMoney(r.lead.anomaly.expected, r.lead.anomaly.currency) : formatMoney(r.lead.budget.amount, r.lead.budget.currency)) },
              { header: 'Change', numeric: true, cell: (r) => alertChange(r.lead) },
              { header: 'Top cause', cell: (r) => <span style={{ overflowWrap: 'anywhere' }}>{r.lead.kind === 'anomaly' ? (rootCauseRows(r.lead.anomaly)[0]?.label ?? '—') : '—'}</span> },
              { header: 'Status', cell: (r) => (r.related.length === 0 ? <StatusChip status={r.lead.status} /> : incidentStatusWords(r)) },
              { header: 'Owner', cell: (r) => r.lead.owner ?? '' },
              { header: 'Details', cell: (r) => <Button size="small" onClick={() => setOpen(r)}>Open<VisuallyHidden> {label(r)}</VisuallyHidden></Button> },
            ]}
          />
        )}
      </Paper>
      {settings && <AnomalySettingsForm key={JSON.stringify(settings)} settings={settings} tagKeys={dimensions?.tagKeys ?? []} allocated={dimensions?.allocated ?? []} message={settingsMessage} setMessage={setSettingsMessage} />}
      <ExpectedPatterns />
      {open && <AlertDialog key={open.incident} row={open} mode={mode} onClose={() => setOpen(null)} />}
    </Box>
  );
}

function budgetNameOf(alerts: readonly Alert[]): string {
  const first = alerts.find((a) => a.kind === 'budget');
  return first?.kind === 'budget' ? `"${first.budget.budgetName}"` : '';
}
