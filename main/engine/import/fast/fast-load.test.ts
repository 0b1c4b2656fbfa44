import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../../shared/model.js';
import type { CallContext } from '../../../../shared/rpc.js';
import { seeded } from '../../../../test/support/focus-file.js';
import { nodeEngineDeps } from '../../../hosts/node-host.js';
import { nodeImportWorkers } from '../../../hosts/node-import-workers.js';
import { Store } from '../../db/store.js';
import type { EngineDeps, ImportWorkers } from '../../deps.js';
import { importBatch, type ImportTuning } from '../import-batch.js';
import type { LoaderName } from '../load/load-source.js';

const scratch = mkdtempSync(join(tmpdir(), 'cc-fast-'));
const workers = nodeImportWorkers(2);
/** A lone worker also hashes the file (it sees every byte in order). */
const lone = nodeImportWorkers(1);
afterAll(async () => {
  await Promise.all([workers.terminate(), lone.terminate()]);
});

const HEADER = [
  'BillingAccountId', 'BillingAccountName', 'BillingCurrency', 'BillingPeriodStart', 'BillingPeriodEnd', 'ChargeCategory', 'ChargeClass',
  'ChargeDescription', 'ChargePeriodStart', 'ChargePeriodEnd', 'ContractedCost', 'EffectiveCost', 'BilledCost', 'InvoiceIssuerName',
  'ListCost', 'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'ServiceCategory', 'ServiceName', 'SubAccountId',
  'SubAccountName', 'RegionId', 'RegionName', 'ResourceId', 'ResourceName', 'Tags', 'x_Model', 'x_Tokens', 'Team Code', 'Note',
];

