/**
 * A format made from a column mapping saved by hand: it reads files whose header has exactly the
 * mapping's columns (any order and case), each FOCUS column from the column the user chose (or a
 * fixed value), tags from the chosen columns, and every other column kept as an extra.
 * Typing and validation are the shared ones (row-converter.ts): a cost that is not a number
 * rejects its row with the row number, as in any format.
 */
import type { MappedField, SavedColumnMapping } from '../../../../../shared/model.js';
import { isNullToken } from '../../values.js';
import { columnPosition, emptyValues, extrasOf, HeaderIndex } from '../canonical-line.js';
import type { FormatAdapter, FormatMatch, RecordMapper } from '../format-adapter.js';
import { headerKey } from '../../../mapping/column-mapping.js';

const BILLED = columnPosition('BilledCost');
const EFFECTIVE = columnPosition('EffectiveCost');
const CURRENCY = columnPosition('BillingCurrency');
const PROVIDER = columnPosition('ProviderName');
const TAGS = columnPosition('Tags');

interface TagSource {
  key: string;
  index: number;
}

/** The columns that become tags: those named in `tagColumns`, and unmapped ones starting with the prefix. */
function tagSources(mapping: SavedColumnMapping, index: HeaderIndex, mapped: ReadonlySet<number>): TagSource[] {
  const sources: TagSource[] = [];
  const taken = new Set<number>();
  for (const column of mapping.tagColumns ?? []) {
    const at = index.indexOf(column);
    if (at >= 0 && !taken.has(at)) {
      sources.push({ key: index.names[at] ?? column, index: at });
      taken.add(at);
    }
  }
  const prefix = mapping.tagPrefix?.toLowerCase();
  if (prefix) {
    index.names.forEach((name, at) => {
      if (taken.has(at) || mapped.has(at) || !name.toLowerCase().startsWith(prefix)) return;
      const key = name.slice(prefix.length).trim();
      if (key === '') return;
      sources.push({ key, index: at });
      taken.add(at);
    });
  }
  return sources;
}

function tagsOf(record: readonly string[], sources: readonly TagSource[]): string | null {
  let tags: Record<string, string> | null = null;
  for (const { key, index } of sources) {
    const text = record[index];
    if (text === undefined || isNullToken(text)) continue;
    tags ??= {};
    tags[key] = text.trim();
  }
  return tags ? JSON.stringify(tags) : null;
}

export function mappedFormat(mapping: SavedColumnMapping): FormatAdapter {
  const key = headerKey(mapping.header);
  return {
    name: `${mapping.name} (column mapping)`,
    family: mapping.family,
    detect(header): FormatMatch | null {
      return headerKey(header) === key ? { format: mapping.format, score: 1, missing: [] } : null;
    },
    mapper(header): RecordMapper {
      const index = new HeaderIndex(header);
      const fields = (Object.entries(mapping.columns) as Array<[MappedField, string]>)
        .map(([field, column]) => ({ at: columnPosition(field), from: index.indexOf(column) }))
        .filter((f) => f.from >= 0);
      const mapped = new Set(fields.map((f) => f.from));
      const tags = tagSources(mapping, index, mapped);
      const used = new Set([...mapped, ...tags.map((t) => t.index)]);
      const extras = index.names.map((name, i) => ({ name, index: i })).filter((e) => e.name !== '' && !used.has(e.index));
      const effectiveMapped = mapping.columns.EffectiveCost !== undefined;
      const currency = mapping.columns.BillingCurrency === undefined ? (mapping.fixed.BillingCurrency ?? null) : undefined;
      const provider = mapping.columns.ProviderName === undefined ? (mapping.fixed.ProviderName ?? null) : undefined;
      return {
        extraColumns: extras.map((e) => e.name),
        map(record) {
          const values = emptyValues();
          for (const { at, from } of fields) values[at] = record[from] ?? null;
          if (!effectiveMapped) values[EFFECTIVE] = values[BILLED] ?? null;
          if (currency !== undefined) values[CURRENCY] = currency;
          if (provider !== undefined) values[PROVIDER] = provider;
          if (tags.length > 0) values[TAGS] = tagsOf(record, tags);
          return [{ values, extras: extrasOf(record, extras, isNullToken) }];
        },
      };
    },
  };
}
