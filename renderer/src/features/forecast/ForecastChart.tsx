/**
 * History and forecast of one series: the actual cost as a solid line, the forecast as a dashed
 * line, the 80% interval as a filled band and the 95% interval as a hatched band, each named by a
 * label on the chart and in the legend below (line style and pattern, never colour alone).
 */
import { ResponsiveLine, type LineCustomSvgLayerProps } from '@nivo/line';
import { Box, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useId, type ReactNode } from 'react';
import { ChartTooltip } from '../../charts/ChartTooltip.js';
import { lineChartProps, moneyAxis, periodTicks } from '../../charts/chart-props.js';
import { formatMoney } from '../../format/money.js';
import { CHART_COLOURS, type ThemeMode } from '../../theme/themes.js';
import { bandPath, chartSeries, yExtent, type ForecastChartDay } from './forecast-chart-view.js';

type Series = ReturnType<typeof chartSeries>[number];
type LayerProps = LineCustomSvgLayerProps<Series>;

export function ForecastChart({ days, currency, mode, titleId, summaryId }: {
  days: readonly ForecastChartDay[];
  currency: string;
  mode: ThemeMode;
  titleId: string;
  summaryId: string;
}) {
  const theme = useTheme();
  const id = useId().replace(/:/g, '');
  const [actualColour = '#0072B2', forecastColour = '#D55E00'] = CHART_COLOURS[mode];
  const hatch = `${id}-hatch`;
  const extent = yExtent(days);
  const byDay = new Map(days.map((d) => [d.day, d]));
  const firstForecast = days.find((d) => d.forecast !== null)?.day;

  const Bands = ({ xScale, yScale }: LayerProps) => {
    const x = (day: string) => xScale(day);
    const y = (v: number) => yScale(v);
    const p95 = bandPath(days, 'lo95', 'hi95', x, y);
    const p80 = bandPath(days, 'lo80', 'hi80', x, y);
    const last = [...days].reverse().find((d) => d.hi95 !== null && d.lo80 !== null);
    return (
      <g aria-hidden>
        <defs>
          <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} fill={forecastColour} fillOpacity={0.08} />
            <line x1={0} y1={0} x2={0} y2={6} stroke={forecastColour} strokeWidth={1.5} strokeOpacity={0.55} />
          </pattern>
        </defs>
        {p95 && <path d={p95} fill={`url(#${hatch})`} stroke={forecastColour} strokeOpacity={0.5} strokeWidth={1} />}
        {p80 && <path d={p80} fill={forecastColour} fillOpacity={0.28} stroke="none" />}
        {firstForecast && (
          <g>
            <line x1={x(firstForecast)} x2={x(firstForecast)} y1={0} y2={yScale(extent.min)} stroke={theme.palette.text.secondary} strokeDasharray="2 3" />
            <text x={x(firstForecast) + 4} y={12} style={{ fill: theme.palette.text.primary, fontSize: 12 }}>Forecast</text>
          </g>
        )}
        {last && last.hi95 !== null && last.lo80 !== null && last.hi80 !== null && (
          <g style={{ fill: theme.palette.text.primary, fontSize: 11 }}>
            <text x={x(last.day) + 4} y={y(last.hi95)} dominantBaseline="central">95%</text>
            <text x={x(last.day) + 4} y={y((last.lo80 + last.hi80) / 2)} dominantBaseline="central">80%</text>
          </g>
        )}
      </g>
    );
  };

  const Lines = ({ series, lineGenerator }: LayerProps) => (
    <g>
      {series.map((s) => (
        <path
          key={String(s.id)}
          d={lineGenerator(s.data.map((d) => d.position)) ?? ''}
          fill="none"
          stroke={s.id === 'Forecast' ? forecastColour : actualColour}
          strokeWidth={s.id === 'Forecast' ? 2.5 : 2}
          strokeDasharray={s.id === 'Forecast' ? '7 4' : undefined}
        />
      ))}
    </g>
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Box sx={{ flexGrow: 1, minHeight: 0 }}>
        <ResponsiveLine
          {...lineChartProps({ titleId, summaryId, theme, ticks: periodTicks(days.map((d) => d.day)), tickFormat: (v) => v.slice(5) })}
          data={chartSeries(days)}
          margin={{ top: 18, right: 44, bottom: 40, left: 70 }}
          yScale={{ type: 'linear', min: extent.min, max: extent.max }}
          axisLeft={moneyAxis(currency, 5)}
          enableGridX={false}
          enablePoints={false}
          layers={['grid', 'axes', Bands, Lines, 'slices']}
          enableSlices="x"
          sliceTooltip={({ slice }) => {
            const day = byDay.get(String(slice.points[0]?.data.x ?? ''));
            if (!day) return null;
            return (
              <ChartTooltip fontSize={13}>
                <strong>{day.day}</strong>
                {day.actual !== null && <div>Actual: {formatMoney(day.actual, currency)}</div>}
                {day.forecast !== null && <div>Forecast: {formatMoney(day.forecast, currency)}</div>}
                {day.lo80 !== null && day.hi80 !== null && <div>80%: {formatMoney(day.lo80, currency)} – {formatMoney(day.hi80, currency)}</div>}
                {day.lo95 !== null && day.hi95 !== null && <div>95%: {formatMoney(day.lo95, currency)} – {formatMoney(day.hi95, currency)}</div>}
              </ChartTooltip>
            );
          }}
        />
      </Box>
      <Legend actual={actualColour} forecast={forecastColour} hatch={`${hatch}-legend`} />
    </Box>
  );
}

/** The key to line styles and patterns, as text with small drawn samples. */
function Legend({ actual, forecast, hatch }: { actual: string; forecast: string; hatch: string }) {
  const sample = (child: ReactNode) => <svg width={28} height={12} aria-hidden style={{ verticalAlign: 'middle', marginRight: 6 }}>{child}</svg>;
  return (
    <Box component="ul" aria-label="Chart key" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', m: 0, p: 0, pt: 0.5 }}>
      <Typography component="li" variant="body2">{sample(<line x1={0} x2={28} y1={6} y2={6} stroke={actual} strokeWidth={2} />)}Actual cost (solid line)</Typography>
      <Typography component="li" variant="body2">{sample(<line x1={0} x2={28} y1={6} y2={6} stroke={forecast} strokeWidth={2.5} strokeDasharray="7 4" />)}Forecast (dashed line)</Typography>
      <Typography component="li" variant="body2">{sample(<rect width={28} height={12} fill={forecast} fillOpacity={0.28} />)}80% interval (filled band)</Typography>
      <Typography component="li" variant="body2">
        {sample(
          <>
            <defs>
              <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1={0} y1={0} x2={0} y2={6} stroke={forecast} strokeWidth={1.5} strokeOpacity={0.55} />
              </pattern>
            </defs>
            <rect width={28} height={12} fill={`url(#${hatch})`} stroke={forecast} strokeOpacity={0.5} />
          </>,
        )}
        95% interval (hatched band)
      </Typography>
    </Box>
  );
}
