import { describe, expect, it } from 'vitest';
import { AzureTags, normaliseAzureTags } from './azure-tags.js';

describe('normaliseAzureTags', () => {
  it('wraps members written without the outer braces (EA and MCA cost details)', () => {
    expect(normaliseAzureTags('"team": "ml","env": "prod"')).toBe('{"team":"ml","env":"prod"}');
    expect(normaliseAzureTags('"CostCenter": "1234","org": ""')).toBe('{"CostCenter":"1234","org":""}');
  });

  it('keeps a JSON object, compacted, and values as text', () => {
    expect(normaliseAzureTags('{  "project": "p1" }')).toBe('{"project":"p1"}');
    expect(normaliseAzureTags('{"replicas": 3, "on": true}')).toBe('{"replicas":"3","on":"true"}');
  });

  it('gives null for no tags and undefined for text that is not a tag object', () => {
    expect(normaliseAzureTags('')).toBeNull();
    expect(normaliseAzureTags('{}')).toBeNull();
    expect(normaliseAzureTags('"team": ml')).toBeUndefined();
    expect(normaliseAzureTags('["a"]')).toBeUndefined();
  });

  it('caches results, including the unreadable ones', () => {
    const tags = new AzureTags();
    expect(tags.normalise('"a": "b"')).toBe('{"a":"b"}');
    expect(tags.normalise('"a": "b"')).toBe('{"a":"b"}');
    expect(tags.normalise('oops')).toBeUndefined();
    expect(tags.normalise('oops')).toBeUndefined();
  });
});
