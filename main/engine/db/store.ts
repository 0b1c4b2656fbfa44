/** A thin wrapper over a sql.js database: typed reads, statements freed in `finally`, transactions. */
import { EngineError } from '../../../shared/rpc.js';
import type { BindParams, Database, SqlJsStatic, SqlValue } from '../types/sql-js.js';
import { migrate } from './migrations.js';
import { withRoom } from './roomy-file.js';
import { ALERT_KINDS_SQL, ALERTS_BUDGETS_SQL, APPLICATION_TAG, ATTRIBUTION_SQL, FX_RATES_SQL, GRAIN_SQL, METRICS_SQL, SCHEMA_SQL, SCHEMA_VERSION, SETTINGS_SQL } from './schema.js';

export type Row = Record<string, SqlValue>;

export class Store {
  private constructor(readonly db: Database) {}

  /** A new, empty workspace. */
  static create(sql: SqlJsStatic): Store {
    // The schema is written into a plain database, whose bytes are then given room to grow (roomy-file.ts).
    const plain = new sql.Database();
    let db: Database;
    try {
      plain.exec(SCHEMA_SQL);
      plain.exec(FX_RATES_SQL);
      plain.exec(SETTINGS_SQL);
      plain.exec(ATTRIBUTION_SQL);
      plain.exec(METRICS_SQL);
      plain.exec(ALERTS_BUDGETS_SQL);
      plain.exec(GRAIN_SQL);
      plain.exec(ALERT_KINDS_SQL);
      db = new sql.Database(withRoom(plain.export()));
    } finally {
      plain.close();
    }
    const store = new Store(db);
    store.run('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)', [
      'application', APPLICATION_TAG, 'schema_version', String(SCHEMA_VERSION),
    ]);
    return store;
  }

  /** Opens workspace bytes, refusing anything that is not a Cost Council workspace of a known version. */
  static open(sql: SqlJsStatic, bytes: Uint8Array): Store {
    let db: Database;
    try {
      db = new sql.Database(withRoom(bytes));
      db.exec('SELECT count(*) FROM sqlite_master');
    } catch {
      throw new EngineError('INVALID_WORKSPACE', 'This file is not a Cost Council workspace (it is not an SQLite database).');
    }
    const store = new Store(db);
    const hasMeta = store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") === 1;
    const tag = hasMeta ? store.scalar("SELECT value FROM meta WHERE key = 'application'") : null;
    if (tag !== APPLICATION_TAG) {
      db.close();
      throw new EngineError('INVALID_WORKSPACE', 'This SQLite file is not a Cost Council workspace.');
    }
    const version = Number(store.scalar("SELECT value FROM meta WHERE key = 'schema_version'", []));
    if (!migrate(store, version, SCHEMA_VERSION)) {
      db.close();
      throw new EngineError('INVALID_WORKSPACE', `This workspace has schema version ${version}; this version of Cost Council reads version ${SCHEMA_VERSION}.`);
    }
    return store;
  }

  all<T extends Row = Row>(sql: string, params: BindParams = []): T[] {
    const statement = this.db.prepare(sql);
    try {
      statement.bind(params);
      const rows: T[] = [];
      while (statement.step()) rows.push(statement.getAsObject() as T);
      return rows;
    } finally {
      statement.free();
    }
  }

  scalar(sql: string, params: BindParams = []): SqlValue {
    const statement = this.db.prepare(sql);
    try {
      statement.bind(params);
      return statement.step() ? (statement.get()[0] ?? null) : null;
    } finally {
      statement.free();
    }
  }

  run(sql: string, params: BindParams = []): void {
    this.db.run(sql, params);
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  /** Bytes of the database (page_count × page_size), to warn well before sql.js's memory limit. */
  sizeBytes(): number {
    return Number(this.scalar('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()'));
  }

  export(): Uint8Array {
    return this.db.export();
  }

  close(): void {
    this.db.close();
  }
}
