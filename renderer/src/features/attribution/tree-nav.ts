/**
 * Keyboard model of the ARIA tree pattern (pure, tested beside): which items are visible given
 * the expanded ones, and where each key moves focus or what it expands or collapses.
 */

export interface TreeNode {
  id: string;
  children: readonly TreeNode[];
}

export interface VisibleItem {
  id: string;
  parentId: string | null;
  hasChildren: boolean;
  /** 1 for the roots, as `aria-level`. */
  level: number;
}

/** The items a user can reach, in reading order: roots, and the children of expanded items. */
export function visibleItems(roots: readonly TreeNode[], expanded: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = [];
  const walk = (nodes: readonly TreeNode[], parentId: string | null, level: number) => {
    for (const node of nodes) {
      out.push({ id: node.id, parentId, hasChildren: node.children.length > 0, level });
      if (node.children.length > 0 && expanded.has(node.id)) walk(node.children, node.id, level + 1);
    }
  };
  walk(roots, null, 1);
  return out;
}

export type TreeAction =
  | { kind: 'focus'; id: string }
  | { kind: 'expand'; id: string }
  | { kind: 'collapse'; id: string }
  | { kind: 'none' };

/** What a key does on the focused item (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/). */
export function treeKey(key: string, focusedId: string, items: readonly VisibleItem[], expanded: ReadonlySet<string>): TreeAction {
  const index = items.findIndex((i) => i.id === focusedId);
  const item = items[index];
  if (!item) return { kind: 'none' };
  const focus = (other: VisibleItem | undefined): TreeAction => (other ? { kind: 'focus', id: other.id } : { kind: 'none' });
  switch (key) {
    case 'ArrowDown':
      return focus(items[index + 1]);
    case 'ArrowUp':
      return focus(items[index - 1]);
    case 'Home':
      return focus(items[0]);
    case 'End':
      return focus(items[items.length - 1]);
    case 'ArrowRight':
      if (!item.hasChildren) return { kind: 'none' };
      return expanded.has(item.id) ? focus(items[index + 1]) : { kind: 'expand', id: item.id };
    case 'ArrowLeft':
      if (item.hasChildren && expanded.has(item.id)) return { kind: 'collapse', id: item.id };
      return item.parentId === null ? { kind: 'none' } : { kind: 'focus', id: item.parentId };
    default:
      return { kind: 'none' };
  }
}
