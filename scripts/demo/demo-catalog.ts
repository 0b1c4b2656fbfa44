/**
 * The demo's meters: what Northwind AI runs and pays for. AI-heavy: GPU training and inference
 * pools, managed AI services, LLM tokens by model; plus the ordinary storage, network, database
 * and support costs around them. Volumes are a weekday at the start of August 2026.
 */
import { ANTHROPIC, AWS, AZURE, GOOGLE, OPENAI, REGION, SUB, teamTags } from './demo-accounts.js';
import { SERVICE } from './demo-services.js';
import type { Incident } from './demo-usage.js';
import type { Meter, Region, SubAccount } from './focus-line.js';
import { meter, stableHex, tokenMeters, type DemoMeter, type TokenType } from './meter-builders.js';

type Prices = Readonly<Partial<Record<TokenType, number>>>;

/** List prices per 1000 tokens. */
const PRICE = {
  'gpt-4o': { input: 0.0025, output: 0.01, 'cached-read': 0.00125 },
  'gpt-4o-mini': { input: 0.00015, output: 0.0006, 'cached-read': 0.000075 },
  // Reasoning tokens are billed at the output price.
  o3: { input: 0.002, output: 0.008, 'cached-read': 0.0005, reasoning: 0.008 },
  'text-embedding-3-large': { input: 0.00013 },
  'claude-sonnet-4': { input: 0.003, output: 0.015, 'cached-read': 0.0003, 'cache-write': 0.00375 },
  'claude-haiku': { input: 0.0008, output: 0.004, 'cached-read': 0.00008, 'cache-write': 0.001 },
  'gemini-2.5-flash': { input: 0.0003, output: 0.0025, 'cached-read': 0.000075 },
} as const satisfies Record<string, Prices>;

const M = 1_000_000;

const ec2Arn = (region: Region, account: SubAccount, name: string): string =>
  `arn:aws:ec2:${region.id}:${account.id}:instance/i-0${stableHex(name, 16)}`;
const azureId = (sub: SubAccount, group: string, provider: string, name: string): string =>
  `/subscriptions/${sub.id}/resourceGroups/${group}/providers/${provider}/${name}`;

