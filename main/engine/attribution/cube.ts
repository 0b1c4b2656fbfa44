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
  /** Signature text → index into `sigs`. */
  sigIndex: Map<string, number>;
  /** Currency codes by slot currency index. */
  currencies: string[];
  day: Slots;
  month: Slots;
}

const cubes = new WeakMap<Store, Cube>();
const DAY_SPAN = 1 << 18;
const CURRENCY_SPAN = 1 << 10;


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
  private readonly decoded = new Map<string, SigValue[]>();
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
  }

  /** The signature values of the row being read (cached by its key). */
  sigOf(key: string, row: ReadonlyArray<unknown>): SigValue[] {
    const offset = 2;
    let sig = this.decoded.get(key);
    if (!sig) {
      sig = this.inputs.sql.map((_, input) => {
        const [column, power] = this.layout[input] as [number, number];
        const raw = row[offset + column];
        if (power < 0) return raw === null || raw === undefined ? null : String(raw);
        const digit = Math.floor(Number(raw) / this.base ** power) % this.base;
        return digit === this.base - 1 ? null : digit;
      });
      this.decoded.set(key, sig);
    }
    return sig;
  }

  /**
   * Calls `each` for every line matching `where`: its signature key (`sigOf` decodes it), currency
   * id, day, and the row, whose measures billed, effective, tokens, GPU hours, requests (then the
   * `extra` columns) start at `row[measures]`.
   */
  read(
    where: string,
    params: Array<number | string | null>,
    each: (key: string, currencyId: number | null, day: number, row: ReadonlyArray<unknown>, measures: number) => void,
    extra: string[] = [],
  ): void {
    const sql = `SELECT "BillingCurrency", day, ${[...this.columns, measuresSql(this.store), ...extra].join(', ')} FROM cost_lines ${where}`;
    const statement = this.store.db.prepare(sql);
    const width = this.keyWidth;
    try {
      statement.bind(params);
      while (statement.step()) {
        const row = statement.get();
        let key = '';
        for (let c = 0; c < width; c++) {
          const v = row[2 + c];
          key += v === null ? '\u0002' : `${String(v)}\u0001`;
        }
        each(key, (row[0] as number | null) ?? null, row[1] as number, row, 2 + width);
      }
    } finally {
      statement.free();
    }
  }
}

class SlotBuilder {
  private readonly index = new Map<number, number>();
  private readonly cols = { sig: [] as number[], currency: [] as number[], day: [] as number[], lines: [] as number[], tokens: [] as number[], gpuHours: [] as number[], requests: [] as number[] };
  private readonly billed: number[] = [];
  private readonly billedC: number[] = [];
  private readonly effective: number[] = [];
  private readonly effectiveC: number[] = [];

  add(sig: number, currency: number, day: number, lines: number, billed: number, effective: number, tokens: number, gpuHours: number, requests: number): void {
    const key = (sig * CURRENCY_SPAN + currency) * DAY_SPAN + (day & (DAY_SPAN - 1));
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.cols.sig.length;
      this.index.set(key, at);
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

function firstOfMonth(day: number): number {
  const date = new Date(day * 86_400_000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000;
}

/** The cube over these inputs for this data (rebuilt when either changed). */
export function ensureCube(store: Store, inputs: Inputs, dataFingerprint: string): Cube {
  const key = `${dataFingerprint}\u0003${inputs.key}`;
  const known = cubes.get(store);
  if (known && known.key === key) return known;
  const sigs: SigValue[][] = [];
  const sigIndex = new Map<string, number>();
  const currencyIndex = new Map<number | null, number>();
  const currencies: string[] = [];
  const days = new SlotBuilder();
  const reader = new LineReader(store, inputs);
  reader.read('', [], (text, currencyId, day, row, at) => {
    let s = sigIndex.get(text);
    if (s === undefined) {
      s = sigs.length;
      sigs.push(reader.sigOf(text, row));
      sigIndex.set(text, s);
    }
    let c = currencyIndex.get(currencyId);
    if (c === undefined) {
      c = currencies.length;
      currencyIndex.set(currencyId, c);
      currencies.push(currencyId === null ? '' : String(store.scalar('SELECT value FROM dict WHERE id = ?', [currencyId]) ?? ''));
    }
    days.add(s, c, day, 1, (row[at] as number | null) ?? 0, (row[at + 1] as number | null) ?? 0, (row[at + 2] as number | null) ?? 0, (row[at + 3] as number | null) ?? 0, (row[at + 4] as number | null) ?? 0);
  });
  const day = days.build();
  const months = new SlotBuilder();
  for (let i = 0; i < day.count; i++) {
    months.add(day.sig[i] as number, day.currency[i] as number, firstOfMonth(day.day[i] as number), day.lines[i] as number, day.billed[i] as number, day.effective[i] as number,
      day.tokens[i] as number, day.gpuHours[i] as number, day.requests[i] as number);
  }
  const cube: Cube = { key, sigs, sigIndex, currencies, day, month: months.build() };
  cubes.set(store, cube);
  return cube;
}
