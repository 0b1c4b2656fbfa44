/**
 * Reads the array cells of flattened Google Cloud billing exports, written either as JSON (BigQuery
 * JSON export, JSON Lines) or as Python literals (CSVs flattened with pandas):
 *   [{"key": "team", "value": "ml"}]      [{'name': 'Sustained use discount', 'amount': -1.23, 'full_name': None}]
 * Numbers are kept as their source text so credit amounts stay exact; Python's None/True/False and
 * Decimal('…') are understood.
 */

/** A number as written in the source. */
export class NumberText {
  constructor(readonly text: string) {}
}

export type Literal = null | boolean | string | NumberText | Literal[] | { [key: string]: Literal };

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  value(): Literal {
    this.space();
    const c = this.text[this.at];
    if (c === '[' || c === '(') return this.list(c === '[' ? ']' : ')');
    if (c === '{') return this.object();
    if (c === '"' || c === "'") return this.string();
    return this.word();
  }

  end(): void {
    this.space();
    if (this.at < this.text.length) throw new Error(`unexpected "${this.text[this.at]}"`);
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.at] !== char) throw new Error(`expected "${char}"`);
    this.at++;
  }

  /** Items up to `close`, allowing a trailing comma (Python). */
  private list(close: string): Literal[] {
    this.at++;
    const items: Literal[] = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === close) {
        this.at++;
        return items;
      }
      items.push(this.value());
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) throw new Error(`expected "," or "${close}"`);
    }
  }

  private object(): { [key: string]: Literal } {
    this.at++;
    const result: { [key: string]: Literal } = {};
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') {
        this.at++;
        return result;
      }
      const key = this.value();
      this.expect(':');
      result[typeof key === 'string' ? key : key instanceof NumberText ? key.text : String(key)] = this.value();
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== '}') throw new Error('expected "," or "}"');
    }
  }

  private string(): string {
    const quote = this.text[this.at];
    this.at++;
    let out = '';
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) throw new Error('unterminated string');
      this.at++;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.at++];
      if (e === 'u' || e === 'x') {
        const length = e === 'u' ? 4 : 2;
        out += String.fromCharCode(parseInt(this.text.slice(this.at, this.at + length), 16));
        this.at += length;
      } else {
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : (e ?? '');
      }
    }
  }

  private word(): Literal {
    const rest = this.text.slice(this.at);
    const number = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.at += number[0].length;
      return new NumberText(number[0]);
    }
    const decimal = /^Decimal\(\s*(['"])([^'"]*)\1\s*\)/.exec(rest);
    if (decimal) {
      this.at += decimal[0].length;
      return new NumberText(decimal[2] ?? '');
    }
    const word = /^[A-Za-z_]+/.exec(rest)?.[0] ?? '';
    this.at += word.length;
    if (word === 'null' || word === 'None') return null;
    if (word === 'true' || word === 'True') return true;
    if (word === 'false' || word === 'False') return false;
    throw new Error(word ? `unknown word "${word}"` : `unexpected "${rest[0] ?? 'end'}"`);
  }
}

/** Parses a JSON or Python literal; throws with a short reason when the text is neither. */
export function parseLiteral(text: string): Literal {
  const scanner = new Scanner(text);
  const value = scanner.value();
  scanner.end();
  return value;
}

export function isLiteralObject(value: Literal): value is { [key: string]: Literal } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof NumberText);
}

/** A scalar literal as text ('' for null). */
export function literalText(value: Literal | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof NumberText) return value.text;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof NumberText ? inner.text : inner));
}
