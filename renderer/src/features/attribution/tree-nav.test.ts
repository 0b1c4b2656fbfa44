import { describe, expect, it } from 'vitest';
import { treeKey, visibleItems, type TreeNode } from './tree-nav.js';

const leaf = (id: string): TreeNode => ({ id, children: [] });
// org ─┬─ search ── rag
//      └─ research
// (unallocated)
const roots: TreeNode[] = [{ id: 'org', children: [{ id: 'search', children: [leaf('rag')] }, leaf('research')] }, leaf('unallocated')];

describe('the hierarchy tree keyboard model', () => {
  it('shows only the children of expanded items, with their levels', () => {
    expect(visibleItems(roots, new Set()).map((i) => i.id)).toEqual(['org', 'unallocated']);
    const open = visibleItems(roots, new Set(['org', 'search']));
    expect(open.map((i) => `${i.id}@${i.level}`)).toEqual(['org@1', 'search@2', 'rag@3', 'research@2', 'unallocated@1']);
    expect(open.find((i) => i.id === 'rag')?.parentId).toBe('search');
    // An expanded leaf has nothing to show; a collapsed parent hides its grandchildren too.
    expect(visibleItems(roots, new Set(['search'])).map((i) => i.id)).toEqual(['org', 'unallocated']);
  });
  it('moves with the arrows, Home and End, and stops at either end', () => {
    const expanded = new Set(['org', 'search']);
    const items = visibleItems(roots, expanded);
    expect(treeKey('ArrowDown', 'search', items, expanded)).toEqual({ kind: 'focus', id: 'rag' });
    expect(treeKey('ArrowUp', 'research', items, expanded)).toEqual({ kind: 'focus', id: 'rag' });
    expect(treeKey('ArrowDown', 'unallocated', items, expanded)).toEqual({ kind: 'none' });
    expect(treeKey('ArrowUp', 'org', items, expanded)).toEqual({ kind: 'none' });
    expect(treeKey('Home', 'rag', items, expanded)).toEqual({ kind: 'focus', id: 'org' });
    expect(treeKey('End', 'org', items, expanded)).toEqual({ kind: 'focus', id: 'unallocated' });
  });
  it('Right expands a closed parent, then enters it; Left collapses, then goes to the parent', () => {
    const closed = new Set<string>();
    expect(treeKey('ArrowRight', 'org', visibleItems(roots, closed), closed)).toEqual({ kind: 'expand', id: 'org' });
    const open = new Set(['org']);
    const items = visibleItems(roots, open);
    expect(treeKey('ArrowRight', 'org', items, open)).toEqual({ kind: 'focus', id: 'search' });
    expect(treeKey('ArrowRight', 'research', items, open)).toEqual({ kind: 'none' });
    expect(treeKey('ArrowLeft', 'org', items, open)).toEqual({ kind: 'collapse', id: 'org' });
    expect(treeKey('ArrowLeft', 'research', items, open)).toEqual({ kind: 'focus', id: 'org' });
    expect(treeKey('ArrowLeft', 'unallocated', items, open)).toEqual({ kind: 'none' });
    expect(treeKey('x', 'org', items, open)).toEqual({ kind: 'none' });
  });
});
