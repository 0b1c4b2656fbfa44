/**
 * What a Google Cloud SKU description says, read once per distinct SKU:
 * - AI model SKUs (Vertex AI, Gemini API, partner models) name the model and the token kind, e.g.
 *   "Gemini 2.5 Flash GA Text Input - Predictions", "Gemini 2.5 Flash GA Thinking Text Output -
 *   Predictions", "Gemini 2.5 Flash GA Input Text Caching"; "… Caching Storage" is storage, not tokens;
 * - GPU SKUs: "Nvidia Tesla A100 GPU running in Americas", "Nvidia L4 GPU attached to Spot VMs …";
 * - committed use discount fees: "Commitment v1: Cpu in Americas for 1 Year", "Commitment - dollar based v1: …";
 * - spot/preemptible pricing.
 */

export interface SkuFacts {
  pricingCategory: 'Standard' | 'Dynamic' | 'Committed';
  /** A committed use discount fee: its FOCUS commitment category. */
  commitment: 'Usage' | 'Spend' | null;
  model: string | null;
  tokenType: string | null;
  workload: string | null;
  gpu: boolean;
}

const FAMILY =
  /\b(gemini|gemma|claude|llama|mistral|mixtral|codestral|jamba|deepseek|qwen|imagen|veo|palm|text-bison|chat-bison|code-bison|codechat-bison|text-embedding|textembedding-gecko|multimodalembedding)\b/;
/** Words after the family that are no longer the model's name. */
const STOP_WORDS = new Set([
  'text', 'input', 'output', 'thinking', 'reasoning', 'audio', 'image', 'images', 'video', 'caching', 'cached', 'cache',
  'tokens', 'token', 'predictions', 'prediction', 'batch', 'global', 'regional', 'ga', 'preview', 'long', 'short', 'context',
  'priority', 'flex', 'tuning', 'tuned', 'characters', 'character', 'requests', 'request', 'count', 'for', 'in', 'online',
  'provisioned', 'throughput', 'generation', 'generate', 'hit', 'write', 'storage', 'grounding', 'with', 'and', 'api',
]);
const MODEL_WORD = /^[a-z0-9][a-z0-9.]*$/;

function modelOf(description: string): string | null {
  const lower = description.toLowerCase();
  const family = FAMILY.exec(lower);
  if (!family) return null;
  const words = lower.slice(family.index).split(/[\s,:()]+/);
  const model: string[] = [];
  for (const word of words) {
    if (word === '' || word === '-') break;
    if (model.length > 0 && (STOP_WORDS.has(word) || !MODEL_WORD.test(word))) break;
    model.push(word);
  }
  return model.join('-');
}

function tokenTypeOf(lower: string): string | null {
  if (/\b(caching|cache) storage\b/.test(lower)) return null;
  if (/\bcache (write|creation)\b/.test(lower)) return 'cache-write';
  if (/\b(caching|cached|cache hit|cache read)\b/.test(lower)) return 'cached-read';
  if (/\b(thinking|reasoning)\b/.test(lower)) return 'reasoning';
  if (/\boutput\b/.test(lower)) return 'output';
  if (/\binput\b/.test(lower)) return 'input';
  return null;
}

export function skuFacts(description: string): SkuFacts {
  const lower = description.toLowerCase();
  const commitment = /^commitment\b/.test(lower) ? (/dollar|spend/.test(lower) ? 'Spend' : 'Usage') : null;
  const model = modelOf(description);
  return {
    pricingCategory: commitment ? 'Committed' : /\b(spot|preemptible)\b/.test(lower) ? 'Dynamic' : 'Standard',
    commitment,
    model,
    tokenType: model ? tokenTypeOf(lower) : null,
    workload: model ? (/\btun(ing|ed)\b/.test(lower) ? 'fine-tuning' : /embedding/.test(lower) ? 'embedding' : 'inference') : null,
    gpu: !commitment && /\bgpu\b/.test(lower),
  };
}

/** skuFacts, cached per distinct description. */
export class GcpSkus {
  private readonly cache = new Map<string, SkuFacts>();

  of(description: string): SkuFacts {
    let facts = this.cache.get(description);
    if (!facts) {
      facts = skuFacts(description);
      this.cache.set(description, facts);
    }
    return facts;
  }
}
