import { ResponsiveLine } from '@nivo/line';
import { Box } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import type { UnitSeries } from '../../../../shared/unit-economics.js';
import { ChartTooltip } from '../../charts/ChartTooltip.js';
import { dayTickFormat, lineChartProps, periodTicks } from '../../charts/chart-props.js';
import { CHART_COLOURS, type ThemeMode } from '../../theme/themes.js';
import { chartSeries, formatUnitCost } from './unit-view.js';

/**
 * Cost per unit over time, a line per series; periods without a quantity are gaps in the line.
 * The legend is a list under the chart (long labels wrap instead of being cut), in the series' order.
 */
export function UnitChart({ series, periods, currency, unit, mode, titleId, summaryId }: {
  series: readonly UnitSeries[];
  periods: readonly string[];
  currency: string;
  unit: string;
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  const theme = useTheme();
  const ticks = periodTicks(periods);
  const colours = CHART_COLOURS[mode];
  const colourOf = (i: number) => colours[i % colours.length] ?? theme.palette.text.primary;
  // By position, from this render's series: nivo's own ordinal scale remembers ids across renders,
  // so after switching units the lines and the legend would no longer agree.
  const colourById = new Map(series.map((s, i) => [s.label, colourOf(i)]));
  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ flex: 1, minHeight: 0 }}>
        <ResponsiveLine
          {...lineChartProps({ titleId, summaryId, theme, ticks, tickFormat: dayTickFormat(periods.length) })}
          data={chartSeries(series)}
          colors={(line: { id: string | number }) => colourById.get(String(line.id)) ?? theme.palette.text.primary}
          margin={{ top: 10, right: 24, bottom: 40, left: 90 }}
          yScale={{ type: 'linear', min: 0, max: 'auto' }}
          axisLeft={{ format: (v: number) => formatUnitCost(v, currency), tickValues: 5 }}
          gridXValues={ticks}
          enablePoints={periods.length <= 62}
          pointSize={6}
          lineWidth={2}
          useMesh
          tooltip={({ point }) => (
            <ChartTooltip>
              {point.seriesId} · {String(point.data.x)}: <strong>{formatUnitCost(Number(point.data.y), currency)}</strong> per {unit}
            </ChartTooltip>
          )}
        />
      </Box>
      <Box component="ul" aria-label="Legend" sx={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', listStyle: 'none', m: 0, p: 0, pl: '90px', fontSize: 13 }}>
        {series.map((s, i) => (
          <Box component="li" key={s.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box component="span" aria-hidden sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: colourOf(i), flexShrink: 0 }} />
            {s.label}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
