/**
 * Incidents: anomalies that are one event seen in several series. Two anomalies belong together
 * when they are on the same day, in the same currency and cost measure, in the same direction,
 * and one lists the other's series among its root causes with a share of at least NESTED_SHARE
 * (the child moved by at least half as much as the parent, the same way): the total, its
 * provider, the service and the sub-account that all spiked because of one service are nested
 * views of the same money. The relation is closed transitively (total ↔ service ↔ tag). See
 * docs/alerts-and-budgets.md ("Incidents").
 */
import type { Anomaly } from '../../../shared/forecast.js';

/**
 * A child that carries at least half of its parent's deviation is the same event at another
 * level; a smaller child moving the same day is a separate part of the story, kept apart.
 */
export const NESTED_SHARE = 0.5;

const NOT_SET = '(not set)';

function sameEvent(a: Anomaly, b: Anomaly): boolean {
  return a.day === b.day && a.currency === b.currency && a.cost === b.cost && a.direction === b.direction;
}

/** Whether `parent` lists `child`'s series as a root cause carrying at least NESTED_SHARE of it. */
function lists(parent: Anomaly, child: Anomaly): boolean {
  const value = child.series.value ?? NOT_SET;
  return parent.rootCauses.some((c) => c.dimension === child.series.dimension && c.value === value && c.share >= NESTED_SHARE);
}

export function nested(a: Anomaly, b: Anomaly): boolean {
  return sameEvent(a, b) && (lists(a, b) || lists(b, a));
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
    const lead = [...members].sort((x, y) => Math.abs(y.impact) - Math.abs(x.impact) || x.key.localeCompare(y.key))[0] as Anomaly;
    for (const m of members) result.set(m.key, lead.key);
  }
  return result;
}
