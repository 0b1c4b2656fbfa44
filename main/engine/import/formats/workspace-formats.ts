/**
 * The formats an import in this workspace uses: the built-in adapters, adjusted by the
 * workspace's own settings (its edited price book for usage-only exports, its saved column
 * mappings for files no built-in format reads). Built once per import batch.
 *
 * Column mappings come first: a mapping reads only files with exactly its header, which the user
 * mapped by hand, so it is chosen before any built-in format can refuse (or half-match) them.
 */
import type { Store } from '../../db/store.js';
import { readColumnMappings } from '../../mapping/mapping-store.js';
import type { JsonTabulator } from '../readers/json-records.js';
import type { FormatAdapter } from './format-adapter.js';
import { mappedFormat } from './mapped/mapped-format.js';
import { FORMAT_ADAPTERS } from './registry.js';
// The price book: usage-only exports are estimated with the workspace's (edited) price book.
import { withWorkspacePriceBook } from '../../pricing/usage-formats.js';

export interface WorkspaceFormats {
  adapters: readonly FormatAdapter[];
  tabulators: readonly JsonTabulator[];
}

export function workspaceFormats(store: Store): WorkspaceFormats {
  const adapters = [...readColumnMappings(store).map(mappedFormat), ...withWorkspacePriceBook(FORMAT_ADAPTERS, store)];
  return { adapters, tabulators: adapters.flatMap((a) => (a.tabulateJson ? [a.tabulateJson.bind(a)] : [])) };
}
