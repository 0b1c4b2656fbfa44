/** Text tests of the text operators, shared by the SQL compiler (over distinct values) and nothing else. */
import type { Condition } from '../../../shared/attribution.js';

export function regexOf(pattern: string, ignoreCase: boolean): RegExp {
  return new RegExp(pattern, ignoreCase ? 'i' : '');
}

/** The test of a text operator on one (non-empty) value; false for the other operators. */
export function textPredicate(condition: Condition): (text: string) => boolean {
  const fold = 'ignoreCase' in condition && condition.ignoreCase === true ? (s: string) => s.toLowerCase() : (s: string) => s;
  switch (condition.op) {
    case 'equals': {
      const want = fold(condition.value);
      return (text) => fold(text) === want;
    }
    case 'contains': {
      const want = fold(condition.value);
      return (text) => fold(text).includes(want);
    }
    case 'startsWith': {
      const want = fold(condition.value);
      return (text) => fold(text).startsWith(want);
    }
    case 'regex': {
      const regex = regexOf(condition.value, condition.ignoreCase === true);
      return (text) => regex.test(text);
    }
    case 'in': {
      const want = new Set(condition.values.map(fold));
      return (text) => want.has(fold(text));
    }
    default:
      return () => false;
  }
}
