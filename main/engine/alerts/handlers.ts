/** The alert methods of the engine (spread into the handler table by engine.ts). */
import type { EngineHandlers } from '../../../shared/rpc.js';
import { EngineError } from '../../../shared/rpc.js';
import type { HandlerEnv } from '../handler-env.js';

type AlertMethods = 'listAlerts' | 'updateAlert' | 'refreshAlerts' | 'listExpectedPatterns' | 'deleteExpectedPattern' | 'anomalySettings' | 'saveAnomalySettings';

function notBuilt(method: string): never {
  throw new EngineError('INTERNAL', `${method} is not built yet.`);
}

export function alertHandlers(env: HandlerEnv): Pick<EngineHandlers, AlertMethods> {
  return {
    listAlerts: () => env.serialised(async () => notBuilt('listAlerts')),
    updateAlert: () => env.serialised(async () => notBuilt('updateAlert')),
    refreshAlerts: () => env.serialised(async () => notBuilt('refreshAlerts')),
    listExpectedPatterns: () => env.serialised(async () => notBuilt('listExpectedPatterns')),
    deleteExpectedPattern: () => env.serialised(async () => notBuilt('deleteExpectedPattern')),
    anomalySettings: () => env.serialised(async () => notBuilt('anomalySettings')),
    saveAnomalySettings: () => env.serialised(async () => notBuilt('saveAnomalySettings')),
  };
}
