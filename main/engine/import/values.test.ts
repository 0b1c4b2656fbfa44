import { describe, expect, it } from 'vitest';
import { dayFromIso, isoDay, isoFromSeconds, parseDecimal, parseTimestamp } from './values.js';

describe('parseDecimal', () => {
  it('reads plain, signed and scientific decimals', () => {
    expect(parseDecimal('12.50')).toBe(12.5);
    expect(parseDecimal('-0.01')).toBe(-0.01);
    expect(parseDecimal('+3')).toBe(3);
    expect(parseDecimal('1.5E+2')).toBe(150);
    expect(parseDecimal('3.4e-7')).toBe(3.4e-7);
    expect(parseDecimal('.5')).toBe(0.5);
  });
  it('reads spreadsheet-formatted money: currency symbol, thousands groups, parentheses', () => {
    expect(parseDecimal('$10,000.00 ')).toBe(10000);
    expect(parseDecimal('(1,250.50)')).toBe(-1250.5);
    expect(parseDecimal('€1,234,567.89')).toBe(1234567.89);
    expect(parseDecimal('-$5.00')).toBe(-5);
    expect(parseDecimal('1,5')).toBeUndefined();
    expect(parseDecimal('12,34.5')).toBeUndefined();
  });
  it('gives null for empty cells and NULL tokens', () => {
    for (const text of ['', ' ', 'NULL', 'null', '\\N']) expect(parseDecimal(text)).toBeNull();
  });
  it('gives undefined for text that is not a decimal', () => {
    for (const text of ['abc', '1.000,00', '1.2.3', '5$', 'Infinity', '1e999', '(5']) expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('parseTimestamp', () => {
  const at = (iso: string) => Date.parse(iso) / 1000;
  it('reads ISO 8601 with T and Z, with a space, with offsets, and dates alone', () => {
    expect(parseTimestamp('2026-09-01T00:00:00Z')).toBe(at('2026-09-01T00:00:00Z'));
    expect(parseTimestamp('2026-09-01 12:30:00')).toBe(at('2026-09-01T12:30:00Z'));
    expect(parseTimestamp('2026-09-01T12:30:00.123456+00:00')).toBe(at('2026-09-01T12:30:00Z'));
    expect(parseTimestamp('2026-09-01T12:30:00+02:00')).toBe(at('2026-09-01T10:30:00Z'));
    expect(parseTimestamp('2026-09-01 12:30:00 +0000 UTC')).toBe(at('2026-09-01T12:30:00Z'));
    expect(parseTimestamp('2026-09-01T12:30Z')).toBe(at('2026-09-01T12:30:00Z'));
    expect(parseTimestamp('2026-09-01')).toBe(at('2026-09-01T00:00:00Z'));
  });
  it('reads US month/day/year as in the FOCUS spec examples, with two-digit years', () => {
    expect(parseTimestamp('4/1/25')).toBe(at('2025-04-01T00:00:00Z'));
    expect(parseTimestamp('04/01/2025 13:05')).toBe(at('2025-04-01T13:05:00Z'));
    expect(parseTimestamp('12/31/99')).toBe(at('1999-12-31T00:00:00Z'));
  });
  it('refuses dates that do not exist and other text', () => {
    expect(parseTimestamp('2026-02-30')).toBeUndefined();
    expect(parseTimestamp('2026-13-01')).toBeUndefined();
    expect(parseTimestamp('31/13/2026')).toBeUndefined();
    expect(parseTimestamp('yesterday')).toBeUndefined();
    expect(parseTimestamp('NULL')).toBeNull();
  });
  it('round-trips days and seconds', () => {
    expect(isoDay(dayFromIso('2026-09-15') ?? 0)).toBe('2026-09-15');
    expect(isoFromSeconds(at('2026-09-15T01:02:03Z'))).toBe('2026-09-15T01:02:03Z');
  });
});
