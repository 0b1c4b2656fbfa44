/**
 * The engine-thread side of the byte-level loader: takes the converted chunks of a file, in file
 * order, maps their string ids to dictionary ids, inserts the rows, and adds up what the general
 * loader would (counts, errors with row numbers, exact totals, the period, the rollup cube).
 * A short record at the end of a chunk is finished here, by the general row converter, once the
 * next records show whether it is the file's last.
 */
import { COST_COLUMNS } from '../../db/cost-columns.js';
import type { RecordMapper } from '../formats/format-adapter.js';
import { RowConverter, REASON } from '../row-converter.js';
import type { DateReader } from '../values.js';
import type { FileLoad } from '../load/file-load.js';
import type { LoadEnv } from '../load/load-env.js';
import { RecordStore, ShortRows } from '../load/record-load.js';
import { prepareRowBinder, type RowBinder } from '../load/row-binder.js';
import { columnPosition } from '../formats/canonical-line.js';
import { DailyWriter } from '../daily-grain/daily-writer.js';
import { CHARGE_START, layoutOf, type ChunkResult, type FastPlan, type PlanLayout } from './fast-plan.js';

const SECONDS_PER_DAY = 86_400;
/** The columns the rollups group by (RollupCube.add's order; RegionId, RegionName: COALESCE). */
const CUBE_COLUMNS = [
  'BillingCurrency', 'ProviderName', 'ServiceCategory', 'ServiceName', 'SubAccountId', 'SubAccountName',
  'RegionId', 'RegionName', 'ChargeCategory', 'Tags', 'ResourceId', 'ResourceName',
] as const;

