/**
 * Compiles rules and pool sources to SQL over `cost_lines`: each condition is evaluated once per
 * distinct value (catalog.ts) into an id set, and a dimension's ordered rules become one CASE
 * whose result is a key (rule, value id) that the lines are grouped by. The keys are decoded to
 * value texts in JavaScript afterwards, once per distinct key.
 */
import type { AllocationRule, Condition, ConditionGroup, ConditionNode, RuleValue, SharedCostPool } from '../../../shared/attribution.js';
import type { Store } from '../db/store.js';
import { Catalog, resolveColumn, type ColumnSource } from './catalog.js';
import { regexOf, textPredicate } from './predicates.js';

/** Sets up to this size are written inline; larger ones go to a temporary table. */
const INLINE_LIMIT = 64;
/** Key = rule index × KEY_BASE + value id (ids are below 2^32; rule indexes below 2^20). */
const KEY_BASE = 2 ** 32;

export interface DecodedKey {
  /** Index into the dimension's rule list. */
  rule: number;
  value: string;
}

/** Temporary id sets of one run; `dispose` drops them. */
export class SqlSets {
  private count = 0;
  private readonly tables: string[] = [];
  constructor(private readonly store: Store) {}

  ints(ids: Iterable<number>): string {
    const list = [...new Set(ids)];
    if (list.length === 0) return '(NULL)';
    if (list.length <= INLINE_LIMIT) return `(${list.join(',')})`;
    const name = `attr_set_${++this.count}`;
    this.store.exec(`CREATE TEMP TABLE ${name} (id INTEGER PRIMARY KEY)`);
    this.fill(name, list);
    this.tables.push(name);
    return `temp.${name}`;
  }

  texts(values: Iterable<string>): string {
    const list = [...new Set(values)];
    if (list.length === 0) return '(NULL)';
    if (list.length <= INLINE_LIMIT) return `(${list.map(literal).join(',')})`;
    const name = `attr_set_${++this.count}`;
    this.store.exec(`CREATE TEMP TABLE ${name} (id TEXT PRIMARY KEY) WITHOUT ROWID`);
    this.fill(name, list);
    this.tables.push(name);
    return `temp.${name}`;
  }

  private fill(name: string, values: ReadonlyArray<number | string>): void {
    const insert = this.store.db.prepare(`INSERT OR IGNORE INTO temp.${name} (id) VALUES (?)`);
    try {
      for (const v of values) insert.run([v]);
    } finally {
      insert.free();
    }
  }

