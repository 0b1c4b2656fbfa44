/**
 * Model names as usage exports write them → the names a price book lists. Dated snapshots
 * ("gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022") fall back to their family name, and display
 * names ("Claude Haiku 4.5") become ids ("claude-haiku-4-5"). No prefix matching: an unknown
 * variant ("gpt-4o-audio-preview") must not be priced as its base model.
 */

const DATE_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8})$/;
const LATEST_SUFFIX = /-latest$/;
const WHITESPACE = /\s+/g;
const HAS_SPACE = /\s/;
const DOTS = /\./g;

/** A display name ("Claude 3.5 Sonnet") as an id; ids pass through in lower case. */
export function modelId(name: string): string {
  const trimmed = name.trim().toLowerCase();
  return HAS_SPACE.test(trimmed) ? trimmed.replace(DOTS, '-').replace(WHITESPACE, '-') : trimmed;
}

/** The names to look a model up by, most specific first. */
export function modelNameCandidates(name: string): string[] {
  const id = modelId(name);
  if (id === '') return [];
  const candidates = [id];
  const undated = id.replace(DATE_SUFFIX, '');
  if (undated !== id) candidates.push(undated);
  const unaliased = undated.replace(LATEST_SUFFIX, '');
  if (unaliased !== undated) candidates.push(unaliased);
  return candidates;
}
