/**
 * A large synthetic catalog for benchmark files, with the cardinalities of a big real export:
 * 50 services, 20 sub-accounts, 10,000 resources and 200 tag combinations over five providers.
 * Built from the demo's meter builders, so benchmark lines have the same shape as the demo's.
 */
import type { BillingAccount, Region, SubAccount } from '../scripts/demo/focus-line.js';
import { tagsJson } from '../scripts/demo/focus-line.js';
import { ANTHROPIC, AWS, AZURE, GOOGLE, OPENAI } from '../scripts/demo/demo-accounts.js';
import { meter, stableHex, type DemoMeter, type Service, type TokenType } from '../scripts/demo/meter-builders.js';
import type { Random } from '../scripts/demo/prng.js';

export const BENCH_RESOURCES = 10_000;
export const BENCH_TAG_COMBINATIONS = 200;

interface ProviderSetup {
  account: BillingAccount;
  subAccounts: SubAccount[];
  regions: Region[];
  services: Array<Service & { tokens?: boolean; gpu?: boolean }>;
  models: string[];
}

const AI = 'AI and Machine Learning';
const svc = (name: string, category: string, subcategory: string, extra: { tokens?: boolean; gpu?: boolean } = {}): Service & { tokens?: boolean; gpu?: boolean } =>
  ({ name, category, subcategory, ...extra });
const subs = (type: string, prefix: string, names: string[]): SubAccount[] =>
  names.map((name, i) => ({ id: `${prefix}${String(i + 1).padStart(2, '0')}${stableHex(name, 6)}`, name, type }));
const regions = (ids: string[]): Region[] => ids.map((id) => ({ id, name: id }));

