/** The alert methods of the engine (spread into the handler table by engine.ts). */
import type { AlertsEvent } from '../../../shared/alerts.js';
import type { ImportResult } from '../../../shared/model.js';
import type { CallContext, EngineHandlers } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import type { HandlerEnv } from '../handler-env.js';
import { alertCounts, queryAlerts } from './alert-store.js';
import { readAnomalySettings, saveAnomalySettings } from './anomaly-settings.js';
import { deletePattern, listPatterns } from './expected-patterns.js';
import { detectForAlerts } from './detector.js';
import { alertsEvent, refreshAlerts, refreshBudgetAlerts, type Detect } from './refresh.js';
import type { BudgetReader } from './budget-alerts.js';
import { budgetStatus } from '../budgets/budget-status.js';
import { updateAlert, updateIncident } from './update-alert.js';
import * as check from './validate-alerts.js';
import { EngineError } from '../../../shared/rpc.js';
import type { EngineDeps } from '../deps.js';

type AlertMethods = 'listAlerts' | 'updateAlert' | 'updateIncident' | 'refreshAlerts' | 'listExpectedPatterns' | 'deleteExpectedPattern' | 'anomalySettings' | 'saveAnomalySettings';

/** Every budget's status for the period of the last day with costs (real forecasts). */
export const readBudgetStatuses: BudgetReader = (store) => budgetStatus(store, {});

function timestamp(deps: EngineDeps): string {
  return new Date(deps.now()).toISOString();
}

function announce(ctx: CallContext, event: AlertsEvent | null): void {
  if (!event) return;
  ctx.emit('dataChanged', { tables: ['alerts'] });
  ctx.emit('alerts', event);
}

export function alertHandlers(env: HandlerEnv, detect: Detect = detectForAlerts, readBudgets: BudgetReader = readBudgetStatuses): Pick<EngineHandlers, AlertMethods> {
  const { deps, serialised } = env;
  return {
    listAlerts: (arg) =>
      serialised(async () => {
        const query = check.alertQuery(arg);
        return { alerts: queryAlerts(env.store(), query), counts: alertCounts(env.store()) };
      }),
    updateAlert: (arg, ctx) =>
      serialised(async () => {
        const alert = updateAlert(env.store(), check.alertUpdate(arg), timestamp(deps));
        ctx.emit('dataChanged', { tables: ['alerts'] });
        return alert;
      }),
    updateIncident: (arg, ctx) =>
      serialised(async () => {
        const alerts = updateIncident(env.store(), check.incidentUpdate(arg), timestamp(deps));
        ctx.emit('dataChanged', { tables: ['alerts'] });
        return alerts;
      }),
    refreshAlerts: (_arg, ctx) =>
      serialised(async () => {
        const refresh = refreshAlerts(env.store(), detect, timestamp(deps), readBudgets);
        announce(ctx, alertsEvent(refresh));
        return refresh;
      }),
    listExpectedPatterns: () => serialised(async () => listPatterns(env.store())),
    deleteExpectedPattern: (arg, ctx) =>
      serialised(async () => {
        const id = check.patternId(arg);
        if (!deletePattern(env.store(), id)) throw new EngineError('NOT_FOUND', `There is no expected pattern #${id}.`);
        ctx.emit('dataChanged', { tables: ['alerts'] });
        return listPatterns(env.store());
      }),
    anomalySettings: () => serialised(async () => readAnomalySettings(env.store())),
    saveAnomalySettings: (arg, ctx) =>
      serialised(async () => {
        const settings = saveAnomalySettings(env.store(), check.anomalySettingsPatch(arg));
        ctx.emit('dataChanged', { tables: ['alerts'] });
        return settings;
      }),
  };
}

/**
 * Called by engine.ts at the end of a committed import (inside the import's queue slot): raises
 * the alerts the new costs show. A failing detection never fails the import: it is logged.
 */
export function raiseAlertsAfterImport(
  store: Store, deps: EngineDeps, ctx: CallContext, result: ImportResult, detect: Detect = detectForAlerts, readBudgets: BudgetReader = readBudgetStatuses,
): ImportResult {
  if (!result.committed) return result;
  try {
    announce(ctx, alertsEvent(refreshAlerts(store, detect, timestamp(deps), readBudgets)));
  } catch (error) {
    deps.log.warn(`Alerts were not refreshed after the import: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}

/**
 * Called by the budget handlers after a budget is saved: raises the thresholds it (or another
 * budget) now crosses. A failing check never fails the save: it is logged.
 */
export function raiseBudgetAlertsAfterSave(store: Store, deps: EngineDeps, ctx: CallContext, readBudgets: BudgetReader = readBudgetStatuses): void {
  try {
    announce(ctx, alertsEvent(refreshBudgetAlerts(store, readBudgets, timestamp(deps))));
  } catch (error) {
    deps.log.warn(`Budget alerts were not refreshed after the budget was saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}
