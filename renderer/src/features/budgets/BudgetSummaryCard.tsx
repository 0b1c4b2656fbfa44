/** The overview's small budget card: counts by status and the budgets that need attention. */
import { Box, Link, Paper, Typography } from '@mui/material';
import { useEngineQuery } from '../../app/engine-context.js';
import { formatMoney } from '../../format/money.js';
import { probabilityWords, statusOverview, worstFirst } from './budget-view.js';
import { LevelChip } from './LevelChip.js';

export function BudgetSummaryCard() {
  const { data } = useEngineQuery('budgetStatus', {});
  if (!data) return null;
  const top = worstFirst(data.statuses).slice(0, 3);
  return (
    <Paper component="section" aria-labelledby="budget-card-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography id="budget-card-title" variant="h6" component="h2">Budgets</Typography>
      <Typography variant="body2">{statusOverview(data)}</Typography>
      {top.length > 0 && (
        <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 0.75 }}>
          {top.map((s) => (
            <Box component="li" key={s.budget.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <LevelChip level={s.level} />
              <Typography variant="body2">
                {s.budget.name} ({s.period.label}): {formatMoney(s.actual, s.budget.currency)}
                {s.amount !== null && ` of ${formatMoney(s.amount, s.budget.currency)}`}
                {s.breachProbability !== null && `, ${probabilityWords(s.breachProbability)} chance of going over`}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      <Link href="#/budgets" variant="body2">{data.statuses.length > 0 ? 'All budgets' : 'Add a budget'}</Link>
    </Paper>
  );
}
