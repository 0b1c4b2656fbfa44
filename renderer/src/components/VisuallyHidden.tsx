import { visuallyHidden } from '@mui/utils';
import type { ReactNode } from 'react';

/** Text for screen readers only (e.g. the object of a "Lines" button in a table row). */
export function VisuallyHidden({ children, id }: { children: ReactNode; id?: string }) {
  return <span id={id} style={visuallyHidden}>{children}</span>;
}
