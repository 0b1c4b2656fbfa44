/**
 * Column mappings made by hand: checking one (from a request or from a workspace file, both
 * untrusted), its format id, and the key a file's header is matched by. Pure functions.
 */
import type { ColumnMapping, FormatFamily, FormatId, MappedField, SavedColumnMapping } from '../../../shared/model.js';

/** Every field a mapping can fill, in the order the dialog shows them. */
export const MAPPED_FIELDS = [
  'ChargePeriodStart', 'ChargePeriodEnd', 'BilledCost', 'EffectiveCost', 'ListCost', 'BillingCurrency',
  'ProviderName', 'ServiceName', 'ServiceCategory', 'ChargeCategory', 'ChargeDescription',
  'BillingAccountId', 'SubAccountId', 'SubAccountName', 'RegionId', 'ResourceId', 'ResourceName', 'SkuId',
  'ConsumedQuantity', 'ConsumedUnit',
  'x_Model', 'x_TokenType', 'x_Tokens', 'x_GpuHours', 'x_Workload', 'x_ApiKey', 'x_User',
] as const satisfies readonly MappedField[];

// Every MappedField is listed above (a field added to the type and not here fails to compile).
type Unlisted = Exclude<MappedField, (typeof MAPPED_FIELDS)[number]>;
const _everyFieldListed: Unlisted extends never ? true : never = true;

export const FORMAT_FAMILIES: readonly FormatFamily[] = ['focus', 'aws', 'azure', 'gcp', 'oci', 'openai', 'anthropic', 'opencost'];

const FIELD_SET = new Set<string>(MAPPED_FIELDS);
const CURRENCY_CODE = /^[A-Za-z]{3}$/;
const MAX_NAME = 80;
const MAX_SLUG = 40;
const MAX_COLUMNS = 1000;
const MAX_COLUMN_NAME = 200;
const MAX_TEXT = 120;
const MAX_PREFIX = 40;

/** "Finance export (EU)" → "finance-export-eu": lower-case letters and digits joined by dashes. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
}

/** The format id of the files a mapping reads: `openai-mapped-finance-export`. */
export function mappedFormatId(family: FormatFamily, name: string): FormatId {
  return `${family}-mapped-${slugOf(name)}`;
}

