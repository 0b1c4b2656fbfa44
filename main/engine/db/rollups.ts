/**
 * Rollups for newly imported sources, built after the load in the same transaction (a failed
 * import leaves neither lines nor rollups behind): the daily cube, one small daily table per
 * dimension (what the overview reads, through a covering index), resources by day and month,
 * and tag sets split into pairs.
 */
import { prepareRowBinder, type RowBinder } from '../import/load/row-binder.js';
import type { SqlJsStatic } from '../types/sql-js.js';
import type { RollupCube } from './rollup-cube.js';
import { LINE_INDEXES, LINE_INDEXES_SQL } from './schema.js';
import type { Store } from './store.js';
import { addCompensated, compensatedTotal, TupleTable } from './tuple-table.js';

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

/**
 * Builds the rollups of sources from their lines in SQL (migrations, and the reference the
 * JavaScript cube is tested against). Imports accumulate a RollupCube while loading instead and
 * write it with `writeRollups`, which gives the same tables without sorting the lines.
 */
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

/**
 * The indexes on the line level, one statement at a time (each is a sort of the lines): the caller
 * yields to the host and reports progress between them.
 */
export function* createLineIndexes(store: Store): Generator<void> {
  for (const sql of LINE_INDEXES) {
    store.exec(sql);
    yield;
  }
}

/** Positions of the cube key in a daily_dim group: what each plain dimension reads from a cube cell. */
const CELL = { day: 0, currency: 1, provider: 2, serviceCategory: 3, service: 4, subAccountId: 5, subAccountName: 6, region: 7, chargeCategory: 8, tags: 9 } as const;
const DIMENSION_VALUE: Array<[Dimension, (cube: RollupCube, cell: number) => number]> = [
  [DIMENSION.total, () => 0],
  [DIMENSION.provider, (cube, cell) => cube.cells.at(cell, CELL.provider)],
  [DIMENSION.serviceCategory, (cube, cell) => cube.cells.at(cell, CELL.serviceCategory)],
  [DIMENSION.service, (cube, cell) => cube.cells.at(cell, CELL.service)],
  [DIMENSION.subAccount, (cube, cell) => cube.cells.at(cell, CELL.subAccountName) || cube.cells.at(cell, CELL.subAccountId)],
  [DIMENSION.region, (cube, cell) => cube.cells.at(cell, CELL.region)],
  [DIMENSION.chargeCategory, (cube, cell) => cube.cells.at(cell, CELL.chargeCategory)],
];

/** A dictionary id (0: none) as a parameter. */
function bindId(binder: RowBinder, index: number, id: number): void {
  if (id === 0) binder.null(index);
  else binder.number(index, id);
}

/** Rows inserted between two yields of a rollup step (the caller gives the host its turn there). */
const ROWS_PER_STEP = 100_000;

/** Inserts `count` rows, `bind` filling the parameters of row i; yields every ROWS_PER_STEP rows. */
function* insertRows(store: Store, sql: SqlJsStatic, text: string, parameters: number, count: number, bind: (binder: RowBinder, row: number) => void): Generator<void> {
  const binder = prepareRowBinder(sql, store.db, text, parameters);
  try {
    for (let row = 0; row < count; row++) {
      bind(binder, row);
      binder.insert();
      if ((row + 1) % ROWS_PER_STEP === 0) yield;
    }
  } finally {
    binder.free();
  }
}

function withBinder(store: Store, sql: SqlJsStatic, text: string, parameters: number, fill: (binder: RowBinder) => void): void {
  const binder = prepareRowBinder(sql, store.db, text, parameters);
  try {
    fill(binder);
  } finally {
    binder.free();
  }
}

/**
 * Writes the rollups of one source from the cube accumulated while loading it: the same rows as
 * `buildRollups` computes from the lines, in the order the groups were first met rather than
 * sorted (sums compensated alike; they may differ from SQL's in the last bits, as the order of
 * adding does). Yields between steps.
 */
export function* writeRollups(store: Store, sql: SqlJsStatic, sourceId: number, cube: RollupCube): Generator<void> {
  yield* insertRows(store, sql, `INSERT INTO daily_cost VALUES (${new Array(14).fill('?').join(', ')})`, 14, cube.cells.size, (binder, cell) => {
    binder.number(1, sourceId);
    binder.number(2, cube.cells.at(cell, CELL.day));
    for (let field = 1; field < 10; field++) bindId(binder, field + 2, cube.cells.at(cell, field));
    binder.number(12, cube.cellBilled(cell));
    binder.number(13, cube.cellEffective(cell));
    binder.number(14, cube.cellLines(cell));
  });
  yield;
  addTagPairs(store, sourceId);
  // Tag keys and values get dictionary ids, so the tag rollup can refer to them.
  store.exec('INSERT OR IGNORE INTO dict (value) SELECT key FROM tag_pairs UNION SELECT value FROM tag_pairs');
  yield;
  writeDimensions(store, sql, sourceId, cube);
  yield;
  yield* insertRows(store, sql, 'INSERT INTO daily_resource VALUES (?, ?, ?, ?, ?, ?, ?, ?)', 8, cube.resources.size, (binder, resource) => {
    binder.number(1, sourceId);
    binder.number(2, cube.resources.at(resource, 0));
    bindId(binder, 3, cube.resources.at(resource, 1));
    bindId(binder, 4, cube.resources.at(resource, 2));
    bindId(binder, 5, cube.resourceName(resource));
    bindId(binder, 6, cube.resourceService(resource));
    binder.number(7, cube.resourceBilled(resource));
    binder.number(8, cube.resourceEffective(resource));
  });
  yield;
  writeMonthlyResources(store, sql, sourceId, cube);
}

