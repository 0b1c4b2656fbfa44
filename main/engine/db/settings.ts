/**
 * Workspace settings: one JSON value per key. The caller owns the shape of its value and checks
 * what it reads back (a workspace file may come from anyone).
 */
import type { Store } from './store.js';

export type SettingKey = 'price-book' | 'column-mappings' | 'anomaly-settings' | 'alerts-scan';

export function readSetting(store: Store, key: SettingKey): unknown {
  const text = store.scalar('SELECT value FROM settings WHERE key = ?', [key]);
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function writeSetting(store: Store, key: SettingKey, value: unknown): void {
  store.run('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)', [key, JSON.stringify(value)]);
}

export function deleteSetting(store: Store, key: SettingKey): void {
  store.run('DELETE FROM settings WHERE key = ?', [key]);
}
