/**
 * The column-mapping dialog's model, without React: the fields it offers, first guesses from the
 * column names, the problems that keep it from saving, and the mapping it sends to the engine
 * (which checks it again). One convention: a field mapped to '' is not in the file.
 */
import type { ColumnMapping, FilePreview, FormatFamily, MappedField } from '../../../../../shared/model.js';

export interface FieldInfo {
  field: MappedField;
  label: string;
  /** What the column holds, shown under the select until a column is chosen. */
  hint: string;
  /** The first option's text, when the field is not mapped. */
  none?: string;
}

export interface FieldGroup {
  title: string;
  fields: readonly FieldInfo[];
}

/** Every MappedField once (the test checks it), in the dialog's groups. */
export const FIELD_GROUPS: readonly FieldGroup[] = [
  {
    title: 'Needed for every file',
    fields: [
      { field: 'ChargePeriodStart', label: 'Charge date (ChargePeriodStart)', hint: 'The day or time of each charge.' },
      { field: 'BilledCost', label: 'Billed cost (BilledCost)', hint: 'The amount charged, a number (negative for credits).' },
      { field: 'BillingCurrency', label: 'Currency column (BillingCurrency)', hint: 'A three-letter code per row; or leave it and give a fixed currency.', none: 'None: fixed currency' },
    ],
  },
  {
    title: 'Costs and period',
    fields: [
      { field: 'EffectiveCost', label: 'Effective cost (EffectiveCost)', hint: 'Cost after discounts and amortisation.', none: 'Same as the billed cost' },
      { field: 'ListCost', label: 'List cost (ListCost)', hint: 'Cost at list prices.' },
      { field: 'ChargePeriodEnd', label: 'Charge end (ChargePeriodEnd)', hint: 'When each charge ends.' },
    ],
  },
  {
    title: 'Who and what',
    fields: [
      { field: 'ProviderName', label: 'Provider column (ProviderName)', hint: 'Who provides the service; or give a fixed name.', none: 'None: fixed name' },
      { field: 'ServiceName', label: 'Service (ServiceName)', hint: 'The service or product charged.' },
      { field: 'ServiceCategory', label: 'Service category (ServiceCategory)', hint: 'e.g. AI and Machine Learning, Compute.' },
      { field: 'ChargeCategory', label: 'Charge category (ChargeCategory)', hint: 'Usage, Purchase, Tax, Credit or Adjustment.' },
      { field: 'ChargeDescription', label: 'Description (ChargeDescription)', hint: 'What the line is for.' },
      { field: 'BillingAccountId', label: 'Billing account (BillingAccountId)', hint: 'The account invoiced.' },
      { field: 'SubAccountId', label: 'Sub-account or project (SubAccountId)', hint: 'Project, workspace or sub-account.' },
      { field: 'SubAccountName', label: 'Sub-account name (SubAccountName)', hint: 'Its display name.' },
      { field: 'RegionId', label: 'Region (RegionId)', hint: 'Where the resource runs.' },
      { field: 'ResourceId', label: 'Resource (ResourceId)', hint: 'The resource charged.' },
      { field: 'ResourceName', label: 'Resource name (ResourceName)', hint: 'Its display name.' },
      { field: 'SkuId', label: 'SKU (SkuId)', hint: 'The product SKU.' },
    ],
  },
  {
    title: 'Usage and AI',
    fields: [
      { field: 'ConsumedQuantity', label: 'Quantity used (ConsumedQuantity)', hint: 'A number.' },
      { field: 'ConsumedUnit', label: 'Unit (ConsumedUnit)', hint: 'e.g. Hours, GB.' },
      { field: 'x_Model', label: 'AI model (x_Model)', hint: 'e.g. gpt-4o, claude-sonnet-4.' },
      { field: 'x_Tokens', label: 'Tokens (x_Tokens)', hint: 'A number of tokens.' },
      { field: 'x_TokenType', label: 'Token type (x_TokenType)', hint: 'input, output, cached-read, cache-write, reasoning.' },
      { field: 'x_GpuHours', label: 'GPU hours (x_GpuHours)', hint: 'A number.' },
      { field: 'x_Workload', label: 'Workload (x_Workload)', hint: 'training, inference, fine-tuning, embedding.' },
      { field: 'x_ApiKey', label: 'API key (x_ApiKey)', hint: 'The key’s id or name.' },
      { field: 'x_User', label: 'User (x_User)', hint: 'Who used it.' },
    ],
  },
];

