/** An alert's status as a chip: its word and an icon, so the status never rests on colour. */
import { Chip } from '@mui/material';
import FiberNewIcon from '@mui/icons-material/NewReleases';
import VisibilityIcon from '@mui/icons-material/Visibility';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import type { AlertStatus } from '../../../../shared/alerts.js';
import { STATUS_LABEL } from './alert-view.js';

const ICONS: Record<AlertStatus, typeof FiberNewIcon> = { new: FiberNewIcon, acknowledged: VisibilityIcon, resolved: TaskAltIcon, expected: EventRepeatIcon };

export function StatusChip({ status }: { status: AlertStatus }) {
  const Icon = ICONS[status];
  return <Chip size="small" icon={<Icon aria-hidden />} label={STATUS_LABEL[status]} variant={status === 'new' ? 'filled' : 'outlined'} color={status === 'new' ? 'primary' : 'default'} />;
}
