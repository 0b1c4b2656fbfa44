/**
 * Horizontal bars on a money axis, each labelled at its end (colour never carries meaning alone),
 * with a tooltip in full money. The caller gives the data, keys, colours, margins and label text.
 */
import { ResponsiveBar, type BarDatum, type BarCustomLayerProps, type ComputedDatum, type ResponsiveBarSvgProps } from '@nivo/bar';
import { useTheme } from '@mui/material/styles';
import { formatMoney } from '../format/money.js';
import { nivoTheme } from '../theme/themes.js';
import { chartA11y, moneyAxis } from './chart-props.js';
import { ChartTooltip } from './ChartTooltip.js';

type OwnProps = 'layout' | 'role' | 'ariaLabelledBy' | 'ariaDescribedBy' | 'theme' | 'axisBottom' | 'enableGridX' | 'enableGridY' | 'enableLabel' | 'layers' | 'tooltip' | 'animate';

export function HorizontalBars<D extends BarDatum>({ titleId, summaryId, currency, barLabel, labelSize = 12, tooltipName = (d) => String(d.indexValue), ...bar }: {
  titleId: string;
  summaryId: string;
  currency: string;
  /** The text drawn at the end of each bar. */
  barLabel: (datum: ComputedDatum<D>) => string;
  labelSize?: number;
  /** What the tooltip names before the amount; by default the bar's category. */
  tooltipName?: (datum: { id: string | number; indexValue: string | number }) => string;
} & Omit<ResponsiveBarSvgProps<D>, OwnProps>) {
  const theme = useTheme();
  const EndLabels = ({ bars }: BarCustomLayerProps<D>) => (
    <g>
      {bars.map((b) => (
        <text key={b.key} x={b.x + b.width + 6} y={b.y + b.height / 2} dominantBaseline="central" style={{ fill: theme.palette.text.primary, fontSize: labelSize }}>
          {barLabel(b.data)}
        </text>
      ))}
    </g>
  );
  return (
    <ResponsiveBar<D>
      {...bar}
      layout="horizontal"
      {...chartA11y({ titleId, summaryId })}
      theme={nivoTheme(theme)}
      axisBottom={moneyAxis(currency, 4)}
      enableGridX
      enableGridY={false}
      enableLabel={false}
      layers={['grid', 'axes', 'bars', EndLabels]}
      tooltip={({ id, indexValue, value }) => (
        <ChartTooltip>{tooltipName({ id, indexValue })}: <strong>{formatMoney(value, currency)}</strong></ChartTooltip>
      )}
      animate={false}
    />
  );
}
