/**
 * One incident (one alert, or several alerts that are one event): what happened (an anomaly's
 * actual against expected with its range and root causes, or a budget's crossing), the related
 * series, the lifecycle actions with a comment and an owner (applied to every alert of the
 * incident), and the lead alert's history. Everything works from the keyboard.
 */
import {
  Alert as MuiAlert, Box, Button, FormControl, InputLabel, MenuItem, Select, TextField, Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import type { Alert, AnomalyAlert, BudgetAlert, ExpectedRecurrence } from '../../../../shared/alerts.js';
import { useEngine } from '../../app/engine-context.js';
import { ChartCard } from '../../components/ChartCard.js';
import { DataTable } from '../../components/DataTable.js';
import { InfoDialog } from '../../components/InfoDialog.js';
import { formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { nodeLabel, probabilityWords } from '../budgets/budget-view.js';
import { seriesLabel } from '../forecast/forecast-view.js';
import {
  ACTION_LABEL, alertChange, alertSentence, alertSubject, defaultRecurrence, historyRows, incidentActions, incidentStatusWords, percentWords, RECURRENCE_LABEL,
  relatedWords, rootCauseRows, rootCauseSummary, STATUS_LABEL, type AlertAction, type IncidentRow,
} from './alert-view.js';
import { RootCauseChart } from './RootCauseChart.js';
import { StatusChip } from './StatusChip.js';

function Figures({ figures }: { figures: Array<[string, string]> }) {
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: 'auto 1fr', md: 'repeat(3, auto 1fr)' }, columnGap: 2, rowGap: 0.5 }}>
      {figures.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>{label}</Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
        </Box>
      ))}
    </Box>
  );
}

function anomalyFigures(alert: AnomalyAlert): Array<[string, string]> {
  const a = alert.anomaly;
  const cur = a.currency;
  return [
    ['Day', a.day],
    ['Series', seriesLabel(a.series)],
    ['Actual', formatMoney(a.actual, cur)],
    ['Expected', formatMoney(a.expected, cur)],
    ['Normal range', `${formatMoney(a.lower, cur)} to ${formatMoney(a.upper, cur)}`],
    ['Impact', `${a.impact < 0 ? '−' : '+'}${formatMoney(Math.abs(a.impact), cur)} (${percentWords(a.percent)})`],
  ];
}

function budgetFigures(alert: BudgetAlert): Array<[string, string]> {
  const b = alert.budget;
  const cur = b.currency;
  return [
    ['Budget', `${b.budgetName} (${nodeLabel(b.node)})`],
    ['Period', `${b.period} (${b.periodStart} to ${b.periodEnd})`],
    ['Threshold', `${b.threshold}% of ${formatMoney(b.amount, cur)}`],
    [b.basis === 'actual' ? 'Actual spend' : 'Forecast total', `${formatMoney(b.value, cur)} (${b.percent.toFixed(1)}%)`],
    ['Counted to', b.asOf],
    ['Breach probability', probabilityWords(b.breachProbability)],
  ];
}

function RootCauses({ alert, mode }: { alert: AnomalyAlert; mode: ThemeMode }) {
  const a = alert.anomaly;
  const causes = rootCauseRows(a);
  return (
    <ChartCard
      title="Root causes, ranked by amount"
      summary={rootCauseSummary(a)}
      height={Math.max(120, causes.length * 30 + 40)}
      chart={(ids) => <RootCauseChart rows={causes} currency={a.currency} mode={mode} {...ids} />}
      table={
        <DataTable
          caption={`What moved on ${a.day}: each contributor's actual minus its expected cost, ${a.currency}`}
          rowKey={(r) => `${r.rank}`}
          rows={causes}
          columns={[
            { header: 'Rank', cell: (r) => r.rank },
            { header: 'Dimension', cell: (r) => r.dimension },
            { header: 'Value', cell: (r) => <span style={{ overflowWrap: 'anywhere' }}>{r.value}</span> },
            { header: 'Impact', numeric: true, cell: (r) => formatMoney(r.impact, a.currency) },
            { header: 'Share of the deviation', numeric: true, cell: (r) => `${r.share}%` },
          ]}
        />
      }
    />
  );
}

