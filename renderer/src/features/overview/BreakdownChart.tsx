import { ResponsiveBar } from '@nivo/bar';
import { useTheme } from '@mui/material/styles';
import type { Breakdown } from '../../../../shared/model.js';
import { formatMoney, formatMoneyCompact } from '../../format/money.js';
import { CHART_COLOURS, nivoTheme, type ThemeMode } from '../../theme/themes.js';
import { barData } from './overview-view.js';

/** Horizontal bars, largest on top, each labelled with its amount (colour never carries meaning alone). */
export function BreakdownChart({ rows, currency, mode, titleId, summaryId }: {
  rows: readonly Breakdown[];
  currency: string;
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  const theme = useTheme();
  const longest = Math.max(8, ...rows.map((r) => Math.min(r.key.length, 28)));
  return (
    <ResponsiveBar
      data={barData(rows)}
      keys={['cost']}
      indexBy="key"
      layout="horizontal"
      role="img"
      ariaLabelledBy={titleId}
      ariaDescribedBy={summaryId}
      theme={nivoTheme(theme)}
      colors={[CHART_COLOURS[mode][0] ?? '#0072B2']}
      margin={{ top: 5, right: 90, bottom: 30, left: Math.min(220, longest * 7 + 16) }}
      padding={0.25}
      valueScale={{ type: 'linear' }}
      axisLeft={{ format: (v: string) => (v.length > 28 ? `${v.slice(0, 27)}…` : v) }}
      axisBottom={{ format: (v: number) => formatMoneyCompact(v, currency), tickValues: 4 }}
      enableGridX
      enableGridY={false}
      enableLabel={false}
      layers={['grid', 'axes', 'bars', ({ bars }) => (
        <g>
          {bars.map((bar) => (
            <text key={bar.key} x={bar.x + bar.width + 6} y={bar.y + bar.height / 2} dominantBaseline="central" style={{ fill: theme.palette.text.primary, fontSize: 12 }}>
              {formatMoneyCompact(Number(bar.data.value), currency)}
            </text>
          ))}
        </g>
      )]}
      tooltip={({ indexValue, value }) => (
        <div style={{ background: theme.palette.background.paper, color: theme.palette.text.primary, padding: '4px 8px', border: `1px solid ${theme.palette.divider}` }}>
          {String(indexValue)}: <strong>{formatMoney(value, currency)}</strong>
        </div>
      )}
      animate={false}
    />
  );
}
