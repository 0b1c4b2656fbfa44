/** The anomaly detection alerts are raised from: the same as the `detectAnomalies` method's. */
import { detectAnomalies } from '../forecast/anomalies/detect-anomalies.js';
import type { Detect } from './refresh.js';

export const detectForAlerts: Detect = detectAnomalies;
