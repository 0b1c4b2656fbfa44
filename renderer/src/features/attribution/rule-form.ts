/**
 * A rule as the editor holds it (text fields as typed) and back to the engine's `AllocationRule`,
 * with the first problem named in words (pure, tested beside).
 */
import type { AllocationRule, Condition, ConditionGroup, ConditionNode, RuleValue } from '../../../../shared/attribution.js';
import type { ConditionForm, FieldKind, GroupForm, OperatorOption } from './condition-form.js';

export const OPERATORS: readonly OperatorOption[] = [
  { id: 'equals', label: 'equals', needsValue: true },
  { id: 'in', label: 'is one of', needsValue: true, hint: 'One value per line, or separated by commas' },
  { id: 'contains', label: 'contains', needsValue: true },
  { id: 'startsWith', label: 'starts with', needsValue: true },
  { id: 'regex', label: 'matches regex', needsValue: true, hint: 'A JavaScript regular expression, e.g. ^gpt-4' },
  { id: 'exists', label: 'is set', needsValue: false },
  { id: 'missing', label: 'is not set', needsValue: false },
  { id: '=', label: '= (number)', needsValue: true },
  { id: '>', label: '> (number)', needsValue: true },
  { id: '>=', label: '≥ (number)', needsValue: true },
  { id: '<', label: '< (number)', needsValue: true },
  { id: '<=', label: '≤ (number)', needsValue: true },
];

export const operatorLabel = (op: string): string => OPERATORS.find((o) => o.id === op)?.label ?? op;

export type ValueKind = 'constant' | 'column' | 'tag' | 'capture';

export interface ValueForm {
  kind: ValueKind;
  /** The constant (kind constant). */
  constant: string;
  /** Column name, or tag key (kind tag); for a capture, the field it reads (see `captureField`). */
  name: string;
  captureField: FieldKind;
  pattern: string;
  /** Capture group number or name, as typed. */
  group: string;
}

export interface RuleForm {
  id: string | null;
  name: string;
  enabled: boolean;
  dimension: string;
  when: GroupForm;
  value: ValueForm;
  note: string;
}

// ── Column references: `tag:<key>`, `extra:<column>` or a column name ─────────────────────────

export function refOf(field: FieldKind, name: string): string {
  const trimmed = name.trim();
  return field === 'tag' ? `tag:${trimmed}` : field === 'extra' ? `extra:${trimmed}` : trimmed;
}

export function fieldOf(ref: string): { field: FieldKind; name: string } {
  if (ref.startsWith('tag:')) return { field: 'tag', name: ref.slice(4) };
  if (ref.startsWith('extra:')) return { field: 'extra', name: ref.slice(6) };
  return { field: 'column', name: ref };
}

export function refLabel(ref: string): string {
  const { field, name } = fieldOf(ref);
  return field === 'tag' ? `tag ${name}` : field === 'extra' ? `extra ${name}` : name;
}

// ── Engine → form ──────────────────────────────────────────────────────────────────────────────

function conditionToForm(c: Condition): ConditionForm {
  const { field, name } = fieldOf(c.column);
  const value = 'values' in c ? c.values.join('\n') : 'number' in c ? String(c.number) : 'value' in c ? c.value : '';
  return { type: 'condition', field, name, operator: c.op, value };
}

function isGroup(node: ConditionNode): node is ConditionGroup {
  return 'match' in node;
}

export function groupToForm(group: ConditionGroup): GroupForm {
  return { type: 'group', combinator: group.match, items: group.conditions.map((n) => (isGroup(n) ? groupToForm(n) : conditionToForm(n))) };
}

export function newRuleForm(dimension: string): RuleForm {
  return {
    id: null, name: '', enabled: true, dimension,
    when: { type: 'group', combinator: 'all', items: [] },
    value: { kind: 'constant', constant: '', name: '', captureField: 'column', pattern: '', group: '1' },
    note: '',
  };
}

export function ruleToForm(rule: AllocationRule): RuleForm {
  const base = newRuleForm(rule.dimension);
  const v = rule.value;
  let value: ValueForm = base.value;
  if (v.kind === 'constant') value = { ...value, kind: 'constant', constant: v.value };
  else if (v.kind === 'column') {
    const { field, name } = fieldOf(v.column);
    value = { ...value, kind: field === 'tag' ? 'tag' : 'column', name: field === 'extra' ? v.column : name };
  } else {
    const { field, name } = fieldOf(v.column);
    value = { ...value, kind: 'capture', captureField: field, name, pattern: v.pattern, group: String(v.group) };
  }
  return { id: rule.id, name: rule.name, enabled: rule.enabled, dimension: rule.dimension, when: groupToForm(rule.when), value, note: rule.note ?? '' };
}