function llmTokens(): DemoMeter[] {
  const openAi = { account: OPENAI, service: SERVICE.openAiApi, region: null };
  const anthropic = { account: ANTHROPIC, service: SERVICE.claudeApi, region: null };
  return [
    ...tokenMeters({ ...openAi, key: 'oai-search-embed', subAccount: SUB.openAiSearch, model: 'text-embedding-3-large', prices: PRICE['text-embedding-3-large'],
      tokensPerDay: { input: 420 * M }, tags: teamTags('search', 'semantic-search', 'prod'), workload: 'embedding', apiKey: 'key-search-indexer', weekendFactor: 0.6, monthlyGrowth: 0.09 }),
    ...tokenMeters({ ...openAi, key: 'oai-search-mini', subAccount: SUB.openAiSearch, model: 'gpt-4o-mini', prices: PRICE['gpt-4o-mini'],
      tokensPerDay: { input: 180 * M, output: 18 * M, 'cached-read': 90 * M }, tags: teamTags('search', 'semantic-search', 'prod'), workload: 'inference', apiKey: 'key-search-prod', weekendFactor: 0.55, monthlyGrowth: 0.1 }),
    ...tokenMeters({ ...openAi, key: 'oai-search-mini-staging', subAccount: SUB.openAiSearch, model: 'gpt-4o-mini', prices: PRICE['gpt-4o-mini'],
      tokensPerDay: { input: 9 * M, output: 1 * M, 'cached-read': 4 * M }, tags: teamTags('search', 'semantic-search', 'staging'), workload: 'inference', apiKey: 'key-search-staging', weekendFactor: 0.2, monthlyGrowth: 0.06 }),
    ...tokenMeters({ ...openAi, key: 'oai-helpdesk-4o', subAccount: SUB.openAiSupport, model: 'gpt-4o', prices: PRICE['gpt-4o'],
      tokensPerDay: { input: 45 * M, output: 9 * M, 'cached-read': 70 * M }, tags: teamTags('support-bot', 'helpdesk-assistant', 'prod'), workload: 'inference', apiKey: 'key-helpdesk-prod', weekendFactor: 0.6, monthlyGrowth: 0.09 }),
    ...tokenMeters({ ...openAi, key: 'oai-helpdesk-4o-staging', subAccount: SUB.openAiSupport, model: 'gpt-4o', prices: PRICE['gpt-4o'],
      tokensPerDay: { input: 2 * M, output: 0.4 * M, 'cached-read': 3 * M }, tags: teamTags('support-bot', 'helpdesk-assistant', 'staging'), workload: 'inference', apiKey: 'key-helpdesk-staging', weekendFactor: 0.15, monthlyGrowth: 0.05 }),
    ...tokenMeters({ ...openAi, key: 'oai-research-o3', subAccount: SUB.openAiResearch, model: 'o3', prices: PRICE.o3,
      tokensPerDay: { input: 28 * M, output: 6 * M, 'cached-read': 8 * M, reasoning: 16 * M }, tags: teamTags('research', 'evals', 'research'), workload: 'inference', apiKey: 'key-research-evals', user: 'm.okafor@northwind.ai', weekendFactor: 0.3, monthlyGrowth: 0.1 }),
    ...tokenMeters({ ...openAi, key: 'oai-research-4o', subAccount: SUB.openAiResearch, model: 'gpt-4o', prices: PRICE['gpt-4o'],
      tokensPerDay: { input: 12 * M, output: 3 * M, 'cached-read': 4 * M }, tags: teamTags('research', 'evals', 'research'), workload: 'inference', apiKey: 'key-research-evals', user: 'm.okafor@northwind.ai', weekendFactor: 0.3, monthlyGrowth: 0.08 }),
    ...tokenMeters({ ...openAi, key: 'oai-marketing-mini', subAccount: SUB.openAiMarketing, model: 'gpt-4o-mini', prices: PRICE['gpt-4o-mini'],
      tokensPerDay: { input: 25 * M, output: 8 * M, 'cached-read': 5 * M }, tags: teamTags('marketing', 'content-gen', 'prod'), workload: 'inference', apiKey: 'key-marketing-cms', weekendFactor: 0.25, monthlyGrowth: 0.08 }),
    ...tokenMeters({ ...openAi, key: 'oai-marketing-4o', subAccount: SUB.openAiMarketing, model: 'gpt-4o', prices: PRICE['gpt-4o'],
      tokensPerDay: { input: 6 * M, output: 2 * M, 'cached-read': 1 * M }, tags: teamTags('marketing', 'content-gen', 'prod'), workload: 'inference', apiKey: 'key-marketing-cms', weekendFactor: 0.25, monthlyGrowth: 0.08 }),
    ...tokenMeters({ ...anthropic, key: 'ant-support-haiku', subAccount: SUB.anthropicSupport, model: 'claude-haiku', prices: PRICE['claude-haiku'],
      tokensPerDay: { input: 150 * M, output: 15 * M, 'cached-read': 300 * M, 'cache-write': 10 * M }, tags: teamTags('support-bot', 'helpdesk-assistant', 'prod'), workload: 'inference', apiKey: 'key-support-router', weekendFactor: 0.6, monthlyGrowth: 0.09 }),
    ...tokenMeters({ ...anthropic, key: 'ant-research-sonnet', subAccount: SUB.anthropicResearch, model: 'claude-sonnet-4', prices: PRICE['claude-sonnet-4'],
      tokensPerDay: { input: 35 * M, output: 7 * M, 'cached-read': 50 * M, 'cache-write': 4 * M }, tags: teamTags('research', 'evals', 'research'), workload: 'inference', apiKey: 'key-research-agents', user: 'j.lindqvist@northwind.ai', weekendFactor: 0.3, monthlyGrowth: 0.1 }),
    ...tokenMeters({ ...anthropic, key: 'ant-platform-sonnet', subAccount: SUB.anthropicPlatform, model: 'claude-sonnet-4', prices: PRICE['claude-sonnet-4'],
      tokensPerDay: { input: 70 * M, output: 11 * M, 'cached-read': 180 * M, 'cache-write': 8 * M }, tags: teamTags('platform', 'code-assistant', 'prod'), workload: 'inference', apiKey: 'key-code-assistant', weekendFactor: 0.15, monthlyGrowth: 0.1 }),
    ...tokenMeters({ ...anthropic, key: 'ant-platform-sonnet-dev', subAccount: SUB.anthropicPlatform, model: 'claude-sonnet-4', prices: PRICE['claude-sonnet-4'],
      tokensPerDay: { input: 6 * M, output: 1 * M, 'cached-read': 12 * M }, tags: teamTags('platform', 'code-assistant', 'dev'), workload: 'inference', apiKey: 'key-code-assistant-dev', weekendFactor: 0.1, monthlyGrowth: 0.07 }),
  ];
}

