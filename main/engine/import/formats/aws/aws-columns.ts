/**
 * The three namings of the AWS Cost and Usage Report, reduced to one:
 * - legacy CUR CSV: `category/ColumnName` (`lineItem/UnblendedCost`, `resourceTags/user:team`, `costCategory/Team`);
 * - Athena / Parquet legacy CUR: the same columns in snake_case (`line_item_unblended_cost`,
 *   `resource_tags_user_team`, `cost_category_team`);
 * - CUR 2.0 (Data Exports): snake_case with `resource_tags`, `cost_category`, `product`, `discount` and
 *   `tags` as MAP columns, or those maps flattened to dot paths (`resource_tags.user_team`) by a
 *   Parquet/JSON converter.
 * Every column is classified once per file; the mapper then looks fields up by their snake_case name.
 */

export type MapColumn = 'resource_tags' | 'cost_category' | 'tags' | 'product' | 'discount';

export type ColumnRole =
  /** A plain column, by its snake_case name (`line_item_unblended_cost`). */
  | { kind: 'field'; name: string }
  /** One resource tag (legacy or Athena column), its key already normalised. */
  | { kind: 'resourceTag'; key: string }
  /** One cost category (legacy or Athena column), as the tag key `costCategory/<name>`. */
  | { kind: 'costCategory'; key: string }
  /** A CUR 2.0 map column holding many keys. */
  | { kind: 'map'; map: MapColumn }
  /** One key of a tag map flattened to its own column (`resource_tags.user_team`). */
  | { kind: 'mapEntry'; map: 'resource_tags' | 'cost_category' | 'tags'; key: string };

const MAP_COLUMNS = new Set<string>(['resource_tags', 'cost_category', 'tags', 'product', 'discount']);
const TAG_MAP_ENTRY = /^(resource_tags|cost_category|tags)\.(.+)$/i;
const ATTRIBUTE_MAP_ENTRY = /^(product|discount)\.(.+)$/i;
const UPPER = /[A-Z]/g;
const NOT_WORD = /[^a-z0-9_]/g;

/**
 * A legacy `category/ColumnName` → its Athena name, as AWS converts them: every capital letter
 * after the first becomes `_` + lower case, the slash becomes `_`
 * (`savingsPlan/SavingsPlanARN` → `savings_plan_savings_plan_a_r_n`).
 */
export function athenaName(legacy: string): string {
  return legacy
    .split('/')
    .map((part) => part.replace(UPPER, (c: string, at: number) => (at > 0 ? `_${c.toLowerCase()}` : c.toLowerCase())))
    .join('_')
    .replace(NOT_WORD, '_');
}

/**
 * A resource tag key as users know it: user-defined tags lose their `user:` prefix, AWS-generated
 * ones keep `aws:`. Snake-case namings (`user_team`, `aws_created_by`) are read the same way.
 */
export function resourceTagKey(raw: string): string {
  const key = raw.trim();
  const lower = key.toLowerCase();
  if (lower.startsWith('user:') || lower.startsWith('user_')) return key.slice(5).trim();
  if (lower.startsWith('aws_')) return `aws:${key.slice(4).trim()}`;
  return key;
}

/** A key of the CUR 2.0 `tags` map (`resourceTags/department`, `accountTag/team`, `costCategory/x`). */
export function tagsMapKey(raw: string): string {
  const key = raw.trim();
  return key.toLowerCase().startsWith('resourcetags/') ? resourceTagKey(key.slice('resourceTags/'.length)) : key;
}

export function costCategoryKey(name: string): string {
  return `costCategory/${name.trim()}`;
}

export function classifyColumn(header: string): ColumnRole {
  const name = header.replace(/^\uFEFF/, '').trim();
  const lower = name.toLowerCase();
  // Tag keys may hold '/', '.' and ':' themselves, so the prefixes are tested first.
  if (lower.startsWith('resourcetags/')) return { kind: 'resourceTag', key: resourceTagKey(name.slice('resourceTags/'.length)) };
  if (lower.startsWith('costcategory/')) return { kind: 'costCategory', key: costCategoryKey(name.slice('costCategory/'.length)) };
  if (MAP_COLUMNS.has(lower)) return { kind: 'map', map: lower as MapColumn };
  const tagEntry = TAG_MAP_ENTRY.exec(name);
  if (tagEntry) return { kind: 'mapEntry', map: (tagEntry[1] ?? '').toLowerCase() as 'resource_tags' | 'cost_category' | 'tags', key: tagEntry[2] ?? '' };
  const attribute = ATTRIBUTE_MAP_ENTRY.exec(name);
  if (attribute) return { kind: 'field', name: `${(attribute[1] ?? '').toLowerCase()}_${(attribute[2] ?? '').toLowerCase()}` };
  if (name.includes('/')) return { kind: 'field', name: athenaName(name) };
  if (lower.startsWith('resource_tags_')) return { kind: 'resourceTag', key: resourceTagKey(name.slice('resource_tags_'.length)) };
  if (lower.startsWith('cost_category_')) return { kind: 'costCategory', key: costCategoryKey(name.slice('cost_category_'.length)) };
  return { kind: 'field', name: lower };
}

/** A header classified: where each snake_case field is, which columns carry tags and maps. */
export class AwsHeader {
  readonly roles: readonly ColumnRole[];
  /** Original names, for messages. */
  readonly names: readonly string[];
  private readonly fields = new Map<string, number>();
  private readonly maps = new Map<MapColumn, number>();

  constructor(header: readonly string[]) {
    this.names = header.map((h) => h.replace(/^\uFEFF/, '').trim());
    this.roles = header.map(classifyColumn);
    this.roles.forEach((role, i) => {
      if (role.kind === 'field' && !this.fields.has(role.name)) this.fields.set(role.name, i);
      if (role.kind === 'map' && !this.maps.has(role.map)) this.maps.set(role.map, i);
    });
  }

  /** Position of the first of `names` (snake_case) the header has, or -1. */
  field(...names: string[]): number {
    for (const name of names) {
      const index = this.fields.get(name);
      if (index !== undefined) return index;
    }
    return -1;
  }

  has(name: string): boolean {
    return this.fields.has(name);
  }

  map(name: MapColumn): number {
    return this.maps.get(name) ?? -1;
  }

  /** True when any column is a CUR 2.0 map, flat or flattened to dot paths. */
  hasMaps(): boolean {
    return this.maps.size > 0 || this.roles.some((r) => r.kind === 'mapEntry');
  }

  /** True for the legacy CSV naming (`lineItem/UnblendedCost`). */
  isLegacy(): boolean {
    return this.names.some((n) => /^(lineItem|bill|identity)\//i.test(n));
  }
}
