/**
 * One alert: what happened (actual against expected with its range, impact), the root causes
 * ranked by amount (chart and table), the lifecycle actions with a comment and an owner, and the
 * history of transitions. Everything works from the keyboard (Tab to a field or button, Enter).
 */
import {
  Alert as MuiAlert, Box, Button, FormControl, InputLabel, MenuItem, Select, TextField, Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import type { Alert, ExpectedRecurrence } from '../../../../shared/alerts.js';
import { useEngine } from '../../app/engine-context.js';
import { ChartCard } from '../../components/ChartCard.js';
import { DataTable } from '../../components/DataTable.js';
import { InfoDialog } from '../../components/InfoDialog.js';
import { formatMoney } from '../../format/money.js';
import type { ThemeMode } from '../../theme/themes.js';
import { seriesLabel } from '../forecast/forecast-view.js';
import {
  ACTION_LABEL, allowedActions, anomalySentence, defaultRecurrence, historyRows, percentWords, RECURRENCE_LABEL, rootCauseRows, rootCauseSummary,
  STATUS_LABEL, type AlertAction,
} from './alert-view.js';
import { RootCauseChart } from './RootCauseChart.js';
import { StatusChip } from './StatusChip.js';

export function AlertDialog({ alert: initial, mode, onClose }: { alert: Alert; mode: ThemeMode; onClose: () => void }) {
  const { api } = useEngine();
  const [alert, setAlert] = useState(initial);
  const [owner, setOwner] = useState(initial.owner ?? '');
  const [comment, setComment] = useState('');
  const [remember, setRemember] = useState<ExpectedRecurrence>(() => defaultRecurrence(initial.anomaly.day));
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const followUp = useRef<HTMLHeadingElement>(null);
  const a = alert.anomaly;
  const cur = a.currency;
  const causes = rootCauseRows(a);
  const actions = allowedActions(alert.status);

  const update = async (status: AlertAction | undefined) => {
    setBusy(true);
    try {
      const next = await api.updateAlert({
        key: alert.key,
        ...(status ? { status } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(owner !== (alert.owner ?? '') ? { owner: owner.trim() } : {}),
        ...(status === 'expected' ? { remember } : {}),
      });
      setAlert(next);
      setComment('');
      setMessage({ severity: 'success', text: status ? `Status is now ${STATUS_LABEL[next.status].toLowerCase()}.` : 'Saved.' });
      // The pressed button may be gone (a final status has no actions): keep the focus in the dialog.
      followUp.current?.focus();
    } catch (e) {
      setMessage({ severity: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const figures: Array<[string, string]> = [
    ['Day', a.day],
    ['Series', seriesLabel(a.series)],
    ['Actual', formatMoney(a.actual, cur)],
    ['Expected', formatMoney(a.expected, cur)],
    ['Normal range', `${formatMoney(a.lower, cur)} to ${formatMoney(a.upper, cur)}`],
    ['Impact', `${a.impact < 0 ? '−' : '+'}${formatMoney(Math.abs(a.impact), cur)} (${percentWords(a.percent)})`],
  ];

  return (
    <InfoDialog
      titleId="alert-dialog-title" title={alert.title} describedBy="alert-dialog-sentence" maxWidth="lg"
      contentSx={{ display: 'flex', flexDirection: 'column', gap: 2 }} onClose={onClose}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="span">Status:</Typography>
        <span data-testid="alert-status"><StatusChip status={alert.status} /></span>
        {alert.owner && <Typography component="span" variant="body2">Owner: {alert.owner}</Typography>}
        {alert.suppressedBy !== null && <Typography component="span" variant="body2">(matched a pattern marked expected earlier)</Typography>}
      </Box>
      <Typography id="alert-dialog-sentence">{anomalySentence(a)}</Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: 'auto 1fr', md: 'repeat(3, auto 1fr)' }, columnGap: 2, rowGap: 0.5 }}>
        {figures.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>{label}</Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
          </Box>
        ))}
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
        <ChartCard
          title="Root causes, ranked by amount"
          summary={rootCauseSummary(a)}
          height={Math.max(120, causes.length * 30 + 40)}
          chart={(ids) => <RootCauseChart rows={causes} currency={cur} mode={mode} {...ids} />}
          table={
            <DataTable
              caption={`What moved on ${a.day}: each contributor's actual minus its expected cost, ${cur}`}
              rowKey={(r) => `${r.rank}`}
              rows={causes}
              columns={[
                { header: 'Rank', cell: (r) => r.rank },
                { header: 'Dimension', cell: (r) => r.dimension },
                { header: 'Value', cell: (r) => <span style={{ overflowWrap: 'anywhere' }}>{r.value}</span> },
                { header: 'Impact', numeric: true, cell: (r) => formatMoney(r.impact, cur) },
                { header: 'Share of the deviation', numeric: true, cell: (r) => `${r.share}%` },
              ]}
            />
          }
        />
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box component="section" aria-labelledby="alert-follow-up-title" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Typography id="alert-follow-up-title" ref={followUp} tabIndex={-1} variant="h6" component="h3" sx={{ outline: 'none' }}>Follow-up</Typography>
            {message && <MuiAlert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'}>{message.text}</MuiAlert>}
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr' }}>
              <TextField size="small" label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} helperText="Who follows this up" />
              <TextField size="small" label="Comment" value={comment} onChange={(e) => setComment(e.target.value)} multiline minRows={2} helperText="Saved with the next action, in the history" />
            </Box>
            {actions.includes('expected') && (
              <FormControl size="small" sx={{ maxWidth: 360 }}>
                <InputLabel id="remember-label">If marked expected, remember it</InputLabel>
                <Select labelId="remember-label" label="If marked expected, remember it" value={remember} onChange={(e) => setRemember(e.target.value as ExpectedRecurrence)}>
                  {(Object.keys(RECURRENCE_LABEL) as ExpectedRecurrence[]).map((r) => <MenuItem key={r} value={r}>{RECURRENCE_LABEL[r]}</MenuItem>)}
                </Select>
              </FormControl>
            )}
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              {actions.map((action) => (
                <Button key={action} variant={action === 'acknowledged' ? 'contained' : 'outlined'} disabled={busy} onClick={() => void update(action)}>{ACTION_LABEL[action]}</Button>
              ))}
              <Button disabled={busy || (comment.trim() === '' && owner === (alert.owner ?? ''))} onClick={() => void update(undefined)}>Save comment and owner</Button>
            </Box>
            {actions.length === 0 && <Typography variant="body2">This alert is {STATUS_LABEL[alert.status].toLowerCase()}: its status is final. You can still add a comment.</Typography>}
          </Box>
          {/* The dialog scrolls as a whole: a table that scrolls on its own would be a region keyboard users cannot reach. */}
          <Box sx={{ '& .MuiTableContainer-root': { overflowX: 'visible' } }}>
            <DataTable
              caption="History"
              captionVisible
              rowKey={(_r, i) => String(i)}
              rows={historyRows(alert.history)}
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