function managedAi(): DemoMeter[] {
  const bedrockModel = (region: Region, model: string): { id: string; name: string; type: string } => ({
    id: `arn:aws:bedrock:${region.id}::foundation-model/anthropic.${model}-v1:0`, name: model, type: 'Foundation Model',
  });
  const aoaiDeployment = (account: string, deployment: string): { id: string; name: string; type: string } => ({
    id: azureId(SUB.azureProd, 'rg-ai-prod', 'Microsoft.CognitiveServices', `accounts/${account}/deployments/${deployment}`), name: deployment, type: 'Azure OpenAI deployment',
  });
  const bedrock = { account: AWS, subAccount: SUB.awsProd, service: SERVICE.bedrock, publisherName: 'Anthropic' };
  const aoai = { account: AZURE, subAccount: SUB.azureProd, service: SERVICE.azureOpenAi };
  const sagemaker = { account: AWS, service: SERVICE.sagemaker, discount: 0.06, pricingUnit: 'Hours' };
  return [
    ...tokenMeters({ ...bedrock, key: 'bedrock-search-sonnet-use1', region: REGION.usEast1, resource: bedrockModel(REGION.usEast1, 'claude-sonnet-4'), model: 'claude-sonnet-4', prices: PRICE['claude-sonnet-4'],
      tokensPerDay: { input: 55 * M, output: 6 * M, 'cached-read': 100 * M }, tags: teamTags('search', 'semantic-search', 'prod'), workload: 'inference', weekendFactor: 0.55, monthlyGrowth: 0.09 }),
    ...tokenMeters({ ...bedrock, key: 'bedrock-search-sonnet-usw2', region: REGION.usWest2, resource: bedrockModel(REGION.usWest2, 'claude-sonnet-4'), model: 'claude-sonnet-4', prices: PRICE['claude-sonnet-4'],
      tokensPerDay: { input: 14 * M, output: 1.5 * M, 'cached-read': 25 * M }, tags: teamTags('search', 'semantic-search', 'prod'), workload: 'inference', weekendFactor: 0.55, monthlyGrowth: 0.09 }),
    ...tokenMeters({ ...bedrock, key: 'bedrock-support-haiku-euw1', region: REGION.euWest1, resource: bedrockModel(REGION.euWest1, 'claude-haiku'), model: 'claude-haiku', prices: PRICE['claude-haiku'],
      tokensPerDay: { input: 40 * M, output: 4 * M }, tags: teamTags('support-bot', 'helpdesk-assistant', 'prod'), workload: 'inference', weekendFactor: 0.6, monthlyGrowth: 0.08 }),
    ...tokenMeters({ ...aoai, key: 'aoai-marketing-4o', region: REGION.swedenCentral, resource: aoaiDeployment('nw-aoai-sweden', 'gpt-4o'), model: 'gpt-4o', prices: PRICE['gpt-4o'],
      tokensPerDay: { input: 30 * M, output: 6 * M, 'cached-read': 10 * M }, tags: teamTags('marketing', 'content-gen', 'prod'), workload: 'inference', weekendFactor: 0.3, monthlyGrowth: 0.08 }),
    ...tokenMeters({ ...aoai, key: 'aoai-support-mini', region: REGION.eastUs, resource: aoaiDeployment('nw-aoai-eastus', 'gpt-4o-mini'), model: 'gpt-4o-mini', prices: PRICE['gpt-4o-mini'],
      tokensPerDay: { input: 60 * M, output: 10 * M, 'cached-read': 20 * M }, tags: teamTags('support-bot', 'helpdesk-assistant', 'prod'), workload: 'inference', weekendFactor: 0.6, monthlyGrowth: 0.09 }),
    ...tokenMeters({ ...aoai, key: 'aoai-search-eval-4o', region: REGION.eastUs, resource: aoaiDeployment('nw-aoai-eastus', 'gpt-4o-eval'), model: 'gpt-4o', prices: PRICE['gpt-4o'],
      tokensPerDay: { input: 8 * M, output: 1.2 * M, 'cached-read': 2 * M }, tags: teamTags('search', 'relevance-evals', 'staging'), workload: 'inference', weekendFactor: 0.1, monthlyGrowth: 0.06 }),
    ...tokenMeters({ account: GOOGLE, subAccount: SUB.gcpResearch, service: SERVICE.vertex, key: 'vertex-research-flash', region: REGION.usCentral1, model: 'gemini-2.5-flash', prices: PRICE['gemini-2.5-flash'],
      tokensPerDay: { input: 90 * M, output: 18 * M, 'cached-read': 30 * M }, tags: teamTags('research', 'evals', 'research'), workload: 'inference', weekendFactor: 0.35, monthlyGrowth: 0.1 }),
    meter({ key: 'vertex-search-endpoint', account: GOOGLE, subAccount: SUB.gcpSearch, service: SERVICE.vertex, region: REGION.europeWest4,
      resource: { id: 'projects/nw-search-prod/locations/europe-west4/endpoints/4418093127745', name: 'reranker-eu', type: 'Endpoint' },
      skuId: 'vertex-prediction-n1-standard-8-t4', description: 'Vertex AI online prediction, n1-standard-8 with NVIDIA T4, node hours', pricingUnit: 'Hours', listUnitPrice: 0.9548,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 72, weekendFactor: 0.75, monthlyGrowth: 0.07, noise: 0.06 },
      ai: { workload: 'inference', gpusPerPricingUnit: 1 } }),
    meter({ ...sagemaker, key: 'sagemaker-search-endpoint', subAccount: SUB.awsProd, region: REGION.usEast1,
      resource: { id: 'arn:aws:sagemaker:us-east-1:210987654321:endpoint/search-reranker-prod', name: 'search-reranker-prod', type: 'Endpoint' },
      skuId: 'ml.g5.2xlarge-hosting', description: 'SageMaker real-time inference, ml.g5.2xlarge', listUnitPrice: 1.515,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 96, weekendFactor: 0.85, monthlyGrowth: 0.07, noise: 0.03 },
      ai: { workload: 'inference', gpusPerPricingUnit: 1 } }),
    meter({ ...sagemaker, key: 'sagemaker-search-endpoint-staging', subAccount: SUB.awsProd, region: REGION.usEast1,
      resource: { id: 'arn:aws:sagemaker:us-east-1:210987654321:endpoint/search-reranker-staging', name: 'search-reranker-staging', type: 'Endpoint' },
      skuId: 'ml.g5.xlarge-hosting', description: 'SageMaker real-time inference, ml.g5.xlarge', listUnitPrice: 1.408,
      tags: teamTags('search', 'semantic-search', 'staging'), usage: { base: 24, weekendFactor: 1, monthlyGrowth: 0, noise: 0, weekdaysOnly: true },
      ai: { workload: 'inference', gpusPerPricingUnit: 1 } }),
    meter({ ...sagemaker, key: 'sagemaker-research-training', subAccount: SUB.awsResearch, region: REGION.usEast1,
      resource: { id: 'arn:aws:sagemaker:us-east-1:320987654321:training-job/evals-reward-model', name: 'evals-reward-model', type: 'Training Job' },
      skuId: 'ml.p4d.24xlarge-training', description: 'SageMaker training, ml.p4d.24xlarge', listUnitPrice: 37.688,
      tags: teamTags('research', 'evals', 'research'), usage: { base: 6, weekendFactor: 1, monthlyGrowth: 0.05, noise: 0.35, weekdaysOnly: true },
      ai: { workload: 'training', gpusPerPricingUnit: 8 } }),
    meter({ ...sagemaker, key: 'sagemaker-research-notebooks', subAccount: SUB.awsResearch, region: REGION.usEast1,
      resource: { id: 'arn:aws:sagemaker:us-east-1:320987654321:domain/d-research', name: 'research-studio', type: 'Studio Domain' },
      skuId: 'ml.g5.xlarge-studio', description: 'SageMaker Studio notebooks, ml.g5.xlarge', listUnitPrice: 1.408,
      tags: teamTags('research', 'llm-finetune', 'research'), usage: { base: 30, weekendFactor: 0.1, monthlyGrowth: 0.06, noise: 0.2 },
      ai: { workload: 'training', gpusPerPricingUnit: 1, user: 'a.chen@northwind.ai' } }),
  ];
}

