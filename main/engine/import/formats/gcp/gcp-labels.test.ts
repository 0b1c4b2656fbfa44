import { describe, expect, it } from 'vitest';
import { labelPairs, mergedTags } from './gcp-labels.js';

describe('labelPairs', () => {
  it('reads key/value arrays as JSON or Python literals, and plain objects', () => {
    expect(labelPairs('[{"key": "team", "value": "ml"}]')).toEqual([['team', 'ml']]);
    expect(labelPairs("[{'key': 'goog-resource-type', 'value': 'bigquery_dataset'}]")).toEqual([['goog-resource-type', 'bigquery_dataset']]);
    expect(labelPairs('[{"key": "env", "value": "prod", "inherited": true, "namespace": "123"}]')).toEqual([['env', 'prod']]);
    expect(labelPairs('{"team": "ml"}')).toEqual([['team', 'ml']]);
    expect(labelPairs('[]')).toEqual([]);
  });

  it('gives undefined for a cell that is not labels', () => {
    expect(labelPairs('team:ml')).toBeUndefined();
    expect(labelPairs('[1, 2]')).toBeUndefined();
  });
});

describe('mergedTags', () => {
  it('merges least specific first, so the resource label wins', () => {
    expect(mergedTags([['team', 'platform'], ['cost-center', 'r&d']], [], [['team', 'ml']])).toBe('{"team":"ml","cost-center":"r&d"}');
    expect(mergedTags([], [])).toBeNull();
  });
});
