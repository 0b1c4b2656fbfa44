import { describe, expect, it } from 'vitest';
import { modelId, modelNameCandidates } from './model-names.js';

describe('modelNameCandidates', () => {
  it('tries the exact name first, then without a dated suffix', () => {
    expect(modelNameCandidates('gpt-4o-2024-08-06')).toEqual(['gpt-4o-2024-08-06', 'gpt-4o']);
    expect(modelNameCandidates('claude-3-5-sonnet-20241022')).toEqual(['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet']);
    expect(modelNameCandidates('GPT-4.1-mini')).toEqual(['gpt-4.1-mini']);
  });
  it('drops a -latest alias after the date', () => {
    expect(modelNameCandidates('omni-moderation-latest')).toEqual(['omni-moderation-latest', 'omni-moderation']);
  });
  it('never shortens to a prefix: variants keep their own name', () => {
    expect(modelNameCandidates('gpt-4o-audio-preview-2024-12-17')).toEqual(['gpt-4o-audio-preview-2024-12-17', 'gpt-4o-audio-preview']);
  });
  it('reads console display names as ids', () => {
    expect(modelId('Claude Haiku 4.5')).toBe('claude-haiku-4-5');
    expect(modelId(' Claude 3.5 Sonnet ')).toBe('claude-3-5-sonnet');
    expect(modelId('gpt-4.1')).toBe('gpt-4.1');
    expect(modelNameCandidates('')).toEqual([]);
  });
});
