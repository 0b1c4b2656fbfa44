/**
 * Calendar periods of budgets (UTC): months `2026-03`, quarters `2026-Q1`, years `2026`.
 * Each is a label and its first and last day (inclusive).
 */
import type { BudgetPeriod, PeriodSpan } from '../../../shared/budgets.js';
import { daysBetween } from '../alerts/calendar.js';

const LABEL: Record<BudgetPeriod, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

const EXAMPLE: Record<BudgetPeriod, string> = { month: '2026-03', quarter: '2026-Q1', year: '2026' };

function iso(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** First month (0-based) and number of months of a period kind starting in `monthIndex`'s period. */
function bounds(kind: BudgetPeriod, year: number, monthIndex: number): { first: number; months: number } {
  if (kind === 'month') return { first: monthIndex, months: 1 };
  if (kind === 'quarter') return { first: monthIndex - (monthIndex % 3), months: 3 };
  return { first: 0, months: 12 };
}

function labelOf(kind: BudgetPeriod, year: number, firstMonth: number): string {
  if (kind === 'month') return `${year}-${String(firstMonth + 1).padStart(2, '0')}`;
  if (kind === 'quarter') return `${year}-Q${firstMonth / 3 + 1}`;
  return String(year);
}

/** The period of that kind containing `day` (YYYY-MM-DD); `asOf` sets daysElapsed (default: `day`). */
export function periodOf(kind: BudgetPeriod, day: string, asOf: string | null = day): PeriodSpan {
  const year = Number(day.slice(0, 4));
  const { first, months } = bounds(kind, year, Number(day.slice(5, 7)) - 1);
  const start = iso(year, first, 1);
  const end = iso(year, first + months, 0);
  const days = daysBetween(start, end) + 1;
  const elapsed = asOf === null ? 0 : Math.min(days, Math.max(0, daysBetween(start, asOf) + 1));
  return { label: labelOf(kind, year, first), start, end, days, daysElapsed: elapsed };
}

/** The first day of the period a label names, or a sentence saying what is wrong. */
export function periodStartOfLabel(kind: BudgetPeriod, label: string): { start: string } | { problem: string } {
  const match = LABEL[kind].exec(label);
  if (!match) return { problem: `"${label}" is not a ${kind} (write it like ${EXAMPLE[kind]}).` };
  const year = Number(match[1]);
  const month = kind === 'month' ? Number(match[2]) - 1 : kind === 'quarter' ? (Number(match[2]) - 1) * 3 : 0;
  return { start: iso(year, month, 1) };
}
