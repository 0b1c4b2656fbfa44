/**
 * OpenAI costs: the organization Costs API response (`/v1/organization/costs`, one row per result,
 * amounts as floats in the bucket's currency) and the usage dashboard's cost export (CSV/TSV with
 * `start_time, end_time, start_time_iso, end_time_iso, amount_value, amount_currency, quantity,
 * quantity_unit, line_item, user_id, api_key_id, project_id, organization_id, project_name,
 * organization_name, user_email, api_source`). Billed = effective = the amount; the line item names
 * the model and token type.
 */
import { isNullToken } from '../../values.js';
import { emptyValues, extrasOf, HeaderIndex } from '../canonical-line.js';
import type { CanonicalLine, FormatAdapter, FormatMatch, RecordMapper } from '../format-adapter.js';
import { parseLineItem, type LineItem } from './line-item.js';
import { openAiPageRows, openAiTable } from './openai-pages.js';
import { AT, cell } from '../line-columns.js';
import { HAS_MORE_WARNING, OpenAiRecord } from './openai-record.js';

const COST_RESULT = 'organization.costs.result';
const EMPTY_HEADER = ['object', 'start_time', 'end_time', 'amount.value', 'amount.currency', 'line_item', 'project_id'];
const SIGNATURE: ReadonlyArray<readonly string[]> = [
  ['start_time', 'start_time_iso'], ['end_time', 'end_time_iso'], ['amount_value', 'amount.value'],
  ['amount_currency', 'amount.currency'], ['line_item'], ['project_id'],
];
const REQUIRED: ReadonlyArray<readonly string[]> = [['start_time', 'start_time_iso'], ['amount_value', 'amount.value']];
const EMBEDDING = /^text-embedding-/i;
const TOKEN_UNIT = /token/i;

function workloadOf(model: string | null): string | null {
  if (!model) return null;
  return EMBEDDING.test(model) ? 'embedding' : 'inference';
}

export const openaiCostsFormat: FormatAdapter = {
  name: 'OpenAI costs',
  family: 'openai',
  detect(header): FormatMatch | null {
    const index = new HeaderIndex(header);
    if (!index.has('amount_value') && !index.has('amount.value')) return null;
    const has = (names: readonly string[]) => names.some((n) => index.has(n));
    return {
      format: index.has('object') ? 'openai-costs-api' : 'openai-costs-csv',
      score: SIGNATURE.filter(has).length / SIGNATURE.length,
      missing: REQUIRED.filter((names) => !has(names)).map((names) => names[0] as string),
    };
  },
  mapper(header): RecordMapper {
    const index = new HeaderIndex(header);
    const common = new OpenAiRecord(index);
    const amount = index.indexOf('amount_value', 'amount.value');
    const currency = index.indexOf('amount_currency', 'amount.currency');
    const lineItem = index.indexOf('line_item');
    const quantity = index.indexOf('quantity');
    const quantityUnit = index.indexOf('quantity_unit');
    const used = new Set([...common.consumed, amount, currency, lineItem, quantity, quantityUnit]);
    const extras = index.names.map((name, i) => ({ name, index: i })).filter((e) => e.name !== '' && !used.has(e.index));
    const lineItems = new Map<string, LineItem>();
    let missingCurrency = currency < 0;
    let emptyBuckets = 0;
    let hasMore = false;
    return {
      extraColumns: extras.map((e) => e.name),
      map(record): CanonicalLine[] | string {
        const amountText = record[amount] ?? '';
        if (isNullToken(amountText)) {
          emptyBuckets++;
          return [];
        }
        hasMore ||= common.pageHasMore(record);
        const values = emptyValues();
        common.fill(values, record);
        values[AT.billed] = amountText.trim();
        values[AT.effective] = amountText.trim();
        if (amountText.trim().startsWith('-')) values[AT.chargeCategory] = 'Credit';
        const currencyText = cell(record, currency);
        if (!currencyText) missingCurrency = true;
        values[AT.currency] = (currencyText ?? 'USD').toUpperCase();
        const item = cell(record, lineItem);
        values[AT.chargeDescription] = item ?? 'OpenAI API costs';
        values[AT.skuId] = item;
        if (item) {
          let parsed = lineItems.get(item);
          if (!parsed) {
            parsed = parseLineItem(item);
            lineItems.set(item, parsed);
          }
          values[AT.model] = parsed.model;
          values[AT.tokenType] = parsed.tokenType;
          values[AT.workload] = workloadOf(parsed.model);
        }
        const qty = cell(record, quantity);
        const unit = cell(record, quantityUnit);
        values[AT.consumedQuantity] = qty;
        values[AT.consumedUnit] = unit;
        if (qty && unit && TOKEN_UNIT.test(unit)) values[AT.tokens] = qty;
        return [{ values, extras: extrasOf(record, extras, isNullToken) }];
      },
      warnings() {
        const warnings: string[] = [];
        if (missingCurrency) warnings.push('Some rows have no currency: USD assumed (OpenAI bills in USD).');
        if (emptyBuckets > 0) warnings.push(`${emptyBuckets} bucket${emptyBuckets === 1 ? '' : 's'} without an amount (days without charges) carried no cost.`);
        if (hasMore) warnings.push(HAS_MORE_WARNING);
        return warnings;
      },
    };
  },
  tabulateJson(document) {
    const page = openAiPageRows(document);
    if (!page) return null;
    if (page.rows.length > 0 && !(page.objects.size === 1 && page.objects.has(COST_RESULT))) return null;
    return openAiTable(page.rows, EMPTY_HEADER);
  },
};
