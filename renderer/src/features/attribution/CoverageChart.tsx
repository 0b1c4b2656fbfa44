import { ResponsiveLine } from '@nivo/line';
import { useTheme } from '@mui/material/styles';
import type { CoveragePoint } from '../../../../shared/attribution.js';
import { ChartTooltip } from '../../charts/ChartTooltip.js';
import { lineChartProps, periodTicks } from '../../charts/chart-props.js';
import { CHART_COLOURS, type ThemeMode } from '../../theme/themes.js';
import { coverageSeries } from './attribution-view.js';

/** Coverage (0–100%) per day or month; points carry their percentage in the tooltip. */
export function CoverageChart({ points, mode, titleId, summaryId }: {
  points: readonly CoveragePoint[];
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  const theme = useTheme();
  return (
    <ResponsiveLine
      {...lineChartProps({ titleId, summaryId, theme, ticks: periodTicks(points.map((p) => p.period)) })}
      data={coverageSeries(points)}
      colors={[CHART_COLOURS[mode][2] ?? '#009E73']}
      margin={{ top: 10, right: 48, bottom: 40, left: 56 }}
      yScale={{ type: 'linear', min: 0, max: 100 }}
      axisLeft={{ format: (v: number) => `${v}%`, tickValues: [0, 25, 50, 75, 100] }}
      enablePoints={points.length <= 62}
      pointSize={6}
      lineWidth={2}
      useMesh
      tooltip={({ point }) => (
        <ChartTooltip>
          {String(point.data.x)}: <strong>{Number(point.data.y).toFixed(1)}%</strong>
        </ChartTooltip>
      )}
    />
  );
}
