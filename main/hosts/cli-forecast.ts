/** `cost-council forecast`: per series the chosen model, the daily forecast with intervals, the period projections and the backtest. */
import { parseArgs } from 'node:util';
import type { ForecastQuery, SeriesForecast, SliceDimension, SliceSpec } from '../../shared/forecast.js';
import type { Engine } from '../engine/index.js';
import type { CliIo } from './cli.js';
import { inOptionTerms, money, numberOption, quietContext, readWorkspace } from './cli-read-workspace.js';

/** The forecast query's argument paths as this command's options (for error messages). */
const FORECAST_OPTIONS = { 'slice.by': 'by', 'slice.value': 'value', 'slice.cost': 'cost', 'slice.currency': 'currency', horizon: 'horizon', history: 'history', limit: 'limit' };

export const FORECAST_USAGE = `  cost-council forecast --workspace <path> [--by <dimension>] [--value <value>] [--horizon <days>]
                        [--history <days>] [--cost effective|billed] [--currency <code>] [--limit <n>] [--json]`;

export const FORECAST_HELP = `  forecast   Forecast daily cost per series: the chosen model and why, the forecast with 80% and
             95% intervals per day, month/quarter/year-end projections and the backtest record.
             --by: total (default), ProviderName, ServiceCategory, ServiceName, SubAccountName,
             RegionId, ChargeCategory, x_Model, tag:<key> or alloc:<dimension>.`;

export async function forecastCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' },
      by: { type: 'string', default: 'total' },
      value: { type: 'string' },
      horizon: { type: 'string' },
      history: { type: 'string' },
      cost: { type: 'string' },
      currency: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const engine = await readWorkspace('forecast', values.workspace);
  try {
    const query = {
      slice: {
        by: values.by as SliceDimension,
        ...(values.value !== undefined ? { value: values.value } : {}),
        ...(values.cost !== undefined ? { cost: values.cost as 'billed' } : {}),
        ...(values.currency !== undefined ? { currency: values.currency } : {}),
      },
      horizon: numberOption(values.horizon, 'horizon'),
      history: numberOption(values.history, 'history'),
      limit: numberOption(values.limit, 'limit'),
    };
    const forecasts = await inOptionTerms(() => engine.handlers.forecast(withoutUndefined(query), quietContext), FORECAST_OPTIONS);
    if (values.json) io.stdout(`${JSON.stringify({ forecasts })}\n`);
    else io.stdout(forecasts.length === 0 ? await nothingToForecast(engine, query.slice) : forecasts.map(textOf).join('\n'));
    return 0;
  } finally {
    engine.dispose();
  }
}

/** Why there is no series: an empty workspace, or no cost of that dimension in the currency (say which others exist). */
async function nothingToForecast(engine: Engine, slice: SliceSpec): Promise<string> {
  const { currencies } = await engine.handlers.overview({}, quietContext);
  if (currencies.length === 0) return 'No cost in this workspace to forecast.\n';
  const wanted = slice.currency?.toUpperCase();
  const series = slice.by === 'total' ? 'No series' : `No ${slice.by} series`;
  const where = wanted ? `in ${wanted}` : 'in the currency with the largest spend';
  const others = currencies.map((c) => c.currency).filter((c) => c !== wanted);
  const hint = others.length > 0 ? ` The workspace has costs in ${others.join(', ')}: choose one with --currency.` : '';
  return `${series}${slice.value === undefined ? '' : ` "${slice.value}"`} has ${slice.cost ?? 'effective'} cost ${where}.${hint}\n`;
}

function withoutUndefined(query: ForecastQuery & { horizon?: number | undefined; history?: number | undefined; limit?: number | undefined }): ForecastQuery {
  const out: ForecastQuery = { slice: query.slice };
  if (query.horizon !== undefined) out.horizon = query.horizon;
  if (query.history !== undefined) out.history = query.history;
  if (query.limit !== undefined) out.limit = query.limit;
  return out;
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(1)}%`;
}

function textOf(f: SeriesForecast): string {
  const name = f.series.dimension === 'total' ? 'Total' : `${f.series.dimension} = ${f.series.value ?? '(not set)'}`;
  const lines = [`${name}  (${f.currency}, ${f.cost} cost, ${f.history.length} ${f.history.length === 1 ? 'day' : 'days'} of history)`];
  // Without a model the reason says so itself ("no forecast: …").
  lines.push(f.model === null ? `  ${f.reason}` : `  model: ${f.model}: ${f.reason}`);
  for (const note of f.notes) lines.push(`  note: ${note}`);
  if (f.backtest) {
    const b = f.backtest;
    lines.push(
      `  backtest: MAPE ${percent(b.mape)}, MASE ${b.mase === null ? 'n/a' : b.mase.toFixed(2)} (below 1 beats the weekly seasonal naive), ` +
        `bias ${money(b.bias)}/day, 80% interval held ${b.coverage80 === null ? 'n/a' : `${Math.round(100 * b.coverage80)}%`} of actuals (${b.origins} ${b.origins === 1 ? 'origin' : 'origins'})`,
    );
  }
  for (const p of f.projections) {
    lines.push(`  ${p.period}-end ${p.label}: ${money(p.mean)} (80%: ${money(p.lo80)} – ${money(p.hi80)}; 95%: ${money(p.lo95)} – ${money(p.hi95)}); actual to date ${money(p.actualToDate)}`);
  }
  if (f.forecast.length > 0) {
    const rows = f.forecast.map((p) => ({ day: p.day, cells: [p.mean, p.lo80, p.hi80, p.lo95, p.hi95].map(money) }));
    // Columns as wide as the widest figure: billions ran into each other at a fixed 12.
    const width = Math.max(12, ...rows.flatMap((r) => r.cells.map((c) => c.length + 2)));
    lines.push(`  ${'day'.padEnd(10)}  ${['forecast', '80% low', '80% high', '95% low', '95% high'].map((h) => h.padStart(width)).join('')}`);
    for (const r of rows) lines.push(`  ${r.day}  ${r.cells.map((c) => c.padStart(width)).join('')}`);
  }
  return `${lines.join('\n')}\n`;
}
