/**
 * UnitOfMeasure → block size and unit. Azure prices in blocks: "10K" is ten thousand units, "1K"
 * a thousand tokens, "10 Hours" ten hours, and Quantity counts blocks (cost = Quantity ×
 * EffectivePrice, as the sample exports show: 0.0004 × 0.1 = 0.00004 for a "10K" meter). So the
 * consumed quantity is Quantity × block size. Block sizes follow finops-toolkit's PricingUnits open
 * data (MIT): a leading number with an optional K/M/B multiplier.
 */

export interface UnitOfMeasure {
  /** The block size as decimal text ("1", "10000"). */
  block: string;
  /** The unit of one item of the block ("Hours", "GB/Month", "Units"). */
  unit: string;
  /** FOCUS PricingUnit: the block and its unit, e.g. "10000 Units", "Hours". */
  pricingUnit: string;
}

const LEADING_BLOCK = /^(\d+(?:\.\d+)?)\s*([KMB])?\b\s*(.*)$/i;
const MULTIPLIER: Readonly<Record<string, number>> = { k: 3, m: 6, b: 9 };

function scaled(number: string, suffix: string | undefined): string {
  const zeros = suffix ? (MULTIPLIER[suffix.toLowerCase()] ?? 0) : 0;
  if (zeros === 0) return number;
  const [whole = '0', fraction = ''] = number.split('.');
  const digits = `${whole}${fraction.padEnd(zeros, '0')}`;
  const point = whole.length + zeros;
  const text = `${digits.slice(0, point)}${point < digits.length ? `.${digits.slice(point)}` : ''}`;
  return text.replace(/^0+(?=\d)/, '');
}

function cleanUnit(rest: string): string {
  const unit = rest.trim().replace(/^\/\s*/, 'Units/');
  if (unit === '') return 'Units';
  return unit.replace(/^hour$/i, 'Hours');
}

export function parseUnitOfMeasure(text: string): UnitOfMeasure | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = LEADING_BLOCK.exec(trimmed);
  if (!match) return { block: '1', unit: trimmed, pricingUnit: trimmed };
  const [, number = '1', suffix, rest = ''] = match;
  const block = scaled(number, suffix);
  const unit = cleanUnit(rest);
  return { block, unit, pricingUnit: block === '1' ? unit : `${block} ${unit}` };
}

/** parseUnitOfMeasure, cached: a file has a few dozen distinct units. */
export class UnitsOfMeasure {
  private readonly cache = new Map<string, UnitOfMeasure | null>();

  of(text: string): UnitOfMeasure | null {
    let unit = this.cache.get(text);
    if (unit === undefined && !this.cache.has(text)) {
      unit = parseUnitOfMeasure(text);
      this.cache.set(text, unit);
    }
    return unit ?? null;
  }
}
