/**
 * A chart with what every chart needs: a heading, a text summary (read by everyone, and the
 * chart's accessible description) and a "Show as table" view with the same figures.
 */
import { Box, Button, Paper, Typography } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';

export function ChartCard({ title, summary, chart, table, height = 280 }: {
  title: string;
  summary: string;
  /** Renders the chart; receives the ids of the title and summary for aria-labelledby / describedby. */
  chart: (ids: { titleId: string; summaryId: string }) => ReactNode;
  table: ReactNode;
  height?: number;
}) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const regionId = `${id}-view`;
  return (
    <Paper component="section" aria-labelledby={titleId} variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 2 }}>
        <Typography id={titleId} variant="h6" component="h2">{title}</Typography>
        <Button size="small" variant="outlined" aria-controls={regionId} aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      </Box>
      <Typography id={summaryId} variant="body2" color="text.secondary">{summary}</Typography>
      <div id={regionId}>
        {asTable ? table : <Box sx={{ height }}>{chart({ titleId, summaryId })}</Box>}
      </div>
    </Paper>
  );
}
