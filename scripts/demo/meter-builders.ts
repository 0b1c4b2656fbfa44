/** Short ways to describe meters: one call per resource or per model (one meter per token type). */
import type { AiAttributes, BillingAccount, Meter, Region, Resource, SubAccount } from './focus-line.js';
import type { UsageProfile } from './demo-usage.js';

export interface Service {
  name: string;
  category: string;
  subcategory: string;
}

/** A meter and how it is used. */
export interface DemoMeter {
  meter: Meter;
  usage: UsageProfile;
}

export interface MeterSpec {
  key: string;
  account: BillingAccount;
  subAccount: SubAccount | null;
  service: Service;
  region: Region | null;
  resource: Resource | null;
  skuId: string;
  description: string;
  pricingUnit: string;
  /** Defaults to the pricing unit. */
  consumedUnit?: string | null;
  consumedPerPricingUnit?: number;
  listUnitPrice: number;
  /** Negotiated discount off list, e.g. 0.06 (an enterprise agreement). */
  discount?: number;
  tags: string | null;
  usage: UsageProfile;
  chargeCategory?: Meter['chargeCategory'];
  chargeFrequency?: Meter['chargeFrequency'];
  publisherName?: string;
  availabilityZone?: string;
  ai?: AiAttributes;
}

/** A unit price after a discount, rounded to the 6 decimals prices are written with. */
export function discounted(listUnitPrice: number, discount: number): number {
  return Math.round(listUnitPrice * (1 - discount) * 1e6) / 1e6;
}

export function meter(spec: MeterSpec): DemoMeter {
  const built: Meter = {
    key: spec.key,
    account: spec.account,
    subAccount: spec.subAccount,
    serviceName: spec.service.name,
    serviceCategory: spec.service.category,
    serviceSubcategory: spec.service.subcategory,
    chargeCategory: spec.chargeCategory ?? 'Usage',
    chargeFrequency: spec.chargeFrequency ?? 'Usage-Based',
    chargeDescription: spec.description,
    pricingCategory: 'Standard',
    region: spec.region,
    resource: spec.resource,
    skuId: spec.skuId,
    skuPriceId: `${spec.skuId}:${spec.region?.id ?? 'global'}:ondemand`,
    pricingUnit: spec.pricingUnit,
    consumedUnit: spec.consumedUnit === undefined ? spec.pricingUnit : spec.consumedUnit,
    consumedPerPricingUnit: spec.consumedPerPricingUnit ?? 1,
    listUnitPrice: spec.listUnitPrice,
    contractedUnitPrice: discounted(spec.listUnitPrice, spec.discount ?? 0),
    tags: spec.tags,
  };
  if (spec.publisherName !== undefined) built.publisherName = spec.publisherName;
  if (spec.availabilityZone !== undefined) built.availabilityZone = spec.availabilityZone;
  if (spec.ai !== undefined) built.ai = spec.ai;
  return { meter: built, usage: spec.usage };
}

export type TokenType = NonNullable<AiAttributes['tokenType']>;

export interface TokenSpec {
  key: string;
  account: BillingAccount;
  subAccount: SubAccount | null;
  service: Service;
  region: Region | null;
  resource?: Resource | null;
  publisherName?: string;
  model: string;
  /** List price per 1000 tokens, by token type. */
  prices: Readonly<Partial<Record<TokenType, number>>>;
  /** Tokens a weekday at the start, by token type; one meter for each. */
  tokensPerDay: Readonly<Partial<Record<TokenType, number>>>;
  tags: string | null;
  workload: 'inference' | 'embedding';
  apiKey?: string;
  user?: string;
  weekendFactor: number;
  monthlyGrowth: number;
}

const TOKEN_TYPES: readonly TokenType[] = ['input', 'output', 'cached-read', 'cache-write', 'reasoning'];

/** One meter for each token type the spec uses ("1000 Tokens", whole tokens). */
export function tokenMeters(spec: TokenSpec): DemoMeter[] {
  return TOKEN_TYPES.flatMap((tokenType) => {
    const tokens = spec.tokensPerDay[tokenType];
    const price = spec.prices[tokenType];
    if (tokens === undefined) return [];
    if (price === undefined) throw new Error(`${spec.key}: no ${tokenType} price for ${spec.model}`);
    const ai: AiAttributes = { model: spec.model, tokenType, workload: spec.workload, countsTokens: true };
    if (spec.apiKey !== undefined) ai.apiKey = spec.apiKey;
    if (spec.user !== undefined) ai.user = spec.user;
    const built: MeterSpec = {
      key: `${spec.key}:${tokenType}`,
      account: spec.account,
      subAccount: spec.subAccount,
      service: spec.service,
      region: spec.region,
      resource: spec.resource ?? null,
      skuId: `${spec.model}-${tokenType}`,
      description: `${spec.model} ${tokenType} tokens`,
      pricingUnit: '1000 Tokens',
      consumedUnit: 'Tokens',
      consumedPerPricingUnit: 1000,
      listUnitPrice: price,
      tags: spec.tags,
      usage: { base: tokens / 1000, weekendFactor: spec.weekendFactor, monthlyGrowth: spec.monthlyGrowth, noise: 0.09, step: 0.001 },
      ai,
    };
    if (spec.publisherName !== undefined) built.publisherName = spec.publisherName;
    return [meter(built)];
  });
}

/** Hex text derived from a name (FNV-1a, repeated): stable resource ids that need no random draws. */
export function stableHex(name: string, length: number): string {
  let text = '';
  let round = 0;
  while (text.length < length) {
    let hash = 0x811c9dc5;
    for (const char of `${round}:${name}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    text += hash.toString(16).padStart(8, '0');
    round++;
  }
  return text.slice(0, length);
}
