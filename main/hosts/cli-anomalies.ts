/** `cost-council anomalies`: anomalous days with their series, actual, expected, impact and root causes. */
import { parseArgs } from 'node:util';
import type { Anomaly, AnomalyQuery, AnomalySettings } from '../../shared/forecast.js';
import type { Engine } from '../engine/index.js';
import type { CliIo } from './cli.js';
import { inOptionTerms, money, numberOption, quietContext, readWorkspace, signedMoney } from './cli-read-workspace.js';

/** The anomaly query's argument paths as this command's options (for error messages). */
const ANOMALY_OPTIONS = {
  'settings.dimensions': 'dimensions', 'settings.minImpact': 'min-impact', 'settings.minPercent': 'min-percent', 'settings.direction': 'direction',
  'settings.sensitivity': 'sensitivity', 'settings.cost': 'cost', from: 'from', to: 'to', currency: 'currency',
};

export const ANOMALIES_USAGE = `  cost-council anomalies --workspace <path> [--from <day>] [--to <day>] [--dimensions <d1,d2,…>]
                         [--min-impact <amount>] [--min-percent <pct>] [--direction spikes|drops|both]
                         [--sensitivity <z>] [--cost effective|billed] [--currency <code>] [--json]`;

export const ANOMALIES_HELP = `  anomalies  Days whose cost left its expected range (default: the last 30 days; total,
             ProviderName, ServiceName and SubAccountName), with the child slices behind each.`;

export async function anomaliesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      dimensions: { type: 'string' },
      'min-impact': { type: 'string' },
      'min-percent': { type: 'string' },
      direction: { type: 'string' },
      sensitivity: { type: 'string' },
      cost: { type: 'string' },
      currency: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const engine = await readWorkspace('anomalies', values.workspace);
  try {
    const settings: Partial<AnomalySettings> = {};
    if (values.dimensions !== undefined) settings.dimensions = values.dimensions.split(',').map((d) => d.trim()) as AnomalySettings['dimensions'];
    const minImpact = numberOption(values['min-impact'], 'min-impact');
    const minPercent = numberOption(values['min-percent'], 'min-percent');
    const sensitivity = numberOption(values.sensitivity, 'sensitivity');
    if (minImpact !== undefined) settings.minImpact = minImpact;
    if (minPercent !== undefined) settings.minPercent = minPercent;
    if (sensitivity !== undefined) settings.sensitivity = sensitivity;
    if (values.direction !== undefined) settings.direction = values.direction as AnomalySettings['direction'];
    if (values.cost !== undefined) settings.cost = values.cost as AnomalySettings['cost'];
    const query: AnomalyQuery = { settings };
    if (values.from !== undefined) query.from = values.from;
    if (values.to !== undefined) query.to = values.to;
    if (values.currency !== undefined) query.currency = values.currency;
    const anomalies = await inOptionTerms(() => engine.handlers.detectAnomalies(query, quietContext), ANOMALY_OPTIONS);
    if (values.json) io.stdout(`${JSON.stringify({ anomalies })}\n`);
    else io.stdout(anomalies.length === 0 ? await noAnomalies(engine, query.currency) : anomalies.map(textOf).join(''));
    return 0;
  } finally {
    engine.dispose();
  }
}

/** "No anomalies", unless there was nothing to scan: an empty workspace, or no cost in the currency asked for. */
async function noAnomalies(engine: Engine, currency: string | undefined): Promise<string> {
  const { currencies } = await engine.handlers.overview({}, quietContext);
  if (currencies.length === 0) return 'No cost in this workspace to scan for anomalies.\n';
  const wanted = currency?.toUpperCase();
  if (wanted && !currencies.some((c) => c.currency === wanted)) return `No cost in ${wanted} in this workspace: it has costs in ${currencies.map((c) => c.currency).join(', ')}.\n`;
  return 'No anomalies in the period.\n';
}

function textOf(a: Anomaly): string {
  const series = a.series.dimension === 'total' ? 'Total' : `${a.series.dimension} = ${a.series.value ?? '(not set)'}`;
  const pct = a.percent === null ? '' : ` (${a.percent >= 0 ? '+' : '−'}${Math.abs(a.percent).toFixed(1)}%)`;
  const lines = [
    `${a.day}  ${series}  ${a.direction}: actual ${money(a.actual)} ${a.currency}, expected ${money(a.expected)} (range ${money(a.lower)} – ${money(a.upper)}), impact ${signedMoney(a.impact)}${pct}, score ${a.score.toFixed(1)}`,
  ];
  if (a.rootCauses.length > 0) {
    lines.push('  root causes:');
    for (const c of a.rootCauses.slice(0, 5)) lines.push(`    ${c.dimension} = ${c.value}: ${signedMoney(c.impact)} (${Math.round(100 * c.share)}% of the impact)`);
  }
  return `${lines.join('\n')}\n`;
}
