/** Root causes as horizontal bars, largest on top, each labelled with its amount and share. */
import { HorizontalBars } from '../../charts/HorizontalBars.js';
import { truncateLabel } from '../../charts/chart-props.js';
import { formatMoneyCompact } from '../../format/money.js';
import { CHART_COLOURS, type ThemeMode } from '../../theme/themes.js';
import type { RootCauseRow } from './alert-view.js';

export function RootCauseChart({ rows, currency, mode, titleId, summaryId }: {
  rows: readonly RootCauseRow[];
  currency: string;
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  // nivo draws horizontal bars bottom-up: reverse so rank 1 is on top. The rank keeps labels unique.
  const data = [...rows].reverse().map((r) => ({ cause: `${r.rank}. ${truncateLabel(r.label, 24)}`, impact: Math.round(r.impact * 100) / 100, share: r.share }));
  const min = Math.min(0, ...data.map((d) => d.impact));
  // The bars layer's datum does not carry extra fields reliably: look the share up by the bar's label.
  const shareOf = new Map(data.map((d) => [d.cause, d.share]));
  return (
    <HorizontalBars
      titleId={titleId}
      summaryId={summaryId}
      currency={currency}
      data={data}
      keys={['impact']}
      indexBy="cause"
      colors={[CHART_COLOURS[mode][1] ?? '#D55E00']}
      margin={{ top: 5, right: 100, bottom: 30, left: 210 }}
      padding={0.3}
      valueScale={{ type: 'linear', min }}
      barLabel={(d) => `${formatMoneyCompact(Number(d.value), currency)} (${shareOf.get(String(d.indexValue)) ?? 0}%)`}
    />
  );
}
