/**
 * The workspace's column mappings, kept in the settings under 'column-mappings' as
 * `{ version: 1, mappings: [...] }`. What is read back is checked: a workspace file may come from
 * anyone, so a stored mapping that does not check out is left out (never trusted, never fatal).
 */
import type { ColumnMapping, FormatId, SavedColumnMapping } from '../../../shared/model.js';
import { EngineError } from '../../../shared/rpc.js';
import { readSetting, writeSetting } from '../db/settings.js';
import type { Store } from '../db/store.js';
import { checkSavedMapping, headerKey, mappedFormatId, slugOf } from './column-mapping.js';

const KEY = 'column-mappings';
const VERSION = 1;
/** More than this many mappings in a workspace is refused (each import checks them all). */
export const MAX_MAPPINGS = 200;

/** The stored mappings that check out, in the order saved; of two with the same name or header, the first. */
export function readColumnMappings(store: Store): SavedColumnMapping[] {
  const stored = readSetting(store, KEY);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return [];
  const { version, mappings } = stored as { version?: unknown; mappings?: unknown };
  if (version !== VERSION || !Array.isArray(mappings)) return [];
  const found: SavedColumnMapping[] = [];
  const formats = new Set<string>();
  const headers = new Set<string>();
  for (const item of mappings.slice(0, MAX_MAPPINGS)) {
    const mapping = checkSavedMapping(item);
    if (!mapping) continue;
    const slug = slugOf(mapping.name);
    const header = headerKey(mapping.header);
    if (formats.has(slug) || headers.has(header)) continue;
    formats.add(slug);
    headers.add(header);
    found.push(mapping);
  }
  return found;
}

function write(store: Store, mappings: readonly SavedColumnMapping[]): void {
  writeSetting(store, KEY, { version: VERSION, mappings });
}

/**
 * Saves a (checked) mapping. It replaces a mapping of the same name (same slug) and one for the
 * same header: a header is read by one mapping only.
 */
export function saveColumnMapping(store: Store, mapping: ColumnMapping, savedAt: string): SavedColumnMapping[] {
  const slug = slugOf(mapping.name);
  const header = headerKey(mapping.header);
  const kept = readColumnMappings(store).filter((m) => slugOf(m.name) !== slug && headerKey(m.header) !== header);
  if (kept.length >= MAX_MAPPINGS) throw new EngineError('BAD_REQUEST', `A workspace holds at most ${MAX_MAPPINGS} column mappings; delete some first.`);
  const saved: SavedColumnMapping = { ...mapping, format: mappedFormatId(mapping.family, mapping.name), savedAt };
  const next = [...kept, saved];
  write(store, next);
  return next;
}

export function deleteColumnMapping(store: Store, format: FormatId): SavedColumnMapping[] {
  const mappings = readColumnMappings(store);
  const next = mappings.filter((m) => m.format !== format);
  if (next.length === mappings.length) throw new EngineError('NOT_FOUND', `There is no column mapping for the format ${format}.`);
  write(store, next);
  return next;
}