/**
 * The incident's alerts, each with its own status, and a button to show any one's details (figures,
 * root causes, history) above: a team's root causes are not the service's.
 */
function Related({ row, shown, onShow }: { row: IncidentRow; shown: string; onShow: (key: string) => void }) {
  if (row.related.length === 0) return null;
  const members = [row.lead, ...row.related];
  return (
    <Box sx={{ '& .MuiTableContainer-root': { overflowX: 'visible' } }}>
      <DataTable
        caption={`This incident: ${alertSubject(row.lead)} ${relatedWords(row)}, largest first`}
        captionVisible
        rowKey={(a) => a.key}
        rows={members}
        columns={[
          { header: row.lead.kind === 'budget' ? 'Threshold' : 'Series', cell: (a: Alert) => (a.kind === 'budget' ? alertChange(a) : alertSubject(a)) },
          {
            header: row.lead.kind === 'budget' ? 'Spend or forecast' : 'Change',
            numeric: true,
            cell: (a: Alert) => (a.kind === 'budget' ? `${formatMoney(a.budget.value, a.budget.currency)} (${a.budget.percent.toFixed(1)}%)` : alertChange(a)),
          },
          { header: 'Status', cell: (a: Alert) => <StatusChip status={a.status} /> },
          {
            header: 'Details',
            cell: (a: Alert) => (
              // The visible word stays in the name (WCAG 2.5.3); which one is shown is aria-pressed and the filled style.
              <Button size="small" variant={a.key === shown ? 'contained' : 'text'} aria-pressed={a.key === shown} aria-label={`Show details: ${alertSubject(a)}`} onClick={() => onShow(a.key)}>
                Show
              </Button>
            ),
          },
        ]}
      />
    </Box>
  );
}

