import { ResponsiveLine } from '@nivo/line';
import { useTheme } from '@mui/material/styles';
import type { CoveragePoint } from '../../../../shared/attribution.js';
import { CHART_COLOURS, nivoTheme, type ThemeMode } from '../../theme/themes.js';
import { coverageSeries } from './attribution-view.js';

/** Coverage (0–100%) per day or month; points carry their percentage in the tooltip. */
export function CoverageChart({ points, mode, titleId, summaryId }: {
  points: readonly CoveragePoint[];
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  const theme = useTheme();
  const tickEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <ResponsiveLine
      data={coverageSeries(points)}
      role="img"
      ariaLabelledBy={titleId}
      ariaDescribedBy={summaryId}
      theme={nivoTheme(theme)}
      colors={[CHART_COLOURS[mode][2] ?? '#009E73']}
      margin={{ top: 10, right: 48, bottom: 40, left: 56 }}
      xScale={{ type: 'point' }}
      yScale={{ type: 'linear', min: 0, max: 100 }}
      axisBottom={{ tickValues: points.filter((_, i) => i % tickEvery === 0).map((p) => p.period) }}
      axisLeft={{ format: (v: number) => `${v}%`, tickValues: [0, 25, 50, 75, 100] }}
      enablePoints={points.length <= 62}
      pointSize={6}
      lineWidth={2}
      useMesh
      tooltip={({ point }) => (
        <div style={{ background: theme.palette.background.paper, color: theme.palette.text.primary, padding: '4px 8px', border: `1px solid ${theme.palette.divider}` }}>
          {String(point.data.x)}: <strong>{Number(point.data.y).toFixed(1)}%</strong>
        </div>
      )}
      animate={false}
    />
  );
}
