/** The workspace's anomaly settings, kept in `settings` under `anomaly-settings`. */
import { DEFAULT_ANOMALY_SETTINGS, type AnomalySettings } from '../../../shared/forecast.js';
import { readSetting, writeSetting } from '../db/settings.js';
import type { Store } from '../db/store.js';
import { anomalyQuery } from '../validate.js';

/** The saved settings, checked; the defaults when none are saved or the saved ones are not valid. */
export function readAnomalySettings(store: Store): AnomalySettings {
  const stored = readSetting(store, 'anomaly-settings');
  if (stored === undefined) return { ...DEFAULT_ANOMALY_SETTINGS };
  try {
    return anomalyQuery({ settings: stored }).settings;
  } catch {
    return { ...DEFAULT_ANOMALY_SETTINGS };
  }
}

/** Merges a checked subset into the saved settings (checked again whole) and saves them. */
export function saveAnomalySettings(store: Store, patch: Partial<AnomalySettings>): AnomalySettings {
  const settings = anomalyQuery({ settings: { ...readAnomalySettings(store), ...patch } }).settings;
  writeSetting(store, 'anomaly-settings', settings);
  return settings;
}