/** A column name as compared: no BOM, no surrounding spaces, lower case. */
function comparable(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/** What identifies a header: its set of non-empty column names, case-insensitive. */
export function headerKey(header: readonly string[]): string {
  return [...new Set(header.map(comparable).filter((n) => n !== ''))].sort().join('\u0000');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Optional text: undefined when absent or blank; a reason when it is not text or too long. */
function optionalText(value: unknown, what: string, max: number): string | undefined | { problem: string } {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return { problem: `${what} must be text.` };
  const trimmed = value.trim();
  if (trimmed.length > max) return { problem: `${what} is longer than ${max} characters.` };
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Checks a column mapping; returns it cleaned (names trimmed, the currency in capitals, columns
 * named as the header writes them) or the first problem, as a sentence a user can act on.
 */
export function checkColumnMapping(value: unknown): ColumnMapping | { problem: string } {
  if (!isRecord(value)) return { problem: 'The column mapping must be an object.' };
  const name = optionalText(value.name, 'The mapping name', MAX_NAME);
  if (typeof name === 'object') return name;
  if (name === undefined || slugOf(name) === '') return { problem: 'Give the mapping a name with at least one letter or digit.' };
  if (typeof value.family !== 'string' || !FORMAT_FAMILIES.includes(value.family as FormatFamily)) {
    return { problem: `The provider family must be one of ${FORMAT_FAMILIES.join(', ')}.` };
  }
  const family = value.family as FormatFamily;

  if (!Array.isArray(value.header) || value.header.length === 0 || value.header.length > MAX_COLUMNS) {
    return { problem: `The header must list the file's columns (1 to ${MAX_COLUMNS}).` };
  }
  if (!value.header.every((h): h is string => typeof h === 'string' && h.length <= MAX_COLUMN_NAME)) {
    return { problem: `Every column name of the header must be text of at most ${MAX_COLUMN_NAME} characters.` };
  }
  const header = value.header.map((h) => h.replace(/^\uFEFF/, '').trim());
  if (headerKey(header) === '') return { problem: 'The header has no named column.' };
  const written = new Map<string, string>();
  for (const h of header) if (h !== '' && !written.has(h.toLowerCase())) written.set(h.toLowerCase(), h);
  const column = (text: string): string | undefined => written.get(comparable(text));

  if (!isRecord(value.columns)) return { problem: 'columns must map FOCUS columns to the file’s columns.' };
  const columns: Partial<Record<MappedField, string>> = {};
  for (const [field, source] of Object.entries(value.columns)) {
    if (!FIELD_SET.has(field)) return { problem: `${field} is not a FOCUS column a mapping can fill.` };
    if (source === undefined || source === null || source === '') continue;
    if (typeof source !== 'string') return { problem: `${field} must name one of the file's columns.` };
    const found = column(source);
    if (found === undefined) return { problem: `${field} is mapped to "${source.slice(0, 60)}", which is not a column of the file.` };
    columns[field as MappedField] = found;
  }
  if (!columns.ChargePeriodStart) return { problem: 'Choose the column with the date of each charge (ChargePeriodStart).' };
  if (!columns.BilledCost) return { problem: 'Choose the column with the cost of each charge (BilledCost).' };

  const fixedIn = value.fixed === undefined || value.fixed === null ? {} : value.fixed;
  if (!isRecord(fixedIn)) return { problem: 'fixed must be an object.' };
  const fixed: ColumnMapping['fixed'] = {};
  const currency = optionalText(fixedIn.BillingCurrency, 'The fixed currency', 3);
  if (typeof currency === 'object' || (currency !== undefined && !CURRENCY_CODE.test(currency))) {
    return { problem: 'The fixed currency must be a three-letter code such as USD or EUR.' };
  }
  if (currency !== undefined) fixed.BillingCurrency = currency.toUpperCase();
  const provider = optionalText(fixedIn.ProviderName, 'The fixed provider name', MAX_TEXT);
  if (typeof provider === 'object') return provider;
  if (provider !== undefined) fixed.ProviderName = provider;
  if (columns.BillingCurrency && fixed.BillingCurrency) return { problem: 'Choose a currency column or a fixed currency, not both.' };
  if (!columns.BillingCurrency && !fixed.BillingCurrency) return { problem: 'Choose the currency column, or give a fixed currency code (such as USD).' };
  if (columns.ProviderName && fixed.ProviderName) return { problem: 'Choose a provider column or a fixed provider name, not both.' };

  const mapping: ColumnMapping = { name, family, header, columns, fixed };
  const tagPrefix = optionalText(value.tagPrefix, 'The tag column prefix', MAX_PREFIX);
  if (typeof tagPrefix === 'object') return tagPrefix;
  if (tagPrefix !== undefined) mapping.tagPrefix = tagPrefix;
  if (value.tagColumns !== undefined && value.tagColumns !== null) {
    if (!Array.isArray(value.tagColumns)) return { problem: 'tagColumns must list columns of the file.' };
    const tagColumns: string[] = [];
    for (const item of value.tagColumns) {
      const found = typeof item === 'string' ? column(item) : undefined;
      if (found === undefined) return { problem: `Tag column "${String(item).slice(0, 60)}" is not a column of the file.` };
      if (!tagColumns.includes(found)) tagColumns.push(found);
    }
    if (tagColumns.length > 0) mapping.tagColumns = tagColumns;
  }
  return mapping;
}

/** A mapping as stored: checked like a request, with its format id recomputed (never trusted). */
export function checkSavedMapping(value: unknown): SavedColumnMapping | null {
  const checked = checkColumnMapping(value);
  if ('problem' in checked) return null;
  const savedAt = isRecord(value) && typeof value.savedAt === 'string' && value.savedAt.length <= 40 ? value.savedAt : '';
  return { ...checked, format: mappedFormatId(checked.family, checked.name), savedAt };
}
