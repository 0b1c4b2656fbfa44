/**
 * What the nivo charts share: accessible names, the theme, the period axis and money axes.
 * Each chart spreads these and sets only what is its own (data, colours, margins, scales).
 */
import type { Theme } from '@mui/material/styles';
import { formatMoneyCompact } from '../format/money.js';
import { nivoTheme } from '../theme/themes.js';

/** A label cut to `max` characters, the last one an ellipsis when it was longer. */
export function truncateLabel(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every nth period, so that an axis shows about `most` ticks whatever the span. */
export function periodTicks<T>(periods: readonly T[], most = 8): T[] {
  const every = Math.max(1, Math.ceil(periods.length / most));
  return periods.filter((_, i) => i % every === 0);
}

/** Day labels as MM-DD; over more than a year of days, as YYYY-MM (MM-DD would repeat). */
export function dayTickFormat(count: number): (day: string) => string {
  return (day) => (count > 366 ? day.slice(0, 7) : day.slice(5));
}

/** Room for category labels on the left axis: about 7px a character (capped at `cap` characters), at most `most` px. */
export function categoryAxisWidth(labels: readonly string[], cap: number, most: number): number {
  const longest = Math.max(8, ...labels.map((l) => Math.min(l.length, cap)));
  return Math.min(most, longest * 7 + 16);
}

/** A value axis in compact money (e.g. "$1.2k"). */
export function moneyAxis(currency: string, tickValues: number) {
  return { format: (v: number) => formatMoneyCompact(v, currency), tickValues };
}

/** The chart is an image named by its card's title and described by its text summary. */
export function chartA11y(ids: { titleId: string; summaryId: string }) {
  return { role: 'img', ariaLabelledBy: ids.titleId, ariaDescribedBy: ids.summaryId } as const;
}

/** The props every line chart over periods shares: a11y, theme, one point per period, the period axis, no animation. */
export function lineChartProps({ titleId, summaryId, theme, ticks, tickFormat }: {
  titleId: string;
  summaryId: string;
  theme: Theme;
  ticks: readonly string[];
  tickFormat?: (period: string) => string;
}) {
  return {
    ...chartA11y({ titleId, summaryId }),
    theme: nivoTheme(theme),
    xScale: { type: 'point' },
    axisBottom: { tickValues: [...ticks], ...(tickFormat ? { format: tickFormat } : {}) },
    animate: false,
  } as const;
}
