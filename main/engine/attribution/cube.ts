/**
 * The attribution cube, in memory: the lines summed per signature (the values of the columns the
 * rules read), currency and day, read from the lines in one pass. Rules are then tested once per
 * signature and costs summed per cube slot, never per line. A monthly cube (slots per month)
 * makes the live preview cheap.
 *
 * Why not GROUP BY in SQL: in sql.js (WebAssembly) grouping a million lines by a dozen columns
 * takes 8–15 s (it sorts); one pass reading them takes about 1 s. Kept per workspace in memory
 * and rebuilt when the data (sources, metrics) or the set of inputs changes.
 */
import type { Store } from '../db/store.js';
import type { Inputs, SigValue } from './compile.js';
import { TupleIndex } from './tuple-index.js';

/** Slots, column-wise. Costs are Neumaier sums of the lines (value + compensation folded in). */
export interface Slots {
  count: number;
  sig: Int32Array;
  currency: Int32Array;
  day: Int32Array;
  lines: Float64Array;
  billed: Float64Array;
  effective: Float64Array;
  tokens: Float64Array;
  gpuHours: Float64Array;
  requests: Float64Array;
}

export interface Cube {
  key: string;
  sigs: SigValue[][];
  /** Currency codes by slot currency index. */
  currencies: string[];
  day: Slots;
  month: Slots;
}

const cubes = new WeakMap<Store, Cube>();


/** The SQL of the per-line measures beside the inputs. */
function measuresSql(store: Store): string {
  const requestUnits = store
    .all<{ id: number }>("SELECT id FROM dict WHERE lower(value) LIKE '%request%'")
    .map((r) => r.id)
    .join(',');
  const requests = requestUnits ? `CASE WHEN "ConsumedUnit" IN (${requestUnits}) THEN "ConsumedQuantity" END` : 'NULL';
  return `"BilledCost", "EffectiveCost", "x_Tokens", "x_GpuHours", ${requests}`;
}

/**
 * Reads lines with their signature. Whole-number inputs are packed, several to a column (base
 * B = largest dict id + 3, NULL as B − 1), because every column read from sql.js costs time per
 * line; the packed columns joined are the signature's key, decoded to values once per key.
 */
export class LineReader {
  private readonly columns: string[] = [];
  /** Per input: [packed column, base power] or [text column, -1]. */
  private readonly layout: Array<[number, number]> = [];
  private readonly base: number;
  readonly keyWidth: number;

  constructor(private readonly store: Store, private readonly inputs: Inputs) {
    const maxId = Number(store.scalar('SELECT IFNULL(MAX(id), 0) FROM dict'));
    this.base = maxId + 3;
    const perColumn = this.base ** 3 < 2 ** 53 ? 3 : this.base ** 2 < 2 ** 53 ? 2 : 1;
    const nullCode = this.base - 1;
    let group: Array<[string, number]> = [];
    const flush = (): void => {
      if (group.length === 0) return;
      const column = this.columns.length;
      const parts = group.map(([sql]) => `IFNULL(${sql}, ${nullCode})`);
      this.columns.push(parts.reduce((acc, part) => `(${acc}) * ${this.base} + ${part}`));
      group.forEach(([, input], k) => this.layout[input] = [column, group.length - 1 - k]);
      group = [];
    };
    inputs.sql.forEach((sql, input) => {
      if (inputs.text[input]) {
        this.layout[input] = [this.columns.length, -1];
        this.columns.push(sql);
        return;
      }
      group.push([sql, input]);
      if (group.length === perColumn) flush();
    });
    flush();
    this.keyWidth = this.columns.length;
    this.index = new TupleIndex(this.keyWidth);
    this.interned = this.columns.map((_, c) => (this.layout.some(([column, power]) => column === c && power < 0) ? new Map<unknown, number>() : null));
    this.scratch = new Float64Array(this.keyWidth);
    this.numericKey = this.interned.every((m) => m === null);
  }

  /** The signatures met so far, by index (`read` hands each line's index). */
  readonly sigs: SigValue[][] = [];
  private readonly index: TupleIndex;
  /** Text columns' values as whole numbers (by column), so a signature key is numbers only. */
  private readonly interned: Array<Map<unknown, number> | null>;
  private readonly scratch: Float64Array;
  private readonly numericKey: boolean;

  /** The index of the row's signature (decoded and numbered the first time it is met). */
  private signatureOf(row: ReadonlyArray<unknown>): number {
    let id: number;
    if (this.numericKey) {
      id = this.index.id(row, 2);
    } else {
      this.interned.forEach((names, c) => {
        const v = row[2 + c];
        if (names === null) this.scratch[c] = v as number;
        else this.scratch[c] = names.get(v) ?? (names.set(v, names.size), names.size - 1);
      });
      id = this.index.id(this.scratch);
    }
    if (id === this.sigs.length) this.sigs.push(this.decode(row));
    return id;
  }

  private decode(row: ReadonlyArray<unknown>): SigValue[] {
    return this.inputs.sql.map((_, input) => {
      const [column, power] = this.layout[input] as [number, number];
      const raw = row[2 + column];
      if (power < 0) return raw === null || raw === undefined ? null : String(raw);
      const digit = Math.floor(Number(raw) / this.base ** power) % this.base;
      return digit === this.base - 1 ? null : digit;
    });
  }