// ── Form → engine ──────────────────────────────────────────────────────────────────────────────

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function conditionFromForm(c: ConditionForm, where: string): Checked<Condition> {
  if (c.name.trim() === '') return { ok: false, problem: `${where}: choose a ${c.field === 'tag' ? 'tag key' : 'column'}.` };
  const column = refOf(c.field, c.name);
  const text = c.value.trim();
  switch (c.operator) {
    case 'exists':
    case 'missing':
      return { ok: true, value: { column, op: c.operator } };
    case 'in': {
      const values = c.value.split(/[\n,]/).map((v) => v.trim()).filter((v) => v !== '');
      if (values.length === 0) return { ok: false, problem: `${where}: give at least one value.` };
      return { ok: true, value: { column, op: 'in', values } };
    }
    case '=': case '<': case '<=': case '>': case '>=': {
      const number = Number(text);
      if (text === '' || !Number.isFinite(number)) return { ok: false, problem: `${where}: "${text}" is not a number.` };
      return { ok: true, value: { column, op: c.operator, number } };
    }
    case 'equals': case 'contains': case 'startsWith': case 'regex': {
      if (c.value === '') return { ok: false, problem: `${where}: give a value.` };
      if (c.operator === 'regex') {
        const problem = regexProblem(c.value);
        if (problem) return { ok: false, problem: `${where}: the regular expression is not valid (${problem}).` };
      }
      return { ok: true, value: { column, op: c.operator, value: c.value } };
    }
    default:
      return { ok: false, problem: `${where}: unknown operator "${c.operator}".` };
  }
}

export function groupFromForm(group: GroupForm, where = 'Conditions'): Checked<ConditionGroup> {
  const conditions: ConditionNode[] = [];
  for (const [i, item] of group.items.entries()) {
    const label = where === 'Conditions' ? '' : `${where.replace(/^Group /, '')}.`;
    const checked = item.type === 'group'
      ? groupFromForm(item, `Group ${label}${i + 1}`)
      : conditionFromForm(item, `Condition ${label}${i + 1}`);
    if (!checked.ok) return checked;
    conditions.push(checked.value);
  }
  return { ok: true, value: { match: group.combinator, conditions } };
}

function valueFromForm(v: ValueForm): Checked<RuleValue> {
  switch (v.kind) {
    case 'constant':
      return v.constant.trim() === '' ? { ok: false, problem: 'Value: give the value to set.' } : { ok: true, value: { kind: 'constant', value: v.constant.trim() } };
    case 'column':
      return v.name.trim() === '' ? { ok: false, problem: 'Value: choose the column to read.' } : { ok: true, value: { kind: 'column', column: v.name.trim() } };
    case 'tag':
      return v.name.trim() === '' ? { ok: false, problem: 'Value: give the tag key to read.' } : { ok: true, value: { kind: 'column', column: `tag:${v.name.trim()}` } };
    case 'capture': {
      if (v.name.trim() === '') return { ok: false, problem: 'Value: choose what the regular expression reads.' };
      if (v.pattern === '') return { ok: false, problem: 'Value: give a regular expression with a capture group.' };
      const problem = regexProblem(v.pattern);
      if (problem) return { ok: false, problem: `Value: the regular expression is not valid (${problem}).` };
      const group = /^\d+$/.test(v.group.trim()) ? Number(v.group.trim()) : v.group.trim();
      if (group === '') return { ok: false, problem: 'Value: give the capture group (a number or a name).' };
      return { ok: true, value: { kind: 'capture', column: refOf(v.captureField, v.name), pattern: v.pattern, group } };
    }
  }
}

/** A rule id from its name, unique among `taken` ("S3 to platform" → "s3-to-platform", then "-2"…). */
export function ruleIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'rule';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function ruleFromForm(form: RuleForm, takenIds: ReadonlySet<string>): Checked<AllocationRule> {
  if (form.name.trim() === '') return { ok: false, problem: 'Name: give the rule a name.' };
  if (form.dimension === '') return { ok: false, problem: 'Dimension: choose the dimension the rule sets.' };
  const when = groupFromForm(form.when);
  if (!when.ok) return when;
  const value = valueFromForm(form.value);
  if (!value.ok) return value;
  const rule: AllocationRule = {
    id: form.id ?? ruleIdFor(form.name, takenIds),
    name: form.name.trim(),
    enabled: form.enabled,
    dimension: form.dimension,
    when: when.value,
    value: value.value,
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
  };
  return { ok: true, value: rule };
}

// ── Words ──────────────────────────────────────────────────────────────────────────────────────

export function describeValue(v: RuleValue): string {
  if (v.kind === 'constant') return `"${v.value}"`;
  if (v.kind === 'column') return `the value of ${refLabel(v.column)}`;
  return `capture ${v.group} of /${v.pattern}/ in ${refLabel(v.column)}`;
}

export function describeCondition(group: ConditionGroup): string {
  const parts = group.conditions.map((n): string => {
    if (isGroup(n)) return `(${describeCondition(n)})`;
    const operand = 'values' in n ? n.values.join(', ') : 'number' in n ? String(n.number) : 'value' in n ? n.value : '';
    return `${refLabel(n.column)} ${operatorLabel(n.op)}${operand ? ` ${operand}` : ''}`;
  });
  if (parts.length === 0) return 'every cost line';
  return parts.join(group.match === 'all' ? ' and ' : ' or ');
}

/** "Team = the value of tag team, for every cost line"; "Team = "platform", when ServiceName contains S3". */
export function describeRule(rule: AllocationRule, dimensionName: string): string {
  const when = rule.when.conditions.length === 0 ? 'for every cost line' : `when ${describeCondition(rule.when)}`;
  return `${dimensionName} = ${describeValue(rule.value)}, ${when}`;
}
