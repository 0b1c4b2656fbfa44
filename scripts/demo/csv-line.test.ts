import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv-line.js';

describe('csvField', () => {
  it('leaves plain text unquoted', () => {
    expect(csvField('Amazon Bedrock')).toBe('Amazon Bedrock');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('{"team":"search"}')).toBe('"{""team"":""search""}"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('csvLine', () => {
  it('round-trips through a CSV parser', () => {
    const fields = ['x', '{"team":"search","project":"a,b"}', '', 'line\r\nbreak', '-1.5'];
    const parsed = Papa.parse<string[]>(csvLine(fields), { header: false, skipEmptyLines: true });
    expect(parsed.data).toEqual([fields]);
  });

  it('ends with a single LF', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\n');
  });
});
