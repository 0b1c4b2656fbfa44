/**
 * The OpenAI Usage API endpoints, by the `object` of their results: token usage (completions,
 * embeddings, moderations) or a counted quantity (images, characters, seconds, bytes, sessions,
 * requests), which the price book does not price.
 */

export interface TokenKind {
  kind: 'tokens';
  /** What the endpoint is, for descriptions. */
  label: string;
  workload: string;
}

export interface CountKind {
  kind: 'count';
  label: string;
  /** The result field with the quantity, and its unit. */
  field: string;
  unit: string;
}

export type UsageKind = TokenKind | CountKind;

const KINDS: Record<string, UsageKind> = {
  completions: { kind: 'tokens', label: 'completions', workload: 'inference' },
  embeddings: { kind: 'tokens', label: 'embeddings', workload: 'embedding' },
  moderations: { kind: 'tokens', label: 'moderations', workload: 'inference' },
  images: { kind: 'count', label: 'images', field: 'images', unit: 'Images' },
  audio_speeches: { kind: 'count', label: 'audio speech', field: 'characters', unit: 'Characters' },
  audio_transcriptions: { kind: 'count', label: 'audio transcription', field: 'seconds', unit: 'Seconds' },
  vector_stores: { kind: 'count', label: 'vector store storage', field: 'usage_bytes', unit: 'Bytes' },
  code_interpreter_sessions: { kind: 'count', label: 'code interpreter sessions', field: 'num_sessions', unit: 'Sessions' },
  file_searches: { kind: 'count', label: 'file search calls', field: 'num_requests', unit: 'Requests' },
  web_searches: { kind: 'count', label: 'web search calls', field: 'num_requests', unit: 'Requests' },
};

/** Token usage is what a result without an `object` (the dashboard's CSV) is taken to be. */
export const DEFAULT_KIND = KINDS.completions as TokenKind;

const OBJECT = /^organization\.usage\.([a-z_]+)\.result$/;

/** "organization.usage.images.result" → its kind; undefined for an object of another shape. */
export function usageKindOf(object: string): UsageKind | undefined {
  const name = OBJECT.exec(object)?.[1];
  return name === undefined ? undefined : KINDS[name];
}

/** The count fields of every kind (they become ConsumedQuantity, not extras). */
export const COUNT_FIELDS = [...new Set(Object.values(KINDS).flatMap((k) => (k.kind === 'count' ? [k.field] : [])))];
