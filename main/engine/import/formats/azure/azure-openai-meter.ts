/**
 * Azure OpenAI (Foundry Models) token meters → model, token type and workload. Meter names are
 * abbreviated and not consistent; real examples (Azure retail prices API):
 *   "gpt-4o-mini-0718 Inp regnl Tokens", "gpt 4.1 cached Inp glbl Tokens",
 *   "gpt-4o-0806-Batch-Inp-glbl Tokens", "gpt 4o mini0718 BatchOutp DataZone Tokens",
 *   "5.4 opt Gl 1M Tokens" (the GPT-5 family names only the version), "o3 mini Outp regnl Tokens".
 * Words are split on spaces and hyphens; words naming the deployment (global, regional, data zone,
 * batch) are dropped; the first token-type word ends the model name.
 */

export interface TokenMeter {
  model: string;
  tokenType: string | null;
  workload: 'inference' | 'embedding';
}

const TOKENS_AT_END = /\btokens?\s*$/i;

const TYPE_WORDS: ReadonlyMap<string, string> = new Map([
  ['inp', 'input'], ['input', 'input'], ['inpt', 'input'], ['prompt', 'input'],
  ['outp', 'output'], ['output', 'output'], ['opt', 'output'], ['out', 'output'], ['completion', 'output'],
  ['cached', 'cached-read'], ['cchd', 'cached-read'], ['cd', 'cached-read'], ['cache', 'cached-read'],
  ['reasoning', 'reasoning'],
]);

/** Deployment and packaging words, not part of the model's name. */
const QUALIFIERS = new Set([
  'glbl', 'global', 'gl', 'regnl', 'regional', 'rgnl', 'dz', 'data', 'zone', 'datazone', 'batch', 'pp',
  'dev', 'ft', 'std', 'standard', 'prvsn', 'provisioned', 'tokens', 'token', '1k', '1m',
]);

/** Words Azure runs together ("mini0718", "BatchOutp", "DataZone"). */
function separated(text: string): string {
  return text
    .replace(/([a-z])(\d{4})\b/g, '$1 $2')
    .replace(/batch(?=inp|outp|input|output)/g, 'batch ')
    .replace(/datazone/g, 'data zone');
}

function tokenTypeOf(words: readonly string[], at: number): string | null {
  const type = TYPE_WORDS.get(words[at] ?? '') ?? null;
  if (type !== 'cached-read') return type;
  // "cache write" / "cache wr" is the write side of prompt caching.
  return words.slice(at + 1).some((w) => w === 'write' || w === 'wr') ? 'cache-write' : type;
}

export function parseTokenMeter(meterName: string): TokenMeter | null {
  if (!TOKENS_AT_END.test(meterName)) return null;
  const words = separated(meterName.toLowerCase()).split(/[\s_-]+/).filter((w) => w !== '');
  const typeAt = words.findIndex((w) => TYPE_WORDS.has(w));
  const modelWords = (typeAt < 0 ? words : words.slice(0, typeAt)).filter((w) => !QUALIFIERS.has(w));
  if (modelWords.length === 0) return null;
  if (/^\d+(\.\d+)?$/.test(modelWords[0] ?? '')) modelWords.unshift('gpt');
  const model = modelWords.join('-');
  const embedding = model.includes('embedding');
  return {
    model,
    tokenType: typeAt < 0 ? (embedding ? 'input' : null) : tokenTypeOf(words, typeAt),
    workload: embedding ? 'embedding' : 'inference',
  };
}
