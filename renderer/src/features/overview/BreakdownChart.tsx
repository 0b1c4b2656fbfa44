import type { Breakdown } from '../../../../shared/model.js';
import { HorizontalBars } from '../../charts/HorizontalBars.js';
import { categoryAxisWidth, truncateLabel } from '../../charts/chart-props.js';
import { formatMoneyCompact } from '../../format/money.js';
import { CHART_COLOURS, type ThemeMode } from '../../theme/themes.js';
import { barData } from './overview-view.js';

/** Horizontal bars, largest on top, each labelled with its amount (colour never carries meaning alone). */
export function BreakdownChart({ rows, currency, mode, titleId, summaryId }: {
  rows: readonly Breakdown[];
  currency: string;
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  return (
    <HorizontalBars
      titleId={titleId}
      summaryId={summaryId}
      currency={currency}
      data={barData(rows)}
      keys={['cost']}
      indexBy="key"
      colors={[CHART_COLOURS[mode][0] ?? '#0072B2']}
      margin={{ top: 5, right: 90, bottom: 30, left: categoryAxisWidth(rows.map((r) => r.key), 28, 220) }}
      padding={0.25}
      valueScale={{ type: 'linear' }}
      axisLeft={{ format: (v: string) => truncateLabel(v, 28) }}
      barLabel={(d) => formatMoneyCompact(Number(d.value), currency)}
    />
  );
}
