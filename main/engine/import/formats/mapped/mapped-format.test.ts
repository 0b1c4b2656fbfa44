import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../../../shared/model.js';
import { EngineError } from '../../../../../shared/rpc.js';
import { exactSum, toCents } from '../../../../../test/support/csv.js';
import { importPaths, testEngine, type TestEngine } from '../../../../../test/support/engine.js';
import { FINANCE_HEADER as HEADER, FINANCE_OCTOBER as OCTOBER } from '../../../../../test/support/finance-export.js';
import { readSetting, writeSetting } from '../../../db/settings.js';

const scratch = mkdtempSync(join(tmpdir(), 'cc-mapped-'));

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const AMOUNTS = OCTOBER.map((row) => row.split(',')[5] ?? '');

const MAPPING: ColumnMapping = {
  name: 'Finance export',
  family: 'openai',
  header: HEADER.split(','),
  columns: {
    ChargePeriodStart: 'Usage Day',
    BilledCost: 'amount_value',
    BillingCurrency: 'Currency Code',
    SubAccountId: 'Project',
    x_Model: 'Model',
    ChargeDescription: 'line_item',
    x_Tokens: 'Tokens',
  },
  fixed: { ProviderName: 'OpenAI' },
  tagPrefix: 'tag_',
};

async function mapped(): Promise<TestEngine> {
  const engine = await testEngine();
  await engine.call('saveColumnMapping', MAPPING);
  return engine;
}

