/**
 * Rule-set versions and frozen periods in the workspace (ATTRIBUTION_SQL). The newest version is
 * the one being edited; older ones are kept as they were. Stored JSON is checked when read back
 * (a workspace file may come from anyone).
 */
import type { AttributionConfig, FrozenPeriod, RuleVersions } from '../../../shared/attribution.js';
import { EngineError } from '../../../shared/rpc.js';
import type { Store } from '../db/store.js';
import { isoDay } from '../import/values.js';
import { checkConfig, defaultConfig } from './check-config.js';

export interface StoredVersion {
  id: number;
  label: string;
  /** Day number, or null for the first version. */
  effectiveFrom: number | null;
  createdAt: string;
  config: AttributionConfig;
}

/** One stretch of days and the rule set that allocated it when frozen. */
export interface FrozenSegment {
  fromDay: number;
  toDay: number;
  versionId: number;
  config: AttributionConfig;
}

export interface StoredFrozen {
  id: number;
  fromDay: number;
  toDay: number;
  label: string;
  frozenAt: string;
  segments: FrozenSegment[];
}

function parseConfig(text: string, where: string): AttributionConfig {
  try {
    return checkConfig(JSON.parse(text) as unknown);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new EngineError('INVALID_WORKSPACE', `The workspace's ${where} cannot be read: ${why}`);
  }
}

export function readVersions(store: Store): StoredVersion[] {
  const rows = store.all<{ id: number; label: string; effective_from: number | null; created_at: string; config: string }>(
    'SELECT id, label, effective_from, created_at, config FROM attribution_versions ORDER BY id',
  );
  if (rows.length === 0) return [{ id: 1, label: 'First rule set', effectiveFrom: null, createdAt: '', config: defaultConfig() }];
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    effectiveFrom: r.effective_from,
    createdAt: r.created_at,
    config: parseConfig(r.config, `rule set version ${r.id}`),
  }));
}

/** The version being edited (the newest). */
export function currentVersion(store: Store): StoredVersion {
  const versions = readVersions(store);
  return versions[versions.length - 1] as StoredVersion;
}

export function currentConfig(store: Store): AttributionConfig {
  return currentVersion(store).config;
}

/** Replaces the config of the version being edited (creating the first version on first save). */
export function writeCurrentConfig(store: Store, config: AttributionConfig, now: string): void {
  const current = currentVersion(store);
  store.run(
    `INSERT INTO attribution_versions (id, label, effective_from, created_at, config) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET config = excluded.config`,
    [current.id, current.label, current.effectiveFrom, current.createdAt || now, JSON.stringify(config)],
  );
  bumpRevision(store);
}

/** Starts a new version from `effectiveFrom` (a copy of the current rules). */
export function addVersion(store: Store, label: string, effectiveFrom: number, now: string): void {
  const versions = readVersions(store);
  const current = versions[versions.length - 1] as StoredVersion;
  if (current.effectiveFrom !== null && effectiveFrom <= current.effectiveFrom) {
    throw new EngineError('BAD_REQUEST', `effectiveFrom must be after ${isoDay(current.effectiveFrom)}, the day the current version starts.`);
  }
  if (store.scalar('SELECT COUNT(*) FROM attribution_versions') === 0) writeCurrentConfig(store, current.config, now);
  store.run('INSERT INTO attribution_versions (label, effective_from, created_at, config) VALUES (?, ?, ?, ?)', [
    label, effectiveFrom, now, JSON.stringify(current.config),
  ]);
  bumpRevision(store);
}

