/** RFC 4180 CSV output: a field is quoted only when it holds a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, terminated by "\n" (LF only, so output is identical on every platform). */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
