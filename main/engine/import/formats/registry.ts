/**
 * The formats the importer knows, and the choice among them for a header. A format the file
 * matches completely wins (best score first); otherwise the refusal names the closest formats and
 * the columns each would need.
 */
import type { ClosestFormat, FormatId } from '../../../../shared/model.js';
import { FileRefused } from '../file-refused.js';
import { HeaderIndex } from './canonical-line.js';
import type { FormatAdapter, FormatMatch } from './format-adapter.js';
import { focusFormat } from './focus-format.js';
import { awsCurFormat } from './aws/aws-cur-format.js';
import { ociCostFormat } from './oci/oci-cost-format.js';
import { openaiCostsFormat } from './openai/openai-costs-format.js';
import { openaiUsageFormat } from './openai/openai-usage-format.js';
import { anthropicCostFormat } from './anthropic/anthropic-cost-format.js';
import { anthropicUsageFormat } from './anthropic/anthropic-usage-format.js';
import { opencostFormat } from './opencost/opencost-format.js';
import { azureFormat } from './azure/azure-format.js';
import { gcpBillingFormat } from './gcp/gcp-format.js';

export const FORMAT_ADAPTERS: readonly FormatAdapter[] = [focusFormat, awsCurFormat, ociCostFormat, openaiCostsFormat, openaiUsageFormat, anthropicCostFormat, anthropicUsageFormat, opencostFormat, azureFormat, gcpBillingFormat];

/** The JSON tabulators of the formats that have one, for readers/json-records.ts. */
export const JSON_TABULATORS = FORMAT_ADAPTERS.flatMap((a) => (a.tabulateJson ? [a.tabulateJson.bind(a)] : []));

export interface ChosenFormat {
  adapter: FormatAdapter;
  format: FormatId;
}

/** Lists at most this many near misses in a refusal. */
const CLOSEST_SHOWN = 3;
const MISSING_SHOWN = 12;

/** The formats that recognise a header at all, best score first (the sort is stable: earlier adapters win ties). */
function matchesOf(header: readonly string[], adapters: readonly FormatAdapter[]): Array<{ adapter: FormatAdapter; match: FormatMatch }> {
  return adapters
    .map((adapter) => ({ adapter, match: adapter.detect(header) }))
    .filter((m): m is { adapter: FormatAdapter; match: FormatMatch } => m.match !== null)
    .sort((a, b) => b.match.score - a.match.score);
}

/** The known formats a header comes close to without being complete in them, best first, with what each lacks. */
export function closestFormats(header: readonly string[], adapters: readonly FormatAdapter[] = FORMAT_ADAPTERS): ClosestFormat[] {
  return matchesOf(header, adapters)
    .filter((m) => m.match.missing.length > 0)
    .slice(0, CLOSEST_SHOWN)
    .map(({ adapter, match }) => ({ name: adapter.name, format: match.format, missing: [...match.missing] }));
}

export function chooseFormat(header: readonly string[], fileName: string, adapters: readonly FormatAdapter[] = FORMAT_ADAPTERS): ChosenFormat {
  const matches = matchesOf(header, adapters);
  const complete = matches.find((m) => m.match.missing.length === 0);
  if (complete) return { adapter: complete.adapter, format: complete.match.format };
  const unrecognised = { header: new HeaderIndex(header).names.slice(), closestFormats: closestFormats(header, adapters) };
  const best = matches[0];
  if (best && matches.length === 1) {
    const { missing } = best.match;
    throw new FileRefused(
      `${fileName} looks like a ${best.adapter.name} file (${best.match.format}) but lacks ${missing.length} required column${missing.length === 1 ? '' : 's'}: ${listed(missing)}.`,
      missing,
      unrecognised,
    );
  }
  if (best) {
    const closest = matches.slice(0, CLOSEST_SHOWN).map(({ adapter, match }) => `${adapter.name} (lacks ${listed(match.missing)})`);
    throw new FileRefused(`${fileName} is not complete in any known format. Closest: ${closest.join('; ')}.`, best.match.missing, unrecognised);
  }
  const shown = header.slice(0, 8).join(', ');
  throw new FileRefused(`${fileName} is not in a format Cost Council recognises (its columns: ${shown}${header.length > 8 ? ', …' : ''}).`, undefined, unrecognised);
}

function listed(names: readonly string[]): string {
  return names.length <= MISSING_SHOWN ? names.join(', ') : `${names.slice(0, MISSING_SHOWN).join(', ')} and ${names.length - MISSING_SHOWN} more`;
}
