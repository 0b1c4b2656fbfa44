/**
 * What OpenAI's cost and usage rows share, from the API (tabulated) or the dashboard's CSV export:
 * the bucket times, organization, project, API key and user. Column positions are found once per
 * header; `fill` writes the shared canonical columns of one line.
 */
import { isNullToken, isoFromSeconds } from '../../values.js';
import type { HeaderIndex } from '../canonical-line.js';
import { AT, cell } from '../line-columns.js';
import { HAS_MORE_COLUMN } from './openai-pages.js';


const UNIX_SECONDS = /^\d{9,11}(?:\.\d+)?$/;

/** Unix seconds (the API and the dashboard export write them) → ISO; other text passes to the shared date parser. */
export function timeText(text: string | undefined): string | null {
  if (text === undefined || isNullToken(text)) return null;
  const trimmed = text.trim();
  return UNIX_SECONDS.test(trimmed) ? isoFromSeconds(Math.floor(Number(trimmed))) : trimmed;
}

export class OpenAiRecord {
  readonly start: number;
  readonly end: number;
  private readonly startIso: number;
  private readonly endIso: number;
  private readonly organizationId: number;
  private readonly organizationName: number;
  private readonly projectId: number;
  private readonly projectName: number;
  readonly apiKeyId: number;
  private readonly apiKeyName: number;
  private readonly userId: number;
  private readonly userEmail: number;
  readonly hasMore: number;
  /** The columns this reader consumes (not kept as extras). */
  readonly consumed: Set<number>;

  constructor(index: HeaderIndex) {
    this.start = index.indexOf('start_time');
    this.end = index.indexOf('end_time');
    this.startIso = index.indexOf('start_time_iso');
    this.endIso = index.indexOf('end_time_iso');
    this.organizationId = index.indexOf('organization_id');
    this.organizationName = index.indexOf('organization_name');
    this.projectId = index.indexOf('project_id');
    this.projectName = index.indexOf('project_name');
    this.apiKeyId = index.indexOf('api_key_id');
    this.apiKeyName = index.indexOf('api_key_name');
    this.userId = index.indexOf('user_id');
    this.userEmail = index.indexOf('user_email');
    this.hasMore = index.indexOf(HAS_MORE_COLUMN);
    this.consumed = new Set([
      this.start, this.end, this.startIso, this.endIso, this.organizationId, this.organizationName, this.projectId, this.projectName,
      this.apiKeyId, this.apiKeyName, this.userId, this.hasMore, index.indexOf('object'),
    ].filter((i) => i >= 0));
  }

  /** Start of the bucket as ISO text (Unix seconds preferred; the _iso column otherwise). */
  startText(record: readonly string[]): string | null {
    return timeText(record[this.start]) ?? timeText(record[this.startIso]);
  }

  /** The columns every OpenAI line shares. */
  fill(values: Array<string | null>, record: readonly string[]): void {
    values[AT.provider] = 'OpenAI';
    values[AT.publisher] = 'OpenAI';
    values[AT.issuer] = 'OpenAI';
    values[AT.billingAccountId] = cell(record, this.organizationId);
    values[AT.billingAccountName] = cell(record, this.organizationName);
    const project = cell(record, this.projectId);
    values[AT.subAccountId] = project;
    values[AT.subAccountName] = cell(record, this.projectName);
    values[AT.subAccountType] = project ? 'Project' : null;
    values[AT.chargeStart] = this.startText(record);
    values[AT.chargeEnd] = timeText(record[this.end]) ?? timeText(record[this.endIso]);
    values[AT.chargeCategory] = 'Usage';
    values[AT.chargeFrequency] = 'Usage-Based';
    values[AT.serviceCategory] = 'AI and Machine Learning';
    values[AT.serviceSubcategory] = 'Generative AI';
    values[AT.serviceName] = 'OpenAI API';
    const apiKey = cell(record, this.apiKeyId);
    values[AT.resourceId] = apiKey;
    values[AT.resourceName] = cell(record, this.apiKeyName);
    values[AT.resourceType] = apiKey ? 'API key' : null;
    values[AT.apiKey] = apiKey;
    values[AT.user] = cell(record, this.userId) ?? cell(record, this.userEmail);
  }

  /** True when the row came from a page that says more pages follow. */
  pageHasMore(record: readonly string[]): boolean {
    return cell(record, this.hasMore)?.toLowerCase() === 'true';
  }
}

export const HAS_MORE_WARNING =
  'The API response says more pages follow (has_more: true): this file holds only part of the period; import the following pages (next_page) too.';
