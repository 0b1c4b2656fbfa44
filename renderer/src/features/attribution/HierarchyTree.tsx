/**
 * An accessible tree (the ARIA tree pattern: one tab stop, arrows move, Right/Left open and close,
 * Enter or Space selects). MUI's tree view is not installed; this is the small part we need.
 */
import { Box, Typography } from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { treeKey, visibleItems, type TreeNode } from './tree-nav.js';

export interface LabelledNode extends TreeNode {
  label: string;
  /** Text after the label (totals, coverage), part of the item's name. */
  detail: ReactNode;
  children: readonly LabelledNode[];
}

export function HierarchyTree({ label, roots, selected, onSelect, initiallyExpanded = [] }: {
  label: string;
  roots: readonly LabelledNode[];
  selected: string | null;
  onSelect: (id: string) => void;
  initiallyExpanded?: readonly string[];
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(initiallyExpanded));
  const [focused, setFocused] = useState<string | null>(null);
  const items = useMemo(() => visibleItems(roots, expanded), [roots, expanded]);
  const refs = useRef(new Map<string, HTMLLIElement | null>());
  const baseId = useId();
  // The one tab stop: the focused item if still visible, else the selected one, else the first.
  const tabStop = items.find((i) => i.id === focused)?.id ?? items.find((i) => i.id === selected)?.id ?? items[0]?.id;

  const toggle = (id: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  const onKeyDown = (event: KeyboardEvent, id: string) => {
    // Items nest, so a key pressed on a child also reaches its ancestors: only the focused item acts.
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
      return;
    }
    const action = treeKey(event.key, id, items, expanded);
    if (action.kind === 'none') return;
    event.preventDefault();
    event.stopPropagation();
    if (action.kind === 'focus') {
      setFocused(action.id);
      refs.current.get(action.id)?.focus();
    } else toggle(action.id, action.kind === 'expand');
  };

  // Ids come from positions: node ids are user text (spaces would break aria-labelledby).
  const renderNodes = (nodes: readonly LabelledNode[], level: number, path: string): ReactNode =>
    nodes.map((node, index) => {
      const open = expanded.has(node.id);
      const hasChildren = node.children.length > 0;
      const labelId = `${baseId}-${path}${index}`;
      return (
        <Box
          component="li"
          key={node.id}
          role="treeitem"
          aria-labelledby={labelId}
          aria-level={level}
          aria-setsize={nodes.length}
          aria-posinset={index + 1}
          aria-expanded={hasChildren ? open : undefined}
          aria-selected={selected === node.id}
          tabIndex={tabStop === node.id ? 0 : -1}
          ref={(el: HTMLLIElement | null) => { refs.current.set(node.id, el); }}
          onKeyDown={(e: KeyboardEvent) => onKeyDown(e, node.id)}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setFocused(node.id);
          }}
          sx={{ listStyle: 'none', outline: 'none', '&:focus-visible > .tree-row': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: '1px' } }}
        >
          <Box
            className="tree-row"
            onClick={(e) => {
              e.stopPropagation();
              if (hasChildren) toggle(node.id, !open);
              onSelect(node.id);
              setFocused(node.id);
            }}
            sx={{
              display: 'flex', alignItems: 'center', gap: 1, py: 0.5, pr: 1, pl: (level - 1) * 2.5, borderRadius: 1, cursor: 'pointer',
              bgcolor: selected === node.id ? 'action.selected' : undefined,
              '&:hover': { bgcolor: 'action.hover' },
            }}
          >
            <Box component="span" aria-hidden sx={{ width: 24, display: 'inline-flex' }}>
              {hasChildren && (open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />)}
            </Box>
            <Typography id={labelId} component="span" variant="body2" sx={{ display: 'flex', gap: 2, flexGrow: 1, justifyContent: 'space-between' }}>
              <span>{node.label}</span>
              <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>{node.detail}</Box>
            </Typography>
          </Box>
          {hasChildren && open && (
            <Box component="ul" role="group" sx={{ p: 0, m: 0 }}>
              {renderNodes(node.children, level + 1, `${path}${index}-`)}
            </Box>
          )}
        </Box>
      );
    });

  return (
    <Box component="ul" role="tree" aria-label={label} sx={{ p: 0, m: 0 }}>
      {renderNodes(roots, 1, '')}
    </Box>
  );
}
