/**
 * Stores a source's lines at a daily grain: lines go into DailyLines instead of `cost_lines`;
 * its groups are inserted as rows (first row number, `line_count`), and each is counted once in
 * the rollup cube, so the rollups' line counts are the rows drill-down finds. The cube's sums come
 * from the lines themselves (the loaders add each line with a count of 0).
 */
import { COST_COLUMNS } from '../../db/cost-columns.js';
import { columnPosition } from '../formats/canonical-line.js';
import type { FileLoad } from '../load/file-load.js';
import type { LoadEnv } from '../load/load-env.js';
import { prepareRowBinder, type RowBinder } from '../load/row-binder.js';
import { DailyLines } from './daily-lines.js';

const INSERT_SQL = `INSERT INTO cost_lines (source_id, row_number, day, ${COST_COLUMNS.map((c) => `"${c.name}"`).join(', ')}, line_count)
  VALUES (${new Array(COST_COLUMNS.length + 4).fill('?').join(', ')})`;
const LINE_COUNT_PARAMETER = COST_COLUMNS.length + 4;

const ID_COLUMNS = COST_COLUMNS.flatMap((c, canonical) => (c.kind === 'string' || c.kind === 'json' ? [canonical] : []));
const CUBE = {
  currency: columnPosition('BillingCurrency'), provider: columnPosition('ProviderName'), serviceCategory: columnPosition('ServiceCategory'),
  service: columnPosition('ServiceName'), subAccountId: columnPosition('SubAccountId'), subAccountName: columnPosition('SubAccountName'),
  regionId: columnPosition('RegionId'), regionName: columnPosition('RegionName'), chargeCategory: columnPosition('ChargeCategory'),
  tags: columnPosition('Tags'), resourceId: columnPosition('ResourceId'), resourceName: columnPosition('ResourceName'),
};

export class DailyWriter {
  readonly lines: DailyLines;
  private readonly binder: RowBinder;
  private readonly isId: boolean[];

  /** `columns`: the canonical positions the source's lines have (a byte-level plan's, or all). */
  constructor(
    private readonly env: LoadEnv,
    private readonly load: FileLoad,
    columns: readonly number[] = COST_COLUMNS.map((_, canonical) => canonical),
  ) {
    this.binder = prepareRowBinder(env.deps.sql, env.store.db, INSERT_SQL, LINE_COUNT_PARAMETER);
    this.lines = new DailyLines(columns, (row, day, count, values) => this.insert(row, day, count, values));
    const ids = new Set(ID_COLUMNS);
    this.isId = columns.map((canonical) => ids.has(canonical));
  }

  /** Adds a row of the general converter (source_id, row_number, day, the cost columns…, extras); extras are not kept. */
  addConverted(values: readonly unknown[]): void {
    const lines = this.lines;
    lines.columns.forEach((canonical, position) => {
      const value = values[3 + canonical];
      if (this.isId[position]) lines.id(position, typeof value === 'number' ? value : 0);
      else lines.number(position, typeof value === 'number' ? value : NaN);
    });
    lines.add(values[2] as number, values[1] as number);
  }

  /** After the last line: the groups still held are stored. */
  finish(): void {
    this.lines.flush();
  }

  free(): void {
    this.binder.free();
  }

  private insert(row: number, day: number, count: number, values: ReadonlyArray<number | null>): void {
    const binder = this.binder;
    binder.number(1, this.env.sourceId);
    binder.number(2, row);
    binder.number(3, day);
    for (let canonical = 0; canonical < COST_COLUMNS.length; canonical++) {
      const value = values[canonical];
      if (value === null || value === undefined) binder.null(canonical + 4);
      else binder.number(canonical + 4, value);
    }
    binder.number(LINE_COUNT_PARAMETER, count);
    binder.insert();
    this.load.storedRows++;
    const id = (canonical: number): number => values[canonical] ?? 0;
    // Counted once as a row; its costs were added line by line.
    this.load.cube.add(
      day, id(CUBE.currency), id(CUBE.provider), id(CUBE.serviceCategory), id(CUBE.service), id(CUBE.subAccountId), id(CUBE.subAccountName),
      id(CUBE.regionId) || id(CUBE.regionName), id(CUBE.chargeCategory), id(CUBE.tags), id(CUBE.resourceId), id(CUBE.resourceName), 0, 0, 1,
    );
  }
}