const PROVIDERS: readonly ProviderSetup[] = [
  {
    account: AWS,
    subAccounts: subs('AWS Account', '2109876543', ['ml-prod', 'ml-research', 'platform-shared', 'data-lake', 'web-prod', 'sandbox']),
    regions: regions(['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1']),
    services: [
      svc('Amazon Elastic Compute Cloud', 'Compute', 'Virtual Machines', { gpu: true }), svc('Amazon Simple Storage Service', 'Storage', 'Object Storage'),
      svc('Amazon Bedrock', AI, 'Generative AI', { tokens: true }), svc('Amazon SageMaker', AI, 'Machine Learning', { gpu: true }),
      svc('AWS Lambda', 'Compute', 'Serverless Compute'), svc('Amazon Relational Database Service', 'Databases', 'Relational'),
      svc('Amazon DynamoDB', 'Databases', 'NoSQL'), svc('Amazon ElastiCache', 'Databases', 'Caching'),
      svc('Amazon CloudFront', 'Networking', 'Content Delivery'), svc('AWS Data Transfer', 'Networking', 'Data Transfer'),
      svc('Amazon Virtual Private Cloud', 'Networking', 'Other (Networking)'), svc('Amazon CloudWatch', 'Management and Governance', 'Observability'),
      svc('Amazon Elastic Kubernetes Service', 'Compute', 'Containers'), svc('Amazon Elastic Block Store', 'Storage', 'Block Storage'),
      svc('Amazon Redshift', 'Databases', 'Data Warehouse'), svc('Amazon Kinesis', 'Analytics', 'Streaming Analytics'),
      svc('Amazon OpenSearch Service', 'Analytics', 'Search'), svc('AWS Glue', 'Analytics', 'Data Processing'),
      svc('Amazon Simple Queue Service', 'Integration', 'Messaging'), svc('AWS Secrets Manager', 'Security', 'Credentials'),
    ],
    models: ['claude-sonnet-4', 'claude-haiku', 'llama-3-70b', 'titan-embed-text-v2'],
  },
  {
    account: AZURE,
    subAccounts: subs('Subscription', '3f9c2a7e-5b1d-4e8a-9c6f-', ['ai-prod', 'research-sandbox', 'corp-it', 'analytics']),
    regions: regions(['eastus', 'westeurope', 'swedencentral']),
    services: [
      svc('Virtual Machines', 'Compute', 'Virtual Machines', { gpu: true }), svc('Virtual Machine Scale Sets', 'Compute', 'Virtual Machines', { gpu: true }),
      svc('Storage Accounts', 'Storage', 'Object Storage'), svc('Azure OpenAI', AI, 'Generative AI', { tokens: true }),
      svc('Azure Machine Learning', AI, 'Machine Learning', { gpu: true }), svc('Azure Kubernetes Service', 'Compute', 'Containers'),
      svc('Azure SQL Database', 'Databases', 'Relational'), svc('Azure Cosmos DB', 'Databases', 'NoSQL'),
      svc('Bandwidth', 'Networking', 'Data Transfer'), svc('Azure Monitor', 'Management and Governance', 'Observability'),
      svc('Azure Functions', 'Compute', 'Serverless Compute'), svc('Azure AI Search', 'Analytics', 'Search'),
    ],
    models: ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-large'],
  },
  {
    account: GOOGLE,
    subAccounts: subs('Project', 'nw-project-', ['search-prod', 'research-ml', 'data-platform', 'web']),
    regions: regions(['us-central1', 'europe-west4', 'asia-northeast1']),
    services: [
      svc('Compute Engine', 'Compute', 'Virtual Machines', { gpu: true }), svc('Kubernetes Engine', 'Compute', 'Containers'),
      svc('Cloud Storage', 'Storage', 'Object Storage'), svc('Vertex AI', AI, 'Machine Learning', { tokens: true }),
      svc('BigQuery', 'Databases', 'Data Warehouse'), svc('Cloud SQL', 'Databases', 'Relational'),
      svc('Networking', 'Networking', 'Data Transfer'), svc('Cloud Run', 'Compute', 'Serverless Compute'),
      svc('Cloud Logging', 'Management and Governance', 'Observability'), svc('Pub/Sub', 'Integration', 'Messaging'),
      svc('Cloud Spanner', 'Databases', 'Relational'), svc('Memorystore', 'Databases', 'Caching'),
    ],
    models: ['gemini-2.5-flash', 'gemini-2.5-pro'],
  },
  {
    account: OPENAI,
    subAccounts: subs('Project', 'proj_', ['search', 'helpdesk', 'research']),
    regions: [],
    services: [svc('OpenAI API', AI, 'Generative AI', { tokens: true }), svc('OpenAI Batch API', AI, 'Generative AI', { tokens: true }), svc('OpenAI Fine-tuning', AI, 'Generative AI', { tokens: true })],
    models: ['gpt-4o', 'gpt-4o-mini', 'o3', 'text-embedding-3-large'],
  },
  {
    account: ANTHROPIC,
    subAccounts: subs('Workspace', 'wrkspc_', ['support-bot', 'research', 'code-assistant']),
    regions: [],
    services: [svc('Claude API', AI, 'Generative AI', { tokens: true }), svc('Claude Batch API', AI, 'Generative AI', { tokens: true }), svc('Claude Code', AI, 'Generative AI', { tokens: true })],
    models: ['claude-sonnet-4', 'claude-haiku', 'claude-opus-4'],
  },
];

const TEAMS = ['search', 'support-bot', 'research', 'platform', 'marketing', 'data', 'web', 'mobile', 'security', 'finance'];
const ENVIRONMENTS = ['prod', 'staging', 'dev', 'research'] as const;
const TOKEN_TYPES: readonly TokenType[] = ['input', 'output', 'cached-read', 'cache-write'];
const PROJECTS_PER_TEAM = 5;
/** Which provider hosts each of the 50 projects: AWS 20, Azure 10, Google 10, OpenAI 5, Anthropic 5. */
const PROVIDER_OF_PROJECT = [20, 10, 10, 5, 5].flatMap((count, provider) => new Array<number>(count).fill(provider));

interface TagSet {
  json: string;
  project: number;
  environment: number;
}

function tagSets(): TagSet[] {
  return TEAMS.flatMap((team, t) =>
    Array.from({ length: PROJECTS_PER_TEAM }, (_, p) => t * PROJECTS_PER_TEAM + p).flatMap((project) =>
      ENVIRONMENTS.map((environment, e) => ({
        json: tagsJson({ team, project: `${team}-project-${(project % PROJECTS_PER_TEAM) + 1}`, environment, 'cost-center': `CC-${1000 + t * 10}` }),
        project,
        environment: e,
      })),
    ),
  );
}

/** 10 teams × 5 projects × 4 environments = 200 tag sets. */
export function tagCombinations(): string[] {
  return tagSets().map((set) => set.json);
}

