import { describe, expect, it } from 'vitest';
import { parseLineItem } from './line-item.js';

describe('parseLineItem', () => {
  it('reads the model and the token type of a model line item', () => {
    expect(parseLineItem('gpt-4o-2024-08-06, input')).toEqual({ model: 'gpt-4o-2024-08-06', tokenType: 'input', modality: null });
    expect(parseLineItem('gpt-4o-mini-2024-07-18, cached input')).toEqual({ model: 'gpt-4o-mini-2024-07-18', tokenType: 'cached-read', modality: null });
    expect(parseLineItem('gpt-5-nano, input_tokens')).toEqual({ model: 'gpt-5-nano', tokenType: 'input', modality: null });
    expect(parseLineItem('o3-2025-04-16, output')).toEqual({ model: 'o3-2025-04-16', tokenType: 'output', modality: null });
    expect(parseLineItem('gpt-image-1 image, output')).toEqual({ model: 'gpt-image-1', tokenType: 'output', modality: 'image' });
    expect(parseLineItem('text-embedding-3-small')).toEqual({ model: 'text-embedding-3-small', tokenType: null, modality: null });
  });
  it('names no model for tool and storage line items', () => {
    expect(parseLineItem('File search tool calls')).toEqual({ model: null, tokenType: null, modality: null });
    expect(parseLineItem('Vector store storage')).toEqual({ model: null, tokenType: null, modality: null });
  });
});
