/**
 * Reading a business-metric CSV: `date,<dimension>,<metric>`, one row per day and dimension
 * value, e.g.
 *
 *   date,team,searches
 *   2026-01-05,search,120000
 *
 * The header names the dimension (an allocated dimension such as `team`, `tag:<key>`, or a FOCUS
 * column such as `ServiceName`) and the metric. Dates in any shape the cost importer reads
 * (values.ts), with the file's day/month order decided from all its dates; amounts are plain or
 * spreadsheet numbers ("1,200", "$3.50"), never negative. Every bad row is reported with its row
 * number (header = row 1); a file with any problem is imported not at all.
 */
import { DateOrderEvidence } from '../import/readers/date-order.js';
import { DateReader, dayOf, parseDecimal } from '../import/values.js';
import type { MetricProblem } from '../../../shared/metrics.js';

export interface ParsedMetricRow {
  value: string;
  day: number;
  amount: number;
  /** Its record number in the file. */
  row: number;
}

export interface ParsedMetricFile {
  name: string | null;
  dimension: string | null;
  rows: ParsedMetricRow[];
  rowsRead: number;
  problems: MetricProblem[];
  warnings: string[];
}

const MAX_NAME_CHARS = 100;
const DATE_HEADERS = new Set(['date', 'day']);

/** Trimmed header cell; the first one without a byte-order mark. */
function headerCell(cell: string | undefined): string {
  return (cell ?? '').replace(/^\uFEFF/, '').trim();
}

/** A dimension name or null with the reason in `problems`. */
export function checkDimension(text: string): string | null {
  if (text === '') return null;
  if (text.length > MAX_NAME_CHARS) return null;
  if (/^tag:/i.test(text)) return text.slice(4).trim() === '' ? null : `tag:${text.slice(4).trim()}`;
  return /^[A-Za-z_][A-Za-z0-9_ .-]*$/.test(text) ? text : null;
}

export function checkMetricName(text: string): string | null {
  const name = text.trim();
  const control = [...name].some((ch) => ch.charCodeAt(0) < 0x20);
  return name === '' || name.length > MAX_NAME_CHARS || control ? null : name;
}

function isBlank(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

/** Checks the header and every row; `nameOverride` replaces the third header cell as the metric's name. */
export function parseMetricRecords(records: readonly string[][], nameOverride?: string): ParsedMetricFile {
  const problems: MetricProblem[] = [];
  const warnings: string[] = [];
  const header = (records[0] ?? []).map(headerCell);
  while (header.length > 3 && header[header.length - 1] === '') header.pop();
  const result: ParsedMetricFile = { name: null, dimension: null, rows: [], rowsRead: 0, problems, warnings };
  if (header.length !== 3) {
    problems.push({
      row: 1,
      message: `The header must have three columns: date, the dimension (e.g. team) and the metric (e.g. searches); it has ${header.length}${header.length ? ` (${header.join(', ')})` : ''}.`,
    });
    return result;
  }
  const [dateHeader = '', dimensionHeader = '', metricHeader = ''] = header;
  if (!DATE_HEADERS.has(dateHeader.toLowerCase())) problems.push({ row: 1, message: `The first column must be "date"; it is "${dateHeader}".` });
  result.dimension = checkDimension(dimensionHeader);
  if (result.dimension === null) {
    problems.push({ row: 1, message: `The second column must name a dimension (e.g. team, tag:project or ServiceName); "${dimensionHeader}" is not one.` });
  }
  result.name = checkMetricName(nameOverride ?? metricHeader);
  if (result.name === null) problems.push({ row: 1, message: `The metric needs a name of 1 to ${MAX_NAME_CHARS} characters (the third column's header, or a name given).` });

  const data = records.slice(1);
  const evidence = new DateOrderEvidence();
  const dates = data.map((r) => [r[0] ?? '']);
  evidence.chooseColumns(dates);
  evidence.observe(dates);
  const decision = evidence.decision();
  warnings.push(...decision.warnings);
  const reader = new DateReader(decision.order);

  const seen = new Map<string, number>();
  data.forEach((record, i) => {
    const row = i + 2;
    if (isBlank(record)) return;
    result.rowsRead++;
    const cells = record.slice();
    while (cells.length > 3 && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
    if (cells.length !== 3) {
      problems.push({ row, message: `has ${cells.length} cells; expected 3 (date, ${dimensionHeader || 'dimension'}, ${metricHeader || 'metric'}).` });
      return;
    }
    const [dateText = '', valueText = '', amountText = ''] = cells;
    const reasons: string[] = [];
    const seconds = reader.read(dateText);
    if (typeof seconds !== 'number') reasons.push(seconds === null ? 'the date is empty' : `date "${dateText.trim()}" ${reader.problem(dateText)}`);
    const value = valueText.trim();
    if (value === '') reasons.push(`the ${dimensionHeader || 'dimension'} is empty`);
    const amount = parseDecimal(amountText);
    if (amount === null) reasons.push('the amount is empty');
    else if (amount === undefined) reasons.push(`amount "${amountText.trim()}" is not a number`);
    else if (amount < 0) reasons.push(`amount ${amountText.trim()} is negative`);
    if (reasons.length > 0 || typeof seconds !== 'number' || typeof amount !== 'number') {
      problems.push({ row, message: `${reasons.join('; ')}.` });
      return;
    }
    const day = dayOf(seconds);
    const key = `${value}\u0000${day}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ row, message: `repeats the day and ${dimensionHeader} of row ${earlier}.` });
      return;
    }
    seen.set(key, row);
    result.rows.push({ value, day, amount, row });
  });
  if (result.rowsRead === 0 && problems.length === 0) problems.push({ row: null, message: 'The file has a header but no rows.' });
  return result;
}