export const FAMILIES: ReadonlyArray<{ family: FormatFamily; label: string; provider: string }> = [
  { family: 'focus', label: 'FOCUS (any provider)', provider: '' },
  { family: 'aws', label: 'AWS', provider: 'AWS' },
  { family: 'azure', label: 'Microsoft Azure', provider: 'Microsoft' },
  { family: 'gcp', label: 'Google Cloud', provider: 'Google Cloud' },
  { family: 'oci', label: 'Oracle Cloud', provider: 'Oracle' },
  { family: 'openai', label: 'OpenAI', provider: 'OpenAI' },
  { family: 'anthropic', label: 'Anthropic', provider: 'Anthropic' },
  { family: 'opencost', label: 'OpenCost / Kubernetes', provider: 'Kubernetes' },
];

export interface MappingForm {
  name: string;
  /** '' until chosen: the family says what the file is, so it is guessed only from a near miss. */
  family: FormatFamily | '';
  columns: Record<MappedField, string>;
  fixedCurrency: string;
  fixedProvider: string;
  tagPrefix: string;
}

/** The same slug the engine makes (the engine's format id is the one saved; this one is shown while typing). */
export function slugOf(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
}

export function formatIdOf(form: Pick<MappingForm, 'family' | 'name'>): string {
  const slug = slugOf(form.name);
  return slug === '' || form.family === '' ? '' : `${form.family}-mapped-${slug}`;
}

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Guesses by column name (letters and digits only, lower case): an exact name first, then a part of one. */
const GUESSES: ReadonlyArray<[MappedField, RegExp, RegExp?]> = [
  ['ChargePeriodStart', /^(chargeperiodstart|usagedate|usageday|date|day|starttime|startdate|usagestart|periodstart|billingdate)$/, /date$|day$/],
  ['ChargePeriodEnd', /^(chargeperiodend|endtime|enddate|usageend|periodend)$/],
  ['EffectiveCost', /^(effectivecost|netcost|amortizedcost|amortisedcost)$/, /effective|amorti[sz]ed/],
  ['ListCost', /^(listcost|listprice)$/],
  ['BilledCost', /^(billedcost|cost|amount|amountvalue|costusd|spend|charge|total)$/, /cost|amount/],
  ['BillingCurrency', /^(billingcurrency|currency|currencycode)$/, /currency/],
  ['ProviderName', /^(providername|provider|vendor)$/, /provider|vendor/],
  ['ServiceCategory', /^servicecategory$/],
  ['ServiceName', /^(servicename|service|product)$/, /service|product/],
  ['ChargeCategory', /^(chargecategory|chargetype|costtype)$/],
  ['ChargeDescription', /^(chargedescription|description|lineitem|item)$/, /description/],
  ['BillingAccountId', /^(billingaccountid|billingaccount|organizationid|organisationid|orgid)$/],
  ['SubAccountId', /^(subaccountid|subaccount|project|projectid|workspace|workspaceid)$/, /project|workspace/],
  ['RegionId', /^(regionid|region|location)$/, /region/],
  ['ResourceId', /^(resourceid|resource)$/],
  ['SkuId', /^(skuid|sku)$/],
  ['x_TokenType', /^tokentype$/],
  ['x_Tokens', /^(tokens|tokencount)$/, /tokens$/],
  ['x_Model', /^(model|modelname|modelid)$/, /model/],
  ['x_GpuHours', /^gpuhours?$/],
  ['x_ApiKey', /^(apikey|apikeyid)$/],
  ['x_User', /^(user|userid|useremail|email)$/],
];

const TAG_PREFIXES = ['tag_', 'tag:', 'tags.', 'tags/', 'label_', 'label:', 'labels.'];

export function suggestedTagPrefix(header: readonly string[]): string {
  return TAG_PREFIXES.find((p) => header.some((h) => h.toLowerCase().startsWith(p) && h.length > p.length)) ?? '';
}

