/** "1 day", "3 days": a count with its noun, for messages and notes. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
