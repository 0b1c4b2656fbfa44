/**
 * Incidents: anomalies that are one event seen in several series. Two anomalies belong together
 * when they are on the same day, in the same currency and cost measure, in the same direction, and
 * the money they share is at least NESTED_SHARE of the larger deviation: the total, its provider,
 * the service and the sub-account that all spiked because of one service are nested views of the
 * same money. The relation is closed transitively. See docs/alerts-and-budgets.md ("Incidents").
 */
import type { Anomaly } from '../../../shared/forecast.js';

/**
 * Two series are one event when at least half of the larger deviation is money they share; a
 * series whose shared part is smaller moved the same day for reasons of its own.
 */
export const NESTED_SHARE = 0.5;

const NOT_SET = '(not set)';

function sameEvent(a: Anomaly, b: Anomaly): boolean {
  return a.day === b.day && a.currency === b.currency && a.cost === b.cost && a.direction === b.direction;
}

/** The part of `a`'s deviation its root causes put in `b`'s series (null: not listed). */
function listedImpact(a: Anomaly, b: Anomaly): number | null {
  const value = b.series.value ?? NOT_SET;
  return a.rootCauses.find((c) => c.dimension === b.series.dimension && c.value === value)?.impact ?? null;
}

/**
 * The money two anomalies share, read from either one's root causes (a service's spike lists its
 * provider; the total lists the service; a tag lists the service); the larger when both list it.
 */
export function sharedImpact(a: Anomaly, b: Anomaly): number {
  const sign = a.direction === 'spike' ? 1 : -1;
  const shares = [listedImpact(a, b), listedImpact(b, a)].map((v) => (v === null ? 0 : Math.max(0, sign * v)));
  return Math.max(...shares);
}

export function nested(a: Anomaly, b: Anomaly): boolean {
  if (!sameEvent(a, b)) return false;
  return sharedImpact(a, b) >= NESTED_SHARE * Math.max(Math.abs(a.impact), Math.abs(b.impact));
}

/** Largest |impact| first; on a tie the total (the widest view), then by key (as listAlerts orders them). */
export function leadFirst(x: Anomaly, y: Anomaly): number {
  return Math.abs(y.impact) - Math.abs(x.impact) || Number(y.series.dimension === 'total') - Number(x.series.dimension === 'total') || x.key.localeCompare(y.key);
}

/**
 * Each anomaly of a group of two or more → its incident: the key of the group's largest |impact|
 * (ties: the smaller key). Anomalies alone are left out.
 */
export function groupIncidents(anomalies: readonly Anomaly[]): Map<string, string> {
  const parent = anomalies.map((_a, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < anomalies.length; i++) {
    for (let j = i + 1; j < anomalies.length; j++) {
      if (nested(anomalies[i] as Anomaly, anomalies[j] as Anomaly)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Anomaly[]>();
  anomalies.forEach((a, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), a]));
  const result = new Map<string, string>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const lead = [...members].sort(leadFirst)[0] as Anomaly;
    for (const m of members) result.set(m.key, lead.key);
  }
  return result;
}
