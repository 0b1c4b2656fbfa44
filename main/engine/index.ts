export { createEngine, ENGINE_VERSION, type Engine } from './engine.js';
export type { ByteSource, EngineDeps, Hasher, Logger } from './deps.js';
export type { SqlJsStatic } from './types/sql-js.js';
