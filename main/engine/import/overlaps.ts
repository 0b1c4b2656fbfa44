/**
 * Re-exports: a new file of the same format family that covers the same billing account(s) and
 * an overlapping period as a file already in the workspace, AND restates the same charges (most of
 * its resource-days are already in the older file), would count the same costs twice. Files split
 * into parts (AWS writes several CSVs per account and month) share account and period but not
 * their lines, so they are not overlaps.
 */
import type { Overlap } from '../../../shared/model.js';
import type { Store } from '../db/store.js';

interface SourceRow {
  id: number;
  file_name: string;
  format: string;
  period_start: string | null;
  period_end: string | null;
}

function family(format: string): string {
  return format.split('-')[0] ?? format;
}

/** The billing accounts of a source's lines ('' for lines without one). */
function accountsOf(store: Store, sourceId: number): Set<string> {
  return new Set(
    store
      .all<{ account: string | null }>(
        'SELECT DISTINCT d.value AS account FROM cost_lines l LEFT JOIN dict d ON d.id = l.BillingAccountId WHERE l.source_id = ?',
        [sourceId],
      )
      .map((r) => r.account ?? ''),
  );
}

/** How many of the new file's (day, resource) keys are sampled, and the share that makes it a re-export. */
const SAMPLE_KEYS = 500;
const RESTATED_SHARE = 0.5;

/** True when most sampled (day, resource) keys of `fresh` are in the older source's resource rollup. */
function restatesLines(store: Store, fresh: number, older: number): boolean {
  const row = store.all<{ sampled: number; found: number }>(
    `SELECT COUNT(*) AS sampled,
            SUM(EXISTS (SELECT 1 FROM daily_resource r WHERE r.currency = k.currency AND r.day = k.day AND r.resource_id = k.resource AND r.source_id = ?2)) AS found
     FROM (SELECT DISTINCT BillingCurrency AS currency, day, ResourceId AS resource FROM cost_lines
           WHERE source_id = ?1 AND ResourceId IS NOT NULL ORDER BY day, ResourceId LIMIT ${SAMPLE_KEYS}) k`,
    [fresh, older],
  )[0];
  if (!row || row.sampled === 0) {
    // No resource ids (summary exports): compare the days with cost instead.
    const days = store.all<{ sampled: number; found: number }>(
      `SELECT COUNT(*) AS sampled, SUM(EXISTS (SELECT 1 FROM daily_dim d WHERE d.kind = 0 AND d.day = k.day AND d.source_id = ?2)) AS found
       FROM (SELECT DISTINCT day FROM cost_lines WHERE source_id = ?1) k`,
      [fresh, older],
    )[0];
    return !!days && days.sampled > 0 && days.found / days.sampled >= RESTATED_SHARE;
  }
  return row.found / row.sampled >= RESTATED_SHARE;
}

/** For each new source, the older sources it overlaps. */
export function findOverlaps(store: Store, newSourceIds: readonly number[]): Map<number, Overlap[]> {
  const found = new Map<number, Overlap[]>();
  if (newSourceIds.length === 0) return found;
  const all = store.all<SourceRow & Record<string, string | number | null>>('SELECT id, file_name, format, period_start, period_end FROM sources');
  const fresh = new Set(newSourceIds);
  const older = all.filter((s) => !fresh.has(s.id) && s.period_start && s.period_end);
  const accounts = new Map<number, Set<string>>();
  const accountsOfCached = (id: number) => {
    let set = accounts.get(id);
    if (!set) accounts.set(id, (set = accountsOf(store, id)));
    return set;
  };
  for (const source of all.filter((s) => fresh.has(s.id) && s.period_start && s.period_end)) {
    const overlaps = older
      .filter((o) => family(o.format) === family(source.format))
      .filter((o) => (o.period_start as string) < (source.period_end as string) && (source.period_start as string) < (o.period_end as string))
      .filter((o) => [...accountsOfCached(source.id)].some((a) => accountsOfCached(o.id).has(a)))
      .filter((o) => restatesLines(store, source.id, o.id))
      .map((o) => ({ sourceId: o.id, file: o.file_name, period: { start: o.period_start as string, end: o.period_end as string } }));
    if (overlaps.length > 0) found.set(source.id, overlaps);
  }
  return found;
}
