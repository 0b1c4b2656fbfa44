/**
 * Daily cost series of a slice, read from the rollups: `daily_dim` for the total, the FOCUS
 * dimensions and tags; `cost_lines` for x_Model (no rollup has it); `alloc_daily` (the attribution
 * rollup, when the workspace has it) for `alloc:<dimension>`. Days without a row inside a series'
 * span are zero-cost days (docs/forecasting.md).
 */
import { SLICE_COLUMNS, type CostMeasure, type SliceDimension, type SliceDimensions } from '../../../shared/forecast.js';
import { EngineError } from '../../../shared/rpc.js';
import { DIMENSION, type Dimension } from '../db/rollups.js';
import type { Store } from '../db/store.js';

export const NOT_SET = '(not set)';
export const UNALLOCATED = '(unallocated)';

const COLUMN_KIND: Partial<Record<SliceDimension, Dimension>> = {
  total: DIMENSION.total,
  ProviderName: DIMENSION.provider,
  ServiceCategory: DIMENSION.serviceCategory,
  ServiceName: DIMENSION.service,
  SubAccountName: DIMENSION.subAccount,
  RegionId: DIMENSION.region,
  ChargeCategory: DIMENSION.chargeCategory,
};

export interface SeriesWindow {
  /** The currency's code (series never mix currencies). */
  currency: string;
  cost: CostMeasure;
  fromDay: number;
  toDay: number;
}

/** Values of one series by day (day number → amount), per dimension value (null: the total). */
export type SeriesByValue = Map<string | null, Map<number, number>>;

function costColumn(cost: CostMeasure, line: boolean): string {
  if (line) return cost === 'billed' ? 'BilledCost' : 'EffectiveCost';
  return cost === 'billed' ? 'billed' : 'effective';
}

function dictId(store: Store, value: string): number | null {
  const id = store.scalar('SELECT id FROM dict WHERE value = ?', [value]);
  return typeof id === 'number' ? id : null;
}

export function hasAllocDaily(store: Store): boolean {
  return store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alloc_daily'") === 1;
}

function collect(rows: Array<{ value: string | null; day: number; amount: number }>, label: (value: string | null) => string | null): SeriesByValue {
  const out: SeriesByValue = new Map();
  for (const row of rows) {
    const key = label(row.value);
    let days = out.get(key);
    if (!days) out.set(key, (days = new Map()));
    days.set(row.day, (days.get(row.day) ?? 0) + row.amount);
  }
  return out;
}

/**
 * Every series of a dimension in the window (or only `value`'s): amounts per day. Values are
 * labelled as the overview labels them; the total's one series has the value null.
 */
export function readSeries(store: Store, by: SliceDimension, window: SeriesWindow, value?: string): SeriesByValue {
  const range = [window.fromDay, window.toDay];
  if (by.startsWith('alloc:')) {
    if (!hasAllocDaily(store)) throw new EngineError('NOT_FOUND', `There is no allocation in this workspace yet, so "${by}" has no series.`);
    const dimension = by.slice('alloc:'.length);
    const filter = value === undefined ? '' : value === UNALLOCATED ? ' AND value IS NULL' : ' AND value = ?';
    const rows = store.all<{ value: string | null; day: number; amount: number }>(
      `SELECT value, day, TOTAL(${costColumn(window.cost, false)}) AS amount FROM alloc_daily
       WHERE dimension = ? AND currency = ? AND day BETWEEN ? AND ?${filter} GROUP BY value, day`,
      [dimension, window.currency, ...range, ...(value === undefined || value === UNALLOCATED ? [] : [value])],
    );
    return collect(rows, (v) => v ?? UNALLOCATED);
  }
  const currencyId = dictId(store, window.currency);
  if (currencyId === null) return new Map();
  if (by === 'x_Model') {
    const valueId = value === undefined ? null : dictId(store, value);
    if (value !== undefined && valueId === null) return new Map();
    const rows = store.all<{ value: string | null; day: number; amount: number }>(
      `SELECT d.value AS value, g.day, g.amount
       FROM (SELECT x_Model AS model, day, TOTAL(${costColumn(window.cost, true)}) AS amount FROM cost_lines
             WHERE BillingCurrency = ? AND day BETWEEN ? AND ? AND x_Model IS NOT NULL${valueId === null ? '' : ' AND x_Model = ?'}
             GROUP BY x_Model, day) g
       JOIN dict d ON d.id = g.model`,
      [currencyId, ...range, ...(valueId === null ? [] : [valueId])],
    );
    return collect(rows, (v) => v);
  }
  let kind = COLUMN_KIND[by];
  let tagKey: number | null = null;
  if (kind === undefined) {
    kind = DIMENSION.tag;
    tagKey = dictId(store, by.slice('tag:'.length));
    if (tagKey === null) return new Map();
  }
  let filter = '';
  const params: Array<number | null> = [kind, currencyId, tagKey, ...range];
  if (value !== undefined && by !== 'total') {
    if (value === NOT_SET) filter = ' AND value IS NULL';
    else {
      const id = dictId(store, value);
      if (id === null) return new Map();
      filter = ' AND value = ?';
      params.push(id);
    }
  }
  const rows = store.all<{ value: string | null; day: number; amount: number }>(
    `SELECT d.value AS value, g.day, g.amount
     FROM (SELECT value, day, TOTAL(${costColumn(window.cost, false)}) AS amount FROM daily_dim
           WHERE kind = ? AND currency = ? AND tag_key IS ? AND day BETWEEN ? AND ?${filter} GROUP BY value, day) g
     LEFT JOIN dict d ON d.id = g.value`,
    params,
  );
  return collect(rows, (v) => (by === 'total' ? null : (v ?? NOT_SET)));
}

