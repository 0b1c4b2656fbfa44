/** A plain text table: columns padded to their widest cell, numbers right-aligned. */
export type Cell = string | number;

const NUMERIC = /^-?[\d,]+(\.\d+)?( ?[×x%])?$/;

export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const rightAligned = header.map((_, column) => rows.length > 0 && rows.every((row) => NUMERIC.test(String(row[column] ?? '')) || row[column] === '–'));
  const line = (row: readonly string[]): string =>
    row.map((cell, column) => (rightAligned[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...cells.slice(1).map(line)].join('\n') + '\n';
}

/** A number with thousands separators and a fixed number of decimals. */
export function fmt(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
