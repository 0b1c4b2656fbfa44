/** Reordering a list by drag or by keyboard (pure, tested beside). */

/** The list with the item at `from` moved to `to` (both clamped); a new array, the input untouched. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= items.length) return next;
  const target = Math.max(0, Math.min(items.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** What a screen reader hears after a move: "Rule S3 to platform moved to position 2 of 5." */
export function moveAnnouncement(name: string, to: number, count: number): string {
  return `${name} moved to position ${to + 1} of ${count}.`;
}
