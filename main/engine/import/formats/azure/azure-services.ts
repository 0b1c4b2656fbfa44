/**
 * FOCUS ServiceName, ServiceCategory and ServiceSubcategory for an Azure row, the way
 * finops-toolkit's conversion does it: ConsumedService and resource type looked up in its Services
 * open data (azure-service-table.ts). When the pair is not listed: the resource type alone, then
 * the consumed service alone (its most common service), then the meter category as the name with
 * focus_converters' category for the consumed service, then 'Other'.
 */
import { AZURE_CATEGORY_BY_SERVICE } from './azure-category-table.js';
import { AZURE_SERVICE_ROWS, type ServiceRow } from './azure-service-table.js';

export interface AzureService {
  name: string;
  category: string;
  subcategory: string | null;
}

function serviceOf(row: ServiceRow): AzureService {
  return { name: row[2], category: row[3], subcategory: row[4] || null };
}

const BY_PAIR = new Map<string, AzureService>();
const BY_TYPE = new Map<string, AzureService>();
const BY_CONSUMED = new Map<string, AzureService>();
{
  const counts = new Map<string, Map<string, { service: AzureService; rows: number }>>();
  for (const row of AZURE_SERVICE_ROWS) {
    const [consumed, type] = row;
    const service = serviceOf(row);
    BY_PAIR.set(`${consumed}|${type}`, service);
    if (type && !BY_TYPE.has(type)) BY_TYPE.set(type, service);
    if (!consumed) continue;
    const names = counts.get(consumed) ?? new Map<string, { service: AzureService; rows: number }>();
    const entry = names.get(service.name) ?? { service, rows: 0 };
    entry.rows++;
    names.set(service.name, entry);
    counts.set(consumed, names);
  }
  for (const [consumed, names] of counts) {
    const best = [...names.values()].sort((a, b) => b.rows - a.rows)[0];
    if (best) BY_CONSUMED.set(consumed, best.service);
  }
}

/** The service of a row; inputs are lower-cased by the caller. */
export function azureService(consumedService: string, resourceType: string, meterCategory: string): AzureService {
  const pair = BY_PAIR.get(`${consumedService}|${resourceType}`);
  if (pair) return pair;
  const byType = resourceType ? BY_TYPE.get(resourceType) : undefined;
  if (byType) return byType;
  const byConsumed = consumedService ? BY_CONSUMED.get(consumedService) : undefined;
  if (byConsumed) return byConsumed;
  const category = AZURE_CATEGORY_BY_SERVICE.get(consumedService) ?? 'Other';
  return { name: meterCategory || consumedService || 'Unknown', category, subcategory: null };
}

/** azureService, cached per distinct (consumed service, resource type, meter category). */
export class AzureServices {
  private readonly cache = new Map<string, AzureService>();

  of(consumedService: string, resourceType: string, meterCategory: string): AzureService {
    const key = `${consumedService}\u0000${resourceType}\u0000${meterCategory}`;
    let service = this.cache.get(key);
    if (!service) {
      service = azureService(consumedService.toLowerCase(), resourceType.toLowerCase(), meterCategory);
      this.cache.set(key, service);
    }
    return service;
  }
}
