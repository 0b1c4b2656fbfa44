/**
 * The part of sql.js the engine uses, declared here so the engine compiles without the DOM or
 * Node types that @types/sql.js pulls in. The host loads sql.js and hands the engine `SqlJsStatic`.
 */
export type SqlValue = number | string | Uint8Array | null;
export type BindParams = SqlValue[] | Record<string, SqlValue> | null;

export interface QueryExecResult {
  columns: string[];
  values: SqlValue[][];
}

export interface Statement {
  bind(values?: BindParams): boolean;
  step(): boolean;
  get(params?: BindParams): SqlValue[];
  getAsObject(params?: BindParams): Record<string, SqlValue>;
  run(values?: BindParams): void;
  reset(): void;
  free(): boolean;
}

export interface Database {
  /** sql.js keeps the `sqlite3*` handle here (used with the low-level functions below). */
  readonly db?: number;
  run(sql: string, params?: BindParams): Database;
  exec(sql: string, params?: BindParams): QueryExecResult[];
  prepare(sql: string, params?: BindParams): Statement;
  export(): Uint8Array;
  close(): void;
  getRowsModified(): number;
}

export interface SqlJsStatic {
  Database: new (data?: ArrayLike<number> | null) => Database;
  /**
   * sql.js 1.x exports its build's SQLite C functions and string helpers on the module object. The
   * bulk loader (import/load/row-binder.ts) binds through them when they are all there, which
   * skips sql.js's per-value dispatch; without them it falls back to `Statement.run`.
   */
  _sqlite3_bind_int?(stmt: number, index: number, value: number): number;
  _sqlite3_bind_double?(stmt: number, index: number, value: number): number;
  _sqlite3_bind_blob?(stmt: number, index: number, pointer: number, bytes: number, destructor: number): number;
  _sqlite3_bind_text?(stmt: number, index: number, pointer: number, bytes: number, destructor: number): number;
  _sqlite3_step?(stmt: number): number;
  _sqlite3_reset?(stmt: number): number;
  _sqlite3_sql?(stmt: number): number;
  _sqlite3_errmsg?(db: number): number;
  _free?(pointer: number): void;
  UTF8ToString?(pointer: number): string;
  stringToNewUTF8?(text: string): number;
  lengthBytesUTF8?(text: string): number;
}
