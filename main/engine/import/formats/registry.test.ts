import { describe, expect, it } from 'vitest';
import { FileRefused } from '../file-refused.js';
import type { FormatAdapter } from './format-adapter.js';
import { chooseFormat } from './registry.js';

/** A stand-in format that needs the given columns. */
function needs(name: string, columns: string[]): FormatAdapter {
  return {
    name,
    family: 'aws',
    detect(header) {
      const found = columns.filter((c) => header.includes(c));
      if (found.length === 0) return null;
      return { format: `aws-${name}`, score: found.length / columns.length, missing: columns.filter((c) => !header.includes(c)) };
    },
    mapper: () => ({ extraColumns: [], map: () => [] }),
  };
}

const a = needs('A', ['x', 'y', 'z']);
const b = needs('B', ['x', 'w']);

describe('chooseFormat', () => {
  it('picks the complete format with the best score', () => {
    expect(chooseFormat(['x', 'y', 'z'], 'f.csv', [b, a]).adapter).toBe(a);
    expect(chooseFormat(['x', 'w'], 'f.csv', [a, b]).format).toBe('aws-B');
  });

  it('names the closest formats and what each lacks when none is complete', () => {
    const refusal = (() => {
      try {
        chooseFormat(['x', 'y'], 'bill.csv', [a, b]);
      } catch (error) {
        return error as FileRefused;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(FileRefused);
    expect(refusal?.message).toBe('bill.csv is not complete in any known format. Closest: A (lacks z); B (lacks w).');
    expect(refusal?.missingColumns).toEqual(['z']);
  });

  it('with one near miss, says which format it looks like and the missing columns', () => {
    expect(() => chooseFormat(['y'], 'bill.csv', [a])).toThrow('bill.csv looks like a A file (aws-A) but lacks 2 required columns: x, z.');
  });

  it('says plainly when nothing matches, with the first columns', () => {
    expect(() => chooseFormat(['name', 'email'], 'people.csv', [a, b])).toThrow('people.csv is not in a format Cost Council recognises (its columns: name, email).');
  });
});
