import { describe, expect, it } from 'vitest';
import { ALERT_STATUSES } from '../../../shared/alerts.js';
import { canMove, refusedMove } from './lifecycle.js';

describe('alert lifecycle', () => {
  it('allows exactly new → acknowledged | resolved | expected and acknowledged → resolved | expected', () => {
    const allowed = ALERT_STATUSES.flatMap((from) => ALERT_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(['acknowledged→expected', 'acknowledged→resolved', 'new→acknowledged', 'new→expected', 'new→resolved']);
  });

  it('says why a move is refused', () => {
    expect(refusedMove('new', 'acknowledged')).toBeNull();
    expect(refusedMove('acknowledged', 'acknowledged')).toBe('The alert is already acknowledged.');
    expect(refusedMove('resolved', 'acknowledged')).toBe('The alert is resolved, which is final: it cannot become acknowledged.');
    expect(refusedMove('acknowledged', 'new')).toBe('An alert that is acknowledged cannot become new; it can become resolved or expected.');
  });
});