describe('a file no known format reads', () => {
  it('is refused with its header and the closest known formats, each with the columns it lacks', async () => {
    const engine = await testEngine();
    const result = await importPaths(engine, [file('finance.csv', [HEADER, ...OCTOBER].join('\n'))]);
    const report = result.sources[0];
    expect(result.committed).toBe(false);
    expect(report?.status).toBe('failed');
    expect(report?.header).toEqual(HEADER.split(','));
    expect(report?.closestFormats).toEqual([{ name: 'OpenAI costs', format: 'openai-costs-csv', missing: ['start_time'] }]);
  });

  it('with no near miss: the header, and no closest formats', async () => {
    const engine = await testEngine();
    const result = await importPaths(engine, [file('people.csv', 'name,email\nAda,ada@example.org\n')]);
    expect(result.sources[0]?.header).toEqual(['name', 'email']);
    expect(result.sources[0]?.closestFormats).toEqual([]);
  });

  it('is previewed: its header, first rows (at most 5) and closest formats', async () => {
    const engine = await testEngine();
    const path = file('finance-preview.csv', `\uFEFF${[HEADER, ...OCTOBER].join('\r\n')}\r\n`);
    const preview = await engine.call('previewFile', { files: [{ kind: 'path', path }], source: 'finance-preview.csv' });
    expect(preview.file).toBe('finance-preview.csv');
    expect(preview.header).toEqual(HEADER.split(','));
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[4]?.[9]).toBe('quoted, with comma');
    expect(preview.closestFormats[0]).toEqual({ name: 'OpenAI costs', format: 'openai-costs-csv', missing: ['start_time'] });
    expect(preview.format).toBeNull();
  });

  it('a preview of a source that is not among the files is NOT_FOUND', async () => {
    const engine = await testEngine();
    const path = file('one.csv', `${HEADER}\n`);
    await expect(engine.call('previewFile', { files: [{ kind: 'path', path }], source: 'other.csv' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('column mappings in the workspace settings', () => {
  it('round trip: saved under column-mappings, listed, replaced by name, deleted', async () => {
    const engine = await testEngine();
    const saved = await engine.call('saveColumnMapping', MAPPING);
    expect(saved).toEqual([{ ...MAPPING, format: 'openai-mapped-finance-export', savedAt: '2026-11-01T00:00:00.000Z' }]);
    expect(readSetting(engine.store(), 'column-mappings')).toEqual({ version: 1, mappings: saved });
    expect(await engine.call('listColumnMappings', {})).toEqual(saved);

    // The same name (any case and punctuation) replaces it, even with another family.
    const again = await engine.call('saveColumnMapping', { ...MAPPING, name: 'FINANCE export!', family: 'azure' });
    expect(again.map((m) => m.format)).toEqual(['azure-mapped-finance-export']);
    // So does another name for the same header: one mapping reads a header.
    const renamed = await engine.call('saveColumnMapping', { ...MAPPING, name: 'Spend sheet', header: [...MAPPING.header].reverse() });
    expect(renamed.map((m) => m.format)).toEqual(['openai-mapped-spend-sheet']);

    const other = await engine.call('saveColumnMapping', { ...MAPPING, name: 'Other', header: ['day', 'cost'], columns: { ChargePeriodStart: 'day', BilledCost: 'cost' }, fixed: { BillingCurrency: 'eur' } });
    expect(other.map((m) => m.format)).toEqual(['openai-mapped-spend-sheet', 'openai-mapped-other']);
    expect(await engine.call('deleteColumnMapping', { format: 'openai-mapped-spend-sheet' })).toEqual([other[1]]);
    await expect(engine.call('deleteColumnMapping', { format: 'openai-mapped-spend-sheet' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engine.call('deleteColumnMapping', { format: 'focus-1.2' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a mapping that does not check out is refused at the door with the reason', async () => {
    const engine = await testEngine();
    const error = await engine.call('saveColumnMapping', { ...MAPPING, columns: { ...MAPPING.columns, BilledCost: 'Price' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'BilledCost is mapped to "Price", which is not a column of the file.' });
    expect(await engine.call('listColumnMappings', {})).toEqual([]);
  });

  it('survives saving and opening the workspace file', async () => {
    const engine = await mapped();
    const { bytes } = await engine.call('exportWorkspace', {});
    const reopened = await testEngine(bytes);
    expect((await reopened.call('listColumnMappings', {})).map((m) => m.format)).toEqual(['openai-mapped-finance-export']);
  });

  it('invalid stored mappings are ignored safely: the valid ones still list and import', async () => {
    const engine = await testEngine();
    const store = engine.store();
    const valid = { ...MAPPING, format: 'focus-1.2', savedAt: 'x' };
    for (const junk of [null, 'text', 42, [], { version: 2, mappings: [valid] }, { version: 1, mappings: 'no' }, { version: 1 }]) {
      writeSetting(store, 'column-mappings', junk);
      expect(await engine.call('listColumnMappings', {})).toEqual([]);
    }
    store.run("INSERT OR REPLACE INTO settings (key, value) VALUES ('column-mappings', '{not json')");
    expect(await engine.call('listColumnMappings', {})).toEqual([]);

    writeSetting(store, 'column-mappings', {
      version: 1,
      mappings: [
        null,
        { ...MAPPING, columns: { BilledCost: 'amount_value' } },
        { ...MAPPING, family: 'ibm' },
        { ...MAPPING, header: 'Usage Day' },
        { ...MAPPING, columns: { ...MAPPING.columns, x_Model: 'Nope' } },
        { ...MAPPING, columns: { ...MAPPING.columns, ['__proto__']: 'Model' } },
        valid,
        { ...valid, name: 'Duplicate header' },
      ],
    });
    const listed = await engine.call('listColumnMappings', {});
    expect(listed.map((m) => m.format)).toEqual(['openai-mapped-finance-export']);
    const result = await importPaths(engine, [file('finance-junk.csv', [HEADER, ...OCTOBER].join('\n'))]);
    expect(result.sources[0]?.format).toBe('openai-mapped-finance-export');
    expect(result.committed).toBe(true);
  });
});

describe('a file read through a column mapping', () => {
  it('imports every row exactly: totals to the cent, fixed provider, tags from prefixed columns, the rest as extras', async () => {
    const engine = await mapped();
    const result = await importPaths(engine, [file('finance-oct.csv', [HEADER, ...OCTOBER].join('\n'))]);
    const report = result.sources[0];
    expect(report?.status, report?.errors[0]?.message).toBe('imported');
    expect(report?.format).toBe('openai-mapped-finance-export');
    expect(report?.rowsImported).toBe(OCTOBER.length);
    expect(report?.extraColumns).toEqual(['Notes']);
    // The file's own total, summed independently: 1241.4178908236.
    const expected = exactSum(AMOUNTS);
    expect(expected).toBe('1241.417891');
    expect(report?.totals).toEqual({ USD: { billedCost: '1241.4178908236', effectiveCost: '1241.4178908236' } });
    expect(toCents(report?.totals.USD?.billedCost ?? '')).toBe(toCents(expected));

    const overview = await engine.call('overview', {});
    expect(toCents(overview.total.effectiveCost)).toBe(toCents(expected));
    expect(toCents(overview.total.billedCost)).toBe(124142n);
    expect(overview.byProvider.map((b) => b.key)).toEqual(['OpenAI']);
    expect(overview.bySubAccount.map((b) => b.key)).toEqual(['proj-batch', 'proj-search', 'proj-chat']);

    const lines = engine.store().all<{ tags: string | null; model: string; tokens: number | null; extras: string | null; description: string }>(
      `SELECT t.value AS tags, m.value AS model, l.x_Tokens AS tokens, l.extras AS extras, c.value AS description FROM cost_lines l
       LEFT JOIN dict t ON t.id = l.Tags JOIN dict m ON m.id = l.x_Model JOIN dict c ON c.id = l.ChargeDescription ORDER BY l.row_number`,
    );
    expect(lines[0]).toEqual({ tags: '{"team":"search","env":"prod"}', model: 'gpt-4o', tokens: 1200000, extras: '{"Notes":"first"}', description: 'gpt-4o input' });
    expect(lines[2]?.tags).toBe('{"team":"chat"}');
    expect(lines[3]?.tokens).toBeNull();
    expect(lines[4]?.extras).toBe('{"Notes":"quoted, with comma"}');
    expect(await engine.call('tagBreakdown', { key: 'team' })).toMatchObject({ key: 'team' });
  });

  it('the same header later (columns reordered, other case) imports without asking', async () => {
    const engine = await mapped();
    await importPaths(engine, [file('finance-oct-2.csv', [HEADER, ...OCTOBER].join('\n'))]);
    const columns = HEADER.split(',');
    const order = [...columns.keys()].reverse();
    const november = [
      '2026-11-01,proj-chat,gpt-4o,gpt-4o input,100,10.10,usd,chat,prod,',
      '2026-11-02,proj-chat,gpt-4o,gpt-4o output,100,0.015,USD,chat,prod,',
    ].map((row) => order.map((i) => row.split(',')[i]).join(','));
    const path = file('finance-nov.csv', [order.map((i) => (columns[i] ?? '').toUpperCase()).join(','), ...november].join('\n'));
    const result = await importPaths(engine, [path]);
    expect(result.committed).toBe(true);
    expect(result.sources[0]).toMatchObject({ status: 'imported', format: 'openai-mapped-finance-export', rowsImported: 2 });
    expect(result.sources[0]?.totals).toEqual({ USD: { billedCost: '10.115000', effectiveCost: '10.115000' } });
    expect(toCents((await engine.call('overview', {})).total.effectiveCost)).toBe(125153n);
  });

  it('a header with one more column is not the mapping\'s: it is refused, and names the closest formats', async () => {
    const engine = await mapped();
    const result = await importPaths(engine, [file('finance-wider.csv', `${HEADER},Extra\n${OCTOBER[0]},x\n`)]);
    expect(result.sources[0]?.status).toBe('failed');
    expect(result.sources[0]?.closestFormats?.[0]?.format).toBe('openai-costs-csv');
  });

  it('a BilledCost column holding text rejects those rows with their row numbers; nothing is imported', async () => {
    const engine = await testEngine();
    await engine.call('saveColumnMapping', { ...MAPPING, name: 'Wrong cost', columns: { ...MAPPING.columns, BilledCost: 'Model' } });
    const result = await importPaths(engine, [file('finance-text-cost.csv', [HEADER, ...OCTOBER.slice(0, 3)].join('\n'))]);
    const report = result.sources[0];
    expect(result.committed).toBe(false);
    expect(report?.status).toBe('rejected');
    expect(report?.format).toBe('openai-mapped-wrong-cost');
    expect(report?.errors).toEqual([
      { row: 2, message: 'Row 2 BilledCost "gpt-4o" is not a number.' },
      { row: 3, message: 'Row 3 BilledCost "gpt-4o" is not a number.' },
      { row: 4, message: 'Row 4 BilledCost "gpt-4o-mini" is not a number.' },
    ]);
    expect((await engine.call('status', {})).costLines).toBe(0);
  });

  it('a fixed currency and EffectiveCost from its own column', async () => {
    const engine = await testEngine();
    await engine.call('saveColumnMapping', {
      name: 'Two costs', family: 'gcp', header: ['day', 'list', 'net', 'svc'],
      columns: { ChargePeriodStart: 'day', BilledCost: 'list', EffectiveCost: 'net', ServiceName: 'svc' }, fixed: { BillingCurrency: 'EUR' },
    });
    const result = await importPaths(engine, [file('two-costs.csv', 'day,list,net,svc\n2026-10-05,10.00,7.50,Vertex AI\n2026-10-06,2.25,2.00,BigQuery\n')]);
    expect(result.sources[0]).toMatchObject({ status: 'imported', format: 'gcp-mapped-two-costs', extraColumns: [] });
    expect(result.sources[0]?.totals).toEqual({ EUR: { billedCost: '12.250000', effectiveCost: '9.500000' } });
  });
});