  dispose(): void {
    for (const name of this.tables.splice(0)) this.store.exec(`DROP TABLE IF EXISTS temp.${name}`);
  }
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function numericPredicate(op: '<' | '<=' | '>' | '>=' | '=', number: number): (x: number) => boolean {
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

/** A test of one distinct text value (non-empty), for conditions evaluated over a catalog. */
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
      const test = numericPredicate(condition.op, condition.number);
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
  readonly sets: SqlSets;

  constructor(readonly store: Store) {
    this.catalog = new Catalog(store);
    this.sets = new SqlSets(store);
  }

  /** SQL that is true for the lines the condition matches. */
  condition(condition: Condition): string {
    const source = resolveColumn(condition.column);
    if (source.kind === 'number') return this.numberCondition(source, condition);
    const test = valueTest(condition);
    const wantsPresence = condition.op !== 'missing';
    const present = this.presentSet(source, (text) => text !== '' && test(text));
    if (condition.op === 'missing') {
      const has = this.presentSet(source, (text) => text !== '');
      return `(${columnSql(source)} IS NULL OR ${columnSql(source)} NOT IN ${has})`;
    }
    return wantsPresence ? `(${columnSql(source)} IN ${present})` : '0';
  }

  private numberCondition(source: Extract<ColumnSource, { kind: 'number' }>, condition: Condition): string {
    switch (condition.op) {
      case 'exists':
        return `(${source.sql} IS NOT NULL)`;
      case 'missing':
        return `(${source.sql} IS NULL)`;
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '=':
        return `(${source.sql} ${condition.op} ${Number(condition.number)})`;
      default:
        // Refused by checkConfig; kept total for safety.
        return '0';
    }
  }

  /** The SQL set of ids/texts of the column whose (non-empty) text passes `test`. */
  private presentSet(source: Exclude<ColumnSource, { kind: 'number' }>, test: (text: string) => boolean): string {
    switch (source.kind) {
      case 'dict':
        return this.sets.ints(this.catalog.dict().filter(([, text]) => test(text)).map(([id]) => id));
      case 'tag':
        return this.sets.ints(this.catalog.tag(source.key).filter(([, text]) => test(text)).map(([id]) => id));
      case 'extra':
        return this.sets.texts(this.catalog.extra(source).filter(test));
    }
  }

  group(group: ConditionGroup): string {
    if (group.conditions.length === 0) return group.match === 'all' ? '1' : '0';
    const parts = group.conditions.map((node) => this.node(node));
    return `(${parts.join(group.match === 'all' ? ' AND ' : ' OR ')})`;
  }

  private node(node: ConditionNode): string {
    return 'match' in node ? this.group(node) : this.condition(node);
  }

  /**
   * The CASE giving each line the key of the first rule (of `rules`, in order) that matches it
   * and yields a value; NULL when none does. Rules must be the enabled rules of one dimension.
   */
  ruleChain(rules: readonly AllocationRule[]): { sql: string; decode: (key: number | string) => DecodedKey } {
    if (rules.length === 0) return { sql: 'NULL', decode: () => ({ rule: -1, value: '' }) };
    const whens = rules.map((rule, index) => {
      const { guard, key } = this.valueSql(rule.value, index);
      const when = this.group(rule.when);
      return `WHEN ${guard === '1' ? when : `${when} AND ${guard}`} THEN ${key}`;
    });
    const cache = new Map<number | string, DecodedKey>();
    const decode = (key: number | string): DecodedKey => {
      let found = cache.get(key);
      if (!found) {
        found = this.decodeKey(rules, key);
        cache.set(key, found);
      }
      return found;
    };
    return { sql: `CASE ${whens.join(' ')} END`, decode };
  }

  /** SQL of a rule's value: a guard (the value exists) and the key expression. */
  private valueSql(value: RuleValue, index: number): { guard: string; key: string } {
    const base = index * KEY_BASE;
    if (value.kind === 'constant') return { guard: '1', key: String(base) };
    const source = resolveColumn(value.column);
    const yields = value.kind === 'capture' ? capture(value.pattern, value.group, value.ignoreCase === true) : (text: string) => (text.trim() === '' ? null : text);
    switch (source.kind) {
      case 'dict':
      case 'tag': {
        const set = this.presentSet(source, (text) => yields(text) !== null);
        const column = columnSql(source);
        return { guard: `${column} IN ${set}`, key: `${base} + ${column}` };
      }
      case 'extra': {
        const set = this.presentSet(source, (text) => yields(text) !== null);
        return { guard: `${source.sql} IN ${set}`, key: `'${index}:' || ${source.sql}` };
      }
      case 'number':
        // checkConfig refuses values from number columns.
        return { guard: '0', key: 'NULL' };
    }
  }

  private decodeKey(rules: readonly AllocationRule[], key: number | string): DecodedKey {
    let rule: number;
    let raw: string | undefined;
    if (typeof key === 'string') {
      const colon = key.indexOf(':');
      rule = Number(key.slice(0, colon));
      raw = key.slice(colon + 1);
    } else {
      rule = Math.floor(key / KEY_BASE);
      const id = key - rule * KEY_BASE;
      const value = rules[rule]?.value;
      if (value && value.kind !== 'constant') {
        const source = resolveColumn(value.column);
        raw = source.kind === 'tag' ? this.catalog.tagValue(source.key, id) : this.catalog.text(id);
      }
    }
    const value = rules[rule]?.value;
    if (!value) return { rule: -1, value: '' };
    if (value.kind === 'constant') return { rule, value: value.value };
    const text = raw ?? '';
    return { rule, value: value.kind === 'capture' ? (capture(value.pattern, value.group, value.ignoreCase === true)(text) ?? '') : text.trim() === '' ? '' : text };
  }

  /** CASE giving each line the index (in `pools`) of the first condition pool whose source matches it. */
  poolChain(pools: readonly SharedCostPool[], indexes: readonly number[]): string {
    const whens = indexes.flatMap((i) => {
      const pool = pools[i];
      return pool && pool.source.kind === 'condition' ? [`WHEN ${this.group(pool.source.when)} THEN ${i}`] : [];
    });
    return whens.length === 0 ? 'NULL' : `CASE ${whens.join(' ')} END`;
  }

  dispose(): void {
    this.sets.dispose();
  }
}

function columnSql(source: Exclude<ColumnSource, { kind: 'number' }>): string {
  switch (source.kind) {
    case 'dict':
      return source.sql;
    case 'tag':
      return '"Tags"';
    case 'extra':
      return source.sql;
  }
}

/** A capture-group extractor: the group's text, or null when the pattern does not match or the group is empty. */
export function capture(pattern: string, group: number | string, ignoreCase: boolean): (text: string) => string | null {
  const regex = regexOf(pattern, ignoreCase);
  return (text) => {
    const match = regex.exec(text);
    if (!match) return null;
    const found = typeof group === 'number' ? match[group] : match.groups?.[group];
    return found === undefined || found.trim() === '' ? null : found;
  };
}
