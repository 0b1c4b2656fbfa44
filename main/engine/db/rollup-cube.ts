/**
 * The rollups of one source, accumulated in JavaScript while its lines are loaded: the daily cube
 * (`daily_cost`) and resources by day (`daily_resource`). Grouping 1M lines here costs a hash
 * lookup a line; the same GROUP BYs in sql.js sort every line (seconds at a million lines).
 * Values are dictionary ids (0 = NULL, as ids start at 1) and day numbers; sums are compensated
 * as SQLite's TOTAL is. rollups.ts writes the tables from it.
 */
import { CompensatedSums, IntColumn, TupleTable } from './tuple-table.js';

/** The group-by columns of `daily_cost`, in its column order. */
export const CUBE_KEY = ['day', 'currency', 'provider', 'serviceCategory', 'service', 'subAccountId', 'subAccountName', 'region', 'chargeCategory', 'tags'] as const;
const CUBE_WIDTH = CUBE_KEY.length;

/** One cost line as the rollups see it. */
export interface RollupLine {
  day: number;
  currency: number;
  provider: number;
  serviceCategory: number;
  service: number;
  subAccountId: number;
  subAccountName: number;
  /** COALESCE(RegionId, RegionName). */
  region: number;
  chargeCategory: number;
  tags: number;
  resourceId: number;
  resourceName: number;
  billed: number;
  effective: number;
}

export class RollupCube {
  readonly cells = new TupleTable(CUBE_WIDTH, 4096);
  readonly cellBilled = new CompensatedSums(4096);
  readonly cellEffective = new CompensatedSums(4096);
  readonly cellLines = new IntColumn(4096);

  /** (day, currency, resource id) of lines with a resource. */
  readonly resources = new TupleTable(3, 4096);
  readonly resourceName = new IntColumn(4096);
  readonly resourceService = new IntColumn(4096);
  readonly resourceBilled = new CompensatedSums(4096);
  readonly resourceEffective = new CompensatedSums(4096);

  private readonly cellKey = new Int32Array(CUBE_WIDTH);
  private readonly resourceKey = new Int32Array(3);

  /** Adds one line: positional arguments, in the order of `RollupLine`, to keep the hot path allocation-free. */
  add(
    day: number, currency: number, provider: number, serviceCategory: number, service: number,
    subAccountId: number, subAccountName: number, region: number, chargeCategory: number, tags: number,
    resourceId: number, resourceName: number, billed: number, effective: number,
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
    const cell = this.cells.indexOf(key);
    this.cellBilled.add(cell, billed);
    this.cellEffective.add(cell, effective);
    this.cellLines.set(cell, this.cellLines.get(cell) + 1);
    if (resourceId === 0) return;
    const rkey = this.resourceKey;
    rkey[0] = day;
    rkey[1] = currency;
    rkey[2] = resourceId;
    const resource = this.resources.indexOf(rkey);
    // MAX() over ids, NULL (0) ignored.
    if (resourceName > this.resourceName.get(resource)) this.resourceName.set(resource, resourceName);
    if (service > this.resourceService.get(resource)) this.resourceService.set(resource, service);
    this.resourceBilled.add(resource, billed);
    this.resourceEffective.add(resource, effective);
  }

  addLine(line: RollupLine): void {
    this.add(
      line.day, line.currency, line.provider, line.serviceCategory, line.service, line.subAccountId, line.subAccountName,
      line.region, line.chargeCategory, line.tags, line.resourceId, line.resourceName, line.billed, line.effective,
    );
  }
}
