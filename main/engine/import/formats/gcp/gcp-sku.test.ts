import { describe, expect, it } from 'vitest';
import { billingPeriodOf } from './gcp-invoice-month.js';
import { skuFacts } from './gcp-sku.js';
import { gpuHoursOf, tokensOf } from './gcp-usage.js';

describe('skuFacts', () => {
  it.each([
    ['Gemini 2.5 Flash GA Text Input - Predictions', 'gemini-2.5-flash', 'input', 'inference'],
    ['Gemini 2.5 Flash GA Text Output - Predictions', 'gemini-2.5-flash', 'output', 'inference'],
    ['Gemini 2.5 Flash GA Thinking Text Output - Predictions', 'gemini-2.5-flash', 'reasoning', 'inference'],
    ['Gemini 2.5 Flash GA Input Text Caching', 'gemini-2.5-flash', 'cached-read', 'inference'],
    ['Gemini 3 Flash Text Input Caching Storage', 'gemini-3-flash', null, 'inference'],
    ['Gemini 2.0 Flash Lite Text Input - Predictions', 'gemini-2.0-flash-lite', 'input', 'inference'],
    ['Claude 3.5 Sonnet v2 Cache Write Input Tokens', 'claude-3.5-sonnet-v2', 'cache-write', 'inference'],
    ['Gemini 1.5 Flash Tuning', 'gemini-1.5-flash', null, 'fine-tuning'],
    ['text-embedding-004 Online Prediction', 'text-embedding-004', null, 'embedding'],
  ])('%s → %s %s %s', (description, model, tokenType, workload) => {
    expect(skuFacts(description)).toMatchObject({ model, tokenType, workload, gpu: false });
  });

  it('GPU, spot, commitment and plain SKUs', () => {
    expect(skuFacts('Nvidia Tesla A100 GPU running in Americas')).toMatchObject({ gpu: true, model: null, pricingCategory: 'Standard' });
    expect(skuFacts('Nvidia L4 GPU attached to Spot Preemptible VMs running in Belgium')).toMatchObject({ gpu: true, pricingCategory: 'Dynamic' });
    expect(skuFacts('Commitment v1: A100 GPU in Americas for 1 Year')).toMatchObject({ gpu: false, commitment: 'Usage', pricingCategory: 'Committed' });
    expect(skuFacts('Commitment - dollar based v1: Compute Engine for 3 years')).toMatchObject({ commitment: 'Spend' });
    expect(skuFacts('Log Volume')).toMatchObject({ model: null, gpu: false, commitment: null, pricingCategory: 'Standard' });
  });
});

describe('usage quantities and invoice months', () => {
  it('tokens from count units only; GPU hours from hours or seconds', () => {
    expect(tokensOf('2500000', 'count')).toBe('2500000');
    expect(tokensOf('1200', 'characters')).toBeNull();
    expect(gpuHoursOf('7200', 'seconds', '2', 'hour')).toBe('2');
    expect(gpuHoursOf('5400', 'seconds', '', '')).toBe('1.5');
    expect(gpuHoursOf('3', 'hour', '', '')).toBe('3');
    expect(gpuHoursOf('3', 'bytes', '', '')).toBeNull();
  });

  it('invoice.month is the calendar month, end exclusive', () => {
    expect(billingPeriodOf('202011')).toEqual({ start: '2020-11-01T00:00:00Z', end: '2020-12-01T00:00:00Z' });
    expect(billingPeriodOf('202412')).toEqual({ start: '2024-12-01T00:00:00Z', end: '2025-01-01T00:00:00Z' });
    expect(billingPeriodOf('2024-13')).toBeNull();
    expect(billingPeriodOf('')).toBeNull();
  });
});
