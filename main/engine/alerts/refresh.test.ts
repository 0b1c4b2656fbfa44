import { describe, expect, it } from 'vitest';
import { scanFrom } from './refresh.js';

describe('scanFrom', () => {
  it('scans the last 30 days when nothing was scanned or the last scan was recent', () => {
    expect(scanFrom('2026-10-31', undefined)).toBe('2026-10-02');
    expect(scanFrom('2026-10-31', '2026-10-30')).toBe('2026-10-02');
  });

  it('goes back to a week before the previous scan when more days arrived since', () => {
    // Previous scan ended 2026-08-31: rescan from 2026-08-25 (7 days, costs arrive late).
    expect(scanFrom('2026-10-31', '2026-08-31')).toBe('2026-08-25');
  });

  it('never goes back more than 366 days', () => {
    // 2025-10-31 … 2026-10-31 is 366 days counting both ends (2026 has 365 days).
    expect(scanFrom('2026-10-31', '2024-01-01')).toBe('2025-10-31');
  });
});