  /**
   * Calls `each` for every line matching `where`: the index of its signature in `sigs`, its
   * currency id, day, and the row, whose measures billed, effective, tokens, GPU hours, requests
   * (then the `extra` columns) start at `row[measures]`.
   */
  read(
    where: string,
    params: Array<number | string | null>,
    each: (sig: number, currencyId: number | null, day: number, row: ReadonlyArray<unknown>, measures: number) => void,
    extra: string[] = [],
  ): void {
    const sql = `SELECT "BillingCurrency", day, ${[...this.columns, measuresSql(this.store), ...extra].join(', ')} FROM cost_lines ${where}`;
    const statement = this.store.db.prepare(sql);
    const measures = 2 + this.keyWidth;
    try {
      statement.bind(params);
      while (statement.step()) {
        const row = statement.get();
        each(this.signatureOf(row), (row[0] as number | null) ?? null, row[1] as number, row, measures);
      }
    } finally {
      statement.free();
    }
  }
}

/** Sums lines into slots, one per (signature, currency, day). */
class SlotBuilder {
  private readonly index = new TupleIndex(3, 1 << 16);
  private readonly key = new Float64Array(3);
  private readonly cols = { sig: [] as number[], currency: [] as number[], day: [] as number[], lines: [] as number[], tokens: [] as number[], gpuHours: [] as number[], requests: [] as number[] };
  private readonly billed: number[] = [];
  private readonly billedC: number[] = [];
  private readonly effective: number[] = [];
  private readonly effectiveC: number[] = [];

  add(sig: number, currency: number, day: number, lines: number, billed: number, effective: number, tokens: number, gpuHours: number, requests: number): void {
    this.key[0] = sig;
    this.key[1] = currency;
    this.key[2] = day;
    const at = this.index.id(this.key);
    if (at === this.cols.sig.length) {
      this.cols.sig.push(sig);
      this.cols.currency.push(currency);
      this.cols.day.push(day);
      this.cols.lines.push(0);
      this.cols.tokens.push(0);
      this.cols.gpuHours.push(0);
      this.cols.requests.push(0);
      this.billed.push(0);
      this.billedC.push(0);
      this.effective.push(0);
      this.effectiveC.push(0);
    }
    const c = this.cols;
    c.lines[at] = (c.lines[at] as number) + lines;
    c.tokens[at] = (c.tokens[at] as number) + tokens;
    c.gpuHours[at] = (c.gpuHours[at] as number) + gpuHours;
    c.requests[at] = (c.requests[at] as number) + requests;
    neumaier(this.billed, this.billedC, at, billed);
    neumaier(this.effective, this.effectiveC, at, effective);
  }

  build(): Slots {
    const n = this.cols.sig.length;
    const f = (values: number[]): Float64Array => Float64Array.from(values);
    return {
      count: n,
      sig: Int32Array.from(this.cols.sig),
      currency: Int32Array.from(this.cols.currency),
      day: Int32Array.from(this.cols.day),
      lines: f(this.cols.lines),
      billed: Float64Array.from(this.billed, (v, i) => v + (this.billedC[i] as number)),
      effective: Float64Array.from(this.effective, (v, i) => v + (this.effectiveC[i] as number)),
      tokens: f(this.cols.tokens),
      gpuHours: f(this.cols.gpuHours),
      requests: f(this.cols.requests),
    };
  }
}

function neumaier(sums: number[], comps: number[], at: number, value: number): void {
  const sum = sums[at] as number;
  const next = sum + value;
  comps[at] = (comps[at] as number) + (Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum);
  sums[at] = next;
}

const monthStarts = new Map<number, number>();

function firstOfMonth(day: number): number {
  const known = monthStarts.get(day);
  if (known !== undefined) return known;
  const start = firstOfMonthOf(day);
  monthStarts.set(day, start);
  return start;
}

function firstOfMonthOf(day: number): number {
  const date = new Date(day * 86_400_000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000;
}

/** The cube over these inputs for this data (rebuilt when either changed). */
export function ensureCube(store: Store, inputs: Inputs, dataFingerprint: string): Cube {
  const key = `${dataFingerprint}\u0003${inputs.key}`;
  const known = cubes.get(store);
  if (known && known.key === key) return known;
  const currencyIndex = new Map<number | null, number>();
  const currencies: string[] = [];
  const days = new SlotBuilder();
  const reader = new LineReader(store, inputs);
  let lastCurrencyId: number | null | undefined;
  let c = 0;
  reader.read('', [], (s, currencyId, day, row, at) => {
    if (currencyId !== lastCurrencyId) {
      let known = currencyIndex.get(currencyId);
      if (known === undefined) {
        known = currencies.length;
        currencyIndex.set(currencyId, known);
        currencies.push(currencyId === null ? '' : String(store.scalar('SELECT value FROM dict WHERE id = ?', [currencyId]) ?? ''));
      }
      c = known;
      lastCurrencyId = currencyId;
    }
    days.add(s, c, day, 1, (row[at] as number | null) ?? 0, (row[at + 1] as number | null) ?? 0, (row[at + 2] as number | null) ?? 0, (row[at + 3] as number | null) ?? 0, (row[at + 4] as number | null) ?? 0);
  });
  const day = days.build();
  const months = new SlotBuilder();
  for (let i = 0; i < day.count; i++) {
    months.add(day.sig[i] as number, day.currency[i] as number, firstOfMonth(day.day[i] as number), day.lines[i] as number, day.billed[i] as number, day.effective[i] as number,
      day.tokens[i] as number, day.gpuHours[i] as number, day.requests[i] as number);
  }
  const cube: Cube = { key, sigs: reader.sigs, currencies, day, month: months.build() };
  cubes.set(store, cube);
  return cube;
}
