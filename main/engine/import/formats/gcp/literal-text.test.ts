import { describe, expect, it } from 'vitest';
import { literalText, NumberText, parseLiteral } from './literal-text.js';

describe('parseLiteral', () => {
  it('reads Python literals as pandas writes them, numbers kept as text', () => {
    const value = parseLiteral("[{'name': 'FreeTrial:Credit-000000-B0BBA4-940A77', 'amount': -5e-06, 'full_name': None, 'id': 'x', 'type': 'PROMOTION'}]");
    expect(value).toEqual([{ name: 'FreeTrial:Credit-000000-B0BBA4-940A77', amount: new NumberText('-5e-06'), full_name: null, id: 'x', type: 'PROMOTION' }]);
  });

  it('reads JSON, escapes, True/False and Decimal(...)', () => {
    expect(parseLiteral('[{"key": "a\\"b", "value": "caf\\u00e9"}]')).toEqual([{ key: 'a"b', value: 'café' }]);
    expect(parseLiteral("{'k': \"it's\", 'on': True, 'off': false, 'n': null}")).toEqual({ k: "it's", on: true, off: false, n: null });
    expect(literalText(parseLiteral("Decimal('-1.230000')"))).toBe('-1.230000');
    expect(parseLiteral('[1, 2,]')).toEqual([new NumberText('1'), new NumberText('2')]);
  });

  it('refuses text that is neither', () => {
    expect(() => parseLiteral("[{'a': 1}")).toThrow();
    expect(() => parseLiteral('team=ml')).toThrow();
    expect(() => parseLiteral('[1] x')).toThrow();
  });
});
