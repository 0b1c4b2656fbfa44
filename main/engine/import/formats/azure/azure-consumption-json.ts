/**
 * A saved response of the Consumption Usage Details API ({"value": [{"kind": "legacy"|"modern",
 * "tags": {...}, "properties": {...}}], "nextLink": ...}) → a table with the same camelCase field
 * names as cost details files, so the CSV mapper reads it. Nested property objects
 * (meterDetails) contribute their fields under their own names unless the row already has them.
 */
import type { JsonTable } from '../../readers/json-records.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function flatRow(item: Record<string, unknown>): Map<string, string> {
  const row = new Map<string, string>();
  const properties = isObject(item.properties) ? item.properties : {};
  for (const [key, value] of Object.entries(properties)) if (!isObject(value)) row.set(key, cell(value));
  for (const value of Object.values(properties)) {
    if (!isObject(value)) continue;
    for (const [key, inner] of Object.entries(value)) if (!row.has(key) && !isObject(inner)) row.set(key, cell(inner));
  }
  if (isObject(item.tags)) row.set('tags', JSON.stringify(item.tags));
  return row;
}

function isUsageDetail(item: unknown): item is Record<string, unknown> {
  if (!isObject(item) || !isObject(item.properties)) return false;
  return (typeof item.type === 'string' && /usageDetails$/i.test(item.type)) || item.kind === 'legacy' || item.kind === 'modern';
}

export function tabulateConsumptionJson(document: unknown): JsonTable | null {
  if (!isObject(document) || !Array.isArray(document.value)) return null;
  const items = document.value;
  if (items.length === 0 || !items.every(isUsageDetail)) return null;
  const flat = items.map(flatRow);
  const keys = new Set<string>();
  for (const row of flat) for (const key of row.keys()) keys.add(key);
  const header = [...keys];
  return { header, rows: flat.map((row) => header.map((key) => row.get(key) ?? '')) };
}
