import { describe, expect, it } from 'vitest';
import { DateReader, dayFromIso, isoDay, isoFromSeconds, parseDecimal, parseTimestamp, trimmed, isNullToken } from './values.js';

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
  it('reads every export shape of a date-time', () => {
    const ten = at('2024-01-05T10:00:00Z');
    const shapes = [
      '2024-01-05T10:00:00Z', '2024-01-05 10:00:00', '2024-01-05T10:00:00+00:00', '2024-01-05T10:00:00.123456+00:00',
      '2024-01-05T10:00:00.000000000Z', '2024-01-05T10:00Z', '2024-01-05 10:00:00 +0000 UTC', '2024-01-05 10:00:00 UTC',
      '2024-01-05T11:00:00+01', '2024-01-05T05:00:00-0500', '2024/01/05 10:00', '01/05/2024 10:00', '1/5/2024 10:00 AM',
      '01/05/24 10:00:00', 'Fri, 05 Jan 2024 10:00:00 GMT', '05 Jan 2024 10:00', '5-Jan-2024 10:00', 'Jan 5, 2024 10:00 AM',
      'January 5, 2024 10:00', '1704448800', '1704448800.75', '1704448800000', '1704448800000000', '1704448800000000000',
    ];
    for (const text of shapes) expect(parseTimestamp(text), text).toBe(ten);
    expect(parseTimestamp('2024-01-05')).toBe(at('2024-01-05T00:00:00Z'));
    expect(parseTimestamp('20240105')).toBe(at('2024-01-05T00:00:00Z'));
    expect(parseTimestamp('12/31/2024 12:30 AM')).toBe(at('2024-12-31T00:30:00Z'));
    expect(parseTimestamp('12/31/2024 12:30 PM')).toBe(at('2024-12-31T12:30:00Z'));
  });
  it('reads day/month dates in the order asked; dotted dates default to day-first, slashes to month-first', () => {
    expect(parseTimestamp('05/01/2024', 'day-first')).toBe(at('2024-01-05T00:00:00Z'));
    expect(parseTimestamp('05/01/2024', 'month-first')).toBe(at('2024-05-01T00:00:00Z'));
    expect(parseTimestamp('05/01/2024')).toBe(at('2024-05-01T00:00:00Z'));
    expect(parseTimestamp('5.1.2024')).toBe(at('2024-01-05T00:00:00Z'));
    expect(parseTimestamp('05.01.24 13:30')).toBe(at('2024-01-05T13:30:00Z'));
    expect(parseTimestamp('25/01/2024')).toBeUndefined();
    expect(parseTimestamp('25/01/2024', 'day-first')).toBe(at('2024-01-25T00:00:00Z'));
    expect(parseTimestamp('13/13/2024 10:00 PM')).toBeUndefined();
    expect(parseTimestamp('1/5/2024 13:00 PM')).toBeUndefined();
  });
  it('a file\'s DateReader caches and names a contradiction of its order', () => {
    const reader = new DateReader('day-first');
    expect(reader.read('05/01/2024')).toBe(at('2024-01-05T00:00:00Z'));
    expect(reader.read('05/01/2024')).toBe(at('2024-01-05T00:00:00Z'));
    expect(reader.read('01/25/2024')).toBeUndefined();
    expect(reader.problem('01/25/2024')).toBe('is month-first (MM/DD/YYYY), but the other dates of this file are day-first (DD/MM/YYYY)');
    expect(reader.problem('31/13/2024')).toBe('is not a date');
    reader.decide('month-first');
    expect(reader.read('05/01/2024')).toBe(at('2024-05-01T00:00:00Z'));
  });
  it('round-trips days and seconds', () => {
    expect(isoDay(dayFromIso('2026-09-15') ?? 0)).toBe('2026-09-15');
    expect(isoFromSeconds(at('2026-09-15T01:02:03Z'))).toBe('2026-09-15T01:02:03Z');
  });
});

describe('trimmed and isNullToken without trimming every cell', () => {
  const NULL_TOKENS = new Set(['', 'null', 'NULL', 'Null', '\\N', 'NaN', 'N/A', 'n/a']);
  const texts = [
    '', ' ', 'null', ' null ', '\tNULL\r', 'Null', '\\N', 'NaN', 'N/A', 'n/a', '\u00a0n/a\u00a0', '\u2028null', 'null\ufeff', '\u3000N/A',
    'nul', 'nulls', 'a', ' a ', '\u0000', '\u0000null', 'null\u0000', 'Compute', '  Compute', 'Compute\u00a0', '\u0085x', 'x\u0085', '日本',
  ];
  it.each(texts)('%j: the same as trimming first', (text) => {
    expect(trimmed(text)).toBe(text.trim());
    expect(isNullToken(text)).toBe(NULL_TOKENS.has(text) || NULL_TOKENS.has(text.trim()));
  });
});