function gpuPools(): DemoMeter[] {
  return [
    meter({ key: 'gpu-aws-p5-train', account: AWS, subAccount: SUB.awsResearch, service: SERVICE.ec2, region: REGION.usEast1, availabilityZone: 'us-east-1a',
      resource: { id: 'arn:aws:eks:us-east-1:320987654321:nodegroup/research-train/p5-pool/6ac4e2b1', name: 'research-train/p5-pool', type: 'EKS Node Group' },
      skuId: 'p5.48xlarge', description: 'p5.48xlarge Linux on-demand instance-hours (8× NVIDIA H100)', pricingUnit: 'Hours', listUnitPrice: 55.04, discount: 0.06,
      tags: teamTags('research', 'llm-pretrain', 'research'), usage: { base: 60, weekendFactor: 1, monthlyGrowth: 0.075, noise: 0.04 },
      ai: { workload: 'training', gpusPerPricingUnit: 8 } }),
    meter({ key: 'gpu-azure-ndh100-finetune', account: AZURE, subAccount: SUB.azureResearch, service: SERVICE.azureVmss, region: REGION.swedenCentral,
      resource: { id: azureId(SUB.azureResearch, 'rg-finetune', 'Microsoft.Compute', 'virtualMachineScaleSets/vmss-ndh100-ft'), name: 'vmss-ndh100-ft', type: 'Virtual machine scale set' },
      skuId: 'Standard_ND96isr_H100_v5', description: 'ND96isr H100 v5 (8× NVIDIA H100) Linux, scale set instance-hours', pricingUnit: 'Hours', listUnitPrice: 98.32, discount: 0.05,
      tags: teamTags('research', 'llm-finetune', 'research'), usage: { base: 14, weekendFactor: 0.2, monthlyGrowth: 0.08, noise: 0.15 },
      ai: { workload: 'fine-tuning', gpusPerPricingUnit: 8 } }),
    meter({ key: 'gpu-gke-a100-inference', account: GOOGLE, subAccount: SUB.gcpSearch, service: SERVICE.computeEngine, region: REGION.usCentral1,
      resource: { id: 'projects/nw-search-prod/zones/us-central1-a/instanceGroups/gke-search-a100-pool-8c2f', name: 'gke-search/a100-pool', type: 'GKE Node Pool' },
      skuId: 'a2-highgpu-1g', description: 'A2 instance a2-highgpu-1g (1× NVIDIA A100) running in Americas, GKE node pool', pricingUnit: 'Hours', listUnitPrice: 3.673,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 192, weekendFactor: 0.7, monthlyGrowth: 0.08, noise: 0.05 },
      ai: { workload: 'inference', gpusPerPricingUnit: 1 } }),
    meter({ key: 'azure-disks-ndh100', account: AZURE, subAccount: SUB.azureResearch, service: SERVICE.azureDisks, region: REGION.swedenCentral,
      resource: { id: azureId(SUB.azureResearch, 'rg-finetune', 'Microsoft.Compute', 'disks/ft-shared-data'), name: 'ft-shared-data', type: 'Disk' },
      skuId: 'Premium SSD v2 Capacity', description: 'Premium SSD v2 provisioned capacity, GB-Months', pricingUnit: 'GB-Months', listUnitPrice: 0.0811,
      tags: teamTags('research', 'llm-finetune', 'research'), usage: { base: 32_768 / 30.4375, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } }),
    meter({ key: 'gcp-pd-a100-pool', account: GOOGLE, subAccount: SUB.gcpSearch, service: SERVICE.computeEngine, region: REGION.usCentral1,
      resource: { id: 'projects/nw-search-prod/zones/us-central1-a/instanceGroups/gke-search-a100-pool-8c2f', name: 'gke-search/a100-pool', type: 'GKE Node Pool' },
      skuId: 'pd-ssd-us-central1', description: 'SSD backed PD capacity, GB-Months', pricingUnit: 'GB-Months', listUnitPrice: 0.17,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 4_000 / 30.4375, weekendFactor: 0.7, monthlyGrowth: 0.08, noise: 0.05 } }),
    meter({ key: 'gke-search-cluster', account: GOOGLE, subAccount: SUB.gcpSearch, service: SERVICE.gke, region: REGION.usCentral1,
      resource: { id: 'projects/nw-search-prod/locations/us-central1/clusters/gke-search', name: 'gke-search', type: 'Cluster' },
      skuId: 'gke-cluster-management', description: 'GKE cluster management fee (Standard)', pricingUnit: 'Hours', listUnitPrice: 0.1,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 24, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } }),
    meter({ key: 'eks-research-cluster', account: AWS, subAccount: SUB.awsResearch, service: SERVICE.eks, region: REGION.usEast1,
      resource: { id: 'arn:aws:eks:us-east-1:320987654321:cluster/research-train', name: 'research-train', type: 'Cluster' },
      skuId: 'eks-cluster-hours', description: 'Amazon EKS cluster hours', pricingUnit: 'Hours', listUnitPrice: 0.1,
      tags: teamTags('research', 'llm-pretrain', 'research'), usage: { base: 24, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } }),
    meter({ key: 'ebs-research-train', account: AWS, subAccount: SUB.awsResearch, service: SERVICE.ebs, region: REGION.usEast1,
      resource: { id: 'arn:aws:ec2:us-east-1:320987654321:volume/vol-research-train-scratch', name: 'research-train scratch volumes', type: 'Volume' },
      skuId: 'EBS:VolumeUsage.io2', description: 'io2 provisioned storage, GB-Months', pricingUnit: 'GB-Months', listUnitPrice: 0.125,
      tags: teamTags('research', 'llm-pretrain', 'research'), usage: { base: 2133.3333, weekendFactor: 1, monthlyGrowth: 0.05, noise: 0.01 } }),
  ];
}

