/**
 * Tags of a CUR line as one JSON object: resource tags (user-defined ones without `user:`, AWS ones
 * with `aws:`), and cost categories as `costCategory/<name>` — the key AWS itself uses for them in the
 * CUR 2.0 `tags` column — so that they can be broken down like any tag. Account tags and IAM user
 * attributes of the `tags` map keep their `accountTag/` and `userAttribute/` prefixes.
 */
import { isNullToken } from '../../values.js';
import { costCategoryKey, resourceTagKey, tagsMapKey, type AwsHeader } from './aws-columns.js';
import { MapTextCache, type MapEntries } from './aws-map-text.js';

interface TagColumn {
  index: number;
  key: string;
}

interface TagMap {
  index: number;
  name: string;
  keyOf: (raw: string) => string;
}

export class AwsTagCollector {
  private readonly columns: TagColumn[] = [];
  private readonly maps: TagMap[] = [];
  private readonly cache = new MapTextCache();

  constructor(header: AwsHeader) {
    header.roles.forEach((role, index) => {
      if (role.kind === 'resourceTag' || role.kind === 'costCategory') this.columns.push({ index, key: role.key });
      if (role.kind === 'mapEntry') this.columns.push({ index, key: keyOfMapEntry(role.map, role.key) });
      if (role.kind === 'map' && role.map !== 'product' && role.map !== 'discount') {
        this.maps.push({ index, name: header.names[index] ?? role.map, keyOf: MAP_KEY[role.map] });
      }
    });
  }

  /** Columns read here, so that they are not also kept as extras. */
  get usedColumns(): number[] {
    return [...this.columns.map((c) => c.index), ...this.maps.map((m) => m.index)];
  }

  /**
   * The tags of one record as JSON text with sorted keys, or null when it has none. A map cell that
   * cannot be read is handed to `unreadable` (the mapper keeps its text as an extra).
   */
  tagsOf(record: readonly string[], unreadable: (name: string, text: string) => void): string | null {
    let tags: MapEntries | null = null;
    for (const { index, key } of this.columns) {
      const value = record[index];
      if (value === undefined || isNullToken(value) || key === '') continue;
      tags ??= {};
      tags[key] = value.trim();
    }
    for (const map of this.maps) {
      const text = record[map.index];
      if (text === undefined || isNullToken(text)) continue;
      const entries = this.cache.parse(text);
      if (entries === null) {
        unreadable(map.name, text);
        continue;
      }
      for (const [raw, value] of Object.entries(entries)) {
        const key = map.keyOf(raw);
        if (key === '') continue;
        tags ??= {};
        tags[key] = value.trim();
      }
    }
    return tags ? sortedJson(tags) : null;
  }
}

const MAP_KEY: Record<'resource_tags' | 'cost_category' | 'tags', (raw: string) => string> = {
  resource_tags: resourceTagKey,
  cost_category: costCategoryKey,
  tags: tagsMapKey,
};

function keyOfMapEntry(map: 'resource_tags' | 'cost_category' | 'tags', raw: string): string {
  return MAP_KEY[map](raw);
}

function sortedJson(tags: MapEntries): string {
  const keys = Object.keys(tags).sort();
  const sorted: MapEntries = {};
  for (const key of keys) sorted[key] = tags[key] as string;
  return JSON.stringify(sorted);
}
