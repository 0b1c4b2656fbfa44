/** The budget methods of the engine (spread into the handler table by engine.ts). */
import type { EngineHandlers } from '../../../shared/rpc.js';
import { EngineError } from '../../../shared/rpc.js';
import type { HandlerEnv } from '../handler-env.js';

type BudgetMethods = 'listBudgets' | 'saveBudget' | 'deleteBudget' | 'budgetStatus';

function notBuilt(method: string): never {
  throw new EngineError('INTERNAL', `${method} is not built yet.`);
}

export function budgetHandlers(env: HandlerEnv): Pick<EngineHandlers, BudgetMethods> {
  return {
    listBudgets: () => env.serialised(async () => notBuilt('listBudgets')),
    saveBudget: () => env.serialised(async () => notBuilt('saveBudget')),
    deleteBudget: () => env.serialised(async () => notBuilt('deleteBudget')),
    budgetStatus: () => env.serialised(async () => notBuilt('budgetStatus')),
  };
}
