/**
 * One prepared INSERT, bound parameter by parameter, for bulk loads. sql.js's `Statement.run`
 * dispatches on every value in JavaScript (about a third of the insert time for a 50-column row);
 * when the sql.js build exports its SQLite C functions (sql.js 1.x does), the values go straight to
 * `sqlite3_bind_*`, and a parameter whose value is the one bound for the row before is not bound
 * again (SQLite keeps bindings from one run to the next). The binding rules are sql.js's own: a
 * number that is a 32-bit integer is bound as an integer, any other number as a double, null as
 * NULL, a string as UTF-8 text. Without the C functions the same calls fill an array for
 * `Statement.run`.
 */
import type { Database, SqlJsStatic, Statement } from '../../types/sql-js.js';

export interface RowBinder {
  /** Parameters are numbered from 1, as in SQLite. */
  number(index: number, value: number): void;
  null(index: number): void;
  text(index: number, value: string): void;
  /** Runs the statement with the parameters bound since the last insert (all must be bound again). */
  insert(): void;
  /** Frees the statement; call in `finally`. */
  free(): void;
}

const SQLITE_DONE = 101;
/** SQLITE_TRANSIENT: SQLite copies the text before the call returns. */
const SQLITE_TRANSIENT = -1;
/** Heap allocations are above the wasm stack and static data: a smaller number is not a statement. */
const MIN_POINTER = 65_536;

type LowLevel = Required<Pick<SqlJsStatic,
  '_sqlite3_bind_int' | '_sqlite3_bind_double' | '_sqlite3_bind_blob' | '_sqlite3_bind_text' | '_sqlite3_step' | '_sqlite3_reset' |
  '_sqlite3_sql' | '_sqlite3_errmsg' | '_free' | 'UTF8ToString' | 'stringToNewUTF8' | 'lengthBytesUTF8'>>;

function lowLevel(sql: SqlJsStatic): LowLevel | null {
  const {
    _sqlite3_bind_int, _sqlite3_bind_double, _sqlite3_bind_blob, _sqlite3_bind_text, _sqlite3_step, _sqlite3_reset,
    _sqlite3_sql, _sqlite3_errmsg, _free, UTF8ToString, stringToNewUTF8, lengthBytesUTF8,
  } = sql;
  if (!_sqlite3_bind_int || !_sqlite3_bind_double || !_sqlite3_bind_blob || !_sqlite3_bind_text || !_sqlite3_step || !_sqlite3_reset) return null;
  if (!_sqlite3_sql || !_sqlite3_errmsg || !_free || !UTF8ToString || !stringToNewUTF8 || !lengthBytesUTF8) return null;
  return {
    _sqlite3_bind_int, _sqlite3_bind_double, _sqlite3_bind_blob, _sqlite3_bind_text, _sqlite3_step, _sqlite3_reset,
    _sqlite3_sql, _sqlite3_errmsg, _free, UTF8ToString, stringToNewUTF8, lengthBytesUTF8,
  };
}

/**
 * The `sqlite3_stmt*` of a sql.js statement: the one numeric property whose SQL text is the
 * statement's (sql.js keeps the handle on the object under a minified name).
 */
function statementHandle(api: LowLevel, statement: Statement, sqlText: string): number | null {
  for (const value of Object.values(statement) as unknown[]) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_POINTER && api.UTF8ToString(api._sqlite3_sql(value)) === sqlText) return value;
  }
  return null;
}

/** What a parameter holds since the last bind: its value is in `values` for NUMBER. */
const UNKNOWN = 0;
const NUMBER = 1;
const NULL = 2;

class DirectBinder implements RowBinder {
  /**
   * SQLite keeps a parameter's value from one run to the next: a value equal to the one bound
   * last time is not bound again (loads repeat most values of the row before).
   */
  private readonly kinds: Uint8Array;
  private readonly values: Float64Array;

  constructor(
    private readonly api: LowLevel,
    private readonly statement: Statement,
    private readonly handle: number,
    private readonly dbHandle: number,
    parameters: number,
  ) {
    this.kinds = new Uint8Array(parameters + 1);
    this.values = new Float64Array(parameters + 1);
  }

  number(index: number, value: number): void {
    if (this.kinds[index] === NUMBER && this.values[index] === value) return;
    if (value === (value | 0)) this.check(this.api._sqlite3_bind_int(this.handle, index, value));
    else this.check(this.api._sqlite3_bind_double(this.handle, index, value));
    this.kinds[index] = NUMBER;
    this.values[index] = value;
  }

  null(index: number): void {
    if (this.kinds[index] === NULL) return;
    this.check(this.api._sqlite3_bind_blob(this.handle, index, 0, 0, 0));
    this.kinds[index] = NULL;
  }

  text(index: number, value: string): void {
    const pointer = this.api.stringToNewUTF8(value);
    try {
      this.check(this.api._sqlite3_bind_text(this.handle, index, pointer, this.api.lengthBytesUTF8(value), SQLITE_TRANSIENT));
    } finally {
      this.api._free(pointer);
    }
    this.kinds[index] = UNKNOWN;
  }

  insert(): void {
    const code = this.api._sqlite3_step(this.handle);
    if (code !== SQLITE_DONE) {
      const message = this.api.UTF8ToString(this.api._sqlite3_errmsg(this.dbHandle));
      this.api._sqlite3_reset(this.handle);
      throw new Error(message);
    }
    this.api._sqlite3_reset(this.handle);
  }

  free(): void {
    this.statement.free();
  }

  private check(code: number): void {
    if (code === 0) return;
    this.kinds.fill(UNKNOWN);
    throw new Error(this.api.UTF8ToString(this.api._sqlite3_errmsg(this.dbHandle)));
  }
}

class ArrayBinder implements RowBinder {
  private readonly values: Array<number | string | null>;

  constructor(
    private readonly statement: Statement,
    parameters: number,
  ) {
    this.values = new Array<number | string | null>(parameters).fill(null);
  }

  number(index: number, value: number): void {
    this.values[index - 1] = value;
  }

  null(index: number): void {
    this.values[index - 1] = null;
  }

  text(index: number, value: string): void {
    this.values[index - 1] = value;
  }

  insert(): void {
    this.statement.run(this.values);
  }

  free(): void {
    this.statement.free();
  }
}

/** Prepares `sqlText` (with `parameters` placeholders). `direct: false` forces the portable path (tests). */
export function prepareRowBinder(sql: SqlJsStatic, db: Database, sqlText: string, parameters: number, direct = true): RowBinder {
  const statement = db.prepare(sqlText);
  const api = direct ? lowLevel(sql) : null;
  const handle = api ? statementHandle(api, statement, sqlText) : null;
  if (api && handle !== null && typeof db.db === 'number') return new DirectBinder(api, statement, handle, db.db, parameters);
  return new ArrayBinder(statement, parameters);
}