function storageAndNetwork(): DemoMeter[] {
  const s3 = (key: string, bucket: string, gb: number, price: number, tags: string | null): DemoMeter =>
    meter({ key, account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.s3, region: REGION.usEast1,
      resource: { id: `arn:aws:s3:::${bucket}`, name: bucket, type: 'Bucket' },
      skuId: 'S3:TimedStorage-ByteHrs', description: 'Standard storage, GB-Months', pricingUnit: 'GB-Months', listUnitPrice: price,
      tags, usage: { base: gb / 30.4375, weekendFactor: 1, monthlyGrowth: 0.06, noise: 0.005 } });
  return [
    s3('s3-training-data', 'nw-training-data', 380_000, 0.023, teamTags('research', 'llm-pretrain', 'research')),
    s3('s3-checkpoints', 'nw-model-checkpoints', 150_000, 0.023, teamTags('research', 'llm-pretrain', 'research')),
    s3('s3-search-index', 'nw-search-index', 22_000, 0.023, teamTags('search', 'semantic-search', 'prod')),
    s3('s3-app-logs', 'nw-app-logs', 60_000, 0.0125, teamTags('platform', 'shared-infra', 'prod')),
    meter({ key: 's3-training-requests', account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.s3, region: REGION.usEast1,
      resource: { id: 'arn:aws:s3:::nw-training-data', name: 'nw-training-data', type: 'Bucket' },
      skuId: 'S3:Requests-Tier1', description: 'PUT, COPY, POST or LIST requests', pricingUnit: '1000 Requests', consumedUnit: 'Requests', consumedPerPricingUnit: 1000, listUnitPrice: 0.005,
      tags: teamTags('research', 'llm-pretrain', 'research'), usage: { base: 9000, weekendFactor: 0.8, monthlyGrowth: 0.07, noise: 0.12, step: 0.001 } }),
    meter({ key: 'azure-blob-finetune', account: AZURE, subAccount: SUB.azureResearch, service: SERVICE.azureStorage, region: REGION.swedenCentral,
      resource: { id: azureId(SUB.azureResearch, 'rg-finetune', 'Microsoft.Storage', 'storageAccounts/nwfinetunedata'), name: 'nwfinetunedata', type: 'Storage account' },
      skuId: 'Hot LRS Data Stored', description: 'Blob storage, Hot LRS, GB-Months', pricingUnit: 'GB-Months', listUnitPrice: 0.0184,
      tags: teamTags('research', 'llm-finetune', 'research'), usage: { base: 90_000 / 30.4375, weekendFactor: 1, monthlyGrowth: 0.06, noise: 0.005 } }),
    meter({ key: 'gcs-search-corpus', account: GOOGLE, subAccount: SUB.gcpSearch, service: SERVICE.gcs, region: REGION.usCentral1,
      resource: { id: 'projects/_/buckets/nw-search-corpus', name: 'nw-search-corpus', type: 'Bucket' },
      skuId: 'gcs-standard-us-central1', description: 'Standard Storage US Regional, GB-Months', pricingUnit: 'GB-Months', listUnitPrice: 0.02,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 40_000 / 30.4375, weekendFactor: 1, monthlyGrowth: 0.06, noise: 0.005 } }),
    meter({ key: 'aws-dto-use1', account: AWS, subAccount: SUB.awsProd, service: SERVICE.dataTransfer, region: REGION.usEast1, resource: null,
      skuId: 'DataTransfer-Out-Bytes', description: 'Data transfer out to the internet, GB', pricingUnit: 'GB', listUnitPrice: 0.09,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 2500, weekendFactor: 0.65, monthlyGrowth: 0.08, noise: 0.08 } }),
    meter({ key: 'aws-inter-region', account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.dataTransfer, region: REGION.usEast1, resource: null,
      skuId: 'DataTransfer-Regional-Bytes', description: 'Inter-region data transfer us-east-1 to eu-west-1, GB', pricingUnit: 'GB', listUnitPrice: 0.02,
      tags: null, usage: { base: 800, weekendFactor: 0.8, monthlyGrowth: 0.05, noise: 0.1 } }),
    meter({ key: 'aws-nat-hours', account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.vpc, region: REGION.usEast1,
      resource: { id: 'arn:aws:ec2:us-east-1:430987654321:natgateway/nat-shared', name: 'nat-shared (3 AZs)', type: 'NAT Gateway' },
      skuId: 'NatGateway-Hours', description: 'NAT gateway hours', pricingUnit: 'Hours', listUnitPrice: 0.045,
      tags: teamTags('platform', 'shared-infra', 'prod'), usage: { base: 72, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } }),
    meter({ key: 'aws-nat-bytes', account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.vpc, region: REGION.usEast1,
      resource: { id: 'arn:aws:ec2:us-east-1:430987654321:natgateway/nat-shared', name: 'nat-shared (3 AZs)', type: 'NAT Gateway' },
      skuId: 'NatGateway-Bytes', description: 'NAT gateway data processed, GB', pricingUnit: 'GB', listUnitPrice: 0.045,
      tags: null, usage: { base: 4000, weekendFactor: 0.7, monthlyGrowth: 0.07, noise: 0.1 } }),
    meter({ key: 'cloudfront-search', account: AWS, subAccount: SUB.awsProd, service: SERVICE.cloudFront, region: null,
      resource: { id: 'arn:aws:cloudfront::210987654321:distribution/E2NWSEARCH7Q', name: 'search.northwind.ai', type: 'Distribution' },
      skuId: 'CloudFront-DataTransfer-Out-US', description: 'CloudFront data transfer out, United States, GB', pricingUnit: 'GB', listUnitPrice: 0.085,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 1800, weekendFactor: 0.7, monthlyGrowth: 0.08, noise: 0.07 } }),
    meter({ key: 'azure-bandwidth', account: AZURE, subAccount: SUB.azureProd, service: SERVICE.azureBandwidth, region: REGION.eastUs, resource: null,
      skuId: 'Standard Data Transfer Out', description: 'Data transfer out, Zone 1, GB', pricingUnit: 'GB', listUnitPrice: 0.087,
      tags: null, usage: { base: 400, weekendFactor: 0.6, monthlyGrowth: 0.06, noise: 0.1 } }),
    meter({ key: 'gcp-egress', account: GOOGLE, subAccount: SUB.gcpSearch, service: SERVICE.gcpNetworking, region: REGION.usCentral1, resource: null,
      skuId: 'network-internet-egress-americas', description: 'Network Internet Data Transfer Out from Americas to Americas, GB', pricingUnit: 'GB', listUnitPrice: 0.12,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 900, weekendFactor: 0.7, monthlyGrowth: 0.08, noise: 0.08 } }),
  ];
}

