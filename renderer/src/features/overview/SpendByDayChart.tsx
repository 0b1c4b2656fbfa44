import { ResponsiveLine } from '@nivo/line';
import { useTheme } from '@mui/material/styles';
import type { DailyCost } from '../../../../shared/model.js';
import { formatMoney, formatMoneyCompact } from '../../format/money.js';
import { nivoTheme, type ThemeMode, CHART_COLOURS } from '../../theme/themes.js';
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
  const tickEvery = Math.max(1, Math.ceil(every.length / 8));
  return (
    <ResponsiveLine
      data={dailySeries(days)}
      role="img"
      ariaLabelledBy={titleId}
      ariaDescribedBy={summaryId}
      theme={nivoTheme(theme)}
      colors={[colour]}
      margin={{ top: 10, right: 20, bottom: 40, left: 70 }}
      xScale={{ type: 'point' }}
      yScale={{ type: 'linear', min: 'auto', max: 'auto' }}
      axisBottom={{ tickValues: every.filter((_, i) => i % tickEvery === 0).map((d) => d.day), format: (v: string) => (every.length > 366 ? v.slice(0, 7) : v.slice(5)) }}
      axisLeft={{ format: (v: number) => formatMoneyCompact(v, currency), tickValues: 5 }}
      enablePoints={every.length <= 45}
      pointSize={5}
      enableArea
      areaOpacity={0.12}
      lineWidth={2}
      useMesh
      enableSlices={false}
      tooltip={({ point }) => (
        <div style={{ background: theme.palette.background.paper, color: theme.palette.text.primary, padding: '4px 8px', border: `1px solid ${theme.palette.divider}` }}>
          {String(point.data.x)}: <strong>{formatMoney(Number(point.data.y), currency)}</strong>
        </div>
      )}
      animate={false}
    />
  );
}
