/**
 * Rollups for newly imported sources, built after the load in the same transaction (a failed
 * import leaves neither lines nor rollups behind): the daily cube, one small daily table per
 * dimension (what the overview reads, through a covering index), resources by day and month,
 * and tag sets split into pairs.
 */
import { LINE_INDEXES_SQL } from './schema.js';
import type { Store } from './store.js';

/** `daily_dim.kind`: the dimension a row sums over. */
export const DIMENSION = {
  total: 0,
  provider: 1,
  serviceCategory: 2,
  service: 3,
  subAccount: 4,
  region: 5,
  chargeCategory: 6,
  tag: 7,
} as const;
export type Dimension = (typeof DIMENSION)[keyof typeof DIMENSION];

/** The cube column (or expression) behind each plain dimension. */
const DIMENSION_SQL: Array<[Dimension, string]> = [
  [DIMENSION.total, 'NULL'],
  [DIMENSION.provider, 'provider'],
  [DIMENSION.serviceCategory, 'service_category'],
  [DIMENSION.service, 'service'],
  [DIMENSION.subAccount, 'COALESCE(sub_account_name, sub_account_id)'],
  [DIMENSION.region, 'region'],
  [DIMENSION.chargeCategory, 'charge_category'],
];

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
    addTagPairs(store, sourceId);
    // Tag keys and values get dictionary ids, so the tag rollup can refer to them.
    store.exec('INSERT OR IGNORE INTO dict (value) SELECT key FROM tag_pairs UNION SELECT value FROM tag_pairs');
    // Each dimension from the cube (far smaller than the lines), each sum compensated.
    for (const [kind, expression] of DIMENSION_SQL) {
      store.run(
        `INSERT INTO daily_dim (kind, currency, day, tag_key, value, source_id, billed, effective, lines)
         SELECT ${kind}, currency, day, NULL, ${expression}, source_id, TOTAL(billed), TOTAL(effective), SUM(lines)
         FROM daily_cost WHERE source_id = ? GROUP BY currency, day, ${expression}`,
        [sourceId],
      );
    }
    store.run(
      `INSERT INTO daily_dim (kind, currency, day, tag_key, value, source_id, billed, effective, lines)
       SELECT ${DIMENSION.tag}, c.currency, c.day, k.id, v.id, c.source_id, TOTAL(c.billed), TOTAL(c.effective), SUM(c.lines)
       FROM daily_cost c JOIN tag_pairs t ON t.tags = c.tags
       JOIN dict k ON k.value = t.key JOIN dict v ON v.value = t.value
       WHERE c.source_id = ? GROUP BY c.currency, c.day, k.id, v.id`,
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
    store.run(
      `INSERT INTO monthly_resource
       SELECT source_id, CAST(strftime('%Y', day * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', day * 86400, 'unixepoch') AS INTEGER) - 1,
              currency, resource_id, MAX(resource_name), MAX(service), TOTAL(billed), TOTAL(effective)
       FROM daily_resource WHERE source_id = ?
       GROUP BY 2, currency, resource_id`,
      [sourceId],
    );
  }
}

/** Splits each new tag set (a JSON object) into trimmed key/value pairs. */
function addTagPairs(store: Store, sourceId: number): void {
  const sets = store.all<{ id: number; value: string }>(
    `SELECT d.id, d.value FROM dict d
     WHERE d.id IN (SELECT DISTINCT tags FROM daily_cost WHERE source_id = ? AND tags IS NOT NULL)
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
