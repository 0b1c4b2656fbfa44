/**
 * Localised Azure exports: the portal writes headers in the user's language with the English field
 * name in parentheses ("Abonnement-GUID (SubscriptionGuid)"), and such files may write decimals with
 * a comma. Everything here turns them back into the English schema.
 */

/**
 * German labels without their English suffix. Confirmed from a real EA export header quoted in
 * kubecost/kubecost#1526 ("Name der Abteilung (DepartmentName),Name des Kontos (AccountName),…");
 * "Dienstinformation 2" is inferred from "Dienstinformation 1". Labels we could not confirm (e.g.
 * "Kosten", "Währung", "Datum") are deliberately not guessed.
 */
const GERMAN_LABELS: ReadonlyMap<string, string> = new Map([
  ['name der abteilung', 'DepartmentName'],
  ['name des kontos', 'AccountName'],
  ['id des kontobesitzers', 'AccountOwnerId'],
  ['abonnement-guid', 'SubscriptionGuid'],
  ['name des abonnements', 'SubscriptionName'],
  ['ressourcengruppe', 'ResourceGroup'],
  ['ressourcenstandort', 'ResourceLocation'],
  ['kategorie der verbrauchseinheit', 'MeterCategory'],
  ['id der verbrauchseinheit', 'MeterId'],
  ['name der verbrauchseinheit', 'MeterName'],
  ['region der verbrauchseinheit', 'MeterRegion'],
  ['maßeinheit', 'UnitOfMeasure'],
  ['ressourcensatz', 'ResourceRate'],
  ['kostenstelle', 'CostCenter'],
  ['genutzter dienst', 'ConsumedService'],
  ['zusätzliche informationen', 'AdditionalInfo'],
  ['dienstinformation 1', 'ServiceInfo1'],
  ['dienstinformation 2', 'ServiceInfo2'],
]);

/**
 * "Label (EnglishName)": the English field name the portal appends to a localised label. Field
 * names are Pascal or camel case, so "Cost (USD)" (a currency) is not one.
 */
const ENGLISH_SUFFIX = /\(\s*([A-Za-z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)\s*\)\s*$/;

/** A header cell → the English field name it stands for (unchanged when it already is one). */
export function englishColumnName(name: string): string {
  const trimmed = name.replace(/^\uFEFF/, '').trim();
  const suffix = ENGLISH_SUFFIX.exec(trimmed);
  if (suffix?.[1]) return suffix[1];
  return GERMAN_LABELS.get(trimmed.toLowerCase()) ?? trimmed;
}

/** True when any header cell is a localised label (so the file may also use decimal commas). */
export function isLocalisedHeader(header: readonly string[]): boolean {
  return header.some((name) => englishColumnName(name) !== name.replace(/^\uFEFF/, '').trim());
}

// 1,5 · -0,25 · 1.234,56 (German grouping). Only applied to localised files, where "1,234" is 1.234.
const DECIMAL_COMMA = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/;

/** A number written with a decimal comma → plain decimal text; anything else unchanged. */
export function fromDecimalComma(text: string): string {
  const match = DECIMAL_COMMA.exec(text.trim());
  if (!match) return text;
  const [, sign = '', whole = '', fraction = ''] = match;
  return `${sign}${whole.replaceAll('.', '')}.${fraction}`;
}
