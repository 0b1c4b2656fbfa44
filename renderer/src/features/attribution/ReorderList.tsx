/**
 * An ordered list the user reorders by dragging (mouse, pen) or with its "Move up" / "Move down"
 * buttons (keyboard, and anyone who cannot drag: WCAG 2.2 2.5.7). Each move is announced.
 */
import { Box, IconButton } from '@mui/material';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { useRef, useState, type ReactNode } from 'react';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { moveAnnouncement, moveItem } from './list-order.js';

export function ReorderList<T>({ label, items, itemKey, itemName, render, onReorder }: {
  /** The list's accessible name. */
  label: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  /** How moves name the item, e.g. `Rule "S3 to platform"`. */
  itemName: (item: T) => string;
  render: (item: T, index: number) => ReactNode;
  onReorder: (next: T[]) => void;
}) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  const move = (from: number, to: number, refocus: 'up' | 'down' | null) => {
    const item = items[from];
    if (item === undefined || to < 0 || to >= items.length || from === to) return;
    onReorder(moveItem(items, from, to));
    setAnnouncement(moveAnnouncement(itemName(item), to, items.length));
    // Keep focus on the same button of the moved item (or the other one at either end).
    if (refocus) {
      const key = itemKey(item);
      const side = (to === 0 && refocus === 'up') ? 'down' : (to === items.length - 1 && refocus === 'down') ? 'up' : refocus;
      requestAnimationFrame(() => buttons.current.get(`${key}:${side}`)?.focus());
    }
  };

  return (
    <>
      <Box component="ol" aria-label={label} sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {items.map((item, index) => {
          const key = itemKey(item);
          const name = itemName(item);
          return (
            <Box
              component="li"
              key={key}
              draggable
              onDragStart={(e) => {
                setDragging(index);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', key);
              }}
              onDragOver={(e) => {
                if (dragging === null) return;
                e.preventDefault();
                setOver(index);
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging !== null) move(dragging, index, null);
                setDragging(null);
                setOver(null);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              sx={{
                display: 'flex', alignItems: 'center', gap: 1, p: 1, border: 1, borderRadius: 1,
                borderColor: over === index && dragging !== index ? 'primary.main' : 'divider',
                borderStyle: over === index && dragging !== index ? 'dashed' : 'solid',
                opacity: dragging === index ? 0.6 : 1,
              }}
            >
              <DragIndicatorIcon aria-hidden sx={{ cursor: 'grab', color: 'text.secondary' }} />
              <Box sx={{ flexGrow: 1, minWidth: 0 }}>{render(item, index)}</Box>
              <IconButton size="small" aria-label={`Move ${name} up`} disabled={index === 0} ref={(el) => { buttons.current.set(`${key}:up`, el); }} onClick={() => move(index, index - 1, 'up')}>
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
              <IconButton size="small" aria-label={`Move ${name} down`} disabled={index === items.length - 1} ref={(el) => { buttons.current.set(`${key}:down`, el); }} onClick={() => move(index, index + 1, 'down')}>
                <ArrowDownwardIcon fontSize="small" />
              </IconButton>
            </Box>
          );
        })}
      </Box>
      <VisuallyHidden><span role="status">{announcement}</span></VisuallyHidden>
    </>
  );
}
