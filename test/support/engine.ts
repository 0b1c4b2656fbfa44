/** Test helpers: a real engine on real sql.js with the Node host's dependencies. */
import { fileURLToPath } from 'node:url';
import type { EngineEvents, EngineEventName, ArgOf, EngineMethod, ResultOf } from '../../shared/contract.js';
import type { CallContext } from '../../shared/rpc.js';
import { createEngine, type Engine } from '../../main/engine/index.js';
import type { Store } from '../../main/engine/db/store.js';
import { nodeEngineDeps } from '../../main/hosts/node-host.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixture(relative: string): string {
  return `${FIXTURES}${relative}`;
}

export interface TestEngine extends Engine {
  /** The engine's store, for tests that check rollups against the lines. */
  store(): Store;
  call<M extends EngineMethod>(method: M, arg: ArgOf<M>): Promise<ResultOf<M>>;
  events: Array<{ name: EngineEventName; payload: unknown }>;
  /** Makes the next calls see a cancel request. */
  cancel(): void;
}

export async function testEngine(workspace?: Uint8Array, now = () => Date.parse('2026-11-01T00:00:00Z')): Promise<TestEngine> {
  const deps = { ...(await nodeEngineDeps()), now };
  const engine = createEngine(deps, workspace);
  const events: TestEngine['events'] = [];
  let cancelled = false;
  let requestId = 0;
  const ctx = (): CallContext => ({
    requestId: ++requestId,
    get cancelled() {
      return cancelled;
    },
    emit<E extends EngineEventName>(name: E, payload: EngineEvents[E]) {
      events.push({ name, payload });
    },
  });
  return {
    ...engine,
    events,
    cancel: () => {
      cancelled = true;
    },
    call: (method, arg) => (engine.handlers[method] as (a: typeof arg, c: CallContext) => Promise<ResultOf<typeof method>>)(arg, ctx()),
  };
}

/** Imports files by path through the real handler. */
export async function importPaths(engine: TestEngine, paths: string[], acceptPartial = false, overlapping?: 'replace' | 'keep-both') {
  return engine.call('importFiles', { files: paths.map((path) => ({ kind: 'path' as const, path })), acceptPartial, ...(overlapping ? { overlapping } : {}) });
}
