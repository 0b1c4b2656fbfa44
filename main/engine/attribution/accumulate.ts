/** Neumaier-compensated running sums of (billed, effective), for figures added up in JavaScript. */
export class Money {
  billed = 0;
  effective = 0;
  private cb = 0;
  private ce = 0;

  add(billed: number, effective: number): void {
    const b = this.billed + billed;
    this.cb += Math.abs(this.billed) >= Math.abs(billed) ? this.billed - b + billed : billed - b + this.billed;
    this.billed = b;
    const e = this.effective + effective;
    this.ce += Math.abs(this.effective) >= Math.abs(effective) ? this.effective - e + effective : effective - e + this.effective;
    this.effective = e;
  }

  get totalBilled(): number {
    return this.billed + this.cb;
  }

  get totalEffective(): number {
    return this.effective + this.ce;
  }

  pick(kind: 'billed' | 'effective'): number {
    return kind === 'billed' ? this.totalBilled : this.totalEffective;
  }
}

/** A map that creates its missing entries. */
export function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const monthCache = new Map<number, number>();

/** Calendar month of a day number (UTC), as year × 12 + month index. */
export function monthOfDay(day: number): number {
  let month = monthCache.get(day);
  if (month === undefined) {
    const date = new Date(day * 86_400_000);
    month = date.getUTCFullYear() * 12 + date.getUTCMonth();
    monthCache.set(day, month);
  }
  return month;
}

export function monthText(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}