/** A group's numbers in daily_dim and monthly_resource aggregation: compensated billed, effective; then lines or MAX ids. */
const G_BILLED = 0;
const G_EFFECTIVE = 2;
const G_LINES = 4;
const G_NAME = 4;
const G_SERVICE = 5;

/** daily_dim: each plain dimension, then tags, grouped by (currency, day, value) from the cube's cells. */
function writeDimensions(store: Store, sql: SqlJsStatic, sourceId: number, cube: RollupCube): void {
  const cellCount = cube.cells.size;
  const pairs = new Map<number, Array<[number, number]>>();
  for (const row of store.all<{ tags: number; key: number; value: number }>(
    `SELECT t.tags, k.id AS key, v.id AS value FROM tag_pairs t JOIN dict k ON k.value = t.key JOIN dict v ON v.value = t.value
     WHERE t.tags IN (SELECT DISTINCT tags FROM daily_cost WHERE source_id = ? AND tags IS NOT NULL)`,
    [sourceId],
  )) {
    const list = pairs.get(row.tags) ?? [];
    list.push([row.key, row.value]);
    pairs.set(row.tags, list);
  }
  const add = (groups: TupleTable, key: Int32Array, cell: number): void => {
    const base = groups.indexOf(key) * 5;
    addCompensated(groups.values, base + G_BILLED, cube.cellBilled(cell));
    addCompensated(groups.values, base + G_EFFECTIVE, cube.cellEffective(cell));
    groups.values[base + G_LINES] = (groups.values[base + G_LINES] as number) + cube.cellLines(cell);
  };
  withBinder(store, sql, 'INSERT INTO daily_dim (kind, currency, day, tag_key, value, source_id, billed, effective, lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', 9, (binder) => {
    const write = (kind: Dimension, groups: TupleTable, tagged: boolean): void => {
      // In the covering index's order (kind, currency, tag_key, day, value): its pages fill up.
      for (const group of groups.sortedBy(tagged ? [0, 2, 1, 3] : [0, 1, 2])) {
        binder.number(1, kind);
        bindId(binder, 2, groups.at(group, 0));
        binder.number(3, groups.at(group, 1));
        if (tagged) {
          bindId(binder, 4, groups.at(group, 2));
          bindId(binder, 5, groups.at(group, 3));
        } else {
          binder.null(4);
          bindId(binder, 5, groups.at(group, 2));
        }
        binder.number(6, sourceId);
        binder.number(7, compensatedTotal(groups.values, group * 5 + G_BILLED));
        binder.number(8, compensatedTotal(groups.values, group * 5 + G_EFFECTIVE));
        binder.number(9, groups.number(group, G_LINES));
        binder.insert();
      }
    };
    const key = new Int32Array(4);
    for (const [kind, valueOf] of DIMENSION_VALUE) {
      const groups = new TupleTable(3, 5);
      for (let cell = 0; cell < cellCount; cell++) {
        key[0] = cube.cells.at(cell, CELL.currency);
        key[1] = cube.cells.at(cell, CELL.day);
        key[2] = valueOf(cube, cell);
        add(groups, key, cell);
      }
      write(kind, groups, false);
    }
    const groups = new TupleTable(4, 5);
    for (let cell = 0; cell < cellCount; cell++) {
      const tagPairs = pairs.get(cube.cells.at(cell, CELL.tags));
      if (!tagPairs) continue;
      for (const [tagKey, tagValue] of tagPairs) {
        key[0] = cube.cells.at(cell, CELL.currency);
        key[1] = cube.cells.at(cell, CELL.day);
        key[2] = tagKey;
        key[3] = tagValue;
        add(groups, key, cell);
      }
    }
    write(DIMENSION.tag, groups, true);
  });
}

/** Year × 12 + month − 1 of a day number (UTC), as monthly_resource.month. */
function monthOf(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** monthly_resource from the day rows: MAX of names, TOTAL of the daily sums. */
function writeMonthlyResources(store: Store, sql: SqlJsStatic, sourceId: number, cube: RollupCube): void {
  const months = new Map<number, number>();
  const groups = new TupleTable(3, 6);
  const key = new Int32Array(3);
  for (let resource = 0; resource < cube.resources.size; resource++) {
    const day = cube.resources.at(resource, 0);
    let month = months.get(day);
    if (month === undefined) months.set(day, (month = monthOf(day)));
    key[0] = month;
    key[1] = cube.resources.at(resource, 1);
    key[2] = cube.resources.at(resource, 2);
    const base = groups.indexOf(key) * 6;
    const values = groups.values;
    if (cube.resourceName(resource) > (values[base + G_NAME] as number)) values[base + G_NAME] = cube.resourceName(resource);
    if (cube.resourceService(resource) > (values[base + G_SERVICE] as number)) values[base + G_SERVICE] = cube.resourceService(resource);
    addCompensated(values, base + G_BILLED, cube.resourceBilled(resource));
    addCompensated(values, base + G_EFFECTIVE, cube.resourceEffective(resource));
  }
  withBinder(store, sql, 'INSERT INTO monthly_resource VALUES (?, ?, ?, ?, ?, ?, ?, ?)', 8, (binder) => {
    // In the covering index's order (currency, month, resource_id).
    for (const group of groups.sortedBy([1, 0, 2])) {
      binder.number(1, sourceId);
      binder.number(2, groups.at(group, 0));
      bindId(binder, 3, groups.at(group, 1));
      bindId(binder, 4, groups.at(group, 2));
      bindId(binder, 5, groups.number(group, G_NAME));
      bindId(binder, 6, groups.number(group, G_SERVICE));
      binder.number(7, compensatedTotal(groups.values, group * 6 + G_BILLED));
      binder.number(8, compensatedTotal(groups.values, group * 6 + G_EFFECTIVE));
      binder.insert();
    }
  });
}
