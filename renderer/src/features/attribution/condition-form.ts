/**
 * The editable form of a rule's conditions: a group (all / any) of conditions and sub-groups,
 * edited by path (pure, tested beside). Converting to and from the engine's rule type is in
 * rule-form.ts, so that this part does not depend on the contract.
 */

export type FieldKind = 'column' | 'tag' | 'extra';

export interface ConditionForm {
  type: 'condition';
  field: FieldKind;
  /** Column name, tag key or extra column name. */
  name: string;
  operator: string;
  /** The operand as typed (a list: one value per line or comma-separated); unused by exists / missing. */
  value: string;
}

export interface GroupForm {
  type: 'group';
  combinator: 'all' | 'any';
  items: Array<ConditionForm | GroupForm>;
}

export interface OperatorOption {
  id: string;
  label: string;
  /** exists / missing take no value. */
  needsValue: boolean;
  /** A hint under the value field, e.g. "one value per line". */
  hint?: string;
}

/** A position in the tree: indexes from the root group down. */
export type Path = readonly number[];

export const emptyCondition = (): ConditionForm => ({ type: 'condition', field: 'column', name: 'ServiceName', operator: 'equals', value: '' });

function updateGroup(group: GroupForm, path: Path, change: (g: GroupForm) => GroupForm): GroupForm {
  if (path.length === 0) return change(group);
  const [head, ...rest] = path;
  return {
    ...group,
    items: group.items.map((item, i) => (i === head && item.type === 'group' ? updateGroup(item, rest, change) : item)),
  };
}

/** Adds a condition (or an empty-condition sub-group) at the end of the group at `path`. */
export function addItem(root: GroupForm, path: Path, kind: 'condition' | 'group'): GroupForm {
  const item: ConditionForm | GroupForm = kind === 'condition' ? emptyCondition() : { type: 'group', combinator: 'any', items: [emptyCondition()] };
  return updateGroup(root, path, (g) => ({ ...g, items: [...g.items, item] }));
}

/** Removes the item at `path` (the root itself cannot be removed). */
export function removeItem(root: GroupForm, path: Path): GroupForm {
  if (path.length === 0) return root;
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  return updateGroup(root, parent, (g) => ({ ...g, items: g.items.filter((_, i) => i !== index) }));
}

/** Changes fields of the condition at `path`. */
export function updateCondition(root: GroupForm, path: Path, patch: Partial<Omit<ConditionForm, 'type'>>): GroupForm {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1];
  return updateGroup(root, parent, (g) => ({
    ...g,
    items: g.items.map((item, i) => (i === index && item.type === 'condition' ? { ...item, ...patch } : item)),
  }));
}

export function setCombinator(root: GroupForm, path: Path, combinator: GroupForm['combinator']): GroupForm {
  return updateGroup(root, path, (g) => ({ ...g, combinator }));
}

/** "ServiceName contains S3 and (tag team exists or …)", for lists and screen readers. */
export function describeGroup(group: GroupForm, operatorLabel: (op: string) => string): string {
  const parts = group.items.map((item) =>
    item.type === 'group'
      ? `(${describeGroup(item, operatorLabel)})`
      : `${item.field === 'tag' ? `tag ${item.name}` : item.field === 'extra' ? `extra ${item.name}` : item.name} ${operatorLabel(item.operator)}${item.value.trim() ? ` ${item.value.trim()}` : ''}`,
  );
  if (parts.length === 0) return 'every cost line';
  return parts.join(group.combinator === 'all' ? ' and ' : ' or ');
}
