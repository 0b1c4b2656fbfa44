/**
 * Lines grouped by day and every dimension, for a source stored at a daily grain (one too large
 * for its line level, see grain-budget.ts). A group's key is the day and every value that is not
 * summed: the dictionary ids of the text and JSON columns (Tags and the x_ columns included), the
 * dates other than the charge period, and the unit prices. Costs and quantities are summed with
 * compensation (as SQLite's TOTAL), NULL when every line of the group has none; the charge period
 * runs from the first start to the last end; the group keeps its first line's row number and its
 * count of lines.
 *
 * Groups are held in a TupleTable until `maxGroups` are; then they are emitted and the table starts
 * again, so memory stays bounded (a file not sorted by day may then have a day's group in two rows;
 * the totals are the same).
 */
import { COST_COLUMNS } from '../../db/cost-columns.js';
import { addCompensated, compensatedTotal, TupleTable } from '../../db/tuple-table.js';

/** Decimals that add up over lines; any other decimal is a rate (a unit price) and keys the group. */
const ADDITIVE = new Set([
  'BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost', 'PricingQuantity', 'ConsumedQuantity',
  'CommitmentDiscountQuantity', 'PricingCurrencyEffectiveCost', 'x_Tokens', 'x_GpuHours',
]);

/** Groups held before they are emitted (about 300 bytes each for a FOCUS file's columns). */
export const MAX_GROUPS = 1 << 19;

const ID = 0;
const KEY_NUMBER = 1;
const SUM = 2;
const FIRST_START = 3;
const LAST_END = 4;
type Role = typeof ID | typeof KEY_NUMBER | typeof SUM | typeof FIRST_START | typeof LAST_END;

function roleOf(canonical: number): Role {
  const column = COST_COLUMNS[canonical];
  if (!column) throw new Error(`no cost column at ${canonical}`);
  if (column.kind === 'string' || column.kind === 'json') return ID;
  if (column.name === 'ChargePeriodStart') return FIRST_START;
  if (column.name === 'ChargePeriodEnd') return LAST_END;
  return column.kind === 'decimal' && ADDITIVE.has(column.name) ? SUM : KEY_NUMBER;
}

/** A group as a row: canonical values (COST_COLUMNS order, null: NULL). */
export type EmitGroup = (firstRow: number, day: number, lines: number, values: ReadonlyArray<number | null>) => void;

/** A double's bits as two 32-bit integers (every NaN as one, so NULLs group together). */
const bits = new Float64Array(1);
const bitsInt = new Int32Array(bits.buffer);

export class DailyLines {
  private table: TupleTable;
  private readonly key: Int32Array;
  /** Per position (index in `columns`): its role and where its value goes (key slot, or sum index). */
  private readonly roles: Role[];
  private readonly at: number[];
  private readonly sumCount: number;
  private readonly lineSums: Float64Array;
  private readonly width: number;
  private readonly numbers: number;
  private start = NaN;
  private end = NaN;
  private readonly out: Array<number | null> = new Array<number | null>(COST_COLUMNS.length).fill(null);
  /** Groups emitted so far. */
  emitted = 0;

  /** `columns`: the canonical positions the lines have (others stay NULL), addressed by their index here. */
  constructor(
    readonly columns: readonly number[],
    private readonly emit: EmitGroup,
    private readonly maxGroups = MAX_GROUPS,
  ) {
    let keySlots = 1; // the day
    let sums = 0;
    this.roles = columns.map(roleOf);
    this.at = this.roles.map((role) => {
      if (role === ID) return keySlots++;
      if (role === KEY_NUMBER) return (keySlots += 2) - 2;
      if (role === SUM) return sums++;
      return -1;
    });
    this.width = keySlots;
    this.sumCount = sums;
    this.key = new Int32Array(keySlots);
    this.lineSums = new Float64Array(sums).fill(NaN);
    // Per sum: compensated sum (2) and the count of lines with a value; then start, end, first row, lines.
    this.numbers = sums * 3 + 4;
    this.table = new TupleTable(this.width, this.numbers, 4096);
  }

  get size(): number {
    return this.table.size;
  }

  /** The id (0: NULL) of the line's column at `position`. */
  id(position: number, id: number): void {
    this.key[this.at[position] as number] = id;
  }

  /** The number (NaN: NULL) of the line's column at `position`. */
  number(position: number, value: number): void {
    const role = this.roles[position];
    if (role === SUM) {
      this.lineSums[this.at[position] as number] = value;
    } else if (role === KEY_NUMBER) {
      bits[0] = value === value ? value : NaN;
      const slot = this.at[position] as number;
      this.key[slot] = bitsInt[0] as number;
      this.key[slot + 1] = bitsInt[1] as number;
    } else if (role === FIRST_START) {
      this.start = value;
    } else if (role === LAST_END) {
      this.end = value;
    } else {
      this.key[this.at[position] as number] = value;
    }
  }

  /** Adds the line whose values were set, of `day` and file row `row`. */
  add(day: number, row: number): void {
    const key = this.key;
    key[0] = day;
    const table = this.table;
    const before = table.size;
    const group = table.indexOf(key);
    const values = table.values;
    const base = group * this.numbers;
    const tail = base + this.sumCount * 3;
    if (table.size > before) {
      values[tail] = this.start;
      values[tail + 1] = this.end;
      values[tail + 2] = row;
    } else {
      if (this.start < (values[tail] as number)) values[tail] = this.start;
      if (this.end > (values[tail + 1] as number)) values[tail + 1] = this.end;
    }
    values[tail + 3] = (values[tail + 3] as number) + 1;
    const sums = this.lineSums;
    for (let s = 0; s < this.sumCount; s++) {
      const value = sums[s] as number;
      if (value !== value) continue;
      addCompensated(values, base + s * 3, value);
      values[base + s * 3 + 2] = (values[base + s * 3 + 2] as number) + 1;
    }
    this.start = NaN;
    this.end = NaN;
    sums.fill(NaN);
    if (table.size >= this.maxGroups) this.flush();
  }

  /** Emits every group held (call once the last line is added). */
  flush(): void {
    const table = this.table;
    const values = table.values;
    const out = this.out;
    for (let group = 0; group < table.size; group++) {
      const base = group * this.numbers;
      const tail = base + this.sumCount * 3;
      this.columns.forEach((canonical, position) => {
        const role = this.roles[position];
        const at = this.at[position] as number;
        if (role === ID) {
          const id = table.at(group, at);
          out[canonical] = id === 0 ? null : id;
        } else if (role === KEY_NUMBER) {
          bitsInt[0] = table.at(group, at);
          bitsInt[1] = table.at(group, at + 1);
          const value = bits[0] as number;
          out[canonical] = value === value ? value : null;
        } else if (role === SUM) {
          out[canonical] = (values[base + at * 3 + 2] as number) > 0 ? compensatedTotal(values, base + at * 3) : null;
        } else {
          const value = values[role === FIRST_START ? tail : tail + 1] as number;
          out[canonical] = value === value ? value : null;
        }
      });
      this.emit(values[tail + 2] as number, table.at(group, 0), values[tail + 3] as number, out);
      this.emitted++;
    }
    this.table = new TupleTable(this.width, this.numbers, 4096);
  }
}
