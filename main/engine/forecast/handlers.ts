/** The forecast and anomaly methods of the engine, spread into its handler table. */
import type { EngineHandlers } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import * as validate from '../validate.js';
import { forecast } from './forecast-query.js';
import { driverForecast } from './driver-forecast.js';
import { detectAnomalies } from './anomalies/detect-anomalies.js';
import { sliceDimensions } from './series-source.js';

type Serialised = <T>(job: () => Promise<T>) => Promise<T>;
type ForecastHandlers = Pick<EngineHandlers, 'forecast' | 'driverForecast' | 'detectAnomalies' | 'sliceDimensions'>;

export function forecastHandlers(store: () => Store, serialised: Serialised): ForecastHandlers {
  return {
    forecast: (arg) => serialised(async () => forecast(store(), validate.forecastQuery(arg))),
    driverForecast: (arg) => serialised(async () => driverForecast(store(), validate.driverForecastQuery(arg))),
    sliceDimensions: () => serialised(async () => sliceDimensions(store())),
    detectAnomalies: (arg) => serialised(async () => detectAnomalies(store(), validate.anomalyQuery(arg))),
  };
}
