/** Budgets: each with its status this period (actual, forecast, chance of going over, thresholds); add, edit, delete. */
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Link, Paper, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Budget, BudgetStatus } from '../../../../shared/budgets.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatMoney } from '../../format/money.js';
import { BudgetDialog } from './BudgetDialog.js';
import { alertCountsByBudget, alertCountWords, budgetSentence, nodeLabel, PERIOD_LABEL, probabilityWords, statusOverview, thresholdWords, worstFirst } from './budget-view.js';
import { LevelChip } from './LevelChip.js';

function pct(v: number | null): string {
  return v === null ? '' : ` (${Math.round(v)}%)`;
}

export function BudgetsScreen() {
  const { api } = useEngine();
  const { data, error } = useEngineQuery('budgetStatus', {});
  const { data: budgetAlerts } = useEngineQuery('listAlerts', { kind: 'budget', limit: 1000 });
  const alertCounts = alertCountsByBudget(budgetAlerts?.alerts ?? []);
  const [editing, setEditing] = useState<Budget | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Budget | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  const remove = async (budget: Budget) => {
    setDeleting(null);
    try {
      await api.deleteBudget({ id: budget.id });
      setMessage({ severity: 'success', text: `Deleted budget ${budget.name}.` });
    } catch (e) {
      setMessage({ severity: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  const statuses = data ? worstFirst(data.statuses) : [];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        A budget sets an amount per month, quarter or year for the total or one service, provider, tag value or other node. Its status compares the
        actual spend so far and the forecast for the end of the period with the amount and its thresholds, with the chance of going over.
      </Typography>
      {message && <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'} onClose={() => setMessage(null)}>{message.text}</Alert>}
      {error && <Alert severity="error" role="alert">The budgets could not be read: {error.message}</Alert>}
      <Paper component="section" aria-labelledby="budgets-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id="budgets-title" variant="h6" component="h2">Budgets this period</Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Button variant="contained" onClick={() => setEditing('new')}>Add a budget</Button>
        </Box>
        {data && <Typography role="status">{statusOverview(data)}</Typography>}
        {statuses.length > 0 && (
          <DataTable
            caption="Budgets, worst status first"
            rowKey={(s) => String(s.budget.id)}
            rows={statuses}
            columns={[
              { header: 'Budget', cell: (s: BudgetStatus) => s.budget.name },
              { header: 'Watches', cell: (s) => nodeLabel(s.budget.node) },
              { header: 'Period', cell: (s) => `${PERIOD_LABEL[s.budget.period]}, ${s.period.label}` },
              { header: 'Amount', numeric: true, cell: (s) => (s.amount === null ? 'none planned' : formatMoney(s.amount, s.budget.currency)) },
              { header: 'Actual', numeric: true, cell: (s) => `${formatMoney(s.actual, s.budget.currency)}${pct(s.percentActual)}` },
              { header: 'Forecast at period end', numeric: true, cell: (s) => (s.forecast ? `${formatMoney(s.forecast.total, s.budget.currency)}${pct(s.percentForecast)}` : '—') },
              { header: 'Chance of going over', numeric: true, cell: (s) => probabilityWords(s.breachProbability) },
              { header: 'Thresholds crossed', cell: (s) => thresholdWords(s) },
              {
                header: 'Status and alerts',
                cell: (s) => {
                  const count = alertCounts.get(s.budget.id);
                  return (
                    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
                      <LevelChip level={s.level} />
                      {/* To the alert centre, filtered to this budget (the thresholds it crossed, in any period). */}
                      {count
                        ? <Link href={`#/alerts?budget=${s.budget.id}`} variant="body2">{alertCountWords(count)}<VisuallyHidden> of budget {s.budget.name}</VisuallyHidden></Link>
                        : <Typography variant="body2" component="span">{alertCountWords(count)}</Typography>}
                    </Box>
                  );
                },
              },
              {
                header: 'Actions',
                cell: (s) => (
                  <Box sx={{ display: 'flex', gap: 0.5 }}>
                    <Button size="small" onClick={() => setEditing(s.budget)}>Edit<VisuallyHidden> budget {s.budget.name}</VisuallyHidden></Button>
                    <Button size="small" color="error" onClick={() => setDeleting(s.budget)}>Delete<VisuallyHidden> budget {s.budget.name}</VisuallyHidden></Button>
                  </Box>
                ),
              },
            ]}
          />
        )}
        {statuses.length > 0 && (
          <Box component="ul" aria-label="Budget status in words" sx={{ m: 0, pl: 2.5 }}>
            {statuses.map((s) => <Typography component="li" variant="body2" key={s.budget.id}>{budgetSentence(s)}</Typography>)}
          </Box>
        )}
      </Paper>
      {editing && (
        <BudgetDialog budget={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(text) => setMessage({ severity: 'success', text })} />
      )}
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} aria-labelledby="delete-budget-title">
        <DialogTitle id="delete-budget-title">Delete budget {deleting?.name}?</DialogTitle>
        <DialogContent>
          <DialogContentText>The budget and its planned amounts are removed from this workspace. Costs are not touched.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(null)}>Cancel</Button>
          <Button color="error" variant="contained" onClick={() => deleting && void remove(deleting)}>Delete</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
