export { createEngine, ENGINE_VERSION, type Engine } from './engine.js';
export type { ByteSource, EngineDeps, Hasher, ImportWorkers, Logger } from './deps.js';
export { handleImportWorkerMessage } from './import/fast/import-worker.js';
export type { SqlJsStatic } from './types/sql-js.js';
