import { describe, expect, it } from 'vitest';
import type { FilePreview, MappedField } from '../../../../../shared/model.js';
import { FIELD_GROUPS, firstValues, formatIdOf, formProblems, initialForm, mappingOf, slugOf, tagColumnsOf } from './mapping-form.js';

const PREVIEW: FilePreview = {
  file: 'finance_export.csv',
  header: ['Usage Day', 'Project', 'Model', 'line_item', 'Tokens', 'amount_value', 'Currency Code', 'tag_team', 'tag_env', 'Notes'],
  rows: [
    ['2026-10-01', 'proj-search', 'gpt-4o', 'gpt-4o input', '1200000', '3.00', 'USD', 'search', 'prod', ''],
    ['2026-10-02', 'proj-chat', 'gpt-4o-mini', 'input', '900', '1.35', 'USD', 'chat', '', 'x'],
  ],
  closestFormats: [{ name: 'OpenAI costs', format: 'openai-costs-csv', missing: ['start_time'] }],
  format: null,
};

describe('FIELD_GROUPS', () => {
  it('offers every mappable FOCUS column once', () => {
    const fields = FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.field));
    const all: Record<MappedField, true> = {
      ChargePeriodStart: true, ChargePeriodEnd: true, BilledCost: true, EffectiveCost: true, ListCost: true, BillingCurrency: true,
      ProviderName: true, ServiceName: true, ServiceCategory: true, ChargeCategory: true, ChargeDescription: true, BillingAccountId: true,
      SubAccountId: true, SubAccountName: true, RegionId: true, ResourceId: true, ResourceName: true, SkuId: true, ConsumedQuantity: true,
      ConsumedUnit: true, x_Model: true, x_TokenType: true, x_Tokens: true, x_GpuHours: true, x_Workload: true, x_ApiKey: true, x_User: true,
    };
    expect(new Set(fields).size).toBe(fields.length);
    expect([...fields].sort()).toEqual(Object.keys(all).sort());
  });
});

describe('initialForm', () => {
  it('guesses columns by name, the tag prefix, the family of the closest format and a name from the file', () => {
    const form = initialForm(PREVIEW);
    expect(form).toMatchObject({ name: 'finance export', family: 'openai', tagPrefix: 'tag_', fixedCurrency: '', fixedProvider: 'OpenAI' });
    expect(Object.fromEntries(Object.entries(form.columns).filter(([, c]) => c !== ''))).toEqual({
      ChargePeriodStart: 'Usage Day', BilledCost: 'amount_value', BillingCurrency: 'Currency Code', SubAccountId: 'Project',
      ChargeDescription: 'line_item', x_Tokens: 'Tokens', x_Model: 'Model',
    });
  });

  it('without a near miss: no family until the user chooses one, a fixed USD currency when no column says it', () => {
    const form = initialForm({ ...PREVIEW, header: ['when', 'price'], rows: [], closestFormats: [], file: 'archive.zip › costs.csv' });
    expect(form).toMatchObject({ name: 'costs', family: '', fixedCurrency: 'USD', fixedProvider: '', tagPrefix: '' });
  });
});

describe('form helpers', () => {
  it('firstValues skips empty cells', () => {
    expect(firstValues(PREVIEW, 'Notes')).toEqual(['x']);
    expect(firstValues(PREVIEW, 'Model')).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(firstValues(PREVIEW, 'missing')).toEqual([]);
  });

  it('tagColumnsOf lists the prefixed columns and their keys', () => {
    expect(tagColumnsOf(PREVIEW.header, initialForm(PREVIEW))).toEqual([{ column: 'tag_team', key: 'team' }, { column: 'tag_env', key: 'env' }]);
  });

  it('formatIdOf follows the engine: family, -mapped-, slug', () => {
    expect(slugOf('Finance export (EU)')).toBe('finance-export-eu');
    expect(formatIdOf({ family: 'openai', name: 'Finance export' })).toBe('openai-mapped-finance-export');
    expect(formatIdOf({ family: 'openai', name: '  ' })).toBe('');
    expect(formatIdOf({ family: '', name: 'Finance export' })).toBe('');
  });

  it('formProblems names what is missing', () => {
    const form = initialForm({ ...PREVIEW, header: ['x'], rows: [], closestFormats: [] });
    expect(formProblems({ ...form, name: '', fixedCurrency: 'dollars' })).toEqual([
      'Give the mapping a name (letters or digits).',
      'Choose the provider family: whose bill this is.',
      'Choose the column with the charge date.',
      'Choose the column with the billed cost.',
      'Choose the currency column, or give a fixed three-letter currency code such as USD.',
    ]);
    expect(formProblems(initialForm(PREVIEW))).toEqual([]);
  });

  it('mappingOf sends only mapped fields, and fixed values only where no column is chosen', () => {
    const form = initialForm(PREVIEW);
    expect(mappingOf({ ...form, family: 'openai', fixedCurrency: 'eur', name: ' Finance export ' }, PREVIEW.header)).toEqual({
      name: 'Finance export',
      family: 'openai',
      header: PREVIEW.header,
      columns: {
        ChargePeriodStart: 'Usage Day', BilledCost: 'amount_value', BillingCurrency: 'Currency Code', SubAccountId: 'Project',
        ChargeDescription: 'line_item', x_Tokens: 'Tokens', x_Model: 'Model',
      },
      fixed: { ProviderName: 'OpenAI' },
      tagPrefix: 'tag_',
    });
  });
});
