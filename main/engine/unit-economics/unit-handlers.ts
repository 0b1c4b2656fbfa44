/** The unit-economics engine method, spread into engine.ts's handler table. */
import type { EngineHandlers } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import type { HandlerEnv } from '../metrics/metric-handlers.js';
import { unitEconomics } from './unit-economics.js';
import { unitEconomicsQuery } from './unit-validate.js';

/** `prepareAllocations`: the attribution's `ensureAllocations`, once both are in one engine. */
export function unitEconomicsHandlers(env: HandlerEnv & { prepareAllocations?: (store: Store) => void }): Pick<EngineHandlers, 'unitEconomics'> {
  return {
    unitEconomics: (arg) => env.serialised(async () => unitEconomics(env.store(), unitEconomicsQuery(arg), env.prepareAllocations)),
  };
}