interface Shape {
  rows: number;
  seed: number;
  crlf?: boolean;
  bom?: boolean;
  /** Quoted line breaks inside descriptions. */
  multiline?: boolean;
  /** Rows with fields left out at the end (a ragged export). */
  ragged?: boolean;
  /** Rows that are rejected, of each kind. */
  rejects?: boolean;
  /** The last record cut short. */
  cut?: boolean;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const quote = (text: string): string => (/[",\r\n]/.test(text) || text.startsWith(' ') ? `"${text.replaceAll('"', '""')}"` : text);

/** A FOCUS file with the awkward things real exports have, deterministic from its seed. */
function writeFile(name: string, shape: Shape): string {
  const random = seeded(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const newline = shape.crlf ? '\r\n' : '\n';
  const lines = [HEADER.join(',')];
  for (let i = 0; i < shape.rows; i++) {
    const day = 1 + Math.floor((i * 28) / shape.rows);
    const date = `2026-02-${String(day).padStart(2, '0')}`;
    const cost = pick(['12.5', '-3.25', '0.0000003412', '1234567.891234', '7', '2.5e-7', '$1,250.50', '(40.00)', '0.10', '99999999999.123456']);
    const resource = `r-${Math.floor(random() * 50)}`;
    const values: string[] = [
      pick(['acct-1', 'acct-2', ' acct-1 ']), pick(['Acme', 'Ácme Ltd, EU', 'Acme "Labs"']), pick(['USD', 'USD', 'EUR', 'eur', ' USD ']),
      '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', pick(['Usage', 'Purchase', 'Credit']), pick(['', '', 'Correction', 'NULL']),
      shape.multiline && random() < 0.2 ? `line one\nline "two", ${i}` : pick(['Compute usage', 'Tokens, input', 'GPU hours', '日本リージョン']),
      `${date}T00:00:00Z`, pick([`${date}T01:00:00Z`, '', `${date}T00:00:00Z`]), cost, cost, cost, pick(['AWS', 'Microsoft']), cost,
      pick(['1', '0.5', '', '1e3']), pick(['Hours', 'Tokens', 'n/a']), pick(['AWS', 'Microsoft', 'Google Cloud']), pick(['AWS', 'OpenAI']),
      pick(['Compute', 'AI and Machine Learning', 'Storage']), pick(['EC2', 'Azure OpenAI', 'Bedrock', 'Vertex AI']), pick(['sub-1', 'sub-2', '']),
      pick(['Prod', 'Dev', '']), pick(['us-east-1', 'eu-west-1', '']), pick(['US East', '', 'EU West']), resource, pick([`${resource}-name`, '', `${resource}-alias`]),
      pick(['{"team":"search","env":"prod"}', '{"team":"ads"}', '', '{" team ":"ads","cost-center":42}', 'null']),
      pick(['gpt-4o', '', 'claude']), pick(['1000', '', '12.75']), pick(['T-1', 'T-2', '', ' T-3']), pick(['', 'note, with comma', 'NaN']),
    ];
    if (shape.rejects && i % 37 === 5) {
      const kind = (i / 37) % 6;
      if (kind < 1) values[8] = 'not a date';
      else if (kind < 2) values[2] = 'US Dollar';
      else if (kind < 3) values[12] = 'abc';
      else if (kind < 4) values[11] = '';
      else if (kind < 5) values[27] = '[1,2]';
      else values.push('extra', 'fields');
    }
    let line = values.map(quote).join(',');
    if (shape.ragged && i % 11 === 3) line = values.slice(0, -2).map(quote).join(',');
    if (i % 13 === 7) line += `${newline}`; // a blank line after this one
    if (i % 17 === 2) line += ',,'; // trailing empty fields beyond the header
    lines.push(line);
  }
  let text = lines.join(newline) + newline;
  if (shape.cut) text += 'acct-1,Acme,USD,2026-02-01T00:00:00Z';
  const path = join(scratch, name);
  writeFileSync(path, `${shape.bom ? '\uFEFF' : ''}${text}`);
  return path;
}

const ctx: CallContext = { requestId: 1, cancelled: false, emit: () => undefined };

interface Snapshot {
  result: ImportResult;
  tables: Record<string, unknown[][]>;
  /** The loader that read each file. */
  loaders: LoaderName[];
}

const ROUND = (value: unknown): unknown => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value);

/** Imports with one loader and reads back everything the import wrote. */
async function importWith(
  paths: string[], loader: LoaderName, tuning: Omit<ImportTuning, 'loader'> = {}, acceptPartial = true, pool: ImportWorkers = workers,
): Promise<Snapshot> {
  const base = await nodeEngineDeps();
  const deps: EngineDeps = {
    ...base,
    now: () => Date.parse('2026-11-01T00:00:00Z'),
    importWorkers: pool,
    log: { info: () => undefined, warn: () => undefined },
  };
  const store = Store.create(deps.sql);
  const loaders: LoaderName[] = [];
  try {
    const files = paths.map((path) => ({ kind: 'path' as const, path }));
    const result = await importBatch(store, deps, { files, acceptPartial }, ctx, { loader, ...tuning, observe: (_, used) => loaders.push(used) });
    const table = (sql: string) => (store.db.exec(sql)[0]?.values ?? []).map((row) => row.map(ROUND));
    return {
      result,
      loaders,
      tables: {
        lines: table('SELECT * FROM cost_lines ORDER BY rowid'),
        dict: table('SELECT id, value FROM dict ORDER BY id'),
        sources: table('SELECT * FROM sources ORDER BY id'),
        daily_cost: table('SELECT * FROM daily_cost ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11'),
        daily_dim: table('SELECT * FROM daily_dim ORDER BY 1, 2, 3, 4, 5, 6'),
        daily_resource: table('SELECT * FROM daily_resource ORDER BY 1, 2, 3, 4'),
        monthly_resource: table('SELECT * FROM monthly_resource ORDER BY 1, 2, 3, 4'),
        tag_pairs: table('SELECT * FROM tag_pairs ORDER BY 1, 2'),
      },
    };
  } finally {
    store.close();
  }
}

function expectSame(actual: Snapshot, expected: Snapshot): void {
  expect(actual.result).toEqual(expected.result);
  for (const name of Object.keys(expected.tables)) expect(actual.tables[name], name).toEqual(expected.tables[name]);
}

describe('the byte-level loader reads files as the general loader does', () => {
  const shapes: Array<[string, Shape]> = [
    ['plain', { rows: 900, seed: 1 }],
    ['CRLF with a BOM', { rows: 700, seed: 2, crlf: true, bom: true }],
    ['quoted line breaks', { rows: 800, seed: 3, multiline: true }],
    ['ragged rows, rejected rows, a cut last line', { rows: 1200, seed: 4, ragged: true, rejects: true, cut: true }],
    ['ragged CRLF rows with rejects', { rows: 600, seed: 5, ragged: true, rejects: true, crlf: true }],
  ];

  it.each(shapes)('%s: same report, rows, dictionary and rollups in one thread (chunks of any size) and with workers', async (name, shape) => {
    const path = writeFile(`${name.replaceAll(' ', '-')}.csv`, shape);
    const general = await importWith([path], 'records');
    expect(general.result.sources[0]?.rowsImported).toBeGreaterThan(0);
    expect(general.loaders).toEqual(['records']);
    for (const chunkBytes of [1 << 20, 4096, 777]) {
      const bytes = await importWith([path], 'bytes', { chunkBytes });
      expect(bytes.loaders).toEqual(['bytes']);
      expectSame(bytes, general);
    }
    // Chunks cut at line feeds: a quoted line break may fall on a cut, and the file is then read in one thread.
    const parallel = await importWith([path], 'parallel', { chunkBytes: 8192 });
    expect(parallel.loaders).toEqual([shape.multiline ? expect.stringMatching(/^(parallel|bytes)$/) : 'parallel']);
    expectSame(parallel, general);
  });

  it('one worker: it also computes the SHA-256, the same as the engine does', async () => {
    const path = writeFile('lone-worker.csv', { rows: 900, seed: 13, rejects: true, crlf: true });
    const parallel = await importWith([path], 'parallel', { chunkBytes: 4096 }, true, lone);
    expect(parallel.loaders).toEqual(['parallel']);
    expectSame(parallel, await importWith([path], 'records'));
  });

  it('any cell text, quoted as CSV writers quote it (quotes, delimiters, line breaks, spaces, Unicode, NULL tokens)', async () => {
    const random = seeded(21);
    const alphabet = ['a', 'Z', '9', ' ', ',', '"', '\r', '\n', '\t', 'é', '日', '€', '\u00a0', 'N', 'U', 'L', '/', '{', '}', ':', '\\', "'"];
    const cell = (): string => Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const lines = [HEADER.join(',')];
    for (let i = 0; i < 600; i++) {
      const texts = [cell(), pick(random, ['NULL', ' null ', 'N/A', '']), cell(), cell()];
      const day = String(1 + (i % 27)).padStart(2, '0');
      const values = [
        texts[0], texts[2], 'USD', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', 'Usage', texts[1], texts[3], `2026-02-${day}T00:00:00Z`, '',
        '1.5', '1.5', '1.5', 'AWS', '1.5', '1', 'h', 'AWS', 'AWS', 'Compute', texts[0], '', '', '', '', `r-${i % 9}`, texts[2], '', '', '', texts[3], texts[1],
      ].map((v) => String(v));
      lines.push(values.map((v) => (/[",\r\n]/.test(v) || v.trim() !== v ? `"${v.replaceAll('"', '""')}"` : v)).join(','));
    }
    const path = join(scratch, 'any-text.csv');
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const general = await importWith([path], 'records');
    expect(general.result.sources[0]?.rowsImported).toBe(600);
    for (const chunkBytes of [4096, 333]) expectSame(await importWith([path], 'bytes', { chunkBytes }), general);
    expectSame(await importWith([path], 'parallel', { chunkBytes: 2048 }), general);
  });

  it('several files in one batch, with the same values: the same dictionary ids as the general loader', async () => {
    const paths = [writeFile('batch-a.csv', { rows: 400, seed: 6, rejects: true }), writeFile('batch-b.csv', { rows: 500, seed: 7, crlf: true })];
    const parallel = await importWith(paths, 'parallel', { chunkBytes: 4096 });
    expect(parallel.loaders).toEqual(['parallel', 'parallel']);
    expectSame(parallel, await importWith(paths, 'records'));
  });

  it('a file with rejected rows and acceptPartial off: nothing is written, the same report', async () => {
    const path = writeFile('rejects.csv', { rows: 300, seed: 8, rejects: true });
    const general = await importWith([path], 'records', {}, false);
    expect(general.result.committed).toBe(false);
    expectSame(await importWith([path], 'parallel', { chunkBytes: 4096 }, false), general);
  });
});

describe('falling back', () => {
  it('a stray quote after a closing quote: the general reader reads the file (its rows rolled back first)', async () => {
    const path = writeFile('stray.csv', { rows: 300, seed: 9 });
    // papaparse reads a closing quote followed by spaces before the delimiter; the byte-level reader leaves that to it.
    const text = `${(await import('node:fs')).readFileSync(path, 'utf8')}acct-1,"Acme"  ,USD,2026-02-01,2026-03-01,Usage,,x,2026-02-03T00:00:00Z,,1,1,1,AWS,1,1,u,AWS,AWS,Compute,EC2,,,,,r-1,,,,,,\n`;
    writeFileSync(path, text);
    const general = await importWith([path], 'records');
    const bytes = await importWith([path], 'bytes', { chunkBytes: 4096 });
    expect(bytes.loaders).toEqual(['records']);
    expectSame(bytes, general);
  });

  it('bytes that are not UTF-8 late in the file: the general reader decides (here: a refusal), as without the byte-level loader', async () => {
    const path = join(scratch, 'latin1.csv');
    const good = writeFile('latin1-base.csv', { rows: 200, seed: 10 });
    const bytes = Buffer.concat([(await import('node:fs')).readFileSync(good), Buffer.from('acct-1,Caf\xe9,USD,2026-02-01,2026-03-01,Usage,,x,2026-02-03T00:00:00Z,,1,1,1,AWS,1,1,u,AWS,AWS,Compute,EC2,,,,,r-1,,,,,,\n', 'latin1')]);
    writeFileSync(path, bytes);
    const general = await importWith([path], 'records');
    expect(general.result.sources[0]?.status).toBe('failed');
    for (const loader of ['bytes', 'parallel'] as const) {
      const other = await importWith([path], loader, { chunkBytes: 4096 });
      expect(other.loaders).toEqual([]); // refused
      expectSame(other, general);
    }
    // The same in a short last row, which the reader holds at the end of its chunk.
    writeFileSync(path, Buffer.concat([(await import('node:fs')).readFileSync(good), Buffer.from('acct-1,Caf\xe9,USD\n', 'latin1')]));
    const short = await importWith([path], 'records');
    for (const loader of ['bytes', 'parallel'] as const) expectSame(await importWith([path], loader, { chunkBytes: 4096 }), short);
  });

  it('a quoted line break at a chunk boundary: the workers give way to the one-thread byte-level loader', async () => {
    const path = writeFile('multiline-parallel.csv', { rows: 3000, seed: 11, multiline: true });
    const general = await importWith([path], 'records');
    const parallel = await importWith([path], 'parallel', { chunkBytes: 2048 });
    expect(parallel.loaders).toEqual(['bytes']);
    expectSame(parallel, general);
  });

  it('workers that fail: the file is read in the engine\'s thread and the warning is logged', async () => {
    const path = writeFile('no-workers.csv', { rows: 300, seed: 12 });
    const base = await nodeEngineDeps();
    const logged: string[] = [];
    const deps: EngineDeps = {
      ...base,
      now: () => Date.parse('2026-11-01T00:00:00Z'),
      importWorkers: { size: 1, request: () => Promise.reject(new Error('no threads here')) },
      log: { info: () => undefined, warn: (m) => logged.push(m) },
    };
    const store = Store.create(deps.sql);
    const loaders: LoaderName[] = [];
    const result = await importBatch(store, deps, { files: [{ kind: 'path', path }], acceptPartial: true }, ctx, { loader: 'parallel', observe: (_, used) => loaders.push(used) });
    expect(loaders).toEqual(['bytes']);
    expect(result.committed).toBe(true);
    expect(logged.join('\n')).toMatch(/import workers failed \(no threads here\)/);
    const general = await importWith([path], 'records');
    expect(result).toEqual(general.result);
    store.close();
  });
});

describe('progress and cancel', () => {
  it('progress: reading while the lines load, indexing while the rollups are built, then done', async () => {
    const path = writeFile('progress.csv', { rows: 3000, seed: 14 });
    const base = await nodeEngineDeps();
    let clock = 0;
    const deps: EngineDeps = { ...base, now: () => 0, monotonicMs: () => (clock += 300), importWorkers: workers, log: { info: () => undefined, warn: () => undefined } };
    const phases: string[] = [];
    const progress: CallContext = { requestId: 3, cancelled: false, emit: (name, payload) => name === 'progress' && phases.push((payload as { phase: string }).phase) };
    const store = Store.create(deps.sql);
    await importBatch(store, deps, { files: [{ kind: 'path', path }], acceptPartial: true }, progress, { loader: 'parallel', chunkBytes: 16384 });
    store.close();
    const collapsed = phases.filter((phase, i) => phase !== phases[i - 1]);
    expect(collapsed).toEqual(['reading', 'indexing', 'done']);
    expect(phases.filter((p) => p === 'reading').length).toBeGreaterThan(3);
  });

  it('a cancel while workers convert: CANCELLED, nothing written, and the next import works', async () => {
    const path = writeFile('cancel.csv', { rows: 4000, seed: 15 });
    const base = await nodeEngineDeps();
    const deps: EngineDeps = { ...base, importWorkers: workers, log: { info: () => undefined, warn: () => undefined } };
    let reads = 0;
    const cancelling: CallContext = {
      requestId: 4,
      get cancelled() {
        return reads > 2;
      },
      emit: (name, payload) => {
        if (name === 'progress' && (payload as { phase: string }).phase === 'reading') reads++;
      },
    };
    const store = Store.create(deps.sql);
    await expect(importBatch(store, { ...deps, monotonicMs: (() => { let t = 0; return () => (t += 300); })() }, { files: [{ kind: 'path', path }] }, cancelling, { loader: 'parallel', chunkBytes: 8192 }))
      .rejects.toMatchObject({ code: 'CANCELLED' });
    expect(store.scalar('SELECT COUNT(*) FROM cost_lines')).toBe(0);
    expect(store.scalar('SELECT COUNT(*) FROM dict')).toBe(0);
    const again = await importBatch(store, deps, { files: [{ kind: 'path', path }], acceptPartial: true }, ctx, { loader: 'parallel', chunkBytes: 8192 });
    expect(again.committed).toBe(true);
    expect(Number(store.scalar('SELECT COUNT(*) FROM cost_lines'))).toBe(again.sources[0]?.rowsImported);
    store.close();
  });
});
