/**
 * Compiles rules and pool sources into tests of a line's *signature*: the values of the columns
 * the rules read (dict ids of text columns, the tag-set id, extra texts, and one 0/1 per numeric
 * comparison, which SQL evaluates per line). Conditions become id sets built once per distinct
 * value (catalog.ts); a signature is tested once, however many lines share it.
 */
import type { AllocationRule, AttributionConfig, Condition, ConditionGroup, ConditionNode, RuleValue, SharedCostPool } from '../../../shared/attribution.js';
import type { Store } from '../db/store.js';
import { Catalog, resolveColumn, type ColumnSource } from './catalog.js';
import { regexOf, textPredicate } from './predicates.js';

export type SigValue = number | string | null;
export type Signature = readonly SigValue[];

/** The inputs of a signature: SQL expressions over `cost_lines`, each once. */
export class Inputs {
  readonly sql: string[] = [];
  /** True for inputs that are text (extra columns); the others are whole numbers or NULL. */
  readonly text: boolean[] = [];
  private readonly index = new Map<string, number>();

  of(sql: string, text = false): number {
    let at = this.index.get(sql);
    if (at === undefined) {
      at = this.sql.length;
      this.sql.push(sql);
      this.text.push(text);
      this.index.set(sql, at);
    }
    return at;
  }

  get key(): string {
    return this.sql.join('\u0000');
  }
}

export interface DecodedKey {
  /** Index into the dimension's rule list. */
  rule: number;
  value: string;
}

type Test = (sig: Signature) => boolean;
type Yield = (sig: Signature) => string | null;

function numericSql(condition: Extract<Condition, { number: number }>, source: Extract<ColumnSource, { kind: 'number' }>): string {
  return `(${source.sql} ${condition.op} ${Number(condition.number)})`;
}

function numericTest(op: '<' | '<=' | '>' | '>=' | '=', number: number): (x: number) => boolean {
  switch (op) {
    case '<':
      return (x) => x < number;
    case '<=':
      return (x) => x <= number;
    case '>':
      return (x) => x > number;
    case '>=':
      return (x) => x >= number;
    case '=':
      return (x) => x === number;
  }
}

/** A test of one non-empty text value. */
function valueTest(condition: Condition): (text: string) => boolean {
  switch (condition.op) {
    case 'exists':
      return () => true;
    case 'missing':
      return () => false;
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '=': {
      const test = numericTest(condition.op, condition.number);
      return (text) => {
        const n = text.trim() === '' ? NaN : Number(text);
        return Number.isFinite(n) && test(n);
      };
    }
    default:
      return textPredicate(condition);
  }
}

export class Compiler {
  readonly catalog: Catalog;

  constructor(readonly store: Store, readonly inputs: Inputs = new Inputs()) {
    this.catalog = new Catalog(store);
  }

  /** Registers the inputs of a config (call for every config before scanning lines). */
  register(config: AttributionConfig): void {
    for (const rule of config.rules) if (rule.enabled) this.ruleChain([rule]);
    for (const pool of config.pools) if (pool.enabled && pool.source.kind === 'condition') this.group(pool.source.when);
  }

  private sourceInput(source: Exclude<ColumnSource, { kind: 'number' }>): number {
    switch (source.kind) {
      case 'dict':
        return this.inputs.of(source.sql);
      case 'tag':
        return this.inputs.of('"Tags"');
      case 'extra':
        return this.inputs.of(source.sql, true);
    }
  }

  /** The ids (or texts) of the column whose non-empty text passes `test`. */
  private matching(source: Exclude<ColumnSource, { kind: 'number' }>, test: (text: string) => boolean): Set<SigValue> | ((v: SigValue) => boolean) {
    switch (source.kind) {
      case 'dict':
        return new Set(this.catalog.dict().filter(([, text]) => text !== '' && test(text)).map(([id]) => id));
      case 'tag':
        return new Set(this.catalog.tag(source.key).filter(([, text]) => text !== '' && test(text)).map(([id]) => id));
      case 'extra': {
        const cache = new Map<string, boolean>();
        return (v) => {
          if (typeof v !== 'string' || v === '') return false;
          let known = cache.get(v);
          if (known === undefined) {
            known = test(v);
            cache.set(v, known);
          }
          return known;
        };
      }
    }
  }

