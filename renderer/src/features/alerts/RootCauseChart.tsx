/** Root causes as horizontal bars, largest on top, each labelled with its amount and share. */
import { ResponsiveBar } from '@nivo/bar';
import { useTheme } from '@mui/material/styles';
import { formatMoney, formatMoneyCompact } from '../../format/money.js';
import { CHART_COLOURS, nivoTheme, type ThemeMode } from '../../theme/themes.js';
import type { RootCauseRow } from './alert-view.js';

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function RootCauseChart({ rows, currency, mode, titleId, summaryId }: {
  rows: readonly RootCauseRow[];
  currency: string;
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  const theme = useTheme();
  // nivo draws horizontal bars bottom-up: reverse so rank 1 is on top. The rank keeps labels unique.
  const data = [...rows].reverse().map((r) => ({ cause: `${r.rank}. ${shorten(r.label, 24)}`, impact: Math.round(r.impact * 100) / 100, share: r.share }));
  const min = Math.min(0, ...data.map((d) => d.impact));
  // The bars layer's datum does not carry extra fields reliably: look the share up by the bar's label.
  const shareOf = new Map(data.map((d) => [d.cause, d.share]));
  return (
    <ResponsiveBar
      data={data}
      keys={['impact']}
      indexBy="cause"
      layout="horizontal"
      role="img"
      ariaLabelledBy={titleId}
      ariaDescribedBy={summaryId}
      theme={nivoTheme(theme)}
      colors={[CHART_COLOURS[mode][1] ?? '#D55E00']}
      margin={{ top: 5, right: 100, bottom: 30, left: 210 }}
      padding={0.3}
      valueScale={{ type: 'linear', min }}
      axisBottom={{ format: (v: number) => formatMoneyCompact(v, currency), tickValues: 4 }}
      enableGridX
      enableGridY={false}
      enableLabel={false}
      layers={['grid', 'axes', 'bars', ({ bars }) => (
        <g>
          {bars.map((bar) => (
            <text key={bar.key} x={bar.x + bar.width + 6} y={bar.y + bar.height / 2} dominantBaseline="central" style={{ fill: theme.palette.text.primary, fontSize: 12 }}>
              {`${formatMoneyCompact(Number(bar.data.value), currency)} (${shareOf.get(String(bar.data.indexValue)) ?? 0}%)`}
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
