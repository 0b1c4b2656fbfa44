/**
 * The extras JSON of a row, written directly as text: EA and MCA files keep thirty-odd columns
 * outside the model (AdditionalInfo, CostCenter, ServiceInfo…), and building an object to
 * JSON.stringify per row was the mapper's largest cost. Same output as canonical-line.ts extrasOf.
 */
import { isNullToken } from '../../values.js';

const MAX_NULL_TOKEN = 8;

export class ExtrasWriter {
  private readonly keys: string[];
  private readonly indexes: number[];

  constructor(columns: ReadonlyArray<{ name: string; index: number }>) {
    this.keys = columns.map((c) => `${JSON.stringify(c.name)}:`);
    this.indexes = columns.map((c) => c.index);
  }

  write(record: readonly string[]): string | null {
    let out = '';
    for (let i = 0; i < this.indexes.length; i++) {
      const text = record[this.indexes[i] as number];
      // NULL tokens are a few characters long: long cells skip the check.
      if (text === undefined || text === '' || (text.length <= MAX_NULL_TOKEN && isNullToken(text))) continue;
      out += `${out === '' ? '{' : ','}${this.keys[i] as string}${JSON.stringify(text)}`;
    }
    return out === '' ? null : `${out}}`;
  }
}
