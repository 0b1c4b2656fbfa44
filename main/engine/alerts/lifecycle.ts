/**
 * The alert lifecycle: new → acknowledged → resolved | expected, or new → resolved | expected
 * directly. resolved and expected are final: a later anomaly of the same series is a new alert
 * (with its own key), so reopening is never needed.
 */
import type { AlertStatus } from '../../../shared/alerts.js';

const NEXT: Record<AlertStatus, readonly AlertStatus[]> = {
  new: ['acknowledged', 'resolved', 'expected'],
  acknowledged: ['resolved', 'expected'],
  resolved: [],
  expected: [],
};

export function canMove(from: AlertStatus, to: AlertStatus): boolean {
  return NEXT[from].includes(to);
}

/** Why a move is refused, in a sentence; null when it is allowed. */
export function refusedMove(from: AlertStatus, to: AlertStatus): string | null {
  if (canMove(from, to)) return null;
  if (from === to) return `The alert is already ${from}.`;
  const next = NEXT[from];
  if (next.length === 0) return `The alert is ${from}, which is final: it cannot become ${to}.`;
  return `An alert that is ${from} cannot become ${to}; it can become ${next.join(' or ')}.`;
}
