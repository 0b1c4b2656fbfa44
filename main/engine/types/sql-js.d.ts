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
  run(sql: string, params?: BindParams): Database;
  exec(sql: string, params?: BindParams): QueryExecResult[];
  prepare(sql: string, params?: BindParams): Statement;
  export(): Uint8Array;
  close(): void;
  getRowsModified(): number;
}

export interface SqlJsStatic {
  Database: new (data?: ArrayLike<number> | null) => Database;
}
