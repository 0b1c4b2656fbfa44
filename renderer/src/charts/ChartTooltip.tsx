/** The box every chart's tooltip is drawn in, in the theme's paper and text colours. */
import { useTheme } from '@mui/material/styles';
import type { ReactNode } from 'react';

export function ChartTooltip({ children, fontSize }: { children: ReactNode; fontSize?: number }) {
  const theme = useTheme();
  return (
    <div style={{ background: theme.palette.background.paper, color: theme.palette.text.primary, padding: '4px 8px', border: `1px solid ${theme.palette.divider}`, ...(fontSize ? { fontSize } : {}) }}>
      {children}
    </div>
  );
}