/** The form as the dialog opens it: guesses from the column names, a name from the file, the family of the closest format (if any). */
export function initialForm(preview: FilePreview): MappingForm {
  const columns = Object.fromEntries(FIELD_GROUPS.flatMap((g) => g.fields.map((f) => [f.field, '']))) as Record<MappedField, string>;
  const tagPrefix = suggestedTagPrefix(preview.header);
  const free = preview.header.filter((h) => h !== '' && !(tagPrefix && h.toLowerCase().startsWith(tagPrefix)));
  const unused = (h: string) => !Object.values(columns).includes(h);
  for (const [field, exact, loose] of GUESSES) {
    const found = free.find((h) => unused(h) && exact.test(squash(h))) ?? (loose ? free.find((h) => unused(h) && loose.test(squash(h))) : undefined);
    if (found) columns[field] = found;
  }
  const closest = preview.closestFormats[0]?.format.split('-')[0];
  const family = FAMILIES.find((f) => f.family === closest)?.family ?? '';
  const name = preview.file.replace(/^.*›\s*/, '').replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return {
    name: name === '' ? 'My export' : name,
    family,
    columns,
    fixedCurrency: columns.BillingCurrency === '' ? 'USD' : '',
    fixedProvider: columns.ProviderName === '' ? (FAMILIES.find((f) => f.family === family)?.provider ?? '') : '',
    tagPrefix,
  };
}

/** The first values of a column (non-empty, at most `count`), for the preview beside its select. */
export function firstValues(preview: FilePreview, column: string, count = 3): string[] {
  const at = preview.header.indexOf(column);
  if (at < 0) return [];
  return preview.rows.map((r) => (r[at] ?? '').trim()).filter((v) => v !== '').slice(0, count);
}

/** Columns that become tags with the prefix: column and key. */
export function tagColumnsOf(header: readonly string[], form: Pick<MappingForm, 'tagPrefix' | 'columns'>): Array<{ column: string; key: string }> {
  const prefix = form.tagPrefix.trim().toLowerCase();
  if (prefix === '') return [];
  const mapped = new Set(Object.values(form.columns).filter((c) => c !== ''));
  return header
    .filter((h) => !mapped.has(h) && h.toLowerCase().startsWith(prefix) && h.slice(prefix.length).trim() !== '')
    .map((column) => ({ column, key: column.slice(prefix.length).trim() }));
}

/** What keeps the form from being saved, as sentences; empty when it can be saved. */
export function formProblems(form: MappingForm): string[] {
  const problems: string[] = [];
  if (slugOf(form.name) === '') problems.push('Give the mapping a name (letters or digits).');
  if (form.family === '') problems.push('Choose the provider family: whose bill this is.');
  if (form.columns.ChargePeriodStart === '') problems.push('Choose the column with the charge date.');
  if (form.columns.BilledCost === '') problems.push('Choose the column with the billed cost.');
  if (form.columns.BillingCurrency === '' && !/^[A-Za-z]{3}$/.test(form.fixedCurrency.trim())) {
    problems.push('Choose the currency column, or give a fixed three-letter currency code such as USD.');
  }
  return problems;
}

/** The mapping the engine saves (only the mapped fields; fixed values only where no column is chosen). Call it on a form without problems. */
export function mappingOf(form: MappingForm & { family: FormatFamily }, header: readonly string[]): ColumnMapping {
  const columns: ColumnMapping['columns'] = {};
  for (const [field, column] of Object.entries(form.columns) as Array<[MappedField, string]>) if (column !== '') columns[field] = column;
  const fixed: ColumnMapping['fixed'] = {};
  if (!columns.BillingCurrency && form.fixedCurrency.trim() !== '') fixed.BillingCurrency = form.fixedCurrency.trim().toUpperCase();
  if (!columns.ProviderName && form.fixedProvider.trim() !== '') fixed.ProviderName = form.fixedProvider.trim();
  const mapping: ColumnMapping = { name: form.name.trim(), family: form.family, header: [...header], columns, fixed };
  if (form.tagPrefix.trim() !== '') mapping.tagPrefix = form.tagPrefix.trim();
  return mapping;
}
