/** The engine methods of imported metrics, spread into engine.ts's handler table. */
import type { EngineHandlers } from '../../../shared/rpc.js';
import { EngineError } from '../../../shared/rpc.js';
import type { EngineDeps } from '../deps.js';
import type { Store } from '../db/store.js';
import { readMetricText } from './metric-file.js';
import { deleteMetric, importMetricsCsv, listMetrics } from './metric-store.js';
import { metricImportRequest, metricName } from './metric-validate.js';

export interface HandlerEnv {
  deps: EngineDeps;
  store(): Store;
  serialised<T>(job: () => Promise<T>): Promise<T>;
}

export function metricHandlers(env: HandlerEnv): Pick<EngineHandlers, 'listMetrics' | 'importMetrics' | 'deleteMetric'> {
  return {
    listMetrics: () => env.serialised(async () => listMetrics(env.store())),
    importMetrics: (arg, ctx) =>
      env.serialised(async () => {
        const request = metricImportRequest(arg);
        const read = await readMetricText(env.deps, request);
        if ('refusal' in read) {
          return {
            file: read.file, imported: false, name: null, dimension: null, rowsRead: 0, rowsImported: 0, rowsReplaced: 0,
            values: 0, from: null, to: null, problems: [{ row: null, message: read.refusal }], problemCount: 1, warnings: [],
          };
        }
        const report = importMetricsCsv(env.store(), read.text, read.file, request.name);
        if (report.imported) ctx.emit('dataChanged', { tables: ['metrics'] });
        return { ...report, warnings: [...read.warnings, ...report.warnings] };
      }),
    deleteMetric: (arg, ctx) =>
      env.serialised(async () => {
        const name = metricName(arg);
        if (!deleteMetric(env.store(), name)) throw new EngineError('NOT_FOUND', `There is no imported metric named "${name}".`);
        ctx.emit('dataChanged', { tables: ['metrics'] });
        return listMetrics(env.store());
      }),
  };
}
