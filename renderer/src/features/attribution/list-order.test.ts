import { describe, expect, it } from 'vitest';
import { moveAnnouncement, moveItem } from './list-order.js';

describe('moving a rule in the list', () => {
  it('moves up, down, to either end, and leaves the input alone', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveItem(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
  it('clamps a move past either end and ignores an index outside the list', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 4, 0)).toEqual(['a', 'b']);
  });
  it('announces positions counted from 1', () => {
    expect(moveAnnouncement('Rule "S3"', 0, 3)).toBe('Rule "S3" moved to position 1 of 3.');
  });
});