export function readFrozen(store: Store): StoredFrozen[] {
  return store
    .all<{ id: number; from_day: number; to_day: number; label: string; frozen_at: string; segments: string }>(
      'SELECT id, from_day, to_day, label, frozen_at, segments FROM attribution_frozen ORDER BY from_day',
    )
    .map((r) => {
      let raw: unknown;
      try {
        raw = JSON.parse(r.segments);
      } catch {
        raw = null;
      }
      if (!Array.isArray(raw)) throw new EngineError('INVALID_WORKSPACE', `The workspace's frozen period ${r.id} cannot be read.`);
      const segments = raw.map((s: { fromDay?: unknown; toDay?: unknown; versionId?: unknown; config?: unknown }) => {
        if (typeof s.fromDay !== 'number' || typeof s.toDay !== 'number' || typeof s.versionId !== 'number') {
          throw new EngineError('INVALID_WORKSPACE', `The workspace's frozen period ${r.id} cannot be read.`);
        }
        return { fromDay: s.fromDay, toDay: s.toDay, versionId: s.versionId, config: parseConfig(JSON.stringify(s.config), `frozen period ${r.id}`) };
      });
      return { id: r.id, fromDay: r.from_day, toDay: r.to_day, label: r.label, frozenAt: r.frozen_at, segments };
    });
}

/**
 * The rule sets in force over a stretch of days, by effective dates (not freezes): segments of
 * consecutive days with the version that allocates them.
 */
export function versionSegments(versions: readonly StoredVersion[], fromDay: number, toDay: number): FrozenSegment[] {
  const segments: FrozenSegment[] = [];
  versions.forEach((v, i) => {
    const next = versions[i + 1];
    const start = Math.max(fromDay, i === 0 || v.effectiveFrom === null ? fromDay : v.effectiveFrom);
    const end = Math.min(toDay, next?.effectiveFrom != null ? next.effectiveFrom - 1 : toDay);
    if (start <= end) segments.push({ fromDay: start, toDay: end, versionId: v.id, config: v.config });
  });
  return segments;
}

export function addFrozen(store: Store, fromDay: number, toDay: number, label: string, now: string): void {
  if (toDay < fromDay) throw new EngineError('BAD_REQUEST', 'The period ends before it starts.');
  const overlap = readFrozen(store).find((f) => f.fromDay <= toDay && fromDay <= f.toDay);
  if (overlap) {
    throw new EngineError('BAD_REQUEST', `The period overlaps the frozen period "${overlap.label}" (${isoDay(overlap.fromDay)} to ${isoDay(overlap.toDay)}); restate it first.`);
  }
  const segments = versionSegments(readVersions(store), fromDay, toDay);
  store.run('INSERT INTO attribution_frozen (from_day, to_day, label, frozen_at, segments) VALUES (?, ?, ?, ?, ?)', [
    fromDay, toDay, label, now, JSON.stringify(segments),
  ]);
  bumpRevision(store);
}

export function removeFrozen(store: Store, id: number): void {
  if (store.scalar('SELECT COUNT(*) FROM attribution_frozen WHERE id = ?', [id]) === 0) {
    throw new EngineError('NOT_FOUND', `There is no frozen period ${id}.`);
  }
  store.run('DELETE FROM attribution_frozen WHERE id = ?', [id]);
  bumpRevision(store);
}

export function frozenPeriod(f: StoredFrozen): FrozenPeriod {
  return { id: f.id, from: isoDay(f.fromDay), to: isoDay(f.toDay), label: f.label, frozenAt: f.frozenAt };
}

export function ruleVersions(store: Store): RuleVersions {
  const versions = readVersions(store);
  return {
    versions: versions.map((v, i) => ({
      id: v.id,
      label: v.label,
      effectiveFrom: v.effectiveFrom === null ? null : isoDay(v.effectiveFrom),
      createdAt: v.createdAt,
      rules: v.config.rules.length,
      pools: v.config.pools.length,
      current: i === versions.length - 1,
    })),
    frozen: readFrozen(store).map(frozenPeriod),
  };
}

/** The config revision: changes with every write, so the materialised result knows it is stale. */
export function bumpRevision(store: Store): void {
  store.run(
    `INSERT INTO alloc_state (key, value) VALUES ('revision', '1')
     ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
  );
}

export function readRevision(store: Store): string {
  const value = store.scalar("SELECT value FROM alloc_state WHERE key = 'revision'");
  return typeof value === 'string' ? value : '0';
}
