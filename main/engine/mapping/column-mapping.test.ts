import { describe, expect, it } from 'vitest';
import { checkColumnMapping, checkSavedMapping, headerKey, mappedFormatId, slugOf } from './column-mapping.js';

const HEADER = ['Usage Day', 'Project', 'Model', 'amount_value', 'Currency Code', 'tag_team'];
const VALID = {
  name: ' Finance export ',
  family: 'openai',
  header: HEADER,
  columns: { ChargePeriodStart: 'usage day', BilledCost: 'AMOUNT_VALUE', BillingCurrency: 'Currency Code', x_Model: 'Model', ServiceName: '' },
  fixed: { ProviderName: ' OpenAI ' },
  tagPrefix: 'tag_',
};

describe('slugOf and mappedFormatId', () => {
  it('makes lower-case dashed slugs without accents or punctuation', () => {
    expect(slugOf('Finance export (EU) – Q4')).toBe('finance-export-eu-q4');
    expect(slugOf('Coûts Énergie')).toBe('couts-energie');
    expect(slugOf('!!!')).toBe('');
    expect(slugOf('a'.repeat(60))).toHaveLength(40);
  });

  it('names the format by the family the user picked, never focus-mapped by default', () => {
    expect(mappedFormatId('openai', 'Finance export')).toBe('openai-mapped-finance-export');
    expect(mappedFormatId('aws', 'Team A')).toBe('aws-mapped-team-a');
  });
});

describe('headerKey', () => {
  it('is the set of column names: order, case, spaces, a BOM and blank trailing columns do not matter', () => {
    expect(headerKey(['\uFEFFA', ' b ', 'C', ''])).toBe(headerKey(['c', 'B', 'a']));
    expect(headerKey(['a', 'b'])).not.toBe(headerKey(['a', 'b', 'c']));
  });
});

describe('checkColumnMapping', () => {
  it('returns the mapping cleaned: trimmed names, columns as the header writes them, blank fields left out', () => {
    expect(checkColumnMapping(VALID)).toEqual({
      name: 'Finance export',
      family: 'openai',
      header: HEADER,
      columns: { ChargePeriodStart: 'Usage Day', BilledCost: 'amount_value', BillingCurrency: 'Currency Code', x_Model: 'Model' },
      fixed: { ProviderName: 'OpenAI' },
      tagPrefix: 'tag_',
    });
  });

  it('upper-cases a fixed currency', () => {
    const { BillingCurrency: _dropped, ...columns } = VALID.columns;
    expect(checkColumnMapping({ ...VALID, columns, fixed: { BillingCurrency: 'eur' } })).toMatchObject({ fixed: { BillingCurrency: 'EUR' } });
  });

  it.each([
    [{ ...VALID, name: '  ' }, 'Give the mapping a name'],
    [{ ...VALID, family: 'ibm' }, 'The provider family must be one of'],
    [{ ...VALID, header: [] }, 'The header must list'],
    [{ ...VALID, header: [1, 2] }, 'Every column name'],
    [{ ...VALID, columns: { ...VALID.columns, ChargePeriodStart: undefined } }, 'ChargePeriodStart'],
    [{ ...VALID, columns: { ...VALID.columns, BilledCost: '' } }, 'BilledCost'],
    [{ ...VALID, columns: { ...VALID.columns, BilledCost: 'Cost' } }, 'BilledCost is mapped to "Cost", which is not a column of the file.'],
    [{ ...VALID, columns: { ...VALID.columns, Nonsense: 'Model' } }, 'Nonsense is not a FOCUS column'],
    [{ ...VALID, columns: { ...VALID.columns, BillingCurrency: undefined } }, 'Choose the currency column, or give a fixed currency'],
    [{ ...VALID, fixed: { BillingCurrency: 'USD' } }, 'not both'],
    [{ ...VALID, columns: { ...VALID.columns, BillingCurrency: undefined }, fixed: { BillingCurrency: 'US$' } }, 'three-letter code'],
    [{ ...VALID, tagColumns: ['nope'] }, 'Tag column "nope"'],
    ['a string', 'must be an object'],
  ])('refuses %# with a sentence naming the problem', (value, problem) => {
    const checked = checkColumnMapping(value);
    expect('problem' in checked && checked.problem).toContain(problem);
  });
});

describe('checkSavedMapping', () => {
  it('recomputes the format id instead of trusting the stored one', () => {
    expect(checkSavedMapping({ ...VALID, format: 'focus-1.2', savedAt: '2026-11-01T00:00:00.000Z' })).toMatchObject({
      format: 'openai-mapped-finance-export',
      savedAt: '2026-11-01T00:00:00.000Z',
    });
  });

  it('is null for anything that does not check out', () => {
    expect(checkSavedMapping(null)).toBeNull();
    expect(checkSavedMapping({ ...VALID, columns: {} })).toBeNull();
  });
});
