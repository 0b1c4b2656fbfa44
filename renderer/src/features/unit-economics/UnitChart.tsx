import { ResponsiveLine } from '@nivo/line';
import { useTheme } from '@mui/material/styles';
import type { UnitSeries } from '../../../../shared/unit-economics.js';
import { nivoTheme, CHART_COLOURS, type ThemeMode } from '../../theme/themes.js';
import { chartSeries, formatUnitCost } from './unit-view.js';

/** Cost per unit over time, a line per series; periods without a quantity are gaps in the line. */
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
  const tickEvery = Math.max(1, Math.ceil(periods.length / 8));
  const colours = CHART_COLOURS[mode];
  // The legend in the series' order (nivo lists them reversed); colours are given out in that order.
  const legend = series.map((s, i) => ({ id: s.label, label: s.label, color: colours[i % colours.length] ?? '#000000' }));
  return (
    <ResponsiveLine
      data={chartSeries(series)}
      role="img"
      ariaLabelledBy={titleId}
      ariaDescribedBy={summaryId}
      theme={nivoTheme(theme)}
      colors={colours}
      margin={{ top: 10, right: 200, bottom: 40, left: 90 }}
      xScale={{ type: 'point' }}
      yScale={{ type: 'linear', min: 0, max: 'auto' }}
      axisBottom={{ tickValues: periods.filter((_, i) => i % tickEvery === 0), format: (v: string) => (periods.length > 366 ? v.slice(0, 7) : v.slice(5)) }}
      axisLeft={{ format: (v: number) => formatUnitCost(v, currency), tickValues: 5 }}
      enablePoints={periods.length <= 62}
      pointSize={6}
      lineWidth={2}
      useMesh
      animate={false}
      legends={[{ data: legend, anchor: 'right', direction: 'column', translateX: 190, itemWidth: 180, itemHeight: 20, symbolSize: 12, symbolShape: 'circle' }]}
      tooltip={({ point }) => (
        <div style={{ background: theme.palette.background.paper, color: theme.palette.text.primary, padding: '4px 8px', border: `1px solid ${theme.palette.divider}` }}>
          {point.seriesId} · {String(point.data.x)}: <strong>{formatUnitCost(Number(point.data.y), currency)}</strong> per {unit}
        </div>
      )}
    />
  );
}
