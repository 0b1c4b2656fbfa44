/**
 * What Anthropic's cost and usage rows share, from the Admin API (tabulated) or the Console's CSV
 * exports: times, workspace, API key, model, service tier, inference geo. Column positions are
 * found once per header; `fill` writes the shared canonical columns of one line.
 */
import { isoFromSeconds, parseTimestamp } from '../../values.js';
import type { HeaderIndex } from '../canonical-line.js';
import { AT, cell } from '../line-columns.js';
import { HAS_MORE_COLUMN } from './anthropic-reports.js';


/** The cost report's and the Console's token types → x_TokenType. */
export function tokenTypeOf(text: string | null): string | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  if (lower.includes('cache_read')) return 'cached-read';
  if (lower.includes('cache_creation') || lower.includes('cache_write')) return 'cache-write';
  if (lower.startsWith('output')) return 'output';
  if (lower.includes('input')) return 'input';
  return null;
}

const HOUR = 3600;
const DAY = 86_400;
const HAS_TIME = /\d:\d/;

/** The Console writes a bucket's start only ("2026-03-31 02:00" hourly, "2026-03-22" daily): its end is an hour or a day later. */
function bucketEnd(start: string): string | null {
  const seconds = parseTimestamp(start);
  return typeof seconds === 'number' ? isoFromSeconds(seconds + (HAS_TIME.test(start) ? HOUR : DAY)) : null;
}

export class AnthropicRecord {
  readonly start: number;
  private readonly end: number;
  private readonly workspaceId: number;
  private readonly workspaceName: number;
  private readonly apiKeyId: number;
  private readonly apiKeyName: number;
  private readonly accountId: number;
  private readonly serviceAccountId: number;
  private readonly inferenceGeo: number;
  private readonly hasMore: number;
  readonly consumed: Set<number>;

  constructor(index: HeaderIndex) {
    this.start = index.indexOf('starting_at', 'usage_date_utc');
    this.end = index.indexOf('ending_at');
    this.workspaceId = index.indexOf('workspace_id');
    this.workspaceName = index.indexOf('workspace');
    this.apiKeyId = index.indexOf('api_key_id');
    this.apiKeyName = index.indexOf('api_key');
    this.accountId = index.indexOf('account_id');
    this.serviceAccountId = index.indexOf('service_account_id');
    this.inferenceGeo = index.indexOf('inference_geo');
    this.hasMore = index.indexOf(HAS_MORE_COLUMN);
    this.consumed = new Set([
      this.start, this.end, this.workspaceId, this.workspaceName, this.apiKeyId, this.apiKeyName, this.accountId, this.serviceAccountId,
      this.inferenceGeo, this.hasMore,
    ].filter((i) => i >= 0));
  }

  fill(values: Array<string | null>, record: readonly string[]): void {
    values[AT.provider] = 'Anthropic';
    values[AT.publisher] = 'Anthropic';
    values[AT.issuer] = 'Anthropic';
    const start = cell(record, this.start);
    values[AT.chargeStart] = start;
    values[AT.chargeEnd] = cell(record, this.end) ?? (start ? bucketEnd(start) : null);
    values[AT.chargeCategory] = 'Usage';
    values[AT.chargeFrequency] = 'Usage-Based';
    values[AT.serviceCategory] = 'AI and Machine Learning';
    values[AT.serviceSubcategory] = 'Generative AI';
    values[AT.serviceName] = 'Claude API';
    const workspaceName = cell(record, this.workspaceName);
    const workspace = cell(record, this.workspaceId) ?? workspaceName;
    values[AT.subAccountId] = workspace;
    values[AT.subAccountName] = workspaceName;
    values[AT.subAccountType] = workspace ? 'Workspace' : null;
    const keyName = cell(record, this.apiKeyName);
    const key = cell(record, this.apiKeyId) ?? keyName;
    values[AT.resourceId] = key;
    values[AT.resourceName] = keyName;
    values[AT.resourceType] = key ? 'API key' : null;
    values[AT.apiKey] = key;
    values[AT.user] = cell(record, this.accountId) ?? cell(record, this.serviceAccountId);
    const geo = cell(record, this.inferenceGeo);
    values[AT.regionId] = geo && geo !== 'not_available' ? geo : null;
  }

  /** The usage day (YYYY-MM-DD) for price lookups. */
  day(record: readonly string[]): string {
    return (cell(record, this.start) ?? '').slice(0, 10);
  }

  inferenceGeoOf(record: readonly string[]): string | null {
    return cell(record, this.inferenceGeo);
  }

  pageHasMore(record: readonly string[]): boolean {
    return cell(record, this.hasMore)?.toLowerCase() === 'true';
  }
}

export const HAS_MORE_WARNING =
  'The API response says more pages follow (has_more: true): this file holds only part of the period; import the following pages (next_page) too.';