function platform(): DemoMeter[] {
  const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
  const instance = (index: number, type: string, price: number, environment: 'prod' | 'staging'): DemoMeter => {
    const name = `platform-${environment}-${type.replace('.', '-')}-${index + 1}`;
    return meter({ key: `ec2-${name}`, account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.ec2, region: REGION.usEast1, availabilityZone: zones[index % 3] as string,
      resource: { id: ec2Arn(REGION.usEast1, SUB.awsPlatform, name), name, type: 'Instance' },
      skuId: type, description: `${type} Linux on-demand instance-hours`, pricingUnit: 'Hours', listUnitPrice: price, discount: 0.06,
      tags: teamTags('platform', 'shared-infra', environment),
      usage: environment === 'prod' ? { base: 24, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } : { base: 24, weekendFactor: 1, monthlyGrowth: 0, noise: 0, weekdaysOnly: true } });
  };
  return [
    ...Array.from({ length: 8 }, (_, i) => instance(i, 'm7i.2xlarge', 0.4032, 'prod')),
    ...Array.from({ length: 4 }, (_, i) => instance(i, 'm7i.xlarge', 0.2016, 'staging')),
    meter({ key: 'rds-platform', account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.rds, region: REGION.usEast1,
      resource: { id: 'arn:aws:rds:us-east-1:430987654321:db:platform-main', name: 'platform-main (Multi-AZ)', type: 'DB Instance' },
      skuId: 'db.r6g.2xlarge-postgres-multiaz', description: 'RDS for PostgreSQL db.r6g.2xlarge Multi-AZ instance-hours', pricingUnit: 'Hours', listUnitPrice: 1.712, discount: 0.06,
      tags: teamTags('platform', 'shared-infra', 'prod'), usage: { base: 24, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } }),
    meter({ key: 'elasticache-search', account: AWS, subAccount: SUB.awsProd, service: SERVICE.elastiCache, region: REGION.usEast1,
      resource: { id: 'arn:aws:elasticache:us-east-1:210987654321:replicationgroup:search-cache', name: 'search-cache', type: 'Replication Group' },
      skuId: 'cache.r7g.large', description: 'ElastiCache cache.r7g.large node-hours', pricingUnit: 'Hours', listUnitPrice: 0.219, discount: 0.06,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 72, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } }),
    meter({ key: 'cloudwatch-logs', account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.cloudWatch, region: REGION.usEast1, resource: null,
      skuId: 'CW:DataProcessing-Bytes', description: 'CloudWatch Logs ingestion, GB', pricingUnit: 'GB', listUnitPrice: 0.5,
      tags: teamTags('platform', 'shared-infra', 'prod'), usage: { base: 260, weekendFactor: 0.75, monthlyGrowth: 0.07, noise: 0.08 } }),
    meter({ key: 'cloudwatch-metrics', account: AWS, subAccount: SUB.awsProd, service: SERVICE.cloudWatch, region: REGION.usEast1, resource: null,
      skuId: 'CW:MetricMonitorUsage', description: 'CloudWatch custom metrics, prorated per day', pricingUnit: 'Units', listUnitPrice: 0.01,
      tags: teamTags('search', 'semantic-search', 'prod'), usage: { base: 2400, weekendFactor: 1, monthlyGrowth: 0.04, noise: 0.02, step: 1 } }),
    meter({ key: 'lambda-platform', account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.lambda, region: REGION.usEast1, resource: null,
      skuId: 'Lambda-GB-Second', description: 'AWS Lambda compute, 1000 GB-Seconds', pricingUnit: '1000 GB-Seconds', consumedUnit: 'GB-Seconds', consumedPerPricingUnit: 1000,
      listUnitPrice: 0.016667, tags: teamTags('platform', 'shared-infra', 'prod'), usage: { base: 4200, weekendFactor: 0.6, monthlyGrowth: 0.06, noise: 0.1, step: 0.001 } }),
    meter({ key: 'secrets-platform', account: AWS, subAccount: SUB.awsPlatform, service: SERVICE.secretsManager, region: REGION.usEast1, resource: null,
      skuId: 'SecretsManager-Secrets', description: 'Secrets Manager secrets, prorated per day', pricingUnit: 'Units', listUnitPrice: 0.013333,
      tags: teamTags('platform', 'shared-infra', 'prod'), usage: { base: 140, weekendFactor: 1, monthlyGrowth: 0.03, noise: 0, step: 1 } }),
  ];
}

