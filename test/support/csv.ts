/** Independent readers for test expectations (not the engine's code paths). */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export function readCsv(path: string): Array<Record<string, string>> {
  const text = readFileSync(path, 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, transformHeader: (h) => h.replace(/^\uFEFF/, '').trim() }).data;
}

/** Exact sum of plain decimal strings, as a string with `places` decimals (BigInt, no floats). */
export function exactSum(values: string[], places = 6): string {
  const scale = 12;
  let total = 0n;
  for (const raw of values) {
    const text = raw.trim();
    if (text === '' || text.toUpperCase() === 'NULL') continue;
    const [mantissa = '', exponentText = '0'] = text.toLowerCase().split('e');
    const negative = mantissa.startsWith('-');
    const unsigned = mantissa.replace(/^[+-]/, '');
    const [whole = '0', fraction = ''] = unsigned.split('.');
    const exponent = Number(exponentText) + scale - fraction.length;
    const digits = BigInt(`${whole}${fraction}` || '0');
    const scaled = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits / 10n ** BigInt(-exponent);
    total += negative ? -scaled : scaled;
  }
  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const rounded = (magnitude + 10n ** BigInt(scale - places) / 2n) / 10n ** BigInt(scale - places);
  const text = rounded.toString().padStart(places + 1, '0');
  return `${negative ? '-' : ''}${text.slice(0, -places)}.${text.slice(-places)}`;
}

/** Two decimal strings equal to the cent. */
export function toCents(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const cents = BigInt(whole) * 100n + BigInt(`${fraction}000`.slice(0, 2)) + (Number(fraction[2] ?? '0') >= 5 ? 1n : 0n);
  return negative ? -cents : cents;
}

/** Writes CSV text from rows (for completing the FOCUS spec examples with the mandatory columns). */
export function toCsv(rows: Array<Record<string, string>>): string {
  return Papa.unparse(rows);
}