/** Daily values from the series' first day with a row to `toDay`, missing days as zero. */
export function denseSeries(days: Map<number, number>, toDay: number): { firstDay: number; values: number[] } {
  let firstDay = toDay + 1;
  for (const day of days.keys()) if (day < firstDay) firstDay = day;
  const values: number[] = [];
  for (let day = firstDay; day <= toDay; day++) values.push(days.get(day) ?? 0);
  return { firstDay, values };
}

/** The largest spend of the currency first (default) and the last day with data in it. */
export function resolveCurrency(store: Store, requested: string | undefined, by: SliceDimension): string | null {
  if (requested) return requested;
  if (by.startsWith('alloc:') && hasAllocDaily(store)) {
    const row = store.all<{ currency: string }>('SELECT currency FROM alloc_daily GROUP BY currency ORDER BY ABS(TOTAL(effective)) DESC, currency LIMIT 1')[0];
    if (row) return row.currency;
  }
  const row = store.all<{ value: string }>(
    `SELECT d.value FROM daily_dim c JOIN dict d ON d.id = c.currency
     WHERE c.kind = ${DIMENSION.total} GROUP BY c.currency ORDER BY ABS(TOTAL(c.effective)) DESC, d.value LIMIT 1`,
  )[0];
  return row?.value ?? null;
}

/** The last day with any cost in the currency (the default end of history). */
export function lastDataDay(store: Store, currency: string, by: SliceDimension): number | null {
  if (by.startsWith('alloc:') && hasAllocDaily(store)) {
    const day = store.scalar('SELECT MAX(day) FROM alloc_daily WHERE currency = ?', [currency]);
    if (typeof day === 'number') return day;
  }
  const id = dictId(store, currency);
  if (id === null) return null;
  const day = store.scalar(`SELECT MAX(day) FROM daily_dim WHERE kind = ${DIMENSION.total} AND currency = ?`, [id]);
  return typeof day === 'number' ? day : null;
}

/** The slice picker's choices: FOCUS columns, tag keys with costs, allocated dimensions. */
export function sliceDimensions(store: Store): SliceDimensions {
  const tagKeys = store
    .all<{ key: string }>(`SELECT d.value AS key FROM (SELECT DISTINCT tag_key FROM daily_dim WHERE kind = ${DIMENSION.tag}) k JOIN dict d ON d.id = k.tag_key ORDER BY d.value`)
    .map((r) => r.key);
  const allocated = hasAllocDaily(store) ? store.all<{ dimension: string }>('SELECT DISTINCT dimension FROM alloc_daily WHERE dimension IS NOT NULL ORDER BY dimension').map((r) => r.dimension) : [];
  return { columns: [...SLICE_COLUMNS], tagKeys, allocated };
}
