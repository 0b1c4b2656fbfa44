/**
 * Model, token type and token count of Amazon Bedrock lines. Bedrock bills each token type on its
 * own line; the usage type names it ("Understanding your Amazon Bedrock Cost and Usage Report
 * data", Bedrock user guide): `USE1-Claude3Sonnet-input-tokens`, `…-output-tokens`,
 * `…-cache-read-input-token-count`, `…-cache-write-input-token-count`. Models sold through AWS
 * Marketplace ("Claude 3.5 Sonnet (Amazon Bedrock Edition)") use usage types such as
 * `USE1-MP:USE1_InputTokenCount-Units`; their model is the product name.
 *
 * The usage amount counts pricing units: with pricing/unit "1K tokens" one unit is 1,000 tokens
 * (Bedrock's price list has long been per 1K tokens), with "1M tokens" a million, with "tokens" one.
 * Any other unit (Marketplace's "Units") is taken as one token and reported as an assumption.
 */
export type TokenType = 'input' | 'output' | 'cached-read' | 'cache-write';

export interface BedrockLine {
  model: string | null;
  tokenType: TokenType;
  /** Tokens per unit of usage amount, as a power of ten (3 for "1K tokens"). */
  tokenPower: number;
  /** False when the unit did not say how many tokens a unit is. */
  unitKnown: boolean;
  workload: 'inference' | 'embedding' | 'fine-tuning';
}

const REGION_PREFIX = /^[A-Z]{2,4}\d{0,2}-/;
const TOKEN_SUFFIX = /-(?:cache-(?:read|write)-)?(?:input|output)-token/i;
const TIER_SUFFIX = /-(?:batch|flex|priority|mantle|cross-?region|global)$/i;
const MARKETPLACE_EDITION = /\s*\((?:Amazon )?Bedrock Edition\)\s*$/i;
const MILLION = /(?:\b1\s*m\b|million|\bm\s*tokens?)/i;
const THOUSAND = /(?:\b1\s*k\b|thousand|1,000|\bk\s*tokens?)/i;
const BEDROCK_ITSELF = /^amazon bedrock$/i;

export function isBedrock(productCode: string, productName: string): boolean {
  return productCode.trim().toLowerCase() === 'amazonbedrock' || productName.toLowerCase().includes('bedrock');
}

export function tokenTypeOf(usageType: string): TokenType | null {
  const lower = usageType.toLowerCase();
  if (!lower.includes('token')) return null;
  if (lower.includes('cache-read') || lower.includes('cacheread')) return 'cached-read';
  if (lower.includes('cache-write') || lower.includes('cachewrite')) return 'cache-write';
  if (lower.includes('input')) return 'input';
  if (lower.includes('output')) return 'output';
  return null;
}

/** `USE1-Claude3Sonnet-input-tokens` → `Claude3Sonnet`; null when the usage type does not name a model. */
export function modelOfUsageType(usageType: string): string | null {
  if (usageType.includes(':')) return null;
  let name = usageType.trim().replace(REGION_PREFIX, '');
  const suffix = TOKEN_SUFFIX.exec(name);
  if (!suffix) return null;
  name = name.slice(0, suffix.index);
  for (let i = 0; i < 3 && TIER_SUFFIX.test(name); i++) name = name.replace(TIER_SUFFIX, '');
  return name === '' ? null : name;
}

function tokenPowerOf(unit: string): { power: number; known: boolean } {
  if (MILLION.test(unit)) return { power: 6, known: true };
  if (THOUSAND.test(unit)) return { power: 3, known: true };
  return { power: 0, known: unit.toLowerCase().includes('token') };
}

/** The AI facts of a Bedrock token line, or null for any other line. */
export function bedrockLine(fields: { productCode: string; productName: string; productModel: string; usageType: string; unit: string }): BedrockLine | null {
  if (!isBedrock(fields.productCode, fields.productName)) return null;
  const tokenType = tokenTypeOf(fields.usageType);
  if (!tokenType) return null;
  const productName = fields.productName.trim();
  const fromProduct = productName !== '' && !BEDROCK_ITSELF.test(productName) ? productName.replace(MARKETPLACE_EDITION, '') : null;
  const model = fields.productModel.trim() || modelOfUsageType(fields.usageType) || fromProduct;
  const { power, known } = tokenPowerOf(fields.unit);
  const hint = `${fields.usageType} ${model ?? ''}`.toLowerCase();
  const workload = hint.includes('embed') ? 'embedding' : hint.includes('customiz') || hint.includes('train') ? 'fine-tuning' : 'inference';
  return { model, tokenType, tokenPower: power, unitKnown: known, workload };
}
