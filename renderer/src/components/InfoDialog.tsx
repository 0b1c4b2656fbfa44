/** A dialog that shows something and has one action, Close (Escape and the backdrop close it too). */
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, type Breakpoint, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

export function InfoDialog({ titleId, title, describedBy, maxWidth, contentSx, onClose, children }: {
  titleId: string;
  title: ReactNode;
  /** The id of the sentence that sums the dialog up, when there is one. */
  describedBy?: string;
  maxWidth: Breakpoint;
  contentSx?: SxProps<Theme>;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open onClose={onClose} maxWidth={maxWidth} fullWidth aria-labelledby={titleId} {...(describedBy ? { 'aria-describedby': describedBy } : {})}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent {...(contentSx ? { sx: contentSx } : {})}>{children}</DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
