/**
 * The rollups of one source, accumulated in JavaScript while its lines are loaded: the daily cube
 * (`daily_cost`) and resources by day (`daily_resource`). Grouping 1M lines here costs a hash
 * lookup a line; the same GROUP BYs in sql.js sort every line (seconds at a million lines).
 * Values are dictionary ids (0 = NULL, as ids start at 1) and day numbers; sums are compensated
 * as SQLite's TOTAL is. rollups.ts writes the tables from it.
 */
import { addCompensated, compensatedTotal, TupleTable } from './tuple-table.js';

const CUBE_WIDTH = 10;
/**
 * Resource ids are dictionary ids, dense from 1: a (day, currency)'s resources are found by
 * direct index, in an array per (day, currency), while all those arrays stay within this many
 * entries (a file of many days, or ids in the millions, goes back to the hash table).
 */
const DIRECT_ENTRIES = 1 << 23;

/** A cell's numbers: compensated billed and effective sums, and the line count. */
const BILLED = 0;
const EFFECTIVE = 2;
const LINES = 4;
/** A resource-day's numbers: the sums, then MAX(name) and MAX(service) ids. */
const NAME = 4;
const SERVICE = 5;

export class RollupCube {
  readonly cells = new TupleTable(CUBE_WIDTH, 5, 4096);
  /** (day, currency, resource id) of lines with a resource. */
  readonly resources = new TupleTable(3, 6, 4096);

  private readonly cellKey = new Int32Array(CUBE_WIDTH);
  private readonly resourceKey = new Int32Array(3);
  /** Per (day, currency): resource id → index + 1 (0: none yet); null once over DIRECT_ENTRIES. */
  private direct: Map<number, Int32Array> | null = new Map();
  private directEntries = 0;
  private lastDay = NaN;
  private lastDirect: Int32Array = new Int32Array(0);

  cellBilled(cell: number): number {
    return compensatedTotal(this.cells.values, cell * 5 + BILLED);
  }

  cellEffective(cell: number): number {
    return compensatedTotal(this.cells.values, cell * 5 + EFFECTIVE);
  }

  cellLines(cell: number): number {
    return this.cells.number(cell, LINES);
  }

  resourceBilled(resource: number): number {
    return compensatedTotal(this.resources.values, resource * 6 + BILLED);
  }

  resourceEffective(resource: number): number {
    return compensatedTotal(this.resources.values, resource * 6 + EFFECTIVE);
  }

  resourceName(resource: number): number {
    return this.resources.number(resource, NAME);
  }

  resourceService(resource: number): number {
    return this.resources.number(resource, SERVICE);
  }

  /**
   * Adds one line: positional arguments (ids, 0 = NULL), to keep the hot path allocation-free.
   * `lines`: the rows it counts as (a source stored at a daily grain counts its groups, not its lines).
   */
  add(
    day: number, currency: number, provider: number, serviceCategory: number, service: number,
    subAccountId: number, subAccountName: number, region: number, chargeCategory: number, tags: number,
    resourceId: number, resourceName: number, billed: number, effective: number, lines = 1,
  ): void {
    const key = this.cellKey;
    key[0] = day;
    key[1] = currency;
    key[2] = provider;
    key[3] = serviceCategory;
    key[4] = service;
    key[5] = subAccountId;
    key[6] = subAccountName;
    key[7] = region;
    key[8] = chargeCategory;
    key[9] = tags;
    this.addToCell(this.cells.indexOf(key), billed, effective, lines);
    this.addResource(day, currency, resourceId, resourceName, service, billed, effective);
  }

  /** Adds one line to the resources by day. */
  private addResource(day: number, currency: number, resourceId: number, resourceName: number, service: number, billed: number, effective: number): void {
    if (resourceId === 0) return;
    const resource = this.resourceIndex(day, currency, resourceId);
    this.maxOf(resource, NAME, resourceName);
    this.maxOf(resource, SERVICE, service);
    const values = this.resources.values;
    addCompensated(values, resource * 6 + BILLED, billed);
    addCompensated(values, resource * 6 + EFFECTIVE, effective);
  }

  private resourceIndex(day: number, currency: number, resourceId: number): number {
    const rkey = this.resourceKey;
    rkey[0] = day;
    rkey[1] = currency;
    rkey[2] = resourceId;
    if (!this.direct) return this.resources.indexOf(rkey);
    const dayKey = day * 4_294_967_296 + currency;
    let direct = this.lastDirect;
    if (dayKey !== this.lastDay || resourceId >= direct.length) {
      direct = this.directArray(dayKey, resourceId);
      if (!this.direct) return this.resources.indexOf(rkey);
      this.lastDay = dayKey;
      this.lastDirect = direct;
    }
    const known = direct[resourceId] as number;
    if (known !== 0) return known - 1;
    const index = this.resources.append(rkey);
    direct[resourceId] = index + 1;
    return index;
  }

  /** The direct index of a (day, currency), grown to hold `resourceId`; drops them all past the budget. */
  private directArray(dayKey: number, resourceId: number): Int32Array {
    const all = this.direct as Map<number, Int32Array>;
    const current = all.get(dayKey);
    if (current && resourceId < current.length) return current;
    const length = Math.max(resourceId + 1, (current?.length ?? 0) * 2, 1024);
    this.directEntries += length - (current?.length ?? 0);
    if (this.directEntries > DIRECT_ENTRIES) {
      this.direct = null;
      this.lastDay = NaN;
      this.lastDirect = new Int32Array(0);
      return this.lastDirect;
    }
    const grown = new Int32Array(length);
    if (current) grown.set(current);
    all.set(dayKey, grown);
    return grown;
  }

  private addToCell(cell: number, billed: number, effective: number, lines: number): void {
    const values = this.cells.values;
    const base = cell * 5;
    addCompensated(values, base + BILLED, billed);
    addCompensated(values, base + EFFECTIVE, effective);
    values[base + LINES] = (values[base + LINES] as number) + lines;
  }

  /** MAX() over ids, NULL (0) ignored. */
  private maxOf(index: number, field: typeof NAME | typeof SERVICE, id: number): void {
    const values = this.resources.values;
    const at = index * 6 + field;
    if (id > (values[at] as number)) values[at] = id;
  }


}
