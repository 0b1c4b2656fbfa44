/** A budget's status as a chip with an icon and its word (never colour alone). */
import { Chip } from '@mui/material';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import VisibilityIcon from '@mui/icons-material/Visibility';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import type { BudgetLevel } from '../../../../shared/budgets.js';
import { LEVEL_LABEL } from './budget-view.js';

const ICONS: Record<BudgetLevel, typeof ErrorOutlineIcon> = {
  over: ErrorOutlineIcon, 'at-risk': WarningAmberIcon, watch: VisibilityIcon, ok: CheckCircleOutlineIcon, 'no-budget': RemoveCircleOutlineIcon, unavailable: HelpOutlineIcon,
};

export function LevelChip({ level }: { level: BudgetLevel }) {
  const Icon = ICONS[level];
  const strong = level === 'over' || level === 'at-risk';
  return (
    <Chip
      size="small"
      icon={<Icon aria-hidden />}
      label={LEVEL_LABEL[level]}
      variant={strong ? 'filled' : 'outlined'}
      // MUI's error colours fail 4.5:1 with white text on dark backgrounds: dark text on the light red there.
      sx={level === 'over' ? (t) => ({
        bgcolor: t.palette.mode === 'light' ? t.palette.error.main : t.palette.error.light,
        color: t.palette.mode === 'light' ? '#FFFFFF' : '#000000',
        '& .MuiChip-icon': { color: 'inherit' },
      }) : undefined}
    />
  );
}
