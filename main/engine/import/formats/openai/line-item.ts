/**
 * OpenAI Costs API `line_item` text → model and token type. Line items name a model and what was
 * billed ("gpt-4o-2024-08-06, input", "gpt-4o-mini-2024-07-18, cached input", "gpt-5-nano,
 * input_tokens", "gpt-image-1 image, output"), or a tool ("Web search tool calls", "Vector store
 * storage"), which names no model.
 */

export interface LineItem {
  model: string | null;
  /** x_TokenType: input, output, cached-read, cache-write, reasoning; null when not a token charge. */
  tokenType: string | null;
  /** What the tokens were ("image", "audio"), when the line item says. */
  modality: string | null;
}

const MODEL_LIKE = /^(?:gpt-|chatgpt-|o\d|text-embedding-|omni-moderation|text-moderation|dall-e-|tts-|whisper-|davinci|babbage|codex-|computer-use-|ft:)/i;
const SPACES = /\s+/;

function tokenTypeOf(kind: string): string | null {
  if (kind.includes('cached') || kind.includes('cache read') || kind.includes('cache_read')) return 'cached-read';
  if (kind.includes('cache write') || kind.includes('cache_write') || kind.includes('cache creation')) return 'cache-write';
  if (kind.includes('reasoning')) return 'reasoning';
  if (kind.startsWith('input')) return 'input';
  if (kind.startsWith('output')) return 'output';
  return null;
}

export function parseLineItem(text: string): LineItem {
  const comma = text.indexOf(',');
  const head = (comma < 0 ? text : text.slice(0, comma)).trim();
  const kind = comma < 0 ? '' : text.slice(comma + 1).trim().toLowerCase();
  const [first = '', ...rest] = head.split(SPACES);
  if (!MODEL_LIKE.test(first)) return { model: null, tokenType: null, modality: null };
  return { model: first, tokenType: tokenTypeOf(kind), modality: rest.length > 0 ? rest.join(' ') : null };
}
