/** The imported files of the workspace, with their provenance and their own exact totals. */
import type { CurrencyTotals, FormatId, LineGrain, SourceSummary } from '../../../shared/model.js';
import type { Store } from '../db/store.js';

export function listSources(store: Store): SourceSummary[] {
  return store
    .all<{
      id: number; file_name: string; format: string; sha256: string; size_bytes: number; imported_at: string;
      row_count: number; totals: string; period_start: string | null; period_end: string | null; grain: string; stored_rows: number | null;
    }>('SELECT id, file_name, format, sha256, size_bytes, imported_at, row_count, totals, period_start, period_end, grain, stored_rows FROM sources ORDER BY id')
    .map((s) => ({
      id: s.id,
      file: s.file_name,
      format: s.format as FormatId,
      sha256: s.sha256,
      sizeBytes: s.size_bytes,
      importedAt: s.imported_at,
      rows: s.row_count,
      totals: JSON.parse(s.totals) as Record<string, CurrencyTotals>,
      period: s.period_start && s.period_end ? { start: s.period_start, end: s.period_end } : null,
      grain: (s.grain === 'daily' ? 'daily' : 'line') as LineGrain,
      // Workspaces from before the daily grain did not count stored rows: one per row then.
      storedRows: s.stored_rows ?? s.row_count,
    }));
}
