/**
 * Anthropic costs: the Admin API cost report (`/v1/organizations/cost_report`; `amount` is a
 * decimal STRING in the currency's lowest unit, cents for USD, turned into units exactly) and the
 * Console's cost export (CSV: `usage_date_utc, model, workspace, api_key, usage_type,
 * context_window, token_type, cost_usd, list_price_usd, cost_type, inference_geo, speed[,
 * api_key_id, api_key_status]`, amounts in dollars, model as a display name).
 */
import { modelId } from '../../../pricing/model-names.js';
import { isNullToken } from '../../values.js';
import { emptyValues, extrasOf, HeaderIndex } from '../canonical-line.js';
import { shiftDecimal } from '../decimal-text.js';
import type { CanonicalLine, FormatAdapter, FormatMatch } from '../format-adapter.js';
import { anthropicReportRows, reportTable } from './anthropic-reports.js';
import { AT, cell } from '../line-columns.js';
import { AnthropicRecord, HAS_MORE_WARNING, tokenTypeOf } from './anthropic-record.js';

const EMPTY_HEADER = ['starting_at', 'ending_at', 'amount', 'currency'];
const API_SIGNATURE = ['starting_at', 'ending_at', 'amount', 'currency', 'description', 'cost_type', 'model', 'token_type', 'workspace_id'];
const CONSOLE_SIGNATURE = ['usage_date_utc', 'model', 'workspace', 'api_key', 'token_type', 'cost_usd', 'list_price_usd', 'cost_type'];
const TOKEN_COSTS = new Set(['tokens', 'token']);
export const PRIORITY_TIER_NOTE =
  'The Cost API leaves out Priority Tier costs (Anthropic documents this); the usage report has that usage.';

export const anthropicCostFormat: FormatAdapter = {
  name: 'Anthropic costs',
  family: 'anthropic',
  detect(header): FormatMatch | null {
    const index = new HeaderIndex(header);
    if (index.has('starting_at') && index.has('amount')) {
      return { format: 'anthropic-cost-report-api', score: index.count(API_SIGNATURE) / API_SIGNATURE.length, missing: [] };
    }
    if (index.has('usage_date_utc') && (index.has('cost_usd') || index.has('list_price_usd'))) {
      return {
        format: 'anthropic-console-cost-csv',
        score: index.count(CONSOLE_SIGNATURE) / CONSOLE_SIGNATURE.length,
        missing: index.has('cost_usd') ? [] : ['cost_usd'],
      };
    }
    return null;
  },
  mapper(header) {
    const index = new HeaderIndex(header);
    const common = new AnthropicRecord(index);
    const cents = index.indexOf('amount');
    const dollars = index.indexOf('cost_usd');
    const listDollars = index.indexOf('list_price_usd');
    const currency = index.indexOf('currency');
    const description = index.indexOf('description');
    const costType = index.indexOf('cost_type');
    const model = index.indexOf('model');
    const tokenType = index.indexOf('token_type');
    const fromApi = cents >= 0;
    const used = new Set([...common.consumed, cents, dollars, listDollars, currency, description, costType, model, tokenType]);
    const extras = index.names.map((name, i) => ({ name, index: i })).filter((e) => e.name !== '' && !used.has(e.index));
    const models = new Map<string, string>();
    let hasMore = false;
    return {
      extraColumns: extras.map((e) => e.name),
      map(record): CanonicalLine[] | string {
        const values = emptyValues();
        common.fill(values, record);
        hasMore ||= common.pageHasMore(record);
        let amount: string;
        if (fromApi) {
          const text = (record[cents] ?? '').trim();
          if (isNullToken(text)) return 'amount is empty';
          try {
            amount = shiftDecimal(text, -2);
          } catch {
            return `amount "${text}" is not a decimal number of cents`;
          }
        } else {
          amount = (record[dollars] ?? '').trim();
          values[AT.list] = cell(record, listDollars);
        }
        values[AT.billed] = amount;
        values[AT.effective] = amount;
        if (amount.startsWith('-')) values[AT.chargeCategory] = 'Credit';
        values[AT.currency] = (cell(record, currency) ?? 'USD').toUpperCase();
        const modelText = cell(record, model);
        let id: string | null = null;
        if (modelText) {
          id = models.get(modelText) ?? (fromApi ? modelText : modelId(modelText));
          models.set(modelText, id);
        }
        const token = cell(record, tokenType);
        const kind = cell(record, costType);
        values[AT.model] = id;
        values[AT.tokenType] = tokenTypeOf(token);
        values[AT.workload] = kind && TOKEN_COSTS.has(kind) ? 'inference' : null;
        values[AT.skuId] = id && token ? `${id}, ${token}` : kind;
        values[AT.chargeDescription] = cell(record, description) ?? ([modelText, token].filter(Boolean).join(' ') || kind || 'Claude API costs');
        return [{ values, extras: extrasOf(record, extras, isNullToken) }];
      },
      warnings() {
        const warnings = fromApi ? [PRIORITY_TIER_NOTE] : [];
        if (fromApi && currency < 0) warnings.push('The report has no currency column: USD assumed (Anthropic reports costs in USD).');
        if (hasMore) warnings.push(HAS_MORE_WARNING);
        return warnings;
      },
    };
  },
  tabulateJson(document) {
    const report = anthropicReportRows(document);
    if (!report || report.kind === 'usage') return null;
    return reportTable(report.rows, EMPTY_HEADER);
  },
};