/** Every meter billed daily, in file order. */
export const DAILY_METERS: readonly DemoMeter[] = [...gpuPools(), ...managedAi(), ...llmTokens(), ...storageAndNetwork(), ...platform()];

/** Billed on the first day of each month. */
export interface MonthlyCharge {
  meter: Meter;
  /** A priced quantity, or (for credits) an amount. */
  charge: { quantity: number } | { amount: number };
}

export const MONTHLY_CHARGES: readonly MonthlyCharge[] = [
  {
    meter: meter({ key: 'aws-enterprise-support', account: AWS, subAccount: { id: AWS.id, name: 'management', type: 'AWS Account' }, service: SERVICE.support, region: null, resource: null,
      skuId: 'AWSSupportEnterprise', description: 'AWS Enterprise Support, monthly fee', pricingUnit: 'Months', listUnitPrice: 15000,
      tags: null, chargeCategory: 'Purchase', chargeFrequency: 'Recurring', usage: { base: 1, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } }).meter,
    charge: { quantity: 1 },
  },
  {
    meter: {
      ...meter({ key: 'aws-genai-credit', account: AWS, subAccount: SUB.awsProd, service: SERVICE.bedrock, region: null, resource: null,
        skuId: 'PromotionalCredit', description: 'AWS Generative AI Accelerator promotional credit applied to Amazon Bedrock', pricingUnit: '',
        consumedUnit: null, listUnitPrice: 0, tags: null, chargeCategory: 'Credit', chargeFrequency: 'One-Time', usage: { base: 0, weekendFactor: 1, monthlyGrowth: 0, noise: 0 } }).meter,
      pricingCategory: null,
      skuPriceId: null,
    },
    charge: { amount: -4000 },
  },
];

/**
 * The two incidents, for the anomaly detector to find: a fine-tuning job that kept 8 H100 VMs
 * busy over a weekend, and a retry loop in the support bot resending prompts to claude-haiku.
 */
export const DEMO_INCIDENTS: readonly Incident[] = [
  {
    name: 'runaway fine-tuning job',
    meterKey: 'gpu-azure-ndh100-finetune',
    // 8 instances left running from Friday evening until Monday morning.
    effects: { '2026-09-18': { add: 40 }, '2026-09-19': { add: 192 }, '2026-09-20': { add: 192 }, '2026-09-21': { add: 64 } },
  },
  ...(['input', 'cached-read', 'output'] as const).map((tokenType) => ({
    name: 'support-bot retry loop',
    meterKey: `ant-support-haiku:${tokenType}`,
    effects: {
      '2026-10-14': { scale: tokenType === 'output' ? 3 : 9 },
      '2026-10-15': { scale: tokenType === 'output' ? 3 : 9 },
    },
  })),
];
