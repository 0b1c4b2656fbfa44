/**
 * Daily rollups and tag pairs for newly imported sources. Built after the load, in the same
 * transaction, so a failed import leaves neither lines nor rollups behind.
 */
import { LINE_INDEXES_SQL } from './schema.js';
import type { Store } from './store.js';

export function buildRollups(store: Store, sourceIds: readonly number[]): void {
  store.exec(LINE_INDEXES_SQL);
  for (const sourceId of sourceIds) {
    store.run(
      `INSERT INTO daily_cost
       SELECT source_id, day, BillingCurrency, ProviderName, ServiceCategory, ServiceName,
              SubAccountId, SubAccountName, COALESCE(RegionId, RegionName), ChargeCategory, Tags,
              TOTAL(BilledCost), TOTAL(EffectiveCost), COUNT(*)
       FROM cost_lines WHERE source_id = ?
       GROUP BY day, BillingCurrency, ProviderName, ServiceCategory, ServiceName,
                SubAccountId, SubAccountName, COALESCE(RegionId, RegionName), ChargeCategory, Tags`,
      [sourceId],
    );
    store.run(
      `INSERT INTO daily_resource
       SELECT source_id, day, BillingCurrency, ResourceId, MAX(ResourceName), MAX(ServiceName),
              TOTAL(BilledCost), TOTAL(EffectiveCost)
       FROM cost_lines WHERE source_id = ? AND ResourceId IS NOT NULL
       GROUP BY day, BillingCurrency, ResourceId`,
      [sourceId],
    );
    addTagPairs(store, sourceId);
  }
}

/** Splits each new tag set (a JSON object) into trimmed key/value pairs. */
function addTagPairs(store: Store, sourceId: number): void {
  const sets = store.all<{ id: number; value: string }>(
    `SELECT d.id, d.value FROM dict d
     WHERE d.id IN (SELECT DISTINCT Tags FROM cost_lines WHERE source_id = ? AND Tags IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM tag_pairs t WHERE t.tags = d.id)`,
    [sourceId],
  );
  const insert = store.db.prepare('INSERT OR REPLACE INTO tag_pairs (tags, key, value) VALUES (?, ?, ?)');
  try {
    for (const set of sets) {
      const parsed = JSON.parse(set.value) as Record<string, unknown>;
      for (const [rawKey, rawValue] of Object.entries(parsed)) {
        const key = rawKey.trim();
        if (key === '') continue;
        const value = typeof rawValue === 'string' ? rawValue.trim() : JSON.stringify(rawValue);
        insert.run([set.id, key, value]);
      }
    }
  } finally {
    insert.free();
  }
}
