import { describe, expect, it } from 'vitest';
import { fmt, formatTable } from './text-table.js';

describe('formatTable', () => {
  it('pads columns to the widest cell and right-aligns numeric columns', () => {
    const text = formatTable(['name', 'rows/s'], [['import', '1,234.5'], ['overview', '12.0']]);
    expect(text).toBe(['name       rows/s', '--------  -------', 'import    1,234.5', 'overview     12.0', ''].join('\n'));
  });

  it('prints just the header and rule for no rows', () => {
    expect(formatTable(['a', 'b'], [])).toBe('a  b\n-  -\n');
  });
});

describe('fmt', () => {
  it('groups thousands and fixes decimals', () => {
    expect(fmt(1234567.891, 1)).toBe('1,234,567.9');
    expect(fmt(3)).toBe('3');
    expect(fmt(NaN)).toBe('–');
  });
});