export function serviceCount(): number {
  return PROVIDERS.reduce((n, p) => n + p.services.length, 0);
}

export function subAccountCount(): number {
  return PROVIDERS.reduce((n, p) => n + p.subAccounts.length, 0);
}

/** Where a project runs: one provider, a sub-account per environment, a few services, one or two regions. */
interface Placement {
  provider: ProviderSetup;
  services: ProviderSetup['services'];
  regions: Array<Region | null>;
}

function placeProjects(random: Random): Placement[] {
  return PROVIDER_OF_PROJECT.map((index) => {
    const provider = PROVIDERS[index] as ProviderSetup;
    const services = random.shuffled(provider.services).slice(0, Math.min(provider.services.length, random.int(4, 8)));
    const regions = provider.regions.length === 0 ? [null] : [random.pick(provider.regions), random.pick(provider.regions)];
    return { provider, services, regions };
  });
}

/**
 * One meter per resource. Resources cluster as in real accounts: a project (with its tag sets)
 * lives in one sub-account per environment and uses a few services in one or two regions;
 * 5 % of resources are untagged. Prices and volumes drawn from `random`.
 */
export function benchMeters(random: Random, resources: number = BENCH_RESOURCES): DemoMeter[] {
  const sets = tagSets();
  const placements = placeProjects(random);
  const services = PROVIDERS.flatMap((provider) => provider.services.map((service) => ({ provider, service })));
  return Array.from({ length: resources }, (_, index) => {
    // The first 50 resources cover every service once (in a project of the service's provider).
    const forced = index < services.length ? services[index] : undefined;
    const set = forced
      ? random.pick(sets.filter((s) => placements[s.project]?.provider === forced.provider))
      : random.pick(sets);
    const placement = placements[set.project] as Placement;
    const provider = placement.provider;
    const service = forced?.service ?? random.pick(placement.services);
    const subAccount = provider.subAccounts[(set.project + set.environment) % provider.subAccounts.length] as SubAccount;
    const region = random.pick(placement.regions);
    const hex = stableHex(`bench-resource-${index}`, 17);
    const slug = service.name.replaceAll(' ', '-').toLowerCase();
    const resource = { id: `${provider.account.providerName.toLowerCase().replace(' ', '-')}:${subAccount.id}:${slug}/r-${hex}`, name: `${slug}-${index}`, type: 'Resource' };
    const common = {
      key: `bench-${index}`, account: provider.account, subAccount, service, region, resource,
      tags: random.next() < 0.05 ? null : set.json,
      usage: { base: 1 + 200 * random.next() ** 3, weekendFactor: random.pick([1, 0.6, 0.3]), monthlyGrowth: 0.08, noise: 0.1 },
    };
    if (service.tokens) {
      const model = random.pick(provider.models);
      const tokenType = random.pick(TOKEN_TYPES);
      return meter({ ...common, skuId: `${model}-${tokenType}`, description: `${model} ${tokenType} tokens`, pricingUnit: '1000 Tokens', consumedUnit: 'Tokens', consumedPerPricingUnit: 1000,
        listUnitPrice: Math.round(random.next() * 15_000) / 1e6 + 0.000075, usage: { ...common.usage, base: 1000 * common.usage.base, step: 0.001 },
        ai: { model, tokenType, workload: 'inference', apiKey: `key-${stableHex(`${subAccount.id}-${model}`, 8)}`, countsTokens: true } });
    }
    if (service.gpu && random.next() < 0.2) {
      const gpus = random.pick([1, 4, 8]);
      return meter({ ...common, skuId: `gpu-${gpus}x-h100`, description: `GPU instance with ${gpus}× H100, hours`, pricingUnit: 'Hours', listUnitPrice: 12.29 * gpus, discount: 0.06,
        usage: { ...common.usage, base: 1 + 23 * random.next() }, ai: { workload: random.pick(['training', 'inference', 'fine-tuning'] as const), gpusPerPricingUnit: gpus } });
    }
    const sku = random.int(1, 6);
    return meter({ ...common, skuId: `${service.name.replaceAll(' ', '')}-sku-${sku}`, description: `${service.name} usage, SKU ${sku}`, pricingUnit: 'Units', listUnitPrice: Math.round(random.next() * 2_000_000) / 1e6 + 0.001 });
  });
}
