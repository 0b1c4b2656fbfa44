/** Microsoft Azure cost details (EA, MCA, pay-as-you-go; actual or amortized; CSV or API JSON). */
import type { FormatAdapter } from '../format-adapter.js';
import { tabulateConsumptionJson } from './azure-consumption-json.js';
import { azureMapper } from './azure-mapper.js';
import { detectAzure } from './azure-variant.js';

export const azureFormat: FormatAdapter = {
  name: 'Microsoft Azure cost details',
  family: 'azure',
  detect: detectAzure,
  mapper: azureMapper,
  tabulateJson: tabulateConsumptionJson,
};
