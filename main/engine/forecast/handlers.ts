/** The forecast and anomaly methods of the engine, spread into its handler table. */
import type { EngineHandlers } from '../../../shared/rpc.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import * as validate from '../validate.js';
import { forecast } from './forecast-query.js';
import { detectAnomalies } from './anomalies/detect-anomalies.js';

type Serialised = <T>(job: () => Promise<T>) => Promise<T>;
type ForecastHandlers = Pick<EngineHandlers, 'forecast' | 'driverForecast' | 'detectAnomalies'>;

function notBuilt(what: string): never {
  throw new EngineError('INTERNAL', `${what} is not built yet.`);
}

export function forecastHandlers(store: () => Store, serialised: Serialised): ForecastHandlers {
  return {
    forecast: (arg) => serialised(async () => forecast(store(), validate.forecastQuery(arg))),
    driverForecast: (arg) => serialised(async () => {
      validate.driverForecastQuery(arg);
      return notBuilt('The driver-based forecast');
    }),
    detectAnomalies: (arg) => serialised(async () => detectAnomalies(store(), validate.anomalyQuery(arg))),
  };
}