/** The INSERT of the plan's columns (absent ones stay NULL), with extras when the file has any. */
function insertSql(plan: FastPlan): { sql: string; parameters: number } {
  const names = ['source_id', 'row_number', 'day', ...plan.columns.map((c) => `"${c.name}"`), ...(plan.extras.length > 0 ? ['extras'] : [])];
  return { sql: `INSERT INTO cost_lines (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, parameters: names.length };
}

/** Per worker: its string ids → dictionary ids, and its strings (for currencies). */
class IdMap {
  ids = new Int32Array(1024);
  readonly strings: string[] = [''];

  add(id: number, text: string): void {
    const local = this.strings.length;
    if (local >= this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    this.ids[local] = id;
    this.strings.push(text);
  }
}

export class ChunkSink {
  private readonly layout: PlanLayout;
  private readonly binder: RowBinder;
  /** The INSERT parameter of each id slot and each number slot. */
  private readonly intParameters: Int32Array;
  private readonly realParameters: Int32Array;
  private readonly idMaps: IdMap[];
  private readonly shortRows = new ShortRows();
  private readonly records: RecordStore;
  private readonly hasExtras: boolean;
  private readonly extrasParameter: number;
  private readonly startSlot: number;
  /** Int slots of the rollup columns (-1: absent), and real slots of the costs. */
  private readonly cubeSlots: Int32Array;
  private readonly cubeIds = new Int32Array(CUBE_COLUMNS.length);
  private readonly billedSlot: number;
  private readonly effectiveSlot: number;
  /** Records before the next chunk, the header included: row numbers continue from here. */
  private recordsSoFar = 1;
  private held: { fields: string[]; row: number } | null = null;
  /** Set at a daily grain: the lines go to it instead of the INSERT. */
  private readonly daily: DailyWriter | null;
  /** What each line counts for in the cube's line counts (0 at a daily grain: the groups count). */
  private readonly cubeLines: number;

  constructor(
    private readonly env: LoadEnv,
    private readonly load: FileLoad,
    private readonly plan: FastPlan,
    private readonly mapper: RecordMapper,
    dates: DateReader,
    workers: number,
  ) {
    this.layout = layoutOf(plan);
    this.intParameters = new Int32Array(this.layout.intWidth);
    this.realParameters = new Int32Array(this.layout.realWidth);
    plan.columns.forEach((_, c) => {
      if (this.layout.isInt[c]) this.intParameters[this.layout.slot[c] as number] = c + 4;
      else this.realParameters[this.layout.slot[c] as number] = c + 4;
    });
    const { sql, parameters } = insertSql(plan);
    this.binder = prepareRowBinder(env.deps.sql, env.store.db, sql, parameters);
    this.idMaps = Array.from({ length: workers }, () => new IdMap());
    this.shortRows.width = plan.width;
    this.hasExtras = plan.extras.length > 0;
    this.extrasParameter = 4 + plan.columns.length;
    this.startSlot = this.layout.slot[plan.columns.findIndex((c) => c.canonical === CHARGE_START)] as number;
    const slotOf = (name: string, int: boolean): number => {
      const c = plan.columns.findIndex((column) => column.canonical === columnPosition(name));
      return c >= 0 && this.layout.isInt[c] === int ? (this.layout.slot[c] as number) : -1;
    };
    this.cubeSlots = Int32Array.from(CUBE_COLUMNS, (name) => slotOf(name, true));
    this.billedSlot = slotOf('BilledCost', false);
    this.effectiveSlot = slotOf('EffectiveCost', false);
    this.daily = env.grain === 'daily' ? new DailyWriter(env, load, plan.columns.map((c) => c.canonical)) : null;
    this.cubeLines = this.daily ? 0 : 1;
    const daily = this.daily;
    const insert = daily ? (values: readonly unknown[]) => daily.addConverted(values) : (values: readonly unknown[]) => this.insertConverted(values);
    this.records = new RecordStore(load, new RowConverter(env.dictionary, dates), env.sourceId, insert, daily !== null);
  }

  /** Adds a chunk's rows (chunks in file order; `worker`: whose string ids they use). */
  consume(chunk: ChunkResult, worker: number): void {
    const load = this.load;
    if (this.held && chunk.rowsRead > 0) {
      this.records.store(this.shortRows.padded(this.held.fields), this.held.row, this.mapper);
      this.held = null;
    }
    const idMap = this.idMaps[worker] as IdMap;
    for (const text of chunk.strings) idMap.add(this.env.dictionary.idOf(text), text);
    for (let i = 0; i < chunk.shortLengths.length; i += 2) this.shortRows.count(chunk.shortLengths[i] as number, chunk.shortLengths[i + 1] as number);
    if (this.daily) this.addDaily(chunk, idMap.ids, this.daily);
    else this.insertRows(chunk, idMap.ids);
    load.bytesDone += chunk.consumed;
    for (const { index, reason } of chunk.rejections) load.reject(this.recordsSoFar + index + 1, reason);
    load.rowsRejected += chunk.rejected - chunk.rejections.length;
    load.rowsRead += chunk.rowsRead;
    load.rowsImported += chunk.rows;
    for (const { currency, billed, effective } of chunk.totals) {
      const sums = load.sumsOf(idMap.strings[currency] as string);
      sums.billed.merge(billed);
      sums.effective.merge(effective);
    }
    if (chunk.rows > 0) load.period(chunk.periodStart, chunk.periodEnd);
    if (chunk.held) this.held = { fields: chunk.held.fields, row: this.recordsSoFar + chunk.held.index + 1 };
    this.recordsSoFar += chunk.records;
  }

  /** After the last chunk: the file's last record if it is short, and the report's notes. */
  finish(readingWarnings: readonly string[]): void {
    const load = this.load;
    if (this.held) {
      if (this.shortRows.isTypical(this.held.fields.length)) {
        this.records.store(this.shortRows.padded(this.held.fields), this.held.row, this.mapper);
      } else {
        load.reject(this.held.row, REASON.cutRow(this.held.fields.length, this.plan.width));
      }
      this.held = null;
    }
    this.daily?.finish();
    const shortWarning = this.shortRows.warning();
    load.warnings = [...readingWarnings, ...(shortWarning ? [shortWarning] : []), ...(this.mapper.warnings?.() ?? [])];
  }

  free(): void {
    this.binder.free();
    this.daily?.free();
  }

  private insertRows(chunk: ChunkResult, ids: Int32Array): void {
    const { binder, intParameters, realParameters } = this;
    const intWidth = this.layout.intWidth;
    const realWidth = this.layout.realWidth;
    const { ints, reals, rowIndex } = chunk;
    const sourceId = this.env.sourceId;
    for (let row = 0; row < chunk.rows; row++) {
      const intBase = row * intWidth;
      const realBase = row * realWidth;
      binder.number(1, sourceId);
      binder.number(2, this.recordsSoFar + (rowIndex[row] as number) + 1);
      binder.number(3, Math.floor((reals[realBase + this.startSlot] as number) / SECONDS_PER_DAY));
      for (let j = 0; j < intWidth; j++) {
        const id = ids[ints[intBase + j] as number] as number;
        if (id === 0) binder.null(intParameters[j] as number);
        else binder.number(intParameters[j] as number, id);
      }
      for (let j = 0; j < realWidth; j++) {
        const value = reals[realBase + j] as number;
        if (value !== value) binder.null(realParameters[j] as number);
        else binder.number(realParameters[j] as number, value);
      }
      if (this.hasExtras) {
        const extras = chunk.extras?.[row] ?? null;
        if (extras === null) binder.null(this.extrasParameter);
        else binder.text(this.extrasParameter, extras);
      }
      binder.insert();
      this.addToCube(ids, ints, intBase, reals, realBase);
    }
    this.load.storedRows += chunk.rows;
  }

  /** A chunk's rows into daily groups (see daily-grain/): no INSERT per line; extras are not kept. */
  private addDaily(chunk: ChunkResult, ids: Int32Array, daily: DailyWriter): void {
    const lines = daily.lines;
    const { isInt, slot } = this.layout;
    const columns = this.plan.columns.length;
    const intWidth = this.layout.intWidth;
    const realWidth = this.layout.realWidth;
    const { ints, reals, rowIndex } = chunk;
    for (let row = 0; row < chunk.rows; row++) {
      const intBase = row * intWidth;
      const realBase = row * realWidth;
      for (let c = 0; c < columns; c++) {
        if (isInt[c]) lines.id(c, ids[ints[intBase + (slot[c] as number)] as number] as number);
        else lines.number(c, reals[realBase + (slot[c] as number)] as number);
      }
      lines.add(Math.floor((reals[realBase + this.startSlot] as number) / SECONDS_PER_DAY), this.recordsSoFar + (rowIndex[row] as number) + 1);
      this.addToCube(ids, ints, intBase, reals, realBase);
    }
  }


  /** Adds an inserted row to the rollup cube, with dictionary ids. */
  private addToCube(ids: Int32Array, ints: Int32Array, intBase: number, reals: Float64Array, realBase: number): void {
    const slots = this.cubeSlots;
    const cubeIds = this.cubeIds;
    for (let i = 0; i < cubeIds.length; i++) {
      const slot = slots[i] as number;
      cubeIds[i] = slot < 0 ? 0 : (ids[ints[intBase + slot] as number] as number);
    }
    this.load.cube.add(
      Math.floor((reals[realBase + this.startSlot] as number) / SECONDS_PER_DAY), cubeIds[0] as number, cubeIds[1] as number, cubeIds[2] as number,
      cubeIds[3] as number, cubeIds[4] as number, cubeIds[5] as number, (cubeIds[6] as number) || (cubeIds[7] as number), cubeIds[8] as number,
      cubeIds[9] as number, cubeIds[10] as number, cubeIds[11] as number, reals[realBase + this.billedSlot] as number, reals[realBase + this.effectiveSlot] as number,
      this.cubeLines,
    );
  }

  /** Inserts a row converted by the general converter (all columns) with this INSERT's parameters. */
  private insertConverted(values: readonly unknown[]): void {
    const binder = this.binder;
    for (let p = 0; p < 3; p++) binder.number(p + 1, values[p] as number);
    this.plan.columns.forEach((column, c) => {
      const value = values[3 + column.canonical];
      if (typeof value === 'number') binder.number(c + 4, value);
      else binder.null(c + 4);
    });
    if (this.hasExtras) {
      const extras = values[3 + COST_COLUMNS.length];
      if (typeof extras === 'string') binder.text(this.extrasParameter, extras);
      else binder.null(this.extrasParameter);
    }
    binder.insert();
  }
}