export function AlertDialog({ row: initial, mode, onClose }: { row: IncidentRow; mode: ThemeMode; onClose: () => void }) {
  const { api } = useEngine();
  const [row, setRow] = useState(initial);
  const alert = row.lead;
  // The member whose details are shown (the lead until another is chosen); actions still apply to the whole incident.
  const [shownKey, setShownKey] = useState(alert.key);
  const shown = [row.lead, ...row.related].find((a) => a.key === shownKey) ?? alert;
  const [owner, setOwner] = useState(alert.owner ?? '');
  const [comment, setComment] = useState('');
  const [remember, setRemember] = useState<ExpectedRecurrence>(() => defaultRecurrence(alert.kind === 'anomaly' ? alert.anomaly.day : ''));
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const followUp = useRef<HTMLHeadingElement>(null);
  const actions = incidentActions(row);
  const count = row.related.length + 1;

  const update = async (status: AlertAction | undefined) => {
    setBusy(true);
    try {
      const change = {
        ...(status ? { status } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(owner !== (alert.owner ?? '') ? { owner: owner.trim() } : {}),
        ...(status === 'expected' && alert.kind === 'anomaly' ? { remember } : {}),
      };
      const alerts = count > 1 ? await api.updateIncident({ incident: row.incident, ...change }) : [await api.updateAlert({ key: alert.key, ...change })];
      // Keep the lead in place: the incident's alerts come back largest first.
      const lead = alerts.find((a) => a.key === alert.key) ?? alert;
      setRow({ incident: row.incident, lead, related: alerts.filter((a) => a.key !== alert.key) });
      setComment('');
      const scope = count > 1 ? ` for the ${count} alerts of this incident` : '';
      setMessage({ severity: 'success', text: status ? `Status is now ${STATUS_LABEL[lead.status].toLowerCase()}${scope}.` : 'Saved.' });
      // The pressed button may be gone (a final status has no actions): keep the focus in the dialog.
      followUp.current?.focus();
    } catch (e) {
      setMessage({ severity: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoDialog
      titleId="alert-dialog-title" title={count > 1 ? `${alert.title} ${relatedWords(row)}` : alert.title} describedBy="alert-dialog-sentence" maxWidth="lg"
      contentSx={{ display: 'flex', flexDirection: 'column', gap: 2 }} onClose={onClose}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="span">Status:</Typography>
        <span data-testid="alert-status">{count === 1 ? <StatusChip status={alert.status} /> : <Typography component="span">{incidentStatusWords(row)}</Typography>}</span>
        {alert.owner && <Typography component="span" variant="body2">Owner: {alert.owner}</Typography>}
        {alert.suppressedBy !== null && <Typography component="span" variant="body2">(matched a pattern marked expected earlier)</Typography>}
      </Box>
      <Typography id="alert-dialog-sentence" aria-live="polite">{alertSentence(shown)}</Typography>
      <Figures figures={shown.kind === 'anomaly' ? anomalyFigures(shown) : budgetFigures(shown)} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {shown.kind === 'anomaly' && <RootCauses key={shown.key} alert={shown} mode={mode} />}
          <Related row={row} shown={shown.key} onShow={setShownKey} />
        </Box>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box component="section" aria-labelledby="alert-follow-up-title" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Typography id="alert-follow-up-title" ref={followUp} tabIndex={-1} variant="h6" component="h3" sx={{ outline: 'none' }}>Follow-up</Typography>
            {message && <MuiAlert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'}>{message.text}</MuiAlert>}
            {count > 1 && <Typography variant="body2">Actions, the comment and the owner apply to all {count} alerts of this incident; each keeps its own history.</Typography>}
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr' }}>
              <TextField size="small" label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} helperText="Who follows this up" />
              <TextField size="small" label="Comment" value={comment} onChange={(e) => setComment(e.target.value)} multiline minRows={2} helperText="Saved with the next action, in the history" />
            </Box>
            {actions.includes('expected') && alert.kind === 'anomaly' && (
              <FormControl size="small" sx={{ maxWidth: 360 }}>
                <InputLabel id="remember-label">If marked expected, remember it</InputLabel>
                <Select labelId="remember-label" label="If marked expected, remember it" value={remember} onChange={(e) => setRemember(e.target.value as ExpectedRecurrence)}>
                  {(Object.keys(RECURRENCE_LABEL) as ExpectedRecurrence[]).map((r) => <MenuItem key={r} value={r}>{RECURRENCE_LABEL[r]}</MenuItem>)}
                </Select>
              </FormControl>
            )}
            {actions.includes('expected') && alert.kind === 'budget' && (
              <Typography variant="body2">Mark expected when this spend was planned: nothing is learned from it, and the next threshold is still raised.</Typography>
            )}
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              {actions.map((action) => (
                <Button key={action} variant={action === 'acknowledged' ? 'contained' : 'outlined'} disabled={busy} onClick={() => void update(action)}>{ACTION_LABEL[action]}{count > 1 ? ' all' : ''}</Button>
              ))}
              <Button disabled={busy || (comment.trim() === '' && owner === (alert.owner ?? ''))} onClick={() => void update(undefined)}>Save comment and owner</Button>
            </Box>
            {actions.length === 0 && <Typography variant="body2">{count > 1 ? 'Every alert of this incident has a final status.' : `This alert is ${STATUS_LABEL[alert.status].toLowerCase()}: its status is final.`} You can still add a comment.</Typography>}
          </Box>
          {/* The dialog scrolls as a whole: a table that scrolls on its own would be a region keyboard users cannot reach. */}
          <Box sx={{ '& .MuiTableContainer-root': { overflowX: 'visible' } }}>
            <DataTable
              caption={count > 1 ? `History of ${alertSubject(shown)}` : 'History'}
              captionVisible
              rowKey={(_r, i) => String(i)}
              rows={historyRows(shown.history)}
              columns={[
                { header: 'When', cell: (r) => r.at },
                { header: 'What', cell: (r) => r.what },
                { header: 'Comment', cell: (r) => r.comment },
                { header: 'Owner', cell: (r) => r.owner },
              ]}
            />
          </Box>
        </Box>
      </Box>
    </InfoDialog>
  );
}
