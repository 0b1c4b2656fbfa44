import { describe, expect, it } from 'vitest';
import { parseTokenMeter } from './azure-openai-meter.js';

describe('parseTokenMeter (real Azure OpenAI meter names)', () => {
  it.each([
    ['gpt-4o-mini-0718 Inp regnl Tokens', 'gpt-4o-mini-0718', 'input'],
    ['gpt-4o-mini-0718 Outp regnl Tokens', 'gpt-4o-mini-0718', 'output'],
    ['gpt 4.1 Inp glbl Tokens', 'gpt-4.1', 'input'],
    ['gpt 4.1 cached Inp glbl Tokens', 'gpt-4.1', 'cached-read'],
    ['gpt 4.1 Inp Data Zone Tokens', 'gpt-4.1', 'input'],
    ['gpt-4o-0806-Batch-Inp-glbl Tokens', 'gpt-4o-0806', 'input'],
    ['gpt 4o mini0718 BatchOutp DataZone Tokens', 'gpt-4o-mini-0718', 'output'],
    ['gpt 4o 1120 cached Inp regnl Tokens', 'gpt-4o-1120', 'cached-read'],
    ['gpt 4o mini dev ft cchd inpt glbl Tokens', 'gpt-4o-mini', 'cached-read'],
    ['5.4 opt Gl 1M Tokens', 'gpt-5.4', 'output'],
    ['5 pp inp Dz 1M Tokens', 'gpt-5', 'input'],
    ['o3 mini Outp regnl Tokens', 'o3-mini', 'output'],
  ])('%s → %s, %s', (meter, model, tokenType) => {
    expect(parseTokenMeter(meter)).toEqual({ model, tokenType, workload: 'inference' });
  });

  it('embedding meters are input tokens of an embedding workload', () => {
    expect(parseTokenMeter('text-embedding-3-small Tokens')).toEqual({ model: 'text-embedding-3-small', tokenType: 'input', workload: 'embedding' });
  });

  it('ignores meters that are not token meters', () => {
    expect(parseTokenMeter('D2 v3/D2s v3')).toBeNull();
    expect(parseTokenMeter('Standard Training Hours')).toBeNull();
  });
});
