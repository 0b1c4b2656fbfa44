import { describe, expect, it } from 'vitest';
import { columnPosition } from '../formats/canonical-line.js';
import { DailyLines } from './daily-lines.js';

const COLUMNS = ['ServiceName', 'Tags', 'ChargePeriodStart', 'ChargePeriodEnd', 'BilledCost', 'x_Tokens', 'ListUnitPrice'].map(columnPosition);
const [SERVICE, TAGS, START, END, BILLED, TOKENS, PRICE] = [0, 1, 2, 3, 4, 5, 6];

interface Emitted {
  row: number;
  day: number;
  lines: number;
  values: Record<string, number | null>;
}

function collect(maxGroups?: number): { lines: DailyLines; out: Emitted[] } {
  const out: Emitted[] = [];
  const lines = new DailyLines(
    COLUMNS,
    (row, day, count, values) => {
      const named = Object.fromEntries(['ServiceName', 'Tags', 'ChargePeriodStart', 'ChargePeriodEnd', 'BilledCost', 'x_Tokens', 'ListUnitPrice'].map((name) => [name, values[columnPosition(name)] ?? null]));
      out.push({ row, day, lines: count, values: named });
    },
    maxGroups,
  );
  return { lines, out };
}

function line(lines: DailyLines, at: { day: number; row: number; service: number; tags: number; start: number; end: number; billed: number; tokens: number; price: number }): void {
  lines.id(SERVICE as number, at.service);
  lines.id(TAGS as number, at.tags);
  lines.number(START as number, at.start);
  lines.number(END as number, at.end);
  lines.number(BILLED as number, at.billed);
  lines.number(TOKENS as number, at.tokens);
  lines.number(PRICE as number, at.price);
  lines.add(at.day, at.row);
}

describe('DailyLines', () => {
  it('groups a day’s lines of equal dimensions and unit price; sums costs, spans the charge period, keeps the first row', () => {
    const { lines, out } = collect();
    const base = { day: 10, service: 3, tags: 0, price: 0.5 };
    line(lines, { ...base, row: 2, start: 3600, end: 7200, billed: 0.1, tokens: NaN });
    line(lines, { ...base, row: 5, start: 0, end: 3600, billed: 0.2, tokens: 1000 });
    line(lines, { ...base, row: 6, start: 7200, end: 10800, billed: -0.05, tokens: NaN });
    line(lines, { ...base, row: 7, start: 0, end: 3600, billed: 1, tokens: NaN, price: 0.25 }); // another unit price
    line(lines, { ...base, row: 8, start: 0, end: 3600, billed: 1, tokens: NaN, tags: 9 }); // other tags
    line(lines, { ...base, row: 9, start: 86_400, end: 90_000, billed: 1, tokens: NaN, day: 11 }); // another day
    lines.flush();
    expect(out).toHaveLength(4);
    const [first] = out;
    // 0.1 + 0.2 - 0.05 = 0.25 (compensated: exactly what the decimal sum rounds to).
    expect(first).toEqual({ row: 2, day: 10, lines: 3, values: { ServiceName: 3, Tags: null, ChargePeriodStart: 0, ChargePeriodEnd: 10800, BilledCost: 0.25, x_Tokens: 1000, ListUnitPrice: 0.5 } });
    expect(out.map((g) => [g.row, g.lines])).toEqual([[2, 3], [7, 1], [8, 1], [9, 1]]);
    expect(out[1]?.values.ListUnitPrice).toBe(0.25);
    // A group where no line has tokens keeps them NULL (not 0).
    expect(out[1]?.values.x_Tokens).toBeNull();
  });

  it('emits its groups when it holds the most it may, so memory stays bounded; totals are unchanged', () => {
    const { lines, out } = collect(2);
    for (let row = 2; row < 12; row++) line(lines, { day: 1, row, service: row % 3, tags: 0, start: 0, end: 1, billed: 1.5, tokens: NaN, price: NaN });
    lines.flush();
    expect(out.reduce((n, g) => n + g.lines, 0)).toBe(10);
    expect(out.reduce((n, g) => n + (g.values.BilledCost ?? 0), 0)).toBe(15);
    // Three services, but groups emitted two at a time: a service's day may be in more than one row.
    expect(out.length).toBeGreaterThan(3);
    expect(lines.emitted).toBe(out.length);
  });
});
