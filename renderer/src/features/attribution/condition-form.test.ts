import { describe, expect, it } from 'vitest';
import { addItem, describeGroup, emptyCondition, removeItem, setCombinator, updateCondition, type GroupForm } from './condition-form.js';

const label = (op: string) => op.replace('_', ' ');

describe('editing a rule\'s conditions', () => {
  it('adds, edits and removes conditions and sub-groups by path, never changing the input', () => {
    const start: GroupForm = { type: 'group', combinator: 'all', items: [emptyCondition()] };
    let form = updateCondition(start, [0], { operator: 'contains', value: 'S3' });
    expect(start.items[0]).toMatchObject({ operator: 'equals', value: '' });
    form = addItem(form, [], 'group');
    form = updateCondition(form, [1, 0], { field: 'tag', name: 'team', operator: 'missing' });
    form = addItem(form, [1], 'condition');
    form = updateCondition(form, [1, 1], { name: 'ProviderName', value: 'AWS' });
    expect(describeGroup(form, label)).toBe('ServiceName contains S3 and (tag team missing or ProviderName equals AWS)');
    form = setCombinator(form, [], 'any');
    form = setCombinator(form, [1], 'all');
    expect(describeGroup(form, label)).toBe('ServiceName contains S3 or (tag team missing and ProviderName equals AWS)');
    form = removeItem(form, [1, 0]);
    expect(describeGroup(form, label)).toBe('ServiceName contains S3 or (ProviderName equals AWS)');
    form = removeItem(form, [0]);
    expect(form.items).toHaveLength(1);
    expect(removeItem(form, [])).toBe(form);
  });
  it('describes an empty group as matching everything, and names extras', () => {
    expect(describeGroup({ type: 'group', combinator: 'all', items: [] }, label)).toBe('every cost line');
    expect(describeGroup({ type: 'group', combinator: 'all', items: [{ type: 'condition', field: 'extra', name: 'x_Model', operator: 'exists', value: ' ' }] }, label))
      .toBe('extra x_Model exists');
  });
});
