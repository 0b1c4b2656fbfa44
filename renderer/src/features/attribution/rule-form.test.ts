import { describe, expect, it } from 'vitest';
import type { AllocationRule } from '../../../../shared/attribution.js';
import { addItem, updateCondition } from './condition-form.js';
import { describeRule, newRuleForm, ruleFromForm, ruleIdFor, ruleToForm, type RuleForm } from './rule-form.js';

const none = new Set<string>();

describe('the rule editor form', () => {
  it('builds "team = platform when ServiceName contains S3" from typed fields', () => {
    const form: RuleForm = { ...newRuleForm('team'), name: ' S3 to platform ', value: { ...newRuleForm('team').value, constant: ' platform ' } };
    form.when = updateCondition(addItem(form.when, [], 'condition'), [0], { name: 'ServiceName', operator: 'contains', value: 'S3' });
    const checked = ruleFromForm(form, none);
    expect(checked).toEqual({
      ok: true,
      value: {
        id: 's3-to-platform', name: 'S3 to platform', enabled: true, dimension: 'team',
        when: { match: 'all', conditions: [{ column: 'ServiceName', op: 'contains', value: 'S3' }] },
        value: { kind: 'constant', value: 'platform' },
      },
    });
    if (checked.ok) expect(describeRule(checked.value, 'Team')).toBe('Team = "platform", when ServiceName contains S3');
  });
  it('reads lists, numbers, tags, extras and nested groups, and names each bad field', () => {
    let when = addItem(addItem({ type: 'group', combinator: 'any', items: [] }, [], 'condition'), [], 'group');
    when = updateCondition(when, [0], { field: 'tag', name: 'env', operator: 'in', value: 'prod, staging\nqa\n' });
    when = updateCondition(when, [1, 0], { field: 'column', name: 'x_Tokens', operator: '>=', value: '1e3' });
    const base = { ...newRuleForm('model'), name: 'Model from SKU', when };
    const form: RuleForm = { ...base, value: { ...base.value, kind: 'capture', captureField: 'extra', name: 'lineItem/UsageType', pattern: 'model/(?<m>[\\w.-]+)', group: 'm' } };
    const checked = ruleFromForm(form, none);
    expect(checked.ok && checked.value.when).toEqual({
      match: 'any',
      conditions: [
        { column: 'tag:env', op: 'in', values: ['prod', 'staging', 'qa'] },
        { match: 'any', conditions: [{ column: 'x_Tokens', op: '>=', number: 1000 }] },
      ],
    });
    expect(checked.ok && checked.value.value).toEqual({ kind: 'capture', column: 'extra:lineItem/UsageType', pattern: 'model/(?<m>[\\w.-]+)', group: 'm' });

    expect(ruleFromForm({ ...form, name: ' ' }, none)).toEqual({ ok: false, problem: 'Name: give the rule a name.' });
    expect(ruleFromForm({ ...form, when: updateCondition(when, [1, 0], { value: '12x' }) }, none))
      .toEqual({ ok: false, problem: 'Condition 2.1: "12x" is not a number.' });
    expect(ruleFromForm({ ...form, when: updateCondition(when, [0], { name: '' }) }, none))
      .toEqual({ ok: false, problem: 'Condition 1: choose a tag key.' });
    const badRegex = ruleFromForm({ ...form, value: { ...form.value, pattern: '(' } }, none);
    expect(badRegex.ok === false && badRegex.problem).toMatch(/^Value: the regular expression is not valid/);
    expect(ruleFromForm({ ...form, value: { ...form.value, kind: 'constant', constant: '' } }, none)).toEqual({ ok: false, problem: 'Value: give the value to set.' });
  });
  it('round-trips a stored rule through the form unchanged', () => {
    const rule: AllocationRule = {
      id: 'team-from-tag', name: 'Team from tag', enabled: false, dimension: 'team', note: 'the default',
      when: { match: 'all', conditions: [{ column: 'tag:team', op: 'exists' }, { match: 'any', conditions: [{ column: 'extra:x_pool', op: 'regex', value: '^gpu' }] }] },
      value: { kind: 'column', column: 'tag:team' },
    };
    expect(ruleFromForm(ruleToForm(rule), new Set(['team-from-tag']))).toEqual({ ok: true, value: rule });
    expect(describeRule({ ...rule, when: { match: 'all', conditions: [] } }, 'Team')).toBe('Team = the value of tag team, for every cost line');
    expect(describeRule(rule, 'Team')).toBe('Team = the value of tag team, when tag team is set and (extra x_pool matches regex ^gpu)');
    const extra: AllocationRule = { ...rule, value: { kind: 'column', column: 'extra:owner' } };
    expect(ruleFromForm(ruleToForm(extra), none)).toEqual({ ok: true, value: extra });
    const capture: AllocationRule = { ...rule, value: { kind: 'capture', column: 'ServiceName', pattern: '(\\w+)', group: 1 } };
    expect(ruleFromForm(ruleToForm(capture), none)).toEqual({ ok: true, value: capture });
  });
  it('makes ids from names that are unique among the rules', () => {
    expect(ruleIdFor('S3 → platform!', none)).toBe('s3-platform');
    expect(ruleIdFor('S3 → platform', new Set(['s3-platform', 's3-platform-2']))).toBe('s3-platform-3');
    expect(ruleIdFor('→', none)).toBe('rule');
  });
});
