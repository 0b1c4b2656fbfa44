import { describe, expect, it } from 'vitest';
import type { ModelPriceFields } from '../../../shared/model.js';
import { fixture, importPaths, testEngine, type TestEngine } from '../../../test/support/engine.js';
import { writeSetting } from '../db/settings.js';
import { DEFAULT_PRICE_BOOK, PRICE_BOOK_AS_OF } from './default-price-book.js';

const GPT_4O_MINI = 'openai:gpt-4o-mini@2024-07-18';

async function entry(engine: TestEngine, id: string) {
  return (await engine.call('priceBook', {})).entries.find((e) => e.id === id);
}

/** Claude Haiku 4.5 at $0.80 input from a day on (the shipped $1 still prices earlier usage). */
function haikuFrom(effectiveFrom: string): ModelPriceFields {
  return {
    provider: 'anthropic', models: ['claude-haiku-4-5'], effectiveFrom, currency: 'USD',
    perMillion: { input: '0.80', cacheWrite: '1.25', cacheWrite1h: '2', cachedInput: '0.10', output: '5' }, batchMultiplier: '0.5', source: 'Our negotiated rate',
  };
}

describe('the workspace price book', () => {
  it('is the shipped list, every entry marked shipped, when nothing is edited', async () => {
    const engine = await testEngine();
    const book = await engine.call('priceBook', {});
    expect(book).toMatchObject({ asOf: PRICE_BOOK_AS_OF, edited: false, removed: [] });
    expect(book.problem).toBeUndefined();
    expect(book.entries).toHaveLength(DEFAULT_PRICE_BOOK.length);
    expect(new Set(book.entries.map((e) => e.status))).toEqual(new Set(['shipped']));
    expect(new Set(book.entries.map((e) => e.id)).size).toBe(DEFAULT_PRICE_BOOK.length);
    expect(await entry(engine, GPT_4O_MINI)).toMatchObject({ models: ['gpt-4o-mini'], perMillion: { input: '0.15', cachedInput: '0.075', output: '0.60' } });
  });

  it('edits (change, add, remove) round-trip through the settings and a saved and reopened workspace', async () => {
    const engine = await testEngine();
    const shipped = await entry(engine, GPT_4O_MINI);
    if (!shipped) throw new Error('gpt-4o-mini is shipped');
    const { id: _id, status: _status, shipped: _none, ...fields } = shipped;
    const saved = await engine.call('savePriceBook', { edits: [
      { action: 'set', id: GPT_4O_MINI, price: { ...fields, perMillion: { ...fields.perMillion, input: ' 0.20 ' } } },
      { action: 'add', price: { provider: 'Mistral', models: ['Mistral Large 2'], effectiveFrom: '2025-01-01', currency: 'eur', perMillion: { input: '1.8', output: '5.4' }, source: 'mistral.ai/pricing' } },
      { action: 'remove', id: 'openai:o1@2024-12-17' },
    ] });
    expect(saved.edited).toBe(true);
    expect(engine.events.at(-1)).toEqual({ name: 'dataChanged', payload: { tables: ['price_book'] } });
    const edited = saved.entries.find((e) => e.id === GPT_4O_MINI);
    expect(edited).toMatchObject({ status: 'edited', perMillion: { input: '0.20', output: '0.60' }, shipped: { perMillion: { input: '0.15' } } });
    // Names and codes in their normal form: lower-case ids, upper-case currency.
    expect(saved.entries.find((e) => e.status === 'added')).toMatchObject({ id: 'user-1', provider: 'mistral', models: ['mistral-large-2'], currency: 'EUR' });
    expect(saved.entries.some((e) => e.id === 'openai:o1@2024-12-17')).toBe(false);
    expect(saved.removed.map((e) => e.id)).toEqual(['openai:o1@2024-12-17']);
    expect(saved.entries).toHaveLength(DEFAULT_PRICE_BOOK.length);

    const reopened = await testEngine((await engine.call('exportWorkspace', {})).bytes);
    expect(await reopened.call('priceBook', {})).toEqual(saved);

    // Restoring the removed entry and setting the edited one back to its shipped prices: no edits left but the added one.
    const restored = await reopened.call('savePriceBook', { edits: [
      { action: 'restore', id: 'openai:o1@2024-12-17' },
      { action: 'set', id: GPT_4O_MINI, price: { ...fields, perMillion: { ...fields.perMillion, input: '0.150' } } },
    ] });
    expect(restored.removed).toEqual([]);
    expect(restored.entries.filter((e) => e.status !== 'shipped').map((e) => e.id)).toEqual(['user-1']);
    const none = await reopened.call('savePriceBook', { edits: [{ action: 'remove', id: 'user-1' }] });
    expect(none.edited).toBe(false);
    expect(reopened.store().scalar("SELECT COUNT(*) FROM settings WHERE key = 'price-book'")).toBe(0);
  });

  it('refuses bad edits with a sentence, and applies none of a batch with one bad edit', async () => {
    const engine = await testEngine();
    const add = (price: Partial<ModelPriceFields>) => engine.call('savePriceBook', { edits: [{ action: 'add', price: { ...haikuFrom('2026-03-01'), ...price } }] });
    await expect(add({ perMillion: { input: '-1' } })).rejects.toThrow('The input price must be a number such as 2.50 (per 1M tokens, no currency sign).');
    await expect(add({ perMillion: { input: '$3' } })).rejects.toThrow(/no currency sign/);
    await expect(add({ perMillion: {} })).rejects.toThrow(/at least one price/);
    await expect(add({ effectiveFrom: '2026-02-30' })).rejects.toThrow('The effective date must be a day as YYYY-MM-DD.');
    await expect(add({ currency: 'dollars' })).rejects.toThrow(/three-letter code/);
    await expect(add({ models: [' '] })).rejects.toThrow(/at least one model/);
    await expect(add({ source: '' })).rejects.toThrow(/where the price comes from/);
    await expect(add({ batchMultiplier: '2' })).rejects.toThrow(/from 0 to 1/);
    // The shipped Haiku entry starts on 2025-10-15: a second price from that day is ambiguous.
    await expect(add({ effectiveFrom: '2025-10-15' })).rejects.toThrow('claude-haiku-4-5 (anthropic) would have two prices from 2025-10-15');
    await expect(engine.call('savePriceBook', { edits: [{ action: 'remove', id: 'user-9' }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engine.call('savePriceBook', { edits: [{ action: 'teleport' } as never] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(engine.call('savePriceBook', { edits: [
      { action: 'add', price: haikuFrom('2026-03-01') },
      { action: 'remove', id: 'nope' },
    ] })).rejects.toThrow(/no entry nope/);
    expect((await engine.call('priceBook', {})).edited).toBe(false);
  });

  it('resets to the shipped list', async () => {
    const engine = await testEngine();
    await engine.call('savePriceBook', { edits: [{ action: 'add', price: haikuFrom('2026-03-01') }, { action: 'remove', id: GPT_4O_MINI }] });
    const reset = await engine.call('resetPriceBook', {});
    expect(reset).toEqual(await (await testEngine()).call('priceBook', {}));
    expect(reset.edited).toBe(false);
    expect(engine.store().scalar("SELECT COUNT(*) FROM settings WHERE key = 'price-book'")).toBe(0);
  });
});

describe('usage imports estimated with the workspace price book', () => {
  it('Anthropic usage: Haiku 4.5 input at $0.80 from 2026-03-01 gives 5.675 USD, not the shipped 5.875', async () => {
    // console_usage_export.csv, all on 2026-03-31:
    //   Haiku 4.5:  1,000,000 input × 0.80 = 0.80 (shipped: 1.00), 200,000 output × 5 = 1.00
    //   Sonnet 4.5: 200,000 × 3 + 100,000 × 3.75 + 500,000 × 0.30 + 50,000 × 15 = 1.875 (2 web searches: 0)
    //   Opus 4.6, batch: (400,000 × 5 + 80,000 × 25) × 0.5 = 2.00
    //   0.80 + 1.00 + 1.875 + 2.00 = 5.675
    const engine = await testEngine();
    await engine.call('savePriceBook', { edits: [{ action: 'add', price: haikuFrom('2026-03-01') }] });
    const { sources } = await importPaths(engine, [fixture('anthropic/console_usage_export.csv')]);
    expect(sources[0]).toMatchObject({ status: 'imported', totals: { USD: { billedCost: '5.675000', effectiveCost: '5.675000' } } });
    expect(sources[0]?.warnings[0]).toBe(
      '8 lines priced from the edited price book (2 of them at prices edited or added in this workspace; 2 of them Batch API usage, at the batch discount): list-price estimates, not billed amounts; each is marked "(estimated from list prices)".',
    );
    const haikuInput = await engine.call('costLines', { where: { x_Model: 'claude-haiku-4-5-20251001', x_TokenType: 'input' } });
    expect(haikuInput.lines.map((l) => l.billedCost)).toEqual([0.8]);
  });

  it('a price from a later day leaves earlier usage at the earlier price', async () => {
    const engine = await testEngine();
    await engine.call('savePriceBook', { edits: [{ action: 'add', price: haikuFrom('2026-04-01') }] });
    const { sources } = await importPaths(engine, [fixture('anthropic/console_usage_export.csv')]);
    expect(sources[0]?.totals.USD?.billedCost).toBe('5.875000');
    expect(sources[0]?.warnings[0]).toMatch(/^8 lines priced from the edited price book \(2 of them Batch API usage/);
  });

  it('OpenAI usage: gpt-4o-mini input changed to $0.20 adds 1,000,000 × 0.05 = 0.05 to the shipped 13.995', async () => {
    const engine = await testEngine();
    const shipped = await entry(engine, GPT_4O_MINI);
    if (!shipped) throw new Error('gpt-4o-mini is shipped');
    await engine.call('savePriceBook', { edits: [{ action: 'set', id: GPT_4O_MINI, price: { ...shipped, perMillion: { ...shipped.perMillion, input: '0.20' } } }] });
    const { sources } = await importPaths(engine, [fixture('openai/usage_completions_by_model.json')]);
    expect(sources[0]?.totals.USD?.billedCost).toBe('14.045000');
    expect(sources[0]?.warnings[0]).toContain('priced from the edited price book (3 of them at prices edited or added in this workspace;');
  });

  it('each provider is priced from its own entries only', async () => {
    const engine = await testEngine();
    // An "azure" price for gpt-4o-mini does not price OpenAI's own usage.
    await engine.call('savePriceBook', { edits: [{ action: 'add', price: {
      provider: 'azure', models: ['gpt-4o-mini'], effectiveFrom: '2025-01-01', currency: 'USD', perMillion: { input: '100', output: '100', cachedInput: '100' }, source: 'test',
    } }] });
    const { sources } = await importPaths(engine, [fixture('openai/usage_completions_by_model.json')]);
    expect(sources[0]?.totals.USD?.billedCost).toBe('13.995000');
  });

  it('after a reset, imports name the shipped book by its as-of day', async () => {
    const engine = await testEngine();
    await engine.call('savePriceBook', { edits: [{ action: 'add', price: haikuFrom('2026-03-01') }] });
    await engine.call('resetPriceBook', {});
    const { sources } = await importPaths(engine, [fixture('anthropic/console_usage_export.csv')]);
    expect(sources[0]?.totals.USD?.billedCost).toBe('5.875000');
    expect(sources[0]?.warnings[0]).toContain(`priced from the price book as of ${PRICE_BOOK_AS_OF} (2 of them Batch API usage`);
  });
});

describe('stored price book values that cannot be read', () => {
  it('a value that is not JSON, or of another shape: the shipped prices, a problem, and imports still work', async () => {
    for (const [value, why] of [['{not json', 'not valid JSON'], ['[1,2]', 'shape'], ['{"version":2,"changed":[],"removed":[],"added":[]}', 'shape']] as const) {
      const engine = await testEngine();
      engine.store().run("INSERT OR REPLACE INTO settings (key, value) VALUES ('price-book', ?)", [value]);
      const book = await engine.call('priceBook', {});
      expect(book.edited).toBe(false);
      expect(book.entries).toHaveLength(DEFAULT_PRICE_BOOK.length);
      expect(book.problem).toContain(why);
      const { sources } = await importPaths(engine, [fixture('anthropic/console_usage_export.csv')]);
      expect(sources[0]?.totals.USD?.billedCost).toBe('5.875000');
      // Saving an edit replaces the unreadable value.
      const saved = await engine.call('savePriceBook', { edits: [{ action: 'add', price: haikuFrom('2026-03-01') }] });
      expect(saved.problem).toBeUndefined();
      expect(saved.entries.filter((e) => e.status === 'added')).toHaveLength(1);
    }
  });

  it('keeps the valid edits and ignores the invalid ones; a change of an entry no longer shipped is kept as added', async () => {
    const engine = await testEngine();
    writeSetting(engine.store(), 'price-book', {
      version: 1,
      changed: [
        { id: GPT_4O_MINI, price: { ...haikuFrom('2024-07-18'), provider: 'openai', models: ['gpt-4o-mini'], perMillion: { input: '0.20', output: '0.60' } } },
        { id: 'openai:gpt-4o-mini@2024-07-18', price: { provider: 'openai' } },
        { id: 'openai:retired-model@2020-01-01', price: { ...haikuFrom('2020-01-01'), provider: 'openai', models: ['retired-model'] } },
        'junk',
      ],
      removed: ['openai:o1@2024-12-17', 'openai:not-shipped@2020-01-01', 42],
      added: [
        { id: 'user-4', price: haikuFrom('2026-03-01') },
        { id: 'user-5', price: { ...haikuFrom('2026-05-01'), perMillion: { input: 'free' } } },
        { id: '__proto__', price: haikuFrom('2026-06-01') },
      ],
      nextId: 2,
    });
    const book = await engine.call('priceBook', {});
    expect(book.problem).toBe(
      '5 of the price book edits stored in this workspace are not valid and are ignored (first: openai:gpt-4o-mini@2024-07-18: models must list the model names the price applies to.).',
    );
    expect(book.removed.map((e) => e.id)).toEqual(['openai:o1@2024-12-17']);
    expect(book.entries.filter((e) => e.status !== 'shipped').map((e) => [e.id, e.models[0], e.status, e.perMillion.input])).toEqual([
      ['user-4', 'claude-haiku-4-5', 'added', '0.80'],
      [GPT_4O_MINI, 'gpt-4o-mini', 'edited', '0.20'],
      ['user-5', 'retired-model', 'added', '0.80'],
    ]);
    // The valid edits price imports.
    const { sources } = await importPaths(engine, [fixture('anthropic/console_usage_export.csv')]);
    expect(sources[0]?.totals.USD?.billedCost).toBe('5.675000');
  });
});
