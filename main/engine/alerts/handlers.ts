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
import { alertsEvent, refreshAlerts, type Detect } from './refresh.js';
import { updateAlert } from './update-alert.js';
import * as check from './validate-alerts.js';
import { EngineError } from '../../../shared/rpc.js';
import type { EngineDeps } from '../deps.js';

type AlertMethods = 'listAlerts' | 'updateAlert' | 'refreshAlerts' | 'listExpectedPatterns' | 'deleteExpectedPattern' | 'anomalySettings' | 'saveAnomalySettings';

function timestamp(deps: EngineDeps): string {
  return new Date(deps.now()).toISOString();
}

function announce(ctx: CallContext, event: AlertsEvent | null): void {
  if (!event) return;
  ctx.emit('dataChanged', { tables: ['alerts'] });
  ctx.emit('alerts', event);
}

export function alertHandlers(env: HandlerEnv, detect: Detect = detectForAlerts): Pick<EngineHandlers, AlertMethods> {
  const { deps, serialised } = env;
  return {
    listAlerts: (arg) =>
      serialised(async () => {
        const query = check.alertQuery(arg);
        return { alerts: queryAlerts(env.store(), query.statuses, query.limit), counts: alertCounts(env.store()) };
      }),
    updateAlert: (arg, ctx) =>
      serialised(async () => {
        const alert = updateAlert(env.store(), check.alertUpdate(arg), timestamp(deps));
        ctx.emit('dataChanged', { tables: ['alerts'] });
        return alert;
      }),
    refreshAlerts: (_arg, ctx) =>
      serialised(async () => {
        const refresh = refreshAlerts(env.store(), detect, timestamp(deps));
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
export function raiseAlertsAfterImport(store: Store, deps: EngineDeps, ctx: CallContext, result: ImportResult, detect: Detect = detectForAlerts): ImportResult {
  if (!result.committed) return result;
  try {
    announce(ctx, alertsEvent(refreshAlerts(store, detect, timestamp(deps))));
  } catch (error) {
    deps.log.warn(`Alerts were not refreshed after the import: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}
