/** The anomaly detection alerts are raised from (fc-engine's, once built). */
import { EngineError } from '../../../shared/rpc.js';
import type { Detect } from './refresh.js';

export const detectForAlerts: Detect = () => {
  throw new EngineError('INTERNAL', 'Anomaly detection is not built yet.');
};