  condition(condition: Condition): Test {
    const source = resolveColumn(condition.column);
    if (source.kind === 'number') {
      if (condition.op === 'exists' || condition.op === 'missing') {
        const at = this.inputs.of(`(${source.sql} IS NOT NULL)`);
        const want = condition.op === 'exists' ? 1 : 0;
        return (sig) => sig[at] === want;
      }
      if ('number' in condition) {
        const at = this.inputs.of(numericSql(condition, source));
        return (sig) => sig[at] === 1;
      }
      return () => false;
    }
    const at = this.sourceInput(source);
    const present = this.matching(source, condition.op === 'missing' ? () => true : valueTest(condition));
    const has = typeof present === 'function' ? present : (v: SigValue) => present.has(v);
    return condition.op === 'missing' ? (sig) => !has(sig[at] ?? null) : (sig) => has(sig[at] ?? null);
  }

  group(group: ConditionGroup): Test {
    const parts = group.conditions.map((node) => this.node(node));
    if (group.match === 'all') return (sig) => parts.every((p) => p(sig));
    return (sig) => parts.some((p) => p(sig));
  }

  private node(node: ConditionNode): Test {
    return 'match' in node ? this.group(node) : this.condition(node);
  }

  private value(value: RuleValue): Yield {
    if (value.kind === 'constant') return () => value.value;
    const source = resolveColumn(value.column);
    if (source.kind === 'number') return () => null;
    const at = this.sourceInput(source);
    const capture = value.kind === 'capture' ? captureOf(value.pattern, value.group, value.ignoreCase === true) : null;
    const textOf = (v: SigValue): string | undefined => {
      if (v === null) return undefined;
      if (source.kind === 'extra') return String(v);
      return source.kind === 'tag' ? this.catalog.tagValue(source.key, Number(v)) : this.catalog.text(Number(v));
    };
    const cache = new Map<SigValue, string | null>();
    return (sig) => {
      const v = sig[at] ?? null;
      let out = cache.get(v);
      if (out === undefined) {
        const text = textOf(v);
        out = text === undefined || text.trim() === '' ? null : capture ? capture(text) : text;
        cache.set(v, out);
      }
      return out;
    };
  }

  /**
   * The first rule (of `rules`, in order) that matches a signature and yields a value, as a key
   * into the decoded (rule, value) pairs; null when none does. Rules: the enabled rules of one dimension.
   */
  ruleChain(rules: readonly AllocationRule[]): { key: (sig: Signature) => number | null; decode: (key: number | string) => DecodedKey } {
    const tests = rules.map((rule) => ({ when: this.group(rule.when), value: this.value(rule.value) }));
    const decoded: DecodedKey[] = [];
    const known = new Map<string, number>();
    const key = (sig: Signature): number | null => {
      for (let i = 0; i < tests.length; i++) {
        const t = tests[i] as (typeof tests)[number];
        if (!t.when(sig)) continue;
        const value = t.value(sig);
        if (value === null) continue;
        const k = `${i}\u0000${value}`;
        let id = known.get(k);
        if (id === undefined) {
          id = decoded.length;
          decoded.push({ rule: i, value });
          known.set(k, id);
        }
        return id;
      }
      return null;
    };
    return { key, decode: (k) => decoded[Number(k)] ?? { rule: -1, value: '' } };
  }

  /** The index (in `pools`) of the first condition pool whose source matches a signature. */
  poolChain(pools: readonly SharedCostPool[], indexes: readonly number[]): (sig: Signature) => number | null {
    const tests = indexes.flatMap((i) => {
      const pool = pools[i];
      return pool && pool.source.kind === 'condition' ? [{ index: i, when: this.group(pool.source.when) }] : [];
    });
    return (sig) => {
      for (const t of tests) if (t.when(sig)) return t.index;
      return null;
    };
  }
}

/** A capture-group extractor: the group's text, or null when the pattern does not match or the group is empty. */
export function captureOf(pattern: string, group: number | string, ignoreCase: boolean): (text: string) => string | null {
  const regex = regexOf(pattern, ignoreCase);
  return (text) => {
    const match = regex.exec(text);
    if (!match) return null;
    const found = typeof group === 'number' ? match[group] : match.groups?.[group];
    return found === undefined || found.trim() === '' ? null : found;
  };
}
