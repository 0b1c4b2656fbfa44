import { describe, expect, it } from 'vitest';
import { englishColumnName, fromDecimalComma, isLocalisedHeader } from './azure-locale.js';

describe('englishColumnName', () => {
  it('takes the English field name the portal appends in parentheses', () => {
    expect(englishColumnName('Abonnement-GUID (SubscriptionGuid)')).toBe('SubscriptionGuid');
    expect(englishColumnName('Kategorie der Verbrauchseinheit (MeterCategory)')).toBe('MeterCategory');
    expect(englishColumnName('\uFEFFName der Abteilung (DepartmentName)')).toBe('DepartmentName');
  });

  it('reads the confirmed German labels without their suffix', () => {
    expect(englishColumnName('Genutzter Dienst')).toBe('ConsumedService');
    expect(englishColumnName('Ressourcenstandort')).toBe('ResourceLocation');
    expect(englishColumnName('Maßeinheit')).toBe('UnitOfMeasure');
  });

  it('leaves English names and unknown labels as they are', () => {
    expect(englishColumnName(' MeterCategory ')).toBe('MeterCategory');
    expect(englishColumnName('Kosten')).toBe('Kosten');
    expect(englishColumnName('Cost (USD)')).toBe('Cost (USD)');
  });

  it('tells a localised header from an English one', () => {
    expect(isLocalisedHeader(['Abonnement-GUID (SubscriptionGuid)', 'PreTaxCost (PreTaxCost)'])).toBe(true);
    expect(isLocalisedHeader(['SubscriptionGuid', 'PreTaxCost'])).toBe(false);
  });
});

describe('fromDecimalComma', () => {
  it('reads decimal commas, with or without German thousands dots', () => {
    expect(fromDecimalComma('1,5')).toBe('1.5');
    expect(fromDecimalComma('-0,000025')).toBe('-0.000025');
    expect(fromDecimalComma('1.234,56')).toBe('1234.56');
    expect(fromDecimalComma('1,234')).toBe('1.234');
  });

  it('leaves dot decimals and other text alone', () => {
    expect(fromDecimalComma('1.5')).toBe('1.5');
    expect(fromDecimalComma('3e-5')).toBe('3e-5');
    expect(fromDecimalComma('')).toBe('');
  });
});
