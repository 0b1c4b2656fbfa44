import { ResponsiveLine } from '@nivo/line';
import { useTheme } from '@mui/material/styles';
import type { DailyCost } from '../../../../shared/model.js';
import { ChartTooltip } from '../../charts/ChartTooltip.js';
import { dayTickFormat, lineChartProps, moneyAxis, periodTicks } from '../../charts/chart-props.js';
import { formatMoney } from '../../format/money.js';
import { CHART_COLOURS, type ThemeMode } from '../../theme/themes.js';
import { dailySeries, withEveryDay } from './overview-view.js';

export function SpendByDayChart({ days, currency, mode, titleId, summaryId }: {
  days: readonly DailyCost[];
  currency: string;
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  const theme = useTheme();
  const colour = CHART_COLOURS[mode][0] ?? '#0072B2';
  const every = withEveryDay(days);
  return (
    <ResponsiveLine
      {...lineChartProps({ titleId, summaryId, theme, ticks: periodTicks(every.map((d) => d.day)), tickFormat: dayTickFormat(every.length) })}
      data={dailySeries(days)}
      colors={[colour]}
      margin={{ top: 10, right: 20, bottom: 40, left: 70 }}
      yScale={{ type: 'linear', min: 'auto', max: 'auto' }}
      axisLeft={moneyAxis(currency, 5)}
      enablePoints={every.length <= 45}
      pointSize={5}
      enableArea
      areaOpacity={0.12}
      lineWidth={2}
      useMesh
      enableSlices={false}
      tooltip={({ point }) => (
        <ChartTooltip>
          {String(point.data.x)}: <strong>{formatMoney(Number(point.data.y), currency)}</strong>
        </ChartTooltip>
      )}
    />
  );
}
