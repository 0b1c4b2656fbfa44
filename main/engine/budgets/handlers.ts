/** The budget methods of the engine (spread into the handler table by engine.ts). */
import type { EngineHandlers } from '../../../shared/rpc.js';
import type { HandlerEnv } from '../handler-env.js';
import { budgetStatus, type Forecaster } from './budget-status.js';
import { deleteBudget, listBudgets, saveBudget } from './budget-store.js';
import { budgetId, budgetInput, budgetStatusQuery } from './validate-budgets.js';
import { forecast } from '../forecast/forecast-query.js';
import { raiseBudgetAlertsAfterSave } from '../alerts/handlers.js';

type BudgetMethods = 'listBudgets' | 'saveBudget' | 'deleteBudget' | 'budgetStatus';

export function budgetHandlers(env: HandlerEnv, forecaster: Forecaster = forecast): Pick<EngineHandlers, BudgetMethods> {
  const { serialised } = env;
  return {
    listBudgets: () => serialised(async () => listBudgets(env.store())),
    saveBudget: (arg, ctx) =>
      serialised(async () => {
        const budget = saveBudget(env.store(), budgetInput(arg), new Date(env.deps.now()).toISOString());
        ctx.emit('dataChanged', { tables: ['budgets'] });
        // A new or changed budget may already be past a threshold: raise it now, not at the next import.
        raiseBudgetAlertsAfterSave(env.store(), env.deps, ctx, (store) => budgetStatus(store, {}, forecaster));
        return budget;
      }),
    deleteBudget: (arg, ctx) =>
      serialised(async () => {
        deleteBudget(env.store(), budgetId(arg));
        ctx.emit('dataChanged', { tables: ['budgets'] });
        return listBudgets(env.store());
      }),
    budgetStatus: (arg) => serialised(async () => budgetStatus(env.store(), budgetStatusQuery(arg), forecaster)),
  };
}
